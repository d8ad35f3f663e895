package ledger.core.account;

/** What a {@link BudgetAccount} command handler did, for the caller's answer. */
public enum CommandOutcome {
    /** New events were decided and applied. */
    RECORDED,
    /** The same transaction id with the same content was recorded before: nothing changed. */
    ALREADY_RECORDED
}
