package ledger.core.account;

import java.util.List;
import ledger.core.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 调减预算: takes from the account's budget, never below what was already appropriated. */
public record ReduceBudget(@TargetAggregateIdentifier AccountKey account, Entry entry, Money amount)
        implements AccountCommand {

    public ReduceBudget {
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
        return TransactionKind.REDUCE;
    }

    @Override
    public void appendContent(List<String> content) {
        content.add(Long.toString(amount.fen()));
    }
}
