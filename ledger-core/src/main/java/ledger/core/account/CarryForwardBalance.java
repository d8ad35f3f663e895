package ledger.core.account;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 结转, closing side: issued by closing the year; carries the account's whole remaining balance. */
public record CarryForwardBalance(@TargetAggregateIdentifier AccountKey account, Entry entry)
        implements AccountCommand {

    public CarryForwardBalance {
        if (account == null || entry == null) {
            throw new IllegalArgumentException("account and entry are required");
        }
    }

    @Override
    public TransactionKind kind() {
        return TransactionKind.CARRY_FORWARD;
    }

    @Override
    public void appendContent(List<String> content) {
        // The amount is whatever remains; the command has no content of its own.
    }
}
