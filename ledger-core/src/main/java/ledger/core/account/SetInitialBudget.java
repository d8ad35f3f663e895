package ledger.core.account;

import java.util.List;
import ledger.core.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 年初预算: sets the account's initial budget, once. */
public record SetInitialBudget(@TargetAggregateIdentifier AccountKey account, Entry entry, Money amount)
        implements AccountCommand {

    public SetInitialBudget {
        if (account == null) {
            throw new IllegalArgumentException("account is missing");
        }
        if (entry == null) {
            throw new IllegalArgumentException("entry is missing");
        }
        AccountCommand.requirePositive(amount);
    }

    @Override
    public TransactionKind kind() {
        return TransactionKind.BUDGET;
    }

    @Override
    public void appendContent(List<String> content) {
        content.add(Long.toString(amount.fen()));
    }
}
