package ledger.core.account;

import static ledger.core.LedgerFixtures.day;
import static ledger.core.LedgerFixtures.entry;
import static ledger.core.LedgerFixtures.fen;
import static ledger.core.LedgerFixtures.generalPersonnelAccount;
import static ledger.core.LedgerFixtures.generalPublicAccount;
import static ledger.core.LedgerFixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import ledger.core.classification.ExpenditureNature;
import ledger.core.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a command refuses when it is built, before any account sees it. */
class AccountCommandTest {

    private static final AccountKey ACCOUNT = generalPersonnelAccount();
    private static final Entry ENTRY = entry("t1", day(3, 15));

    static Stream<Arguments> commandsWithAnAmount() {
        return Stream.of(
                Arguments.of(
                        "budget",
                        (Function<Money, AccountCommand>)
                                m -> new SetInitialBudget(ACCOUNT, ENTRY, m)),
                Arguments.of(
                        "supplement",
                        (Function<Money, AccountCommand>)
                                m -> new SupplementBudget(ACCOUNT, ENTRY, m)),
                Arguments.of(
                        "reduce",
                        (Function<Money, AccountCommand>) m -> new ReduceBudget(ACCOUNT, ENTRY, m)),
                Arguments.of(
                        "appropriation",
                        (Function<Money, AccountCommand>)
                                m -> new AppropriateFunds(ACCOUNT, ENTRY, m)),
                Arguments.of(
                        "expenditure",
                        (Function<Money, AccountCommand>)
                                m ->
                                        new RecordExpenditure(
                                                ACCOUNT,
                                                ENTRY,
                                                m,
                                                Spending.of(ExpenditureNature.PERSONNEL))),
                Arguments.of(
                        "opening",
                        (Function<Money, AccountCommand>)
                                m -> new RecordOpeningBalance(ACCOUNT, ENTRY, m)),
                Arguments.of(
                        "carry-in",
                        (Function<Money, AccountCommand>)
                                m ->
                                        new CarryInBalance(
                                                ACCOUNT.nextYear(),
                                                entry("carry-in-2020", day(1, 1).plusYears(1)),
                                                m,
                                                ACCOUNT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsWithAnAmount")
    void oneFenIsTheSmallestAmountACommandTakes(
            String kind, Function<Money, AccountCommand> command) {
        // Goal: the lower boundary: one fen is accepted and kept as given.
        assertThat(command.apply(fen(1)).kind().code()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsWithAnAmount")
    void aZeroAmountIsRefusedWhenTheCommandIsBuilt(
            String kind, Function<Money, AccountCommand> command) {
        // Goal: events carry positive amounts only; zero is refused at construction.
        assertThatThrownBy(() -> command.apply(Money.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("金额必须大于零，而这里是 0.00");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsWithAnAmount")
    void aNegativeAmountIsRefusedWhenTheCommandIsBuilt(
            String kind, Function<Money, AccountCommand> command) {
        // Goal: the direction is the command's kind, never a minus sign.
        assertThatThrownBy(() -> command.apply(fen(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("金额必须大于零，而这里是 -0.01")
                .satisfies(
                        refused ->
                                assertThat(
                                                ((ledger.core.text.Refusal) refused)
                                                        .reason(java.util.Locale.ENGLISH))
                                        .isEqualTo("amount must be positive, got -0.01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsWithAnAmount")
    void aMissingAmountIsRefusedWhenTheCommandIsBuilt(
            String kind, Function<Money, AccountCommand> command) {
        // Goal: a missing amount is named as missing.
        assertThatThrownBy(() -> command.apply(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("金额为必填项");
    }

    @Test
    void requirePositiveReturnsAPositiveAmount() {
        // Goal: the shared check passes a positive amount through unchanged.
        assertThat(AccountCommand.requirePositive(yuan("0.01"))).isEqualTo(fen(1));
    }

    @Test
    void anExpenditureNeedsItsSpending() {
        // Goal: the nature is part of every expenditure.
        assertThatThrownBy(() -> new RecordExpenditure(ACCOUNT, ENTRY, yuan("1.00"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nature is missing");
    }

    @Test
    void aCommandNeedsItsAccountAndEntry() {
        // Goal: the account (aggregate id) and the entry are required.
        assertThatThrownBy(() -> new AppropriateFunds(null, ENTRY, yuan("1.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("account is missing");
        assertThatThrownBy(() -> new AppropriateFunds(ACCOUNT, null, yuan("1.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry is missing");
    }

    @Test
    void aReversalNamesAnotherTransaction() {
        // Goal: a reversal must name what it undoes, and cannot undo itself.
        assertThatThrownBy(() -> new ReverseTransaction(ACCOUNT, ENTRY, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reverses is missing");
        assertThatThrownBy(() -> new ReverseTransaction(ACCOUNT, ENTRY, TransactionId.of("t1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names the reversal itself");
    }

    @Test
    void theFingerprintCoversEveryFieldOfTheContent() {
        // Goal: a repeat is recognised only when everything the client sent is the same.
        AppropriateFunds original = new AppropriateFunds(ACCOUNT, ENTRY, yuan("100.00"));
        assertThat(new AppropriateFunds(ACCOUNT, ENTRY, yuan("100.00")).fingerprint())
                .isEqualTo(original.fingerprint());
        assertThat(new AppropriateFunds(ACCOUNT, ENTRY, yuan("100.01")).fingerprint())
                .isNotEqualTo(original.fingerprint());
        assertThat(
                        new AppropriateFunds(generalPublicAccount(), ENTRY, yuan("100.00"))
                                .fingerprint())
                .isNotEqualTo(original.fingerprint());
        assertThat(
                        new AppropriateFunds(ACCOUNT, entry("t1", day(3, 16)), yuan("100.00"))
                                .fingerprint())
                .isNotEqualTo(original.fingerprint());
        assertThat(
                        new AppropriateFunds(
                                        ACCOUNT,
                                        new Entry(TransactionId.of("t1"), day(3, 15), "", "memo"),
                                        yuan("100.00"))
                                .fingerprint())
                .isNotEqualTo(original.fingerprint());
        assertThat(new SupplementBudget(ACCOUNT, ENTRY, yuan("100.00")).fingerprint())
                .isNotEqualTo(original.fingerprint());
    }

    @Test
    void anExpendituresFingerprintCoversItsSpending() {
        // Goal: the same id with another nature, project or procurement is other content.
        RecordExpenditure original =
                new RecordExpenditure(
                        ACCOUNT, ENTRY, yuan("1.00"), Spending.project(ProjectCode.of("P1")));
        assertThat(
                        new RecordExpenditure(
                                        ACCOUNT,
                                        ENTRY,
                                        yuan("1.00"),
                                        Spending.project(ProjectCode.of("P2")))
                                .fingerprint())
                .isNotEqualTo(original.fingerprint());
        assertThat(
                        new RecordExpenditure(
                                        ACCOUNT,
                                        ENTRY,
                                        yuan("1.00"),
                                        Spending.of(ExpenditureNature.PERSONNEL))
                                .fingerprint())
                .isNotEqualTo(original.fingerprint());
    }
}
