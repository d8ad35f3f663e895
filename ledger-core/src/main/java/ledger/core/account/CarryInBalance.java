package ledger.core.account;

import java.util.List;
import ledger.core.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 结转, opening side: the previous year's closing balance of the same budget line. */
public record CarryInBalance(
        @TargetAggregateIdentifier AccountKey account, Entry entry, Money amount, AccountKey from)
        implements AccountCommand {

    public CarryInBalance {
        if (account == null || entry == null || from == null) {
            throw new IllegalArgumentException("account, entry and from are required");
        }
        AccountCommand.requirePositive(amount);
    }

    @Override
    public TransactionKind kind() {
        return TransactionKind.CARRY_IN;
    }

    @Override
    public void appendContent(List<String> content) {
        content.add(Long.toString(amount.fen()));
        content.add(from.id());
    }
}
