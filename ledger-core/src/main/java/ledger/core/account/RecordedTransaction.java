package ledger.core.account;

import java.time.LocalDate;

/**
 * A client transaction id taken within a unit and year, with the content it stands for and the
 * account it was posted to (so that a reversal finds its way there).
 *
 * @param reverses for a reversal, the transaction it undoes; else null
 */
public record RecordedTransaction(
        UnitCode unit,
        FiscalYear year,
        TransactionId id,
        TransactionKind kind,
        LocalDate date,
        String accountId,
        String fingerprint,
        TransactionId reverses) {

    public static RecordedTransaction of(AccountCommand command) {
        return new RecordedTransaction(
                command.account().unit(),
                command.account().year(),
                command.entry().transactionId(),
                command.kind(),
                command.entry().date(),
                command.account().id(),
                command.fingerprint(),
                command instanceof ReverseTransaction reversal ? reversal.reversed() : null);
    }

    /**
     * The id a year close takes for a balance it carries (forward on the old line, in on the new):
     * its content is the kind and the amount, hashed by the same {@link Fingerprint} as a client's.
     */
    public static RecordedTransaction carried(AccountEvent event) {
        return new RecordedTransaction(
                event.account().unit(),
                event.account().year(),
                event.entry().transactionId(),
                event.kind(),
                event.entry().date(),
                event.account().id(),
                Fingerprint.of(event.kind().code(), Long.toString(event.amount().fen())),
                null);
    }
}
