package ledger.core.account;

import ledger.core.money.Money;

/**
 * The previous year's closing balance of the same budget line arrived as this year's opening
 * balance.
 */
public record BalanceCarriedIn(AccountKey account, Entry entry, Money amount, AccountKey from)
        implements AccountEvent {

    @Override
    public TransactionKind kind() {
        return TransactionKind.CARRY_IN;
    }
}
