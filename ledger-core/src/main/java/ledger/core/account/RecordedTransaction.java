package ledger.core.account;

import java.time.LocalDate;

/**
 * A client transaction id taken within a unit and year, with the content it stands for and the
 * account it was posted to (so that a reversal finds its way there).
 *
 * @param reverses for a reversal, the transaction it undoes; else null
 */
public record RecordedTransaction(
        UnitCode unit, FiscalYear year, TransactionId id, TransactionKind kind, LocalDate date,
        String accountId, String fingerprint, TransactionId reverses) {

    public static RecordedTransaction of(AccountCommand command) {
        return new RecordedTransaction(command.account().unit(), command.account().year(),
                command.entry().transactionId(), command.kind(), command.entry().date(),
                command.account().id(), command.fingerprint(),
                command instanceof ReverseTransaction reversal ? reversal.reversed() : null);
    }
}
