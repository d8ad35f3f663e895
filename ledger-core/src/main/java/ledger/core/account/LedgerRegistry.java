package ledger.core.account;

import java.util.Optional;

/**
 * What one account cannot know alone: whether its unit's year is open, and which client
 * transaction ids the unit has used that year. The application backs it with tables written in the
 * same database transaction as the events; a batch import backs it with an in-memory overlay.
 */
public interface LedgerRegistry {

    YearStatus yearStatus(UnitCode unit, FiscalYear year);

    Optional<RecordedTransaction> transaction(UnitCode unit, FiscalYear year, TransactionId id);

    /** True when the unit recorded {@code opening} balances of its own for that year, not since reversed. */
    boolean hasOpeningTransactions(UnitCode unit, FiscalYear year);

    /** Takes the transaction's id; called once its events are decided. */
    void record(RecordedTransaction transaction);
}
