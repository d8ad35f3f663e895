package ledger.core.account;

import java.util.List;
import ledger.core.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 拨款: funds received on the account; for 财政拨款 never beyond the budget. */
public record AppropriateFunds(
        @TargetAggregateIdentifier AccountKey account, Entry entry, Money amount)
        implements AccountCommand {

    public AppropriateFunds {
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
        return TransactionKind.APPROPRIATION;
    }

    @Override
    public void appendContent(List<String> content) {
        content.add(Long.toString(amount.fen()));
    }
}
