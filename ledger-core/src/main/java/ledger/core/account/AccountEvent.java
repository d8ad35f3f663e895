package ledger.core.account;

import ledger.core.money.Money;

/**
 * A fact about one budget account. Events are the permanent record: never edited or deleted, a
 * mistake is undone by a {@link TransactionReversed}. Amounts are always positive; the event type
 * carries the direction. Not sealed: {@link AccountBook#apply} says what each one changes.
 */
public interface AccountEvent {

    AccountKey account();

    Entry entry();

    Money amount();

    /** The kind of transaction this event records. */
    TransactionKind kind();
}
