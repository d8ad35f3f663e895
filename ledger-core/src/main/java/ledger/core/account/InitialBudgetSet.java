package ledger.core.account;

import ledger.core.money.Money;

/** 年初预算 was set. */
public record InitialBudgetSet(AccountKey account, Entry entry, Money amount) implements AccountEvent {

    @Override
    public TransactionKind kind() {
        return TransactionKind.BUDGET;
    }
}
