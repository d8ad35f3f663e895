package ledger.core.account;

import static ledger.core.LedgerFixtures.UNIT;
import static ledger.core.LedgerFixtures.YEAR;
import static ledger.core.LedgerFixtures.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ledger.core.classification.EconomicCode;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccountKeyTest {

    @Test
    void anAccountIsPostedAtXiangAndKuan() {
        // Goal: a budget line names a 功能分类 项 and an 经济分类 款.
        AccountKey key = account(FundSource.GENERAL, "2010301", "30101");
        assertThat(key.functional()).isEqualTo(FunctionalCode.of("2010301"));
        assertThat(key.economic()).isEqualTo(EconomicCode.of("30101"));
    }

    @Test
    void theIdPrefixOfAYearOrAUnitYearStartsEveryIdInIt() {
        // Goal: statements straight from the event store select a year's (or unit-year's) accounts
        // by the start of their ids.
        AccountKey key = account(FundSource.GENERAL, "2010301", "30101");
        assertThat(key.id()).startsWith(AccountKey.idPrefix(YEAR, null));
        assertThat(key.id()).startsWith(AccountKey.idPrefix(YEAR, UNIT));
        assertThat(AccountKey.idPrefix(YEAR, UNIT)).isEqualTo(YEAR + "/" + UNIT + "/");
        assertThat(key.id()).doesNotStartWith(AccountKey.idPrefix(YEAR.next(), null));
    }

    @Test
    void aFunctionalCodeAboveXiangIsRefused() {
        // Goal: postings at 款 or 类 would make the 项 rows of the statements incomplete.
        assertThatThrownBy(() -> account(FundSource.GENERAL, "20103", "30101"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("记账的功能分类必须是项（7 位数字），而不是款 20103");
        assertThatThrownBy(() -> account(FundSource.GENERAL, "201", "30101"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("项");
    }

    @Test
    void anEconomicLeiIsRefused() {
        // Goal: 表6 needs the 款 of every basic expenditure.
        assertThatThrownBy(() -> account(FundSource.GENERAL, "2010301", "301"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("记账的经济分类必须是款（5 位数字），而不是类 301")
                .satisfies(
                        refused ->
                                assertThat(
                                                ((ledger.core.text.Refusal) refused)
                                                        .reason(java.util.Locale.ENGLISH))
                                        .isEqualTo(
                                                "economic code of a posting must be a 款 (5 digits), not the 类 301"));
    }

    @Test
    void everyPartIsRequired() {
        // Goal: a missing part is named.
        assertThatThrownBy(
                        () ->
                                new AccountKey(
                                        YEAR,
                                        UNIT,
                                        null,
                                        FunctionalCode.of("2010301"),
                                        EconomicCode.of("30101")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("资金来源为必填项");
        assertThatThrownBy(
                        () ->
                                new AccountKey(
                                        null,
                                        UNIT,
                                        FundSource.GENERAL,
                                        FunctionalCode.of("2010301"),
                                        EconomicCode.of("30101")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("年度为必填项");
    }

    @Test
    void theIdReadsAsYearUnitFundFunctionalEconomic() {
        // Goal: the aggregate identifier is readable in the event store.
        assertThat(account(FundSource.GOV_FUND, "2010301", "30101").id())
                .isEqualTo("2020/jianghan-gov-office/gov-fund/2010301/30101");
        assertThat(account(FundSource.GENERAL, "2010301", "30101").toString())
                .isEqualTo("2020/jianghan-gov-office/general/2010301/30101");
    }

    @ParameterizedTest
    @EnumSource(FundSource.class)
    void theIdRoundTripsThroughParse(FundSource fund) {
        // Goal: an id read back from the event store names the same account.
        AccountKey key = account(fund, "2210201", "30113");
        assertThat(AccountKey.parse(key.id())).isEqualTo(key);
    }

    @Test
    void parseRefusesWhatIsNotAnAccountId() {
        // Goal: a malformed id is refused, never half-read.
        assertThatThrownBy(() -> AccountKey.parse("2020/jianghan-gov-office/general/2010301"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "不是预算行编号（年度/单位/资金来源/功能分类/经济分类）：2020/jianghan-gov-office/general/2010301");
        assertThatThrownBy(
                        () -> AccountKey.parse("2020/jianghan-gov-office/general/2010301/30101/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("不是预算行编号")
                .satisfies(
                        refused ->
                                assertThat(
                                                ((ledger.core.text.Refusal) refused)
                                                        .reason(java.util.Locale.ENGLISH))
                                        .startsWith(
                                                "not an account id (year/unit/fund/functional/economic): "));
        assertThatThrownBy(() -> AccountKey.parse("2020/jianghan-gov-office/cash/2010301/30101"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("未知的资金来源「cash」");
        assertThatThrownBy(() -> AccountKey.parse("year/jianghan-gov-office/general/2010301/30101"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNextYearIsTheSameBudgetLine() {
        // Goal: carry-over goes to the same line one year on.
        AccountKey key = account(FundSource.GENERAL, "2010301", "30101");
        AccountKey next = key.nextYear();
        assertThat(next.year()).isEqualTo(YEAR.next());
        assertThat(next.unit()).isEqualTo(key.unit());
        assertThat(next.fund()).isEqualTo(key.fund());
        assertThat(next.functional()).isEqualTo(key.functional());
        assertThat(next.economic()).isEqualTo(key.economic());
    }
}
