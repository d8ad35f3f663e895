package ledger.core.account;

import ledger.core.money.Money;

/**
 * 冲销: an earlier transaction was undone whole. It repeats what it undoes (kind, amount and, for an
 * expenditure, the spending) so that a reader of this one event knows every figure it changes.
 *
 * @param spending the reversed expenditure's spending; null for other kinds
 */
public record TransactionReversed(
        AccountKey account,
        Entry entry,
        TransactionId reversed,
        TransactionKind reversedKind,
        Money amount,
        Spending spending)
        implements AccountEvent {

    @Override
    public TransactionKind kind() {
        return TransactionKind.REVERSAL;
    }
}
