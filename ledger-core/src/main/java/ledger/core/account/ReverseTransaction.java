package ledger.core.account;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 冲销: undoes one earlier transaction of the same account, unit and year, whole and once. The
 * account is the one the reversed transaction was posted to.
 */
public record ReverseTransaction(
        @TargetAggregateIdentifier AccountKey account, Entry entry, TransactionId reversed)
        implements AccountCommand {

    public ReverseTransaction {
        if (account == null) {
            throw new IllegalArgumentException("account is missing");
        }
        if (entry == null) {
            throw new IllegalArgumentException("entry is missing");
        }
        if (reversed == null) {
            throw new IllegalArgumentException(
                    "reverses is missing: a reversal names the transaction it undoes");
        }
        if (reversed.equals(entry.transactionId())) {
            throw new IllegalArgumentException(
                    "reverses names the reversal itself (" + reversed + ")");
        }
    }

    @Override
    public TransactionKind kind() {
        return TransactionKind.REVERSAL;
    }

    /** A reversal's content is what it reverses, whatever account it was routed to. */
    @Override
    public List<String> fingerprintFields() {
        return List.of(
                kind().code(),
                entry.date().toString(),
                reversed.value(),
                entry.voucher(),
                entry.memo());
    }

    @Override
    public void appendContent(List<String> content) {
        content.add(reversed.value());
    }
}
