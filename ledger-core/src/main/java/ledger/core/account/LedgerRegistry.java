package ledger.core.account;

import java.util.Optional;
import ledger.core.classification.ClassificationCatalog;

/**
 * What one account cannot know alone: whether its unit's year is open, and which client transaction
 * ids the unit has used that year. The application backs it with tables written in the same
 * database transaction as the events; a batch import backs it with an in-memory overlay.
 */
public interface LedgerRegistry {

    YearStatus yearStatus(UnitCode unit, FiscalYear year);

    Optional<RecordedTransaction> transaction(UnitCode unit, FiscalYear year, TransactionId id);

    /**
     * True when the unit recorded {@code opening} balances of its own for that year, not since
     * reversed.
     */
    boolean hasOpeningTransactions(UnitCode unit, FiscalYear year);

    /**
     * The 科目 a fiscal year accepts: the catalog shipped with the ledger plus what was loaded for
     * that year ({@code ledger catalog import}). This is the one place a posting's codes are
     * checked against, by {@link AccountBook#decide}.
     */
    default ClassificationCatalog catalog(FiscalYear year) {
        return ClassificationCatalog.standard();
    }

    /**
     * The departments and their units, year by year ({@code ledger department register}): which
     * units a transfer may join, and each unit's kind. None registered: every unit stands alone.
     */
    default ledger.core.department.UnitRegistry units() {
        return ledger.core.department.UnitRegistry.NONE;
    }

    /** Takes the transaction's id; called once its events are decided. */
    void record(RecordedTransaction transaction);
}
