package ledger.core.account;

import ledger.core.money.Money;

/** 拨款 was received. */
public record FundsAppropriated(AccountKey account, Entry entry, Money amount)
        implements AccountEvent {

    @Override
    public TransactionKind kind() {
        return TransactionKind.APPROPRIATION;
    }
}
