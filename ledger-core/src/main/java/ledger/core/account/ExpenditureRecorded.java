package ledger.core.account;

import ledger.core.money.Money;

/** 支出 was made. */
public record ExpenditureRecorded(AccountKey account, Entry entry, Money amount, Spending spending)
        implements AccountEvent {

    @Override
    public TransactionKind kind() {
        return TransactionKind.EXPENDITURE;
    }
}
