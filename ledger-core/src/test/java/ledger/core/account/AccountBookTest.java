package ledger.core.account;

import static ledger.core.LedgerFixtures.UNIT;
import static ledger.core.LedgerFixtures.YEAR;
import static ledger.core.LedgerFixtures.day;
import static ledger.core.LedgerFixtures.entry;
import static ledger.core.LedgerFixtures.generalPersonnelAccount;
import static ledger.core.LedgerFixtures.generalPublicAccount;
import static ledger.core.LedgerFixtures.otherFundAccount;
import static ledger.core.LedgerFixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import ledger.core.classification.ExpenditureNature;
import ledger.core.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AccountBook without Axon: decide() checks and returns events without changing state, apply()
 * changes state and never refuses. The batch import relies on both.
 */
class AccountBookTest {

    private static final AccountKey PERSONNEL = generalPersonnelAccount();

    private InMemoryLedgerRegistry registry;
    private AccountBook book;

    @BeforeEach
    void setUp() {
        registry = new InMemoryLedgerRegistry();
        book = new AccountBook(PERSONNEL);
    }

    /** Decides and applies, as the aggregate does. */
    private List<AccountEvent> post(AccountCommand command) {
        List<AccountEvent> events = book.decide(command, registry);
        events.forEach(book::apply);
        return events;
    }

    private record Figures(Money budget, Money appropriated, Money spent, Money available) {}

    private Figures figures() {
        return new Figures(book.budget(), book.appropriated(), book.spent(), book.available());
    }

    @Test
    void aFreshBookHoldsNothing() {
        // Goal: every figure of a new account is zero.
        assertThat(figures())
                .isEqualTo(new Figures(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO));
        assertThat(book.key()).isEqualTo(PERSONNEL);
    }

    @Test
    void postingMovesTheFiguresAsTheDomainDefinesThem() {
        // Goal: budget = 年初 + 追加 − 调减; available = opening + received − spent.
        post(new RecordOpeningBalance(PERSONNEL, entry("o1", day(1, 1)), yuan("10.30")));
        post(new SetInitialBudget(PERSONNEL, entry("b1", day(1, 2)), yuan("1000.00")));
        post(new SupplementBudget(PERSONNEL, entry("s1", day(1, 20)), yuan("200.00")));
        post(new ReduceBudget(PERSONNEL, entry("r1", day(1, 25)), yuan("50.00")));
        post(new AppropriateFunds(PERSONNEL, entry("a1", day(2, 10)), yuan("1100.00")));
        post(
                new RecordExpenditure(
                        PERSONNEL,
                        entry("x1", day(3, 15)),
                        yuan("300.01"),
                        Spending.of(ExpenditureNature.PERSONNEL)));
        assertThat(figures())
                .isEqualTo(
                        new Figures(
                                yuan("1150.00"), yuan("1100.00"), yuan("300.01"), yuan("810.29")));
    }

    @Test
    void decideDoesNotChangeState() {
        // Goal: deciding any command leaves every figure as it was; only apply() moves them.
        post(new SetInitialBudget(PERSONNEL, entry("b1", day(1, 2)), yuan("1000.00")));
        post(new AppropriateFunds(PERSONNEL, entry("a1", day(2, 10)), yuan("600.00")));
        Figures before = figures();

        List<AccountCommand> commands =
                List.of(
                        new SupplementBudget(PERSONNEL, entry("s1", day(4, 1)), yuan("1.00")),
                        new ReduceBudget(PERSONNEL, entry("r1", day(4, 1)), yuan("1.00")),
                        new AppropriateFunds(PERSONNEL, entry("a2", day(4, 1)), yuan("1.00")),
                        new RecordExpenditure(
                                PERSONNEL,
                                entry("x1", day(4, 1)),
                                yuan("1.00"),
                                Spending.of(ExpenditureNature.PERSONNEL)),
                        new RecordOpeningBalance(PERSONNEL, entry("o1", day(4, 1)), yuan("1.00")),
                        new ReverseTransaction(
                                PERSONNEL, entry("v1", day(4, 1)), TransactionId.of("a1")));
        for (AccountCommand command : commands) {
            List<AccountEvent> events = book.decide(command, registry);
            assertThat(events).as(command.kind().code()).hasSize(1);
            assertThat(figures()).as(command.kind().code()).isEqualTo(before);
        }
    }

    @Test
    void aDecidedButUnappliedReversalCanStillBeDecidedAgain() {
        // Goal: decide() does not mark the original as reversed; only the applied event does.
        post(new SetInitialBudget(PERSONNEL, entry("b1", day(1, 2)), yuan("1000.00")));
        book.decide(
                new ReverseTransaction(PERSONNEL, entry("v1", day(4, 1)), TransactionId.of("b1")),
                registry);
        assertThat(
                        book.decide(
                                new ReverseTransaction(
                                        PERSONNEL, entry("v2", day(4, 1)), TransactionId.of("b1")),
                                registry))
                .hasSize(1);
    }

    @Test
    void aCopyDecidesAsTheOriginalAndMovesIndependently() {
        // Goal: a copy holds every figure and every posted transaction; changing it leaves the
        // original.
        post(new SetInitialBudget(PERSONNEL, entry("b1", day(1, 2)), yuan("100.00")));
        post(new AppropriateFunds(PERSONNEL, entry("a1", day(2, 10)), yuan("60.00")));
        Figures before = figures();
        AccountBook copy = book.copy();
        assertThat(new Figures(copy.budget(), copy.appropriated(), copy.spent(), copy.available()))
                .isEqualTo(before);
        List<AccountEvent> reversal =
                copy.decide(
                        new ReverseTransaction(
                                PERSONNEL, entry("v1", day(4, 1)), TransactionId.of("a1")),
                        registry);
        reversal.forEach(copy::apply);
        copy.apply(
                new ExpenditureRecorded(
                        PERSONNEL,
                        entry("x1", day(3, 15)),
                        yuan("5.00"),
                        Spending.of(ExpenditureNature.PERSONNEL)));
        assertThat(copy.appropriated()).isEqualTo(Money.ZERO);
        assertThat(copy.spent()).isEqualTo(yuan("5.00"));
        assertThat(figures()).isEqualTo(before);
        // The original has not seen the reversal, so it may still reverse a1; the copy may not.
        assertThat(
                        book.decide(
                                new ReverseTransaction(
                                        PERSONNEL, entry("v2", day(4, 1)), TransactionId.of("a1")),
                                registry))
                .hasSize(1);
        assertThatThrownBy(
                        () ->
                                copy.decide(
                                        new ReverseTransaction(
                                                PERSONNEL,
                                                entry("v3", day(4, 1)),
                                                TransactionId.of("a1")),
                                        registry))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void applyNeverRefusesWhatHistorySays() {
        // Goal: replaying history always succeeds, even where today's rules would refuse the
        // command.
        AccountBook replayed = new AccountBook(PERSONNEL);
        assertThatCode(
                        () -> {
                            replayed.apply(
                                    new ExpenditureRecorded(
                                            PERSONNEL,
                                            entry("x1", day(3, 15)),
                                            yuan("5.00"),
                                            Spending.of(ExpenditureNature.PERSONNEL)));
                            replayed.apply(
                                    new FundsAppropriated(
                                            PERSONNEL, entry("a1", day(2, 10)), yuan("9.00")));
                            replayed.apply(
                                    new InitialBudgetSet(
                                            PERSONNEL, entry("b1", day(1, 2)), yuan("1.00")));
                            replayed.apply(
                                    new InitialBudgetSet(
                                            PERSONNEL, entry("b2", day(1, 3)), yuan("2.00")));
                            replayed.apply(
                                    new BudgetReduced(
                                            PERSONNEL, entry("r1", day(1, 4)), yuan("10.00")));
                            replayed.apply(
                                    new BalanceCarriedForward(
                                            PERSONNEL,
                                            entry("close-2020", day(12, 31)),
                                            yuan("4.00"),
                                            PERSONNEL.nextYear()));
                            replayed.apply(
                                    new FundsAppropriated(
                                            PERSONNEL, entry("a2", day(12, 31)), yuan("1.00")));
                        })
                .doesNotThrowAnyException();
        assertThat(replayed.budget()).isEqualTo(Money.ofFen(-700));
        assertThat(replayed.appropriated()).isEqualTo(yuan("10.00"));
        assertThat(replayed.spent()).isEqualTo(yuan("5.00"));
        assertThat(replayed.available()).isEqualTo(yuan("5.00"));
    }

    @Test
    void anAppliedReversalUndoesItsOriginal() {
        // Goal: each reversed kind takes back exactly the figure it moved.
        post(new RecordOpeningBalance(PERSONNEL, entry("o1", day(1, 1)), yuan("1.00")));
        post(new SetInitialBudget(PERSONNEL, entry("b1", day(1, 2)), yuan("100.00")));
        post(new SupplementBudget(PERSONNEL, entry("s1", day(1, 3)), yuan("20.00")));
        post(new ReduceBudget(PERSONNEL, entry("r1", day(1, 4)), yuan("5.00")));
        post(new AppropriateFunds(PERSONNEL, entry("a1", day(2, 10)), yuan("30.00")));
        post(
                new RecordExpenditure(
                        PERSONNEL,
                        entry("x1", day(3, 15)),
                        yuan("7.00"),
                        Spending.of(ExpenditureNature.PERSONNEL)));
        for (String id : List.of("x1", "a1", "r1", "s1", "b1", "o1")) {
            post(
                    new ReverseTransaction(
                            PERSONNEL, entry("v-" + id, day(4, 1)), TransactionId.of(id)));
        }
        assertThat(figures())
                .isEqualTo(new Figures(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO));
    }

    @Test
    void decideTakesTheIdOfAnAcceptedCommandOnly() {
        // Goal: the registry learns an id when its command is accepted, not when it is refused.
        AppropriateFunds refused =
                new AppropriateFunds(PERSONNEL, entry("a1", day(2, 10)), yuan("0.01"));
        assertThatThrownBy(() -> book.decide(refused, registry)).isInstanceOf(RuleViolation.class);
        assertThat(registry.recorded()).isEmpty();

        SetInitialBudget accepted =
                new SetInitialBudget(PERSONNEL, entry("b1", day(1, 2)), yuan("1.00"));
        book.decide(accepted, registry);
        assertThat(registry.recorded()).containsExactly(RecordedTransaction.of(accepted));
    }

    @Test
    void aRepeatDecidesNoEventsAndAConflictNamesTheIdField() {
        // Goal: a repeat is harmless; the same id for other content is refused on field "id".
        SetInitialBudget budget =
                new SetInitialBudget(PERSONNEL, entry("b1", day(1, 2)), yuan("1.00"));
        post(budget);
        assertThat(book.decide(budget, registry)).isEmpty();
        assertThatThrownBy(
                        () ->
                                book.decide(
                                        new SetInitialBudget(
                                                PERSONNEL, entry("b1", day(1, 2)), yuan("2.00")),
                                        registry))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        violation -> {
                            assertThat(violation.field()).isEqualTo("id");
                            assertThat(violation.reason()).contains("交易号 b1 在");
                        });
    }

    @Test
    void violationsNameTheFieldAtFault() {
        // Goal: the journal and the API point the clerk at the right column.
        post(new SetInitialBudget(PERSONNEL, entry("b1", day(1, 2)), yuan("1.00")));
        assertThatThrownBy(
                        () ->
                                book.decide(
                                        new AppropriateFunds(
                                                PERSONNEL, entry("a1", day(2, 1)), yuan("1.01")),
                                        registry))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("amount"));
        assertThatThrownBy(
                        () ->
                                book.decide(
                                        new ReverseTransaction(
                                                PERSONNEL,
                                                entry("v1", day(2, 1)),
                                                TransactionId.of("zz")),
                                        registry))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("reverses"));
        assertThatThrownBy(
                        () ->
                                book.decide(
                                        new RecordExpenditure(
                                                PERSONNEL,
                                                entry("x1", day(2, 1)),
                                                yuan("1.00"),
                                                Spending.of(ExpenditureNature.PUBLIC)),
                                        registry))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("nature"));
        registry.withYear(UNIT, YEAR, new YearStatus(false, true));
        assertThatThrownBy(
                        () ->
                                book.decide(
                                        new RecordOpeningBalance(
                                                PERSONNEL, entry("o1", day(1, 1)), yuan("1.00")),
                                        registry))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("kind"));
    }

    @Test
    void aCommandForAnotherAccountIsAProgrammingError() {
        // Goal: routing a command to the wrong book is a bug, not a rule the clerk broke.
        assertThatThrownBy(
                        () ->
                                book.decide(
                                        new AppropriateFunds(
                                                generalPublicAccount(),
                                                entry("a1", day(2, 1)),
                                                yuan("1.00")),
                                        registry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sent to " + PERSONNEL);
    }

    @Test
    void carryingForwardTakesTheWholeBalanceAndClosesTheBook() {
        // Goal: the closing side of 结转 carries opening + received − spent, then refuses postings.
        AccountBook other = new AccountBook(otherFundAccount());
        other.apply(
                new FundsAppropriated(otherFundAccount(), entry("a1", day(2, 10)), yuan("100.01")));
        Entry closing = entry("close-2020", day(12, 31));
        List<AccountEvent> events =
                other.decide(new CarryForwardBalance(otherFundAccount(), closing), registry);
        assertThat(events)
                .containsExactly(
                        new BalanceCarriedForward(
                                otherFundAccount(),
                                closing,
                                yuan("100.01"),
                                otherFundAccount().nextYear()));
        events.forEach(other::apply);
        assertThatThrownBy(
                        () ->
                                other.decide(
                                        new AppropriateFunds(
                                                otherFundAccount(),
                                                entry("a2", day(12, 31)),
                                                yuan("1.00")),
                                        registry))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("已结转关账");
        assertThat(registry.recorded()).as("carry-over takes no client id").isEmpty();
    }

    @Test
    void carryingForwardAnEmptyBookDecidesNothing() {
        // Goal: a zero balance is not carried.
        assertThat(
                        book.decide(
                                new CarryForwardBalance(
                                        PERSONNEL, entry("close-2020", day(12, 31))),
                                registry))
                .isEmpty();
    }
}
