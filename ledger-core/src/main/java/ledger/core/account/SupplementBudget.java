package ledger.core.account;

import java.util.List;
import ledger.core.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 追加预算: adds to the account's budget. */
public record SupplementBudget(
        @TargetAggregateIdentifier AccountKey account, Entry entry, Money amount)
        implements AccountCommand {

    public SupplementBudget {
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
        return TransactionKind.SUPPLEMENT;
    }

    @Override
    public void appendContent(List<String> content) {
        content.add(Long.toString(amount.fen()));
    }
}
