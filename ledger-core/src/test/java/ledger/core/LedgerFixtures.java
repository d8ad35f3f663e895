package ledger.core;

import java.time.LocalDate;
import ledger.core.account.AccountKey;
import ledger.core.account.BudgetAccount;
import ledger.core.account.Entry;
import ledger.core.account.FiscalYear;
import ledger.core.account.LedgerRegistry;
import ledger.core.account.UnitCode;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.core.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * Test data for the ledger-core tests: the seed's unit and year, a few budget lines of it, and
 * short ways to write amounts and entries, so that each test shows only the figures it is about.
 */
public final class LedgerFixtures {

    /** The unit of the seed, 武汉市江汉区人民政府办公室. */
    public static final UnitCode UNIT = UnitCode.of("jianghan-gov-office");

    public static final FiscalYear YEAR = FiscalYear.of(2020);

    private LedgerFixtures() {}

    /**
     * The aggregate fixture on the production path: the registry as the handler's resource, and the
     * command routing the application registers on its command bus.
     */
    public static FixtureConfiguration<BudgetAccount> budgetAccountFixture(
            LedgerRegistry registry) {
        FixtureConfiguration<BudgetAccount> fixture =
                new AggregateTestFixture<>(BudgetAccount.class);
        fixture.registerInjectableResource(registry);
        fixture.registerCommandDispatchInterceptor(BudgetAccount.commandRouting());
        return fixture;
    }

    public static Money fen(long fen) {
        return Money.ofFen(fen);
    }

    public static Money yuan(String text) {
        return Money.parseYuan(text);
    }

    public static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(YEAR.value(), month, dayOfMonth);
    }

    public static Entry entry(String id, LocalDate date) {
        return Entry.of(id, date);
    }

    public static AccountKey account(FundSource fund, String functional, String economic) {
        return new AccountKey(
                YEAR, UNIT, fund, FunctionalCode.of(functional), EconomicCode.of(economic));
    }

    /** 一般公共预算 / 行政运行 / 基本工资: a 人员经费 line. */
    public static AccountKey generalPersonnelAccount() {
        return account(FundSource.GENERAL, "2010301", "30101");
    }

    /** 一般公共预算 / 行政运行 / 办公费: a 公用经费 line. */
    public static AccountKey generalPublicAccount() {
        return account(FundSource.GENERAL, "2010301", "30201");
    }

    /** 其他收入 / 一般行政管理事务 / 办公费: a line without a budget cap. */
    public static AccountKey otherFundAccount() {
        return account(FundSource.OTHER, "2010302", "30201");
    }
}
