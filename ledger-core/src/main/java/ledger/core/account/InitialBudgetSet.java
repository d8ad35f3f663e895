package ledger.core.account;

import ledger.core.money.Money;

/**
 * One 预算指标 was added to the account's 年初预算.
 *
 * @param indicator the 指标文号 or 指标 id; empty when none was named (also for events stored before the
 *     field existed, whose JSON lacks it)
 */
public record InitialBudgetSet(AccountKey account, Entry entry, Money amount, String indicator)
        implements AccountEvent {

    public InitialBudgetSet {
        indicator = indicator == null ? "" : indicator;
    }

    public InitialBudgetSet(AccountKey account, Entry entry, Money amount) {
        this(account, entry, amount, "");
    }

    @Override
    public TransactionKind kind() {
        return TransactionKind.BUDGET;
    }
}
