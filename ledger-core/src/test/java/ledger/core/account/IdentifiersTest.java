package ledger.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * UnitCode, ProjectCode, TransactionId, FiscalYear and Entry: the small value types of an account.
 */
class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"jianghan-gov-office", "a", "0unit", "unit-2"})
    void unitCodesAreLowerCaseLettersDigitsAndHyphens(String code) {
        // Goal: a unit code is safe in URLs, file names and account ids.
        assertThat(UnitCode.of(code).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jianghan", "-unit", "unit/a", "unit a", "单位", "unit_a"})
    void otherUnitCodesAreRefused(String code) {
        // Goal: upper case, slashes, spaces and the like are refused, naming the rule.
        assertThatThrownBy(() -> UnitCode.of(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("小写字母、数字或连字符");
    }

    @Test
    void aUnitCodeHasAtMostSixtyFourCharacters() {
        // Goal: a limit on everything: 64 characters pass, 65 do not.
        assertThat(UnitCode.of("u".repeat(64)).code()).hasSize(64);
        assertThatThrownBy(() -> UnitCode.of("u".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnitCode.of(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("单位为必填项");
    }

    @Test
    void projectCodesAllowLettersDigitsAndPunctuationOfReferenceNumbers() {
        // Goal: a project keeps the code the finance office gave it.
        assertThat(ProjectCode.of("JH2020-P04").code()).isEqualTo("JH2020-P04");
        assertThat(ProjectCode.of("p_1.2").toString()).isEqualTo("p_1.2");
        assertThatThrownBy(() -> ProjectCode.of("扶贫"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("项目代码应为 1–64 个字母、数字或 _ . -，以字母或数字开头：扶贫")
                .satisfies(
                        refused ->
                                assertThat(
                                                ((ledger.core.text.Refusal) refused)
                                                        .reason(java.util.Locale.ENGLISH))
                                        .isEqualTo(
                                                "a project code is 1–64 letters, digits, '_', '.' or '-', starting with a letter"
                                                        + " or digit: 扶贫"));
        assertThatThrownBy(() -> ProjectCode.of("-P04"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProjectCode.of(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("项目为必填项");
    }

    @Test
    void transactionIdsAllowTheSeparatorsOfVoucherNumbers() {
        // Goal: a client's own ids, such as 2020/03:015 or A-1.2_b, are kept as given.
        assertThat(TransactionId.of("2020/03:015").value()).isEqualTo("2020/03:015");
        assertThat(TransactionId.of("A-1.2_b")).isEqualTo(TransactionId.of("A-1.2_b"));
        assertThat(TransactionId.of("x".repeat(64)).value()).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "/start", "交易1", "a,b", "a\"b"})
    void otherTransactionIdsAreRefused(String id) {
        // Goal: ids that would not survive a CSV or a URL are refused, naming the rule.
        assertThatThrownBy(() -> TransactionId.of(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("交易号应为 1–64 个字母、数字");
    }

    @Test
    void aTransactionIdHasAtMostSixtyFourCharacters() {
        // Goal: 65 characters are refused; a blank id is missing.
        assertThatThrownBy(() -> TransactionId.of("x".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionId.of(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("交易号为必填项");
    }

    @Test
    void aFiscalYearIsACalendarYear() {
        // Goal: a date belongs to the fiscal year of its calendar year; the year runs Jan 1 – Dec
        // 31.
        FiscalYear year = FiscalYear.of(2020);
        assertThat(year.firstDay()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(year.lastDay()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(year.contains(LocalDate.of(2020, 12, 31))).isTrue();
        assertThat(year.contains(LocalDate.of(2021, 1, 1))).isFalse();
        assertThat(year.contains(LocalDate.of(2019, 12, 31))).isFalse();
        assertThat(year.next()).isEqualTo(FiscalYear.of(2021));
        assertThat(FiscalYear.of(LocalDate.of(2020, 6, 1))).isEqualTo(year);
        assertThat(year.toString()).isEqualTo("2020");
        assertThat(year).isLessThan(FiscalYear.of(2021));
    }

    @Test
    void fiscalYearsOutsideTheSupportedRangeAreRefused() {
        // Goal: a mistyped year (2O20 read as 220, 20200) cannot open an account.
        assertThat(FiscalYear.of(FiscalYear.FIRST).value()).isEqualTo(2000);
        assertThat(FiscalYear.of(FiscalYear.LAST).value()).isEqualTo(2100);
        assertThatThrownBy(() -> FiscalYear.of(1999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("预算年度应在 2000 至 2100 年之间，而这里是 1999")
                .satisfies(
                        refused ->
                                assertThat(
                                                ((ledger.core.text.Refusal) refused)
                                                        .reason(java.util.Locale.ENGLISH))
                                        .isEqualTo(
                                                "a fiscal year is between 2000 and 2100, got 1999"));
        assertThatThrownBy(() -> FiscalYear.of(2101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2000 至 2100 年之间");
    }

    @Test
    void anEntryCleansItsVoucherAndMemo() {
        // Goal: free text is stripped, empty when absent, limited in length and free of control
        // characters.
        Entry entry =
                new Entry(TransactionId.of("t1"), LocalDate.of(2020, 3, 15), "  记-015 ", null);
        assertThat(entry.voucher()).isEqualTo("记-015");
        assertThat(entry.memo()).isEmpty();
        assertThat(entry.year()).isEqualTo(FiscalYear.of(2020));
        assertThat(
                        new Entry(
                                        TransactionId.of("t1"),
                                        LocalDate.of(2020, 3, 15),
                                        "",
                                        "摘".repeat(500))
                                .memo())
                .hasSize(500);
        assertThatThrownBy(
                        () ->
                                new Entry(
                                        TransactionId.of("t1"),
                                        LocalDate.of(2020, 3, 15),
                                        "",
                                        "摘".repeat(501)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("摘要超过 500 个字符");
        assertThatThrownBy(
                        () ->
                                new Entry(
                                        TransactionId.of("t1"),
                                        LocalDate.of(2020, 3, 15),
                                        "a\u0000b",
                                        ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("凭证号在第 2 个字符处含有控制字符");
    }

    @Test
    void anEntryNeedsAnIdAndADateInASupportedYear() {
        // Goal: id and date are required, and the date fixes a fiscal year the ledger supports.
        assertThatThrownBy(() -> new Entry(null, LocalDate.of(2020, 3, 15), "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("交易号为必填项");
        assertThatThrownBy(() -> new Entry(TransactionId.of("t1"), null, "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("日期为必填项");
        assertThatThrownBy(() -> Entry.of("t1", LocalDate.of(1999, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("预算年度应在 2000 至 2100 年之间");
    }
}
