package ledger.api.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import ledger.api.recording.JournalRefused;
import ledger.api.store.EventStoreAccess;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.api.store.TransactionResources;
import ledger.core.account.FiscalYear;
import ledger.core.catalog.CatalogLine;
import ledger.core.catalog.CatalogLoaded;
import ledger.core.catalog.YearCatalog;
import ledger.core.classification.ClassificationCatalog;
import ledger.core.journal.JournalPosting.PendingEvent;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each fiscal year's 科目表 as the event store holds it: the shipped catalog plus the year's {@link
 * CatalogLoaded} events, stored like every other event (on the aggregate {@code catalog/YYYY}, with
 * the acting user in the metadata). Every path that posts asks here, through {@code
 * LedgerRegistry.catalog(year)}, so a code is accepted or refused the same way by an import, a
 * single command, the web and the API.
 */
@Component
public class YearCatalogs {

    private record Read(long lastSequence, YearCatalog catalog) {}

    private final EventStore eventStore;
    private final EventStoreAccess store;
    private final TransactionTemplate transaction;

    /** A year's loads are re-read only when its last sequence number moved (on any node). */
    private final Map<FiscalYear, Read> read = new ConcurrentHashMap<>();

    public YearCatalogs(
            EventStore eventStore,
            EventStoreAccess store,
            TransactionTemplate transaction,
            JdbcLedgerRegistry registry) {
        this.eventStore = eventStore;
        this.store = store;
        this.transaction = transaction;
        registry.useCatalogs(this::forYear);
    }

    /** The year's catalog as stored now. */
    public YearCatalog of(FiscalYear year) {
        Read kept = read.get(year);
        // Once per transaction: a batch of single commands asks for every command of it.
        Set<FiscalYear> checked = checkedInThisTransaction();
        if (kept != null && checked.contains(year)) {
            return kept.catalog();
        }
        long last = eventStore.lastSequenceNumberFor(CatalogLoaded.aggregateId(year)).orElse(-1L);
        checked.add(year);
        if (kept != null && kept.lastSequence() == last) {
            return kept.catalog();
        }
        List<CatalogLoaded> loads = new ArrayList<>();
        long seen = -1;
        if (last >= 0) {
            DomainEventStream stream = eventStore.readEvents(CatalogLoaded.aggregateId(year));
            while (stream.hasNext()) {
                var message = stream.next();
                seen = message.getSequenceNumber();
                if (message.getPayload() instanceof CatalogLoaded loaded) {
                    loads.add(loaded);
                }
            }
        }
        YearCatalog catalog = new YearCatalog(year, loads);
        read.put(year, new Read(seen, catalog));
        return catalog;
    }

    /** The years whose newest load this transaction has asked the store for already. */
    private Set<FiscalYear> checkedInThisTransaction() {
        return TransactionResources.bound(this, HashSet::new, years -> {});
    }

    /** What a posting of that year is checked against, with the names its statements print. */
    public ClassificationCatalog forYear(FiscalYear year) {
        return of(year).catalog();
    }

    /**
     * Loads a 科目表 for the year: the whole file, or nothing and every problem.
     *
     * @throws JournalRefused naming each bad line (nothing is written)
     */
    public CatalogLoaded load(
            FiscalYear year, List<CatalogLine> lines, String source, String user) {
        return transaction.execute(
                status -> {
                    YearCatalog current = of(year);
                    YearCatalog.Decision decision = current.check(lines, source);
                    if (!decision.ok()) {
                        throw new JournalRefused(decision.problems());
                    }
                    long next =
                            eventStore
                                            .lastSequenceNumberFor(CatalogLoaded.aggregateId(year))
                                            .orElse(-1L)
                                    + 1;
                    // Two loads racing for one year meet on the (aggregate, sequence) key: one of
                    // them is refused.
                    store.append(
                            List.of(
                                    new PendingEvent(
                                            CatalogLoaded.aggregateId(year),
                                            CatalogLoaded.AGGREGATE_TYPE,
                                            next,
                                            decision.loaded(),
                                            0)),
                            user,
                            UUID.randomUUID().toString());
                    checkedInThisTransaction().remove(year);
                    return decision.loaded();
                });
    }
}
