package ledger.core.account;

import java.util.List;
import ledger.core.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The receiver's leg of a transfer ({@link PayTransfer}): 上级补助收入 (fund {@code superior}) from the
 * direct parent, or 附属单位上缴收入 ({@code affiliated}) from a direct subordinate.
 */
public record ReceiveTransfer(
        @TargetAggregateIdentifier AccountKey account, Entry entry, Money amount, UnitCode fromUnit)
        implements AccountCommand {

    public ReceiveTransfer {
        if (account == null) {
            throw new IllegalArgumentException("account is missing");
        }
        if (entry == null) {
            throw new IllegalArgumentException("entry is missing");
        }
        AccountCommand.requirePositive(amount);
        if (fromUnit == null) {
            throw new IllegalArgumentException("the paying unit is missing");
        }
        Transfers.natureReceivedAs(account.fund());
    }

    @Override
    public TransactionKind kind() {
        return TransactionKind.TRANSFER;
    }

    @Override
    public void appendContent(List<String> content) {
        content.add(Long.toString(amount.fen()));
        content.add(fromUnit.code());
    }
}
