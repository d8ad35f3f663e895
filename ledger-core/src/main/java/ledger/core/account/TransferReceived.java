package ledger.core.account;

import ledger.core.money.Money;

/** The receiver's leg of a transfer was posted: received on its 上级补助收入 or 附属单位上缴收入 line. */
public record TransferReceived(AccountKey account, Entry entry, Money amount, UnitCode fromUnit)
        implements AccountEvent {

    @Override
    public TransactionKind kind() {
        return TransactionKind.TRANSFER;
    }
}
