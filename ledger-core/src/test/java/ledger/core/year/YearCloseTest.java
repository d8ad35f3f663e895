package ledger.core.year;

import static ledger.core.LedgerFixtures.UNIT;
import static ledger.core.LedgerFixtures.YEAR;
import static ledger.core.LedgerFixtures.account;
import static ledger.core.LedgerFixtures.day;
import static ledger.core.LedgerFixtures.entry;
import static ledger.core.LedgerFixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ledger.core.account.AccountBook;
import ledger.core.account.AccountEvent;
import ledger.core.account.AccountKey;
import ledger.core.account.AppropriateFunds;
import ledger.core.account.BalanceCarriedForward;
import ledger.core.account.BalanceCarriedIn;
import ledger.core.account.Entry;
import ledger.core.account.ExpenditureRecorded;
import ledger.core.account.FiscalYear;
import ledger.core.account.FundsAppropriated;
import ledger.core.account.InMemoryLedgerRegistry;
import ledger.core.account.InitialBudgetSet;
import ledger.core.account.OpeningBalanceRecorded;
import ledger.core.account.RecordOpeningBalance;
import ledger.core.account.RecordedTransaction;
import ledger.core.account.RuleViolation;
import ledger.core.account.Spending;
import ledger.core.account.TransactionId;
import ledger.core.account.UnitCode;
import ledger.core.account.YearStatus;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.core.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 结转: YearClose.plan carries every remaining balance into the same line of the next year. */
class YearCloseTest {

    private static final FiscalYear NEXT = YEAR.next();
    private static final LocalDate DEC_31 = day(12, 31);

    /** 300.00 left: budget 1000.00, received 1000.00, spent 700.00. */
    private static final AccountKey WAGES = account(FundSource.GENERAL, "2010301", "30101");

    /** Nothing left: opening 50.00 + received 200.00 − spent 250.00. */
    private static final AccountKey OFFICE = account(FundSource.GENERAL, "2010302", "30201");

    /** Budget only: 500.00 of authority, no money. */
    private static final AccountKey PENSION = account(FundSource.GENERAL, "2080505", "30108");

    /** 100.01 left, from 其他收入. */
    private static final AccountKey OTHER = account(FundSource.OTHER, "2010301", "30201");

    /** The closing side's entry: the ledger's own id for the account, Dec 31 of the closed year. */
    private static Entry forward(String id) {
        return new Entry(TransactionId.of(id), DEC_31, "", "年末结转和结余结转下年");
    }

    /** The opening side's entry: Jan 1 of the next year. */
    private static Entry in(String id) {
        return new Entry(TransactionId.of(id), NEXT.firstDay(), "", "上年结转和结余");
    }

    private InMemoryLedgerRegistry registry;
    private Map<AccountKey, AccountBook> nextYearBooks;

    @BeforeEach
    void setUp() {
        registry = new InMemoryLedgerRegistry();
        nextYearBooks = new HashMap<>();
    }

    private static AccountBook book(AccountKey key, AccountEvent... history) {
        AccountBook book = new AccountBook(key);
        for (AccountEvent event : history) {
            book.apply(event);
        }
        return book;
    }

    private static List<AccountBook> theUnitsBooks() {
        return List.of(
                book(OTHER, new FundsAppropriated(OTHER, entry("a4", day(2, 1)), yuan("100.01"))),
                book(
                        WAGES,
                        new InitialBudgetSet(WAGES, entry("b1", day(1, 2)), yuan("1000.00")),
                        new FundsAppropriated(WAGES, entry("a1", day(2, 1)), yuan("1000.00")),
                        new ExpenditureRecorded(
                                WAGES,
                                entry("x1", day(3, 1)),
                                yuan("700.00"),
                                Spending.of(ExpenditureNature.PERSONNEL))),
                book(
                        OFFICE,
                        new OpeningBalanceRecorded(OFFICE, entry("o2", day(1, 1)), yuan("50.00")),
                        new FundsAppropriated(OFFICE, entry("a2", day(2, 1)), yuan("200.00")),
                        new ExpenditureRecorded(
                                OFFICE,
                                entry("x2", day(3, 1)),
                                yuan("250.00"),
                                Spending.of(ExpenditureNature.PUBLIC))),
                book(
                        PENSION,
                        new InitialBudgetSet(PENSION, entry("b3", day(1, 2)), yuan("500.00"))));
    }

    private YearClose.Plan close(List<AccountBook> books, LocalDate closedOn) {
        return YearClose.plan(
                UNIT,
                YEAR,
                closedOn,
                books,
                key -> nextYearBooks.computeIfAbsent(key, AccountBook::new),
                registry);
    }

    @Test
    void remainingBalancesAreCarriedForwardAndInOnBothSides() {
        // Goal: each balance leaves the old line on Dec 31 and arrives on the same line on Jan 1,
        // in key order.
        YearClose.Plan plan = close(theUnitsBooks(), DEC_31);
        assertThat(plan.accountEvents())
                .containsExactly(
                        new BalanceCarriedForward(
                                WAGES,
                                forward("close-2020:general:2010301:30101"),
                                yuan("300.00"),
                                WAGES.nextYear()),
                        new BalanceCarriedIn(
                                WAGES.nextYear(),
                                in("carry-in-2020:general:2010301:30101"),
                                yuan("300.00"),
                                WAGES),
                        new BalanceCarriedForward(
                                OTHER,
                                forward("close-2020:other:2010301:30201"),
                                yuan("100.01"),
                                OTHER.nextYear()),
                        new BalanceCarriedIn(
                                OTHER.nextYear(),
                                in("carry-in-2020:other:2010301:30201"),
                                yuan("100.01"),
                                OTHER));
    }

    @Test
    void theCarriedEventsAreDatedTheLastAndFirstDayOfTheYears() {
        // Goal: closing is dated Dec 31 of the closed year, carry-in Jan 1 of the next, whatever
        // the closing day.
        YearClose.Plan plan = close(theUnitsBooks(), LocalDate.of(2021, 1, 15));
        assertThat(plan.accountEvents())
                .filteredOn(BalanceCarriedForward.class::isInstance)
                .allSatisfy(
                        event ->
                                assertThat(event.entry().date())
                                        .isEqualTo(LocalDate.of(2020, 12, 31)));
        assertThat(plan.accountEvents())
                .filteredOn(BalanceCarriedIn.class::isInstance)
                .allSatisfy(
                        event -> {
                            assertThat(event.entry().date()).isEqualTo(LocalDate.of(2021, 1, 1));
                            assertThat(event.account().year()).isEqualTo(NEXT);
                        });
        assertThat(plan.closed().closedOn()).isEqualTo(LocalDate.of(2021, 1, 15));
    }

    @Test
    void zeroBalancesAndUnusedBudgetAreNotCarried() {
        // Goal: only money is carried; a spent-out line and budget authority leave nothing behind.
        YearClose.Plan plan = close(theUnitsBooks(), DEC_31);
        assertThat(plan.accountEvents())
                .extracting(AccountEvent::account)
                .doesNotContain(OFFICE, OFFICE.nextYear(), PENSION, PENSION.nextYear());
        assertThat(nextYearBooks).doesNotContainKeys(OFFICE.nextYear(), PENSION.nextYear());
    }

    @Test
    void theNextYearsBooksReceiveTheBalances() {
        // Goal: the plan leaves the next year's books ready to spend the carried money.
        close(theUnitsBooks(), DEC_31);
        assertThat(nextYearBooks.get(WAGES.nextYear()).available()).isEqualTo(yuan("300.00"));
        assertThat(nextYearBooks.get(OTHER.nextYear()).available()).isEqualTo(yuan("100.01"));
        assertThat(nextYearBooks.get(WAGES.nextYear()).budget()).isEqualTo(Money.ZERO);
    }

    @Test
    void theClosedYearsBooksRefuseFurtherPostings() {
        // Goal: after the plan, a carried-forward account is closed even before the registry says
        // so.
        List<AccountBook> books = theUnitsBooks();
        close(books, DEC_31);
        AccountBook other = books.get(0);
        assertThatThrownBy(
                        () ->
                                other.decide(
                                        new AppropriateFunds(
                                                OTHER, entry("a9", DEC_31), yuan("1.00")),
                                        registry))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("已结转关账");
    }

    @Test
    void fiscalYearClosedTotalsTheCarriedBalances() {
        // Goal: the closing event counts the carried accounts and sums their balances to the fen.
        YearClose.Plan plan = close(theUnitsBooks(), DEC_31);
        assertThat(plan.closed())
                .isEqualTo(new FiscalYearClosed(UNIT, YEAR, DEC_31, 2, yuan("400.01")));
    }

    @Test
    void aUnitWithNothingLeftClosesWithAnEmptyPlan() {
        // Goal: closing a spent-out year is allowed and carries nothing.
        YearClose.Plan plan = close(List.of(), DEC_31);
        assertThat(plan.accountEvents()).isEmpty();
        assertThat(plan.closed())
                .isEqualTo(new FiscalYearClosed(UNIT, YEAR, DEC_31, 0, Money.ZERO));
    }

    @Test
    void closingAClosedYearIsRefused() {
        // Goal: 结转 happens once per unit and year.
        registry.withYear(UNIT, YEAR, new YearStatus(true, false));
        assertThatThrownBy(() -> close(theUnitsBooks(), DEC_31))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("单位 jianghan-gov-office 的 2020 年度已结转关账，不能再次结转")
                .satisfies(
                        refused ->
                                assertThat(
                                                ((RuleViolation) refused)
                                                        .reason(java.util.Locale.ENGLISH))
                                        .isEqualTo(
                                                "fiscal year 2020 of unit jianghan-gov-office is already closed"));
    }

    @Test
    void closingTheSameBooksTwiceIsRefused() {
        // Goal: even before the registry is updated, books already carried forward cannot be
        // carried again.
        List<AccountBook> books = theUnitsBooks();
        close(books, DEC_31);
        assertThatThrownBy(() -> close(books, DEC_31))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("已结转关账");
    }

    @Test
    void closingBeforeTheYearsLastDayIsRefused() {
        // Goal: Dec 30 is one day too early; money could still move on Dec 31.
        assertThatThrownBy(() -> close(theUnitsBooks(), day(12, 30)))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("年度结转日期应在该年度最后一天（2020-12-31）或之后，而不是 2020-12-30")
                .satisfies(
                        refused ->
                                assertThat(
                                                ((RuleViolation) refused)
                                                        .reason(java.util.Locale.ENGLISH))
                                        .isEqualTo(
                                                "a year is closed on or after its last day (2020-12-31), not on 2020-12-30"));
    }

    @Test
    void closingWhenTheNextYearHasItsOwnOpeningTransactionsIsRefused() {
        // Goal: carrying in on top of openings typed in for the next year would count the balances
        // twice.
        AccountKey nextWages = WAGES.nextYear();
        registry.withTransaction(
                RecordedTransaction.of(
                        new RecordOpeningBalance(
                                nextWages, Entry.of("o1", NEXT.firstDay()), yuan("300.00"))));
        assertThatThrownBy(() -> close(theUnitsBooks(), DEC_31))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("单位 jianghan-gov-office 已在 2021 年度自行记录了年初结转和结余")
                .satisfies(
                        refused ->
                                assertThat(
                                                ((RuleViolation) refused)
                                                        .reason(java.util.Locale.ENGLISH))
                                        .contains("recorded opening balances of its own in 2021"));
    }

    @Test
    void anotherUnitsOpeningTransactionsDoNotMatter() {
        // Goal: the check is per unit.
        AccountKey elsewhere =
                new AccountKey(
                        NEXT,
                        UnitCode.of("another-unit"),
                        FundSource.GENERAL,
                        WAGES.functional(),
                        WAGES.economic());
        registry.withTransaction(
                RecordedTransaction.of(
                        new RecordOpeningBalance(
                                elsewhere, Entry.of("o1", NEXT.firstDay()), yuan("300.00"))));
        assertThat(close(theUnitsBooks(), DEC_31).closed().accountsCarried()).isEqualTo(2);
    }

    @Test
    void closingIntoAClosedNextYearIsRefused() {
        // Goal: balances cannot land in a year that already accepts nothing.
        registry.withYear(UNIT, NEXT, new YearStatus(true, true));
        assertThatThrownBy(() -> close(theUnitsBooks(), DEC_31))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("单位 jianghan-gov-office 的 2021 年度已结转关账，余额不能再结转进去")
                .satisfies(
                        refused ->
                                assertThat(
                                                ((RuleViolation) refused)
                                                        .reason(java.util.Locale.ENGLISH))
                                        .isEqualTo(
                                                "fiscal year 2021 of unit jianghan-gov-office is already closed; balances cannot"
                                                        + " be carried into it"));
    }

    @Test
    void aBookOfAnotherUnitOrYearIsAProgrammingError() {
        // Goal: the caller must pass this unit's books of this year only.
        AccountKey lastYear =
                new AccountKey(
                        FiscalYear.of(2019),
                        UNIT,
                        FundSource.GENERAL,
                        WAGES.functional(),
                        WAGES.economic());
        assertThatThrownBy(() -> close(List.of(new AccountBook(lastYear)), DEC_31))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an account of");
    }
}
