package ledger.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import ledger.core.classification.FundSource;
import ledger.core.money.Money;
import org.junit.jupiter.api.Test;

/** One catalog, two languages: every reason code has both, and figures are yuan with separators. */
class ReasonTest {

    @Test
    void aReasonIsChineseByDefaultAndEnglishOnRequest() {
        Reason overspent =
                Reason.of(
                        "expenditure.exceedsFunds",
                        Money.ofFen(999_999_900),
                        Money.ZERO,
                        Money.ZERO,
                        Money.ofFen(7_050_000),
                        Money.ofFen(7_050_000));
        assertThat(overspent.chinese())
                .isEqualTo(
                        "支出 9,999,999.00 元超过该预算行可用资金 0.00 元（年初结转 0.00 + 本年拨款"
                                + " 70,500.00 − 已支出 70,500.00）");
        assertThat(overspent.render(Locale.forLanguageTag("zh-TW"))).isEqualTo(overspent.chinese());
        assertThat(overspent.render(Locale.US))
                .isEqualTo(
                        "expenditure of 9,999,999.00 yuan exceeds the funds available"
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
    void transferRefusalsAreChineseWithEnglishOnRequest() {
        // Goal: the transfer rules, once English inside Chinese pages, come from the catalog in
        // both languages.
        Reason top =
                Reason.of(
                        "transfer.subsidyNotSubordinate",
                        "school",
                        2020,
                        Reason.of("transfer.noParent"),
                        "street-office");
        assertThat(top.chinese())
                .isEqualTo("对附属单位补助只能拨给直属下级单位：school 在 2020 年的上级是 （无，本级），不是 street-office");
        assertThat(top.render(Locale.ENGLISH))
                .isEqualTo(
                        "a subsidy goes to a direct subordinate: the parent of school"
                                + " in 2020 is (none: top level), not street-office");
        Reason fiscal = Reason.of("transfer.fiscalFund", FundSource.GENERAL);
        assertThat(fiscal.chinese()).startsWith("财政拨款（一般公共预算财政拨款）不能用于单位间划转");
        assertThat(fiscal.render(Locale.ENGLISH))
                .startsWith("fund general is a fiscal appropriation");
        Reason overspent =
                Reason.of(
                        "transfer.exceedsFunds",
                        Money.ofFen(13_000_001),
                        Money.ofFen(13_000_000),
                        Money.ZERO,
                        Money.ofFen(13_000_000),
                        Money.ZERO);
        assertThat(overspent.chinese())
                .isEqualTo(
                        "划转 130,000.01 元超过付款单位该预算行可用资金 130,000.00 元（年初结转 0.00"
                                + " + 本年拨款 130,000.00 − 已支出 0.00）");
        assertThat(overspent.render(Locale.ENGLISH))
                .isEqualTo(
                        "the transfer of 130,000.01 yuan exceeds the funds"
                                + " available on the paying unit's line: 130,000.00 (opening 0.00 + received 130,000.00 − spent 0.00)");
        assertThat(Reason.of("reversal.transferLeg", "T-1").chinese())
                .startsWith("T-1 是单位间划转的一条分录，不能单独冲销");
        assertThat(Reason.of("reversal.transferLeg", "T-1").render(Locale.ENGLISH))
                .startsWith("T-1 is one leg of a transfer between units");
    }

    @Test
    void noReasonShowsEnglishInsideChineseOrChineseGlossesInEnglish() throws IOException {
        // Goal: no mixed "中文 (English)" reason: the Chinese catalog is Chinese (codes, ids and
        // commands aside).
        Properties chinese = load("messages.properties");
        for (String code : chinese.stringPropertyNames()) {
            assertThat(chinese.getProperty(code))
                    .as(code)
                    .doesNotContainPattern("\\([a-z]+ [a-z]+ [a-z]+");
        }
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
            properties.load(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
