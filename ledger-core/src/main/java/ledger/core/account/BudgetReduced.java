package ledger.core.account;

import ledger.core.money.Money;

/** 调减预算 was taken off the budget. */
public record BudgetReduced(AccountKey account, Entry entry, Money amount) implements AccountEvent {

    @Override
    public TransactionKind kind() {
        return TransactionKind.REDUCE;
    }
}
