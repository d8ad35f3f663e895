package ledger.core.account;

import java.util.List;
import ledger.core.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 年初结转和结余 brought in from before the ledger kept this unit; refused in a year whose opening came
 * from closing the previous year.
 */
public record RecordOpeningBalance(
        @TargetAggregateIdentifier AccountKey account, Entry entry, Money amount)
        implements AccountCommand {

    public RecordOpeningBalance {
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
        return TransactionKind.OPENING;
    }

    @Override
    public void appendContent(List<String> content) {
        content.add(Long.toString(amount.fen()));
    }
}
