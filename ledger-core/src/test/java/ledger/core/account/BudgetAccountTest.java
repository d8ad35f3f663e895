package ledger.core.account;

import static ledger.core.LedgerFixtures.UNIT;
import static ledger.core.LedgerFixtures.YEAR;
import static ledger.core.LedgerFixtures.account;
import static ledger.core.LedgerFixtures.budgetAccountFixture;
import static ledger.core.LedgerFixtures.day;
import static ledger.core.LedgerFixtures.entry;
import static ledger.core.LedgerFixtures.generalPersonnelAccount;
import static ledger.core.LedgerFixtures.generalPublicAccount;
import static ledger.core.LedgerFixtures.otherFundAccount;
import static ledger.core.LedgerFixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.util.stream.Stream;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.core.classification.ProcurementType;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The BudgetAccount aggregate: given events, when a command, then the events it causes or the rule
 * it breaks. Boundaries are tested to the fen: the last accepted amount and one fen beyond it.
 */
class BudgetAccountTest {

    private static final AccountKey PERSONNEL = generalPersonnelAccount();
    private static final AccountKey PUBLIC = generalPublicAccount();
    private static final AccountKey OTHER = otherFundAccount();
    private static final ProjectCode PROJECT = ProjectCode.of("JH2020-P04");

    private InMemoryLedgerRegistry registry;
    private FixtureConfiguration<BudgetAccount> fixture;

    @BeforeEach
    void setUp() {
        registry = new InMemoryLedgerRegistry();
        fixture = newFixture(registry);
    }

    private static FixtureConfiguration<BudgetAccount> newFixture(LedgerRegistry registry) {
        return budgetAccountFixture(registry);
    }

    // Events as a test's history. Dates follow the year: budget in January, money from February.

    private static InitialBudgetSet budgetSet(AccountKey account, String amount) {
        return new InitialBudgetSet(account, entry("b1", day(1, 2)), yuan(amount));
    }

    private static BudgetSupplemented supplemented(AccountKey account, String id, String amount) {
        return new BudgetSupplemented(account, entry(id, day(1, 20)), yuan(amount));
    }

    private static BudgetReduced reduced(AccountKey account, String id, String amount) {
        return new BudgetReduced(account, entry(id, day(1, 25)), yuan(amount));
    }

    private static FundsAppropriated appropriated(AccountKey account, String id, String amount) {
        return new FundsAppropriated(account, entry(id, day(2, 10)), yuan(amount));
    }

    private static OpeningBalanceRecorded opened(AccountKey account, String amount) {
        return new OpeningBalanceRecorded(account, entry("o1", day(1, 1)), yuan(amount));
    }

    private static ExpenditureRecorded spent(
            AccountKey account, String id, String amount, Spending spending) {
        return new ExpenditureRecorded(account, entry(id, day(3, 15)), yuan(amount), spending);
    }

    private static Spending personnel() {
        return Spending.of(ExpenditureNature.PERSONNEL);
    }

    private static Spending publicSpending() {
        return Spending.of(ExpenditureNature.PUBLIC);
    }

    @Nested
    class Budget {

        @Test
        void theInitialBudgetIsSetOnAFreshAccount() {
            // Goal: 年初预算 opens an account and records its amount.
            SetInitialBudget command =
                    new SetInitialBudget(PERSONNEL, entry("b1", day(1, 2)), yuan("1000.00"));
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new InitialBudgetSet(PERSONNEL, command.entry(), yuan("1000.00")));
        }

        @Test
        void eachBudgetRowAddsAnIndicatorToTheInitialBudget() {
            // Goal: a line's 年初预算 arrives as several 指标; the second adds to the first and keeps its
            // 指标文号.
            SetInitialBudget second =
                    new SetInitialBudget(
                            PERSONNEL, entry("b2", day(1, 3)), yuan("1.00"), "财预〔2020〕12号");
            fixture.given(budgetSet(PERSONNEL, "1000.00"))
                    .when(second)
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new InitialBudgetSet(
                                    PERSONNEL, second.entry(), yuan("1.00"), "财预〔2020〕12号"));
        }

        @Test
        void twoBudgetRowsTogetherAllowTheirSumToBeAppropriated() {
            // Goal: the budget the cap checks is the sum of both 指标: 1,001.00 may be received.
            fixture.given(
                            budgetSet(PERSONNEL, "1000.00"),
                            new InitialBudgetSet(
                                    PERSONNEL, entry("b2", day(1, 3)), yuan("1.00"), "指标-2"))
                    .when(new AppropriateFunds(PERSONNEL, entry("a1", day(2, 1)), yuan("1001.00")))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void twoBudgetRowsTogetherRefuseOneFenMoreThanTheirSum() {
            // Goal: ... and not a fen more.
            fixture.given(
                            budgetSet(PERSONNEL, "1000.00"),
                            new InitialBudgetSet(
                                    PERSONNEL, entry("b2", day(1, 3)), yuan("1.00"), "指标-2"))
                    .when(new AppropriateFunds(PERSONNEL, entry("a1", day(2, 1)), yuan("1001.01")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("超过该预算行的预算"));
        }

        @Test
        void anIndicatorLongerThanSixtyFourCharactersIsRefused() {
            // Goal: 指标文号 is bounded like a voucher.
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () ->
                                    new SetInitialBudget(
                                            PERSONNEL,
                                            entry("b1", day(1, 3)),
                                            yuan("1.00"),
                                            "x".repeat(65)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("指标文号超过 64 个字符");
        }

        @Test
        void aSupplementIsRecorded() {
            // Goal: 追加预算 adds to the budget as its own event.
            fixture.given(budgetSet(PERSONNEL, "1000.00"))
                    .when(new SupplementBudget(PERSONNEL, entry("s1", day(1, 20)), yuan("200.00")))
                    .expectEvents(supplemented(PERSONNEL, "s1", "200.00"));
        }

        @Test
        void aSupplementRaisesTheCapToTheFen() {
            // Goal: after 1000.00 + 200.00 the budget is 1200.00: appropriating all of it is
            // accepted.
            fixture.given(budgetSet(PERSONNEL, "1000.00"), supplemented(PERSONNEL, "s1", "200.00"))
                    .when(new AppropriateFunds(PERSONNEL, entry("a1", day(2, 10)), yuan("1200.00")))
                    .expectEvents(appropriated(PERSONNEL, "a1", "1200.00"));
        }

        @Test
        void aSupplementRaisesTheCapByItsAmountOnly() {
            // Goal: one fen beyond budget + supplement is still refused.
            fixture.given(budgetSet(PERSONNEL, "1000.00"), supplemented(PERSONNEL, "s1", "200.00"))
                    .when(new AppropriateFunds(PERSONNEL, entry("a1", day(2, 10)), yuan("1200.01")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("预算 1,200.00 元"));
        }

        @Test
        void aReductionIsRecorded() {
            // Goal: 调减预算 takes from the budget as its own event.
            fixture.given(budgetSet(PERSONNEL, "1000.00"))
                    .when(new ReduceBudget(PERSONNEL, entry("r1", day(1, 25)), yuan("200.00")))
                    .expectEvents(reduced(PERSONNEL, "r1", "200.00"));
        }

        @Test
        void aReductionLowersTheCap() {
            // Goal: after 1000.00 − 200.00 the budget is 800.00: 800.01 is refused.
            fixture.given(budgetSet(PERSONNEL, "1000.00"), reduced(PERSONNEL, "r1", "200.00"))
                    .when(new AppropriateFunds(PERSONNEL, entry("a1", day(2, 10)), yuan("800.01")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("预算 800.00 元"));
        }

        @Test
        void reducingTheBudgetDownToExactlyTheAppropriatedAmountIsAccepted() {
            // Goal: budget 1000.00, appropriated 600.00: a reduction of 400.00 leaves budget =
            // appropriated.
            fixture.given(budgetSet(PERSONNEL, "1000.00"), appropriated(PERSONNEL, "a1", "600.00"))
                    .when(new ReduceBudget(PERSONNEL, entry("r1", day(1, 25)), yuan("400.00")))
                    .expectEvents(reduced(PERSONNEL, "r1", "400.00"));
        }

        @Test
        void reducingTheBudgetOneFenBelowTheAppropriatedAmountIsRefused() {
            // Goal: a fiscal budget never falls below what was already appropriated.
            fixture.given(budgetSet(PERSONNEL, "1000.00"), appropriated(PERSONNEL, "a1", "600.00"))
                    .when(new ReduceBudget(PERSONNEL, entry("r1", day(1, 25)), yuan("400.01")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("低于已拨款的 600.00 元"));
        }

        @Test
        void reducingABudgetBelowZeroIsRefusedForAnyFund() {
            // Goal: a budget is never negative, even where appropriations are not capped.
            fixture.given(budgetSet(OTHER, "100.00"))
                    .when(new ReduceBudget(OTHER, entry("r1", day(1, 25)), yuan("100.01")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("低于零"));
        }
    }

    @Nested
    class Appropriation {

        @Test
        void appropriatingExactlyTheBudgetIsAccepted() {
            // Goal: the upper boundary of 财政拨款: appropriated may equal the budget.
            fixture.given(budgetSet(PERSONNEL, "1000.00"), appropriated(PERSONNEL, "a1", "600.00"))
                    .when(new AppropriateFunds(PERSONNEL, entry("a2", day(2, 10)), yuan("400.00")))
                    .expectEvents(appropriated(PERSONNEL, "a2", "400.00"));
        }

        @Test
        void appropriatingOneFenMoreThanTheBudgetIsRefused() {
            // Goal: one fen beyond the remaining room is refused, naming the room.
            fixture.given(budgetSet(PERSONNEL, "1000.00"), appropriated(PERSONNEL, "a1", "600.00"))
                    .when(new AppropriateFunds(PERSONNEL, entry("a2", day(2, 10)), yuan("400.01")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("超过该预算行的预算"))
                    .expectExceptionMessage(containsString("尚可拨款 400.00 元"));
        }

        @Test
        void appropriatingFiscalFundsWithoutABudgetIsRefused() {
            // Goal: a 财政拨款 account with no budget has no room at all.
            fixture.givenNoPriorActivity()
                    .when(new AppropriateFunds(PUBLIC, entry("a1", day(2, 10)), yuan("0.01")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("超过该预算行的预算"));
        }

        @Test
        void aNonFiscalFundIsAppropriatedWithoutAnyBudget() {
            // Goal: 其他收入 and the other non-fiscal sources have no budget cap.
            fixture.givenNoPriorActivity()
                    .when(new AppropriateFunds(OTHER, entry("a1", day(2, 10)), yuan("1304200.00")))
                    .expectEvents(appropriated(OTHER, "a1", "1304200.00"));
        }

        @Test
        void aNonFiscalFundIsAppropriatedBeyondItsBudget() {
            // Goal: a budget on a non-fiscal line is informative only.
            fixture.given(budgetSet(OTHER, "100.00"))
                    .when(new AppropriateFunds(OTHER, entry("a1", day(2, 10)), yuan("100.01")))
                    .expectEvents(appropriated(OTHER, "a1", "100.01"));
        }
    }

    @Nested
    class Expenditure {

        @Test
        void spendingExactlyTheAvailableFundsIsAccepted() {
            // Goal: available = opening 50.00 + received 1000.00 − spent 300.00 = 750.00, all of it
            // spendable.
            fixture.given(
                            opened(PERSONNEL, "50.00"),
                            budgetSet(PERSONNEL, "1000.00"),
                            appropriated(PERSONNEL, "a1", "1000.00"),
                            spent(PERSONNEL, "x1", "300.00", personnel()))
                    .when(
                            new RecordExpenditure(
                                    PERSONNEL,
                                    entry("x2", day(3, 15)),
                                    yuan("750.00"),
                                    personnel()))
                    .expectEvents(spent(PERSONNEL, "x2", "750.00", personnel()));
        }

        @Test
        void spendingOneFenMoreIsRefused() {
            // Goal: one fen beyond what is available is refused, showing the sum.
            fixture.given(
                            opened(PERSONNEL, "50.00"),
                            budgetSet(PERSONNEL, "1000.00"),
                            appropriated(PERSONNEL, "a1", "1000.00"),
                            spent(PERSONNEL, "x1", "300.00", personnel()))
                    .when(
                            new RecordExpenditure(
                                    PERSONNEL,
                                    entry("x2", day(3, 15)),
                                    yuan("750.01"),
                                    personnel()))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            containsString(
                                    "支出 750.01 元超过该预算行可用资金 750.00 元（年初结转 50.00 + 本年拨款 1,000.00 − 已支出 300.00）"));
        }

        @Test
        void theOpeningBalanceCountsAsAvailable() {
            // Goal: money brought in from before the ledger may be spent without any appropriation.
            fixture.given(opened(PERSONNEL, "100.00"))
                    .when(
                            new RecordExpenditure(
                                    PERSONNEL,
                                    entry("x1", day(3, 15)),
                                    yuan("100.00"),
                                    personnel()))
                    .expectEvents(spent(PERSONNEL, "x1", "100.00", personnel()));
        }

        @Test
        void aCarriedInBalanceCountsAsAvailable() {
            // Goal: last year's closing balance may be spent this year.
            BalanceCarriedIn carriedIn =
                    new BalanceCarriedIn(
                            PERSONNEL,
                            entry("carry-in-2019", day(1, 1)),
                            yuan("100.00"),
                            new AccountKey(
                                    FiscalYear.of(2019),
                                    UNIT,
                                    FundSource.GENERAL,
                                    PERSONNEL.functional(),
                                    PERSONNEL.economic()));
            fixture.given(carriedIn)
                    .when(
                            new RecordExpenditure(
                                    PERSONNEL,
                                    entry("x1", day(3, 15)),
                                    yuan("100.00"),
                                    personnel()))
                    .expectEvents(spent(PERSONNEL, "x1", "100.00", personnel()));
        }

        @Test
        void spendingFromAnEmptyAccountIsRefused() {
            // Goal: a budget is authority, not cash: without money received nothing can be spent.
            fixture.given(budgetSet(PERSONNEL, "1000.00"))
                    .when(
                            new RecordExpenditure(
                                    PERSONNEL, entry("x1", day(3, 15)), yuan("0.01"), personnel()))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("超过该预算行可用资金"));
        }

        @Test
        void personnelSpendingOnAPublicEconomicCodeIsRefused() {
            // Goal: nature personnel on 30201 办公费 would put 公用经费 in the 人员经费 column.
            fixture.given(budgetSet(PUBLIC, "100.00"), appropriated(PUBLIC, "a1", "100.00"))
                    .when(
                            new RecordExpenditure(
                                    PUBLIC, entry("x1", day(3, 15)), yuan("1.00"), personnel()))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            containsString("支出性质「基本支出-人员经费」（personnel）只能用经济分类 301 或 303 类"));
        }

        @Test
        void publicSpendingOnAPersonnelEconomicCodeIsRefused() {
            // Goal: nature public on 30101 基本工资 is refused.
            fixture.given(budgetSet(PERSONNEL, "100.00"), appropriated(PERSONNEL, "a1", "100.00"))
                    .when(
                            new RecordExpenditure(
                                    PERSONNEL,
                                    entry("x1", day(3, 15)),
                                    yuan("1.00"),
                                    publicSpending()))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            containsString("支出性质「基本支出-公用经费」（public）不能用经济分类 301 或 303 类"));
        }

        @Test
        void remitSpendingFromTheGeneralFundIsRefused() {
            // Goal: 财政拨款 has no 上缴上级 column.
            fixture.given(budgetSet(PUBLIC, "100.00"), appropriated(PUBLIC, "a1", "100.00"))
                    .when(
                            new RecordExpenditure(
                                    PUBLIC,
                                    entry("x1", day(3, 15)),
                                    yuan("1.00"),
                                    Spending.of(ExpenditureNature.REMIT)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            containsString(
                                    "资金来源「一般公共预算财政拨款」（general，财政拨款）的支出只能是"
                                            + "人员经费、公用经费或项目支出，不能是「上缴上级支出」（remit）"));
        }

        @Test
        void remitSpendingFromANonFiscalFundIsAccepted() {
            // Goal: the same nature is fine on 其他收入.
            fixture.given(appropriated(OTHER, "a1", "100.00"))
                    .when(
                            new RecordExpenditure(
                                    OTHER,
                                    entry("x1", day(3, 15)),
                                    yuan("100.00"),
                                    Spending.of(ExpenditureNature.REMIT)))
                    .expectEvents(
                            spent(OTHER, "x1", "100.00", Spending.of(ExpenditureNature.REMIT)));
        }

        @Test
        void projectSpendingKeepsItsProjectAndProcurement() {
            // Goal: the event carries the whole spending, as the statements and the 政府采购 note need
            // it.
            Spending spending =
                    new Spending(
                            ExpenditureNature.PROJECT, PROJECT, ProcurementType.SERVICES, true);
            fixture.given(budgetSet(PUBLIC, "100.00"), appropriated(PUBLIC, "a1", "100.00"))
                    .when(
                            new RecordExpenditure(
                                    PUBLIC, entry("x1", day(3, 15)), yuan("99.99"), spending))
                    .expectEvents(spent(PUBLIC, "x1", "99.99", spending));
        }
    }

    @Nested
    class Reversal {

        @Test
        void reversingAnAppropriationUndoesIt() {
            // Goal: the reversal repeats what it undoes: kind, amount, and no spending.
            fixture.given(budgetSet(PERSONNEL, "1000.00"), appropriated(PERSONNEL, "a1", "1000.00"))
                    .when(
                            new ReverseTransaction(
                                    PERSONNEL, entry("v1", day(2, 11)), TransactionId.of("a1")))
                    .expectEvents(
                            new TransactionReversed(
                                    PERSONNEL,
                                    entry("v1", day(2, 11)),
                                    TransactionId.of("a1"),
                                    TransactionKind.APPROPRIATION,
                                    yuan("1000.00"),
                                    null));
        }

        @Test
        void aReversedAppropriationFreesItsRoomInTheBudget() {
            // Goal: after undoing 1000.00 the whole budget may be appropriated again.
            fixture.given(
                            budgetSet(PERSONNEL, "1000.00"),
                            appropriated(PERSONNEL, "a1", "1000.00"),
                            reversal(
                                    PERSONNEL,
                                    "v1",
                                    day(2, 11),
                                    "a1",
                                    TransactionKind.APPROPRIATION,
                                    "1000.00",
                                    null))
                    .when(new AppropriateFunds(PERSONNEL, entry("a2", day(2, 12)), yuan("1000.00")))
                    .expectEvents(
                            new FundsAppropriated(
                                    PERSONNEL, entry("a2", day(2, 12)), yuan("1000.00")));
        }

        @Test
        void aReversedAppropriationIsNoLongerAvailable() {
            // Goal: after undoing the only appropriation there is nothing to spend.
            fixture.given(
                            budgetSet(PERSONNEL, "1000.00"),
                            appropriated(PERSONNEL, "a1", "1000.00"),
                            reversal(
                                    PERSONNEL,
                                    "v1",
                                    day(2, 11),
                                    "a1",
                                    TransactionKind.APPROPRIATION,
                                    "1000.00",
                                    null))
                    .when(
                            new RecordExpenditure(
                                    PERSONNEL, entry("x1", day(3, 15)), yuan("0.01"), personnel()))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("本年拨款 0.00"));
        }

        @Test
        void reversingAnExpenditureRepeatsItsSpending() {
            // Goal: a reversed expenditure names its nature and project, so the tables can take it
            // back.
            Spending spending = Spending.project(PROJECT);
            fixture.given(
                            budgetSet(PUBLIC, "500.00"),
                            appropriated(PUBLIC, "a1", "500.00"),
                            spent(PUBLIC, "x1", "200.00", spending))
                    .when(
                            new ReverseTransaction(
                                    PUBLIC, entry("v1", day(3, 15)), TransactionId.of("x1")))
                    .expectEvents(
                            new TransactionReversed(
                                    PUBLIC,
                                    entry("v1", day(3, 15)),
                                    TransactionId.of("x1"),
                                    TransactionKind.EXPENDITURE,
                                    yuan("200.00"),
                                    spending));
        }

        @Test
        void aReversedExpenditureFreesItsFunds() {
            // Goal: after undoing a 200.00 expenditure all 500.00 are available again.
            Spending spending = Spending.project(PROJECT);
            fixture.given(
                            budgetSet(PUBLIC, "500.00"),
                            appropriated(PUBLIC, "a1", "500.00"),
                            spent(PUBLIC, "x1", "200.00", spending),
                            reversal(
                                    PUBLIC,
                                    "v1",
                                    day(3, 15),
                                    "x1",
                                    TransactionKind.EXPENDITURE,
                                    "200.00",
                                    spending))
                    .when(
                            new RecordExpenditure(
                                    PUBLIC, entry("x2", day(3, 16)), yuan("500.00"), spending))
                    .expectEvents(
                            new ExpenditureRecorded(
                                    PUBLIC, entry("x2", day(3, 16)), yuan("500.00"), spending));
        }

        @Test
        void reversingTheInitialBudgetUndoesIt() {
            // Goal: a wrong 年初预算 is undone like any other transaction.
            fixture.given(budgetSet(PERSONNEL, "1000.00"))
                    .when(
                            new ReverseTransaction(
                                    PERSONNEL, entry("v1", day(1, 3)), TransactionId.of("b1")))
                    .expectEvents(
                            new TransactionReversed(
                                    PERSONNEL,
                                    entry("v1", day(1, 3)),
                                    TransactionId.of("b1"),
                                    TransactionKind.BUDGET,
                                    yuan("1000.00"),
                                    null));
        }

        @Test
        void aReversedInitialBudgetMayBeSetAgain() {
            // Goal: once undone, the account takes a corrected 年初预算.
            fixture.given(
                            budgetSet(PERSONNEL, "1000.00"),
                            reversal(
                                    PERSONNEL,
                                    "v1",
                                    day(1, 3),
                                    "b1",
                                    TransactionKind.BUDGET,
                                    "1000.00",
                                    null))
                    .when(new SetInitialBudget(PERSONNEL, entry("b2", day(1, 4)), yuan("900.00")))
                    .expectEvents(
                            new InitialBudgetSet(
                                    PERSONNEL, entry("b2", day(1, 4)), yuan("900.00")));
        }

        @Test
        void aReversedInitialBudgetNoLongerCoversAppropriations() {
            // Goal: undoing the budget takes its room away.
            fixture.given(
                            budgetSet(PERSONNEL, "1000.00"),
                            reversal(
                                    PERSONNEL,
                                    "v1",
                                    day(1, 3),
                                    "b1",
                                    TransactionKind.BUDGET,
                                    "1000.00",
                                    null))
                    .when(new AppropriateFunds(PERSONNEL, entry("a1", day(2, 10)), yuan("0.01")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("预算 0.00 元"));
        }

        @Test
        void reversingABudgetAlreadyAppropriatedIsRefused() {
            // Goal: undoing the budget may not leave appropriations above it.
            fixture.given(budgetSet(PERSONNEL, "1000.00"), appropriated(PERSONNEL, "a1", "0.01"))
                    .when(
                            new ReverseTransaction(
                                    PERSONNEL, entry("v1", day(2, 11)), TransactionId.of("b1")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("低于已拨款的 0.01 元"));
        }

        @Test
        void reversingTwiceIsRefused() {
            // Goal: a transaction is undone once; the message names the first reversal.
            fixture.given(
                            budgetSet(PERSONNEL, "1000.00"),
                            appropriated(PERSONNEL, "a1", "1000.00"),
                            reversal(
                                    PERSONNEL,
                                    "v1",
                                    day(2, 11),
                                    "a1",
                                    TransactionKind.APPROPRIATION,
                                    "1000.00",
                                    null))
                    .when(
                            new ReverseTransaction(
                                    PERSONNEL, entry("v2", day(2, 12)), TransactionId.of("a1")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("a1 已被 v1 冲销"));
        }

        @Test
        void reversingAReversalIsRefused() {
            // Goal: a reversal is never reversed; the transaction is recorded again instead.
            fixture.given(
                            budgetSet(PERSONNEL, "1000.00"),
                            appropriated(PERSONNEL, "a1", "1000.00"),
                            reversal(
                                    PERSONNEL,
                                    "v1",
                                    day(2, 11),
                                    "a1",
                                    TransactionKind.APPROPRIATION,
                                    "1000.00",
                                    null))
                    .when(
                            new ReverseTransaction(
                                    PERSONNEL, entry("v2", day(2, 12)), TransactionId.of("v1")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("v1 本身是一笔冲销"));
        }

        @Test
        void aReversalDatedBeforeItsOriginalIsRefused() {
            // Goal: a reversal cannot precede what it undoes (the appropriation is of Feb 10).
            fixture.given(budgetSet(PERSONNEL, "1000.00"), appropriated(PERSONNEL, "a1", "1000.00"))
                    .when(
                            new ReverseTransaction(
                                    PERSONNEL, entry("v1", day(2, 9)), TransactionId.of("a1")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("早于被冲销的交易（a1，日期 2020-02-10）"));
        }

        @Test
        void aReversalOnTheDayOfItsOriginalIsAccepted() {
            // Goal: the boundary: same day is "no later than itself".
            fixture.given(budgetSet(PERSONNEL, "1000.00"), appropriated(PERSONNEL, "a1", "1000.00"))
                    .when(
                            new ReverseTransaction(
                                    PERSONNEL, entry("v1", day(2, 10)), TransactionId.of("a1")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            reversal(
                                    PERSONNEL,
                                    "v1",
                                    day(2, 10),
                                    "a1",
                                    TransactionKind.APPROPRIATION,
                                    "1000.00",
                                    null));
        }

        @Test
        void reversingAnAppropriationWhoseMoneyWasSpentIsRefused() {
            // Goal: taking back spent money would leave spending above funds; one fen spent is
            // enough.
            fixture.given(
                            budgetSet(PERSONNEL, "1000.00"),
                            appropriated(PERSONNEL, "a1", "1000.00"),
                            spent(PERSONNEL, "x1", "0.01", personnel()))
                    .when(
                            new ReverseTransaction(
                                    PERSONNEL, entry("v1", day(3, 16)), TransactionId.of("a1")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("将收回 1,000.00 元，但该预算行尚未支出的只有 999.99 元"));
        }

        @Test
        void reversingAnAppropriationStillCoveredByOtherFundsIsAccepted() {
            // Goal: the boundary: 600.00 + 400.00 received, 400.00 spent: undoing the 600.00 leaves
            // exactly 0.00.
            fixture.given(
                            budgetSet(PERSONNEL, "1000.00"),
                            appropriated(PERSONNEL, "a1", "600.00"),
                            appropriated(PERSONNEL, "a2", "400.00"),
                            spent(PERSONNEL, "x1", "400.00", personnel()))
                    .when(
                            new ReverseTransaction(
                                    PERSONNEL, entry("v1", day(3, 16)), TransactionId.of("a1")))
                    .expectEvents(
                            new TransactionReversed(
                                    PERSONNEL,
                                    entry("v1", day(3, 16)),
                                    TransactionId.of("a1"),
                                    TransactionKind.APPROPRIATION,
                                    yuan("600.00"),
                                    null));
        }

        @Test
        void reversingAnOpeningBalanceAlreadySpentIsRefused() {
            // Goal: the same rule protects opening balances.
            fixture.given(
                            opened(PERSONNEL, "100.00"),
                            spent(PERSONNEL, "x1", "100.00", personnel()))
                    .when(
                            new ReverseTransaction(
                                    PERSONNEL, entry("v1", day(3, 16)), TransactionId.of("o1")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("冲销 年初结转和结余 o1 将收回 100.00 元"));
        }

        @Test
        void reversingAnUnknownTransactionIsRefused() {
            // Goal: the id must be a transaction of this account.
            fixture.given(budgetSet(PERSONNEL, "1000.00"))
                    .when(
                            new ReverseTransaction(
                                    PERSONNEL, entry("v1", day(2, 11)), TransactionId.of("a9")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("该预算行没有交易 a9"));
        }

        @Test
        void reversingACarriedInBalanceIsRefused() {
            // Goal: carry-over belongs to closing the year and is not undone by hand.
            BalanceCarriedIn carriedIn =
                    new BalanceCarriedIn(
                            PERSONNEL,
                            entry("carry-in-2019", day(1, 1)),
                            yuan("100.00"),
                            new AccountKey(
                                    FiscalYear.of(2019),
                                    UNIT,
                                    FundSource.GENERAL,
                                    PERSONNEL.functional(),
                                    PERSONNEL.economic()));
            fixture.given(carriedIn)
                    .when(
                            new ReverseTransaction(
                                    PERSONNEL,
                                    entry("v1", day(2, 11)),
                                    TransactionId.of("carry-in-2019")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("是上年结转转入的余额，不能冲销"));
        }
    }

    @Nested
    class ClosedYear {

        private static final YearStatus CLOSED = new YearStatus(true, false);

        /**
         * One command of every kind a client sends, each for an account that has seen nothing yet.
         */
        static Stream<AccountCommand> commandsOnABrandNewAccount() {
            return Stream.of(
                    new SetInitialBudget(PERSONNEL, entry("b1", day(12, 31)), yuan("1.00")),
                    new SupplementBudget(PERSONNEL, entry("s1", day(12, 31)), yuan("1.00")),
                    new ReduceBudget(PERSONNEL, entry("r1", day(12, 31)), yuan("1.00")),
                    new AppropriateFunds(OTHER, entry("a1", day(12, 31)), yuan("1.00")),
                    new RecordExpenditure(
                            OTHER, entry("x1", day(12, 31)), yuan("1.00"), publicSpending()),
                    new RecordOpeningBalance(PERSONNEL, entry("o1", day(1, 1)), yuan("1.00")),
                    new CarryInBalance(
                            PERSONNEL,
                            entry("carry-in-2019", day(1, 1)),
                            yuan("1.00"),
                            new AccountKey(
                                    FiscalYear.of(2019),
                                    UNIT,
                                    FundSource.GENERAL,
                                    PERSONNEL.functional(),
                                    PERSONNEL.economic())));
        }

        @ParameterizedTest
        @MethodSource("commandsOnABrandNewAccount")
        void aClosedYearRefusesEveryCommandEvenOnABrandNewAccount(AccountCommand command) {
            // Goal: after 结转 the year accepts nothing, not even an account it has never seen.
            registry.withYear(UNIT, YEAR, CLOSED);
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            containsString("单位 jianghan-gov-office 的 2020 年度已结转关账"));
        }

        @Test
        void aClosedYearRefusesAReversal() {
            // Goal: a mistake found after closing is corrected in the next year, not in the closed
            // one.
            registry.withYear(UNIT, YEAR, CLOSED);
            fixture.given(budgetSet(PERSONNEL, "1000.00"))
                    .when(
                            new ReverseTransaction(
                                    PERSONNEL, entry("v1", day(12, 31)), TransactionId.of("b1")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("已结转关账"));
        }

        @Test
        void aClosedYearRefusesPostingsToAnExistingAccount() {
            // Goal: the registry's status decides, whatever the account's own history.
            registry.withYear(UNIT, YEAR, CLOSED);
            fixture.given(budgetSet(PERSONNEL, "1000.00"))
                    .when(new AppropriateFunds(PERSONNEL, entry("a1", day(12, 31)), yuan("0.01")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("已结转关账，不再接受任何交易"));
        }

        @Test
        void anAccountCarriedForwardRefusesMorePostings() {
            // Goal: once an account's balance has gone to the next year, it takes nothing more.
            fixture.given(
                            appropriated(OTHER, "a1", "100.00"),
                            new BalanceCarriedForward(
                                    OTHER,
                                    entry("close-2020", day(12, 31)),
                                    yuan("100.00"),
                                    OTHER.nextYear()))
                    .when(
                            new RecordExpenditure(
                                    OTHER,
                                    entry("x1", day(12, 31)),
                                    yuan("0.01"),
                                    publicSpending()))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("已结转关账"));
        }

        @Test
        void anotherUnitsClosedYearDoesNotMatter() {
            // Goal: closing is per unit: another unit's 结转 leaves this one open.
            registry.withYear(UnitCode.of("another-unit"), YEAR, CLOSED);
            fixture.givenNoPriorActivity()
                    .when(new AppropriateFunds(OTHER, entry("a1", day(12, 31)), yuan("1.00")))
                    .expectEvents(
                            new FundsAppropriated(OTHER, entry("a1", day(12, 31)), yuan("1.00")));
        }

        @Test
        void openingIsRefusedWhenTheOpeningBalancesWereCarriedIn() {
            // Goal: an opening on top of carried-in balances would count them twice.
            registry.withYear(UNIT, YEAR, new YearStatus(false, true));
            fixture.givenNoPriorActivity()
                    .when(
                            new RecordOpeningBalance(
                                    PERSONNEL, entry("o1", day(1, 1)), yuan("10.30")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("来自账簿中 2019 年度的结转"));
        }

        @Test
        void otherCommandsAreAcceptedWhenTheOpeningBalancesWereCarriedIn() {
            // Goal: only opening is refused in a year that was carried into.
            registry.withYear(UNIT, YEAR, new YearStatus(false, true));
            fixture.givenNoPriorActivity()
                    .when(new AppropriateFunds(OTHER, entry("a1", day(2, 10)), yuan("10.30")))
                    .expectEvents(appropriated(OTHER, "a1", "10.30"));
        }

        @Test
        void openingIsAcceptedInTheFirstYearOfTheLedger() {
            // Goal: a unit's first year brings its opening balances in from before.
            fixture.givenNoPriorActivity()
                    .when(
                            new RecordOpeningBalance(
                                    PERSONNEL, entry("o1", day(1, 1)), yuan("10.30")))
                    .expectEvents(opened(PERSONNEL, "10.30"));
        }
    }

    @Nested
    class Idempotency {

        private final AppropriateFunds command =
                new AppropriateFunds(OTHER, entry("a1", day(2, 10)), yuan("100.00"));

        @Test
        void anAcceptedTransactionTakesItsIdInTheRegistry() {
            // Goal: the id is recorded for its unit and year once the command is accepted.
            fixture.givenNoPriorActivity().when(command).expectSuccessfulHandlerExecution();
            assertThat(registry.recorded()).containsExactly(RecordedTransaction.of(command));
            assertThat(registry.transaction(UNIT, YEAR, TransactionId.of("a1")))
                    .contains(RecordedTransaction.of(command));
        }

        @Test
        void aRefusedTransactionLeavesItsIdFree() {
            // Goal: a refused command takes nothing, so it can be corrected and sent with the same
            // id.
            fixture.givenNoPriorActivity()
                    .when(new AppropriateFunds(PERSONNEL, entry("a1", day(2, 10)), yuan("1.00")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("超过该预算行的预算"));
            assertThat(registry.recorded()).isEmpty();
        }

        @Test
        void sendingTheSameTransactionAgainChangesNothing() {
            // Goal: a repeated command (same id, same content) succeeds and adds no event.
            fixture.givenNoPriorActivity().when(command).expectSuccessfulHandlerExecution();
            newFixture(registry)
                    .given(appropriated(OTHER, "a1", "100.00"))
                    .when(command)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aTransactionKnownToTheStoreIsNotRecordedTwice() {
            // Goal: the same holds for an id the store already held before this registry was made.
            registry.withTransaction(RecordedTransaction.of(command));
            fixture.given(appropriated(OTHER, "a1", "100.00"))
                    .when(command)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            assertThat(registry.recorded()).isEmpty();
        }

        @Test
        void theSameIdWithOtherContentIsRefused() {
            // Goal: one fen of difference makes it another transaction, and the id is already
            // taken.
            registry.withTransaction(RecordedTransaction.of(command));
            fixture.given(appropriated(OTHER, "a1", "100.00"))
                    .when(new AppropriateFunds(OTHER, entry("a1", day(2, 10)), yuan("100.01")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            containsString(
                                    "交易号 a1 在 2020 年度已被单位 jianghan-gov-office"
                                            + " 用于另一笔内容不同的交易（拨款，2020-02-10，"
                                            + OTHER
                                            + "）"));
        }

        @Test
        void theSameIdOnAnotherAccountOfTheUnitIsRefused() {
            // Goal: ids are unique per unit and year, not per account.
            registry.withTransaction(RecordedTransaction.of(command));
            fixture.givenNoPriorActivity()
                    .when(
                            new RecordOpeningBalance(
                                    PERSONNEL, entry("a1", day(1, 1)), yuan("100.00")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("交易号 a1 在 2020 年度已被单位"));
        }

        @Test
        void theSameIdInAnotherUnitIsFree() {
            // Goal: another unit's ids do not collide with this unit's.
            AccountKey elsewhere =
                    new AccountKey(
                            YEAR,
                            UnitCode.of("another-unit"),
                            FundSource.OTHER,
                            OTHER.functional(),
                            OTHER.economic());
            registry.withTransaction(
                    RecordedTransaction.of(
                            new AppropriateFunds(
                                    elsewhere, entry("a1", day(2, 10)), yuan("5.00"))));
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(appropriated(OTHER, "a1", "100.00"));
        }

        @Test
        void theSameIdInAnotherYearIsFree() {
            // Goal: ids are unique within a fiscal year only.
            AccountKey lastYear =
                    new AccountKey(
                            FiscalYear.of(2019),
                            UNIT,
                            FundSource.OTHER,
                            OTHER.functional(),
                            OTHER.economic());
            registry.withTransaction(
                    RecordedTransaction.of(
                            new AppropriateFunds(
                                    lastYear,
                                    Entry.of("a1", java.time.LocalDate.of(2019, 2, 10)),
                                    yuan("5.00"))));
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(appropriated(OTHER, "a1", "100.00"));
        }

        @Test
        void aRepeatedReversalChangesNothing() {
            // Goal: re-importing a file with a reversal neither fails nor reverses twice.
            ReverseTransaction reverse =
                    new ReverseTransaction(OTHER, entry("v1", day(2, 11)), TransactionId.of("a1"));
            registry.withTransaction(RecordedTransaction.of(reverse));
            fixture.given(
                            appropriated(OTHER, "a1", "100.00"),
                            reversal(
                                    OTHER,
                                    "v1",
                                    day(2, 11),
                                    "a1",
                                    TransactionKind.APPROPRIATION,
                                    "100.00",
                                    null))
                    .when(reverse)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class DatesAndCodes {

        @Test
        void aDateOutsideTheAccountsYearIsRefused() {
            // Goal: a transaction belongs to the fiscal year of its date, so it cannot post to
            // another year.
            fixture.givenNoPriorActivity()
                    .when(
                            new AppropriateFunds(
                                    OTHER,
                                    Entry.of("a1", java.time.LocalDate.of(2021, 1, 1)),
                                    yuan("1.00")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("日期 2021-01-01 不在该预算行的 2020 年度内"));
        }

        @Test
        void anUnknownFunctionalCodeIsRefused() {
            // Goal: a well-formed code outside the catalog (a typo) cannot open a budget line.
            AccountKey typo = account(FundSource.OTHER, "2010307", "30201");
            fixture.givenNoPriorActivity()
                    .when(new AppropriateFunds(typo, entry("a1", day(2, 10)), yuan("1.00")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            allOf(
                                    containsString("支出功能分类科目 2010307 不在 2020 年的科目表中"),
                                    containsString("ledger catalog import")));
        }

        @Test
        void anUnknownEconomicCodeIsRefused() {
            // Goal: the same for 经济分类.
            AccountKey typo = account(FundSource.OTHER, "2010301", "30230");
            fixture.givenNoPriorActivity()
                    .when(new AppropriateFunds(typo, entry("a1", day(2, 10)), yuan("1.00")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            allOf(
                                    containsString("部门预算支出经济分类科目 30230 不在 2020 年的科目表中"),
                                    containsString("ledger catalog import")));
        }
    }

    @Nested
    class OneHandlerForEveryCommand {

        /**
         * A command of a kind no production class knows, as a new kind's record would start out.
         */
        record ReturnUnspentFunds(AccountKey account, Entry entry, ledger.core.money.Money amount)
                implements AccountCommand {

            @Override
            public TransactionKind kind() {
                return TransactionKind.APPROPRIATION;
            }

            @Override
            public void appendContent(java.util.List<String> content) {
                content.add(Long.toString(amount.fen()));
            }
        }

        @Test
        void aCommandClassBudgetAccountHasNeverSeenReachesTheBook() {
            // Goal: a new kind's command needs no handler in BudgetAccount: the bus's routing
            // brings
            // any AccountCommand to the one handler, and the book is what answers (here: that it
            // has
            // no rule for it yet, which is the one place a new kind's rule goes).
            fixture.given(appropriated(OTHER, "a1", "100.00"))
                    .when(new ReturnUnspentFunds(OTHER, entry("r1", day(6, 1)), yuan("10.00")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(
                            containsString(
                                    "unknown command " + ReturnUnspentFunds.class.getName()));
        }

        @Test
        void withoutTheRoutingNoHandlerTakesACommand() {
            // Goal: why the application and every fixture register the routing: Axon names a
            // command
            // after its class, and the one handler listens under the AccountCommand name only.
            org.axonframework.test.aggregate.AggregateTestFixture<BudgetAccount> bare =
                    new org.axonframework.test.aggregate.AggregateTestFixture<>(
                            BudgetAccount.class);
            bare.registerInjectableResource(registry);
            bare.givenNoPriorActivity()
                    .when(new SetInitialBudget(PERSONNEL, entry("b1", day(1, 2)), yuan("1.00")))
                    .expectException(
                            org.axonframework.commandhandling.NoHandlerForCommandException.class);
        }

        @Test
        void theRoutingRenamesTheMessageAndKeepsEverythingElse() {
            // Goal: handler interceptors, the audit and the events' correlation still see the
            // message
            // that was sent: same payload, same metadata, same id.
            var sent =
                    org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                                    new SetInitialBudget(
                                            PERSONNEL, entry("b1", day(1, 2)), yuan("1.00")))
                            .andMetaData(java.util.Map.of("user", "clerk"));
            var routed = BudgetAccount.commandRouting().handle(sent);
            assertThat(routed.getCommandName())
                    .isEqualTo(BudgetAccount.COMMAND_NAME)
                    .isEqualTo(AccountCommand.class.getName());
            assertThat(routed.getPayload()).isSameAs(sent.getPayload());
            assertThat(routed.getIdentifier()).isEqualTo(sent.getIdentifier());
            assertThat(routed.getMetaData()).containsEntry("user", "clerk");
            assertThat(BudgetAccount.commandRouting().handle(routed)).isSameAs(routed);
        }

        @Test
        void aReversalOnAFreshAccountIsRefusedByTheBook() {
            // Goal: every command may open an account now; one that needs history is refused, by
            // name.
            fixture.givenNoPriorActivity()
                    .when(
                            new ReverseTransaction(
                                    PERSONNEL, entry("x1", day(3, 1)), TransactionId.of("nothing")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("该预算行没有交易 nothing"));
        }
    }

    /** A reversal event as decide() makes it. */
    private static TransactionReversed reversal(
            AccountKey account,
            String id,
            LocalDate date,
            String reversed,
            TransactionKind kind,
            String amount,
            Spending spending) {
        return new TransactionReversed(
                account, entry(id, date), TransactionId.of(reversed), kind, yuan(amount), spending);
    }
}
