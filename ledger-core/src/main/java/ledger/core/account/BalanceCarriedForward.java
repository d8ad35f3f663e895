package ledger.core.account;

import ledger.core.money.Money;

/**
 * The year was closed: the account's remaining balance went to the same budget line of the next
 * year.
 */
public record BalanceCarriedForward(AccountKey account, Entry entry, Money amount, AccountKey to)
        implements AccountEvent {

    @Override
    public TransactionKind kind() {
        return TransactionKind.CARRY_FORWARD;
    }
}
