package ledger.api.recording;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import ledger.api.store.EventStoreAccess;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.FiscalYear;
import ledger.core.account.InMemoryLedgerRegistry;
import ledger.core.account.ProjectRegistered;
import ledger.core.account.RecordedTransaction;
import ledger.core.account.UnitCode;
import ledger.core.account.UnitRegistered;
import ledger.core.journal.JournalPosting.PendingEvent;

/**
 * The steps of one batch posting in one database transaction, shared by the journal import and the
 * year close: lock the unit-years touched, in a fixed order; load what the registers know; (the
 * caller decides every row through {@code AccountBook}); append the events through the store that
 * owns the event-row format; register the ids taken and the names first used. Single commands take
 * the same steps inside Axon's unit of work (see {@link TransactionRecorder}).
 */
final class PostingSession {

    record UnitYear(UnitCode unit, FiscalYear year) {}

    private final JdbcLedgerRegistry registry;
    private final EventStoreAccess store;

    PostingSession(JdbcLedgerRegistry registry, EventStoreAccess store) {
        this.registry = registry;
        this.store = store;
    }

    /**
     * Locks every unit-year (shared for postings, exclusively for a close) in ascending order of
     * unit and year, so that two sessions cannot deadlock, and loads each year's status and the
     * recorded transactions among the ids wanted into an overlay to decide against.
     */
    InMemoryLedgerRegistry lock(Map<UnitYear, Set<String>> idsWanted, boolean exclusive) {
        Map<String, UnitYear> ordered = new TreeMap<>();
        idsWanted
                .keySet()
                .forEach(
                        unitYear -> ordered.put(unitYear.unit() + "/" + unitYear.year(), unitYear));
        InMemoryLedgerRegistry overlay =
                new InMemoryLedgerRegistry()
                        .withCatalogs(registry::catalog)
                        .withUnits(registry.units());
        for (UnitYear unitYear : ordered.values()) {
            overlay.withYear(
                    unitYear.unit(),
                    unitYear.year(),
                    exclusive
                            ? registry.lockYearExclusively(unitYear.unit(), unitYear.year())
                            : registry.lockYear(unitYear.unit(), unitYear.year()));
            Set<String> ids = idsWanted.get(unitYear);
            if (!ids.isEmpty()) {
                registry.transactions(unitYear.unit(), unitYear.year(), new ArrayList<>(ids))
                        .forEach(overlay::withTransaction);
            }
        }
        return overlay;
    }

    /** Appends the events, then registers what they took. */
    void store(
            List<PendingEvent> events,
            List<RecordedTransaction> taken,
            String user,
            String correlationId) {
        store.append(events, user, correlationId);
        register(taken, events);
    }

    /**
     * Registers the transaction ids taken and the units and projects the registrations among {@code
     * events} name.
     */
    void register(List<RecordedTransaction> taken, Collection<PendingEvent> events) {
        registry.recordAll(taken);
        for (PendingEvent event : events) {
            if (event.payload() instanceof UnitRegistered unit) {
                registry.registerUnit(unit.unit(), unit.name());
            } else if (event.payload() instanceof ProjectRegistered project) {
                registry.registerProject(project.unit(), project.project(), project.name());
            }
        }
    }
}
