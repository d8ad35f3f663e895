package ledger.core.account;

import ledger.core.money.Money;

/** 年初结转和结余 from before the ledger kept the unit was brought in. */
public record OpeningBalanceRecorded(AccountKey account, Entry entry, Money amount)
        implements AccountEvent {

    @Override
    public TransactionKind kind() {
        return TransactionKind.OPENING;
    }
}
