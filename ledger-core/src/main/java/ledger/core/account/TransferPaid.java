package ledger.core.account;

import ledger.core.money.Money;

/** The payer's leg of a transfer was posted: spent from the payer's line as 对附属单位补助支出 or 上缴上级支出. */
public record TransferPaid(
        AccountKey account, Entry entry, Money amount, Spending spending, UnitCode toUnit)
        implements AccountEvent {

    @Override
    public TransactionKind kind() {
        return TransactionKind.TRANSFER;
    }
}
