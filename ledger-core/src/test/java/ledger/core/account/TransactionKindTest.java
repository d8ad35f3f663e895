package ledger.core.account;

import static ledger.core.LedgerFixtures.day;
import static ledger.core.LedgerFixtures.entry;
import static ledger.core.LedgerFixtures.otherFundAccount;
import static ledger.core.LedgerFixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ledger.core.classification.ExpenditureNature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A kind is data the journal reader follows: its row shape says which columns a row takes, and the
 * kind makes the command from them, so the reader has no case per kind.
 */
class TransactionKindTest {

    private static CommandFields fields() {
        return new CommandFields(
                otherFundAccount(),
                entry("t1", day(3, 1)),
                yuan("12.34"),
                "财预〔2020〕1号",
                Spending.of(ExpenditureNature.PUBLIC),
                ExpenditureNature.SUBSIDY,
                UnitCode.of("street-office"));
    }

    @ParameterizedTest
    @EnumSource(
            value = TransactionKind.class,
            names = {"REVERSAL", "CARRY_FORWARD", "CARRY_IN"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyKindARowNamesAnAccountForMakesACommandOfItsOwnKind(TransactionKind kind) {
        AccountCommand command = kind.command(fields());
        assertThat(command.kind()).isEqualTo(kind);
        assertThat(command.account()).isEqualTo(otherFundAccount());
        assertThat(command.entry()).isEqualTo(entry("t1", day(3, 1)));
    }

    @ParameterizedTest
    @EnumSource(
            value = TransactionKind.class,
            names = {"REVERSAL", "CARRY_FORWARD", "CARRY_IN"})
    void aReversalAndTheYearCloseKindsAreNotMadeFromARowsAccount(TransactionKind kind) {
        assertThatThrownBy(() -> kind.command(fields()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(kind.code());
    }

    @ParameterizedTest
    @EnumSource(TransactionKind.class)
    void onlyTheYearCloseKindsCannotBeTyped(TransactionKind kind) {
        boolean closing = kind == TransactionKind.CARRY_FORWARD || kind == TransactionKind.CARRY_IN;
        assertThat(kind.shape() == TransactionKind.Shape.CLOSING).isEqualTo(closing);
    }

    @org.junit.jupiter.api.Test
    void theRowsOwnColumnsReachTheCommand() {
        assertThat(((SetInitialBudget) TransactionKind.BUDGET.command(fields())).indicator())
                .isEqualTo("财预〔2020〕1号");
        assertThat(((RecordExpenditure) TransactionKind.EXPENDITURE.command(fields())).spending())
                .isEqualTo(Spending.of(ExpenditureNature.PUBLIC));
        PayTransfer transfer = (PayTransfer) TransactionKind.TRANSFER.command(fields());
        assertThat(transfer.nature()).isEqualTo(ExpenditureNature.SUBSIDY);
        assertThat(transfer.toUnit()).isEqualTo(UnitCode.of("street-office"));
    }
}
