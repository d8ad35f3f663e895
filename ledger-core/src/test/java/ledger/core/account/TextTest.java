package ledger.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one check every voucher, memo and name goes through. */
class TextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u202E",
                "\u202D",
                "\u2066",
                "\u200B",
                "\u200E",
                "\u00AD",
                "\u2060",
                "\uDB40\uDC01"
            })
    void invisibleFormatCharactersAreRefusedNamingTheField(String format) {
        // Goal: "付款\u202E001-2202" shows reversed to an auditor; what is stored must be what is
        // read.
        assertThatThrownBy(() -> Text.clean("memo", "付款" + format + "办公用品", Text.MEMO_MAX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("memo 含有不可见的格式字符 U+")
                .hasMessageContaining("第 3 个字符");
        assertThatThrownBy(() -> Text.clean("unit_name", format + "江汉区", Text.NAME_MAX))
                .hasMessageStartingWith("unit_name 含有不可见的格式字符");
    }

    @Test
    void theCharacterIsNamedByItsCodePoint() {
        assertThatThrownBy(() -> Text.clean("voucher", "记-\u202E01", Text.VOUCHER_MAX))
                .hasMessageContaining("U+202E");
        assertThatThrownBy(() -> Text.clean("voucher", "记-\uDB40\uDC01", Text.VOUCHER_MAX))
                .hasMessageContaining("U+E0001");
    }

    @Test
    void visibleTextOfEveryScriptPasses() {
        assertThat(Text.clean("memo", "  支付 2020 年办公用品费（含税）— №15 ½ ★ 😀 ", Text.MEMO_MAX))
                .isEqualTo("支付 2020 年办公用品费（含税）— №15 ½ ★ 😀");
        assertThat(Text.clean("memo", "第一行\n第二行", Text.MEMO_MAX)).isEqualTo("第一行 第二行");
    }
}
