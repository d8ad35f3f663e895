package ledger.core.account;

import ledger.core.money.Money;

/** 追加预算 was added. */
public record BudgetSupplemented(AccountKey account, Entry entry, Money amount)
        implements AccountEvent {

    @Override
    public TransactionKind kind() {
        return TransactionKind.SUPPLEMENT;
    }
}
