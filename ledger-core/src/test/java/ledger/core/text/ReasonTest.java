package ledger.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Properties;
import java.io.IOException;
import java.io.InputStream;
import ledger.core.classification.FundSource;
import ledger.core.money.Money;
import org.junit.jupiter.api.Test;

/** One catalog, two languages: every reason code has both, and figures are yuan with separators. */
class ReasonTest {

    @Test
    void aReasonIsChineseByDefaultAndEnglishOnRequest() {
        Reason overspent = Reason.of("expenditure.exceedsFunds", Money.ofFen(999_999_900), Money.ZERO, Money.ZERO,
                Money.ofFen(7_050_000), Money.ofFen(7_050_000));
        assertThat(overspent.chinese()).isEqualTo("支出 9,999,999.00 元超过该预算行可用资金 0.00 元（年初结转 0.00 + 本年拨款"
                + " 70,500.00 − 已支出 70,500.00）");
        assertThat(overspent.render(Locale.forLanguageTag("zh-TW"))).isEqualTo(overspent.chinese());
        assertThat(overspent.render(Locale.US)).isEqualTo("expenditure of 9,999,999.00 yuan exceeds the funds available"
                + " on this line: 0.00 (opening 0.00 + received 70,500.00 − spent 70,500.00)");
    }

    @Test
    void namedValuesAndFieldsAreShownInTheLanguageOfTheMessage() {
        Reason missing = Reason.of("field.required", FieldName.of("fund"));
        assertThat(missing.chinese()).isEqualTo("资金来源为必填项");
        assertThat(missing.render(Locale.ENGLISH)).isEqualTo("fund is required");
        Reason kind = Reason.of("reversal.already", FundSource.GENERAL, "v1");
        assertThat(kind.chinese()).startsWith("一般公共预算财政拨款 已被 v1");
        assertThat(kind.render(Locale.ENGLISH)).startsWith("general was already reversed");
    }

    @Test
    void everyCodeHasBothLanguagesAndNoOther() throws IOException {
        Properties chinese = load("messages.properties");
        Properties english = load("messages_en.properties");
        assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
        assertThat(chinese.stringPropertyNames()).hasSizeGreaterThan(20);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Reason.class.getResourceAsStream(name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
