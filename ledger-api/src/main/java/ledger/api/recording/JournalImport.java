package ledger.api.recording;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import ledger.api.statement.ProjectionStatus;
import ledger.api.store.EventStoreAccess;
import ledger.api.catalog.YearCatalogs;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.FiscalYear;
import ledger.core.account.InMemoryLedgerRegistry;
import ledger.core.account.ProjectRegistered;
import ledger.core.account.UnitCode;
import ledger.core.account.UnitRegistered;
import ledger.journal.JournalParse;
import ledger.core.journal.JournalProblem;
import ledger.core.journal.JournalPosting;
import ledger.core.journal.JournalPosting.KnownNames;
import ledger.core.journal.JournalPosting.Outcome;
import ledger.core.journal.JournalPosting.PendingEvent;
import ledger.journal.JournalReader;
import ledger.core.journal.JournalRow;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a journal file whole or not at all. The file is read and checked field by field first;
 * then, in one database transaction, every row is checked against the accounts' state in memory
 * and the events are appended in batches. If any row is bad nothing is written and every bad row
 * is reported; importing the same file again changes nothing.
 */
@Service
public class JournalImport {

    private static final Logger log = LoggerFactory.getLogger(JournalImport.class);
    private static final int ATTEMPTS = 3;
    /** Beyond this many rows, a file with format problems is not also checked against the ledger. */
    private static final int RULE_CHECK_AFTER_FORMAT_PROBLEMS = 200_000;

    /**
     * A large import changes the tables' shape so much that the planner needs new statistics
     * (autovacuum may be off, and would come late anyway): without them it keeps sequential scans.
     */
    private static final int REFRESH_STATISTICS_AFTER = 10_000;

    private final JournalReader reader = new JournalReader();
    private final JdbcLedgerRegistry registry;
    private final EventStoreAccess store;
    private final TransactionTemplate transaction;
    private final ObjectProvider<ProjectionStatus> projections;
    private YearCatalogs catalogs;

    /** Each row's codes are checked against its year's 科目表. */
    @Autowired
    void useCatalogs(YearCatalogs yearCatalogs) {
        this.catalogs = yearCatalogs;
    }

    public JournalImport(JdbcLedgerRegistry registry, EventStoreAccess store, TransactionTemplate transaction,
                         ObjectProvider<ProjectionStatus> projections) {
        this.registry = registry;
        this.projections = projections;
        this.store = store;
        this.transaction = transaction;
    }

    /** @throws JournalRefused listing every problem, when anything in the file is wrong */
    public ImportResult importJournal(InputStream file, String source, String user) {
        return importJournal(file, source, user, unit -> true);
    }

    /**
     * As {@link #importJournal(InputStream, String, String)} for a caller limited to some units: a
     * file naming any other unit is refused before the ledger is read at all.
     *
     * @throws UnitNotPermitted naming the first unit the caller may not record for
     */
    public ImportResult importJournal(InputStream file, String source, String user, Predicate<UnitCode> permitted) {
        long started = System.nanoTime();
        JournalParse parse = reader.read(file);
        parse.rows().stream().map(JournalRow::unit).distinct().filter(permitted.negate()).findFirst()
                .ifPresent(unit -> {
                    throw new UnitNotPermitted(unit);
                });
        if (!parse.ok()) {
            throw new JournalRefused(withRuleProblems(parse));
        }
        return post(parse.rows(), source, user, started);
    }

    /**
     * A file with malformed rows is refused, but its well-formed rows are still checked against the
     * ledger (in a transaction that is rolled back), so the clerk gets every problem in one go.
     */
    private List<JournalProblem> withRuleProblems(JournalParse parse) {
        List<JournalProblem> problems = new ArrayList<>(parse.problems());
        if (!parse.rows().isEmpty() && parse.rows().size() <= RULE_CHECK_AFTER_FORMAT_PROBLEMS) {
            transaction.executeWithoutResult(status -> {
                status.setRollbackOnly();
                InMemoryLedgerRegistry overlay = preload(parse.rows());
                Set<UnitCode> units = new HashSet<>();
                parse.rows().forEach(row -> units.add(row.unit()));
                KnownNames known = new KnownNames(registry.unitNames(), registry.projectNames(units));
                problems.addAll(new JournalPosting(overlay, store, known).post(parse.rows()).problems());
            });
        }
        problems.sort(Comparator.comparingInt(JournalProblem::line));
        return problems;
    }

    /** Posts rows that are already well-formed, all in one transaction. */
    public ImportResult post(List<JournalRow> rows, String source, String user, long startedNanos) {
        String correlationId = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            try {
                Posted posted = transaction.execute(status -> postInTransaction(rows, user, correlationId));
                Outcome outcome = posted.outcome();
                ImportResult result = new ImportResult(source, rows.size(), outcome.applied(), outcome.repeated(),
                        posted.events(), Duration.ofNanos(System.nanoTime() - startedNanos), correlationId);
                if (posted.events() >= REFRESH_STATISTICS_AFTER) {
                    store.refreshStatistics();
                }
                if (posted.events() >= ProjectionStatus.BULK_CATCH_UP_EVENTS) {
                    // After the commit, so the import stands whatever happens here: a failed
                    // catch-up is logged and the live processor does the work instead.
                    projections.ifAvailable(ProjectionStatus::catchUpInBulk);
                }
                return result;
            } catch (DataIntegrityViolationException | ConcurrencyException | AggregateStreamCreationException
                    concurrentWriter) {
                // Another writer took an account's next event number or one of our ids meanwhile:
                // nothing of ours was written, so check the whole file again against the new state.
                if (attempt == ATTEMPTS) {
                    throw concurrentWriter;
                }
                log.info("journal {} met a concurrent writer (attempt {}), retrying: {}", source, attempt,
                        concurrentWriter.getMessage());
            }
        }
    }

    /** What a transaction stored: the posting outcome and how many events were appended. */
    private record Posted(Outcome outcome, int events) {
    }

    private Posted postInTransaction(List<JournalRow> rows, String user, String correlationId) {
        long started = System.nanoTime();
        InMemoryLedgerRegistry overlay = preload(rows);
        Set<UnitCode> units = new HashSet<>();
        rows.forEach(row -> units.add(row.unit()));
        KnownNames known = new KnownNames(registry.unitNames(), registry.projectNames(units));
        long preloaded = System.nanoTime();
        JournalPosting posting = new JournalPosting(overlay, store, known);
        List<PendingEvent> registrations = new ArrayList<>();
        int events;
        Outcome outcome;
        long checked;
        boolean streamed = store.copies(rows.size());
        if (streamed) {
            // A large batch streams into a COPY while the rows are checked: PostgreSQL stores events
            // while the next rows are decided, and a million events are never held at once. A bad
            // row abandons the COPY and the transaction rolls back.
            int[] count = {0};
            try (EventStoreAccess.CopyAppender appender = store.copyAppender(user, correlationId)) {
                outcome = posting.post(rows, event -> {
                    appender.accept(event);
                    count[0]++;
                    if (isRegistration(event)) {
                        registrations.add(event);
                    }
                });
                if (!outcome.ok()) {
                    throw new JournalRefused(outcome.problems());
                }
                appender.finish();
            }
            events = count[0];
            checked = System.nanoTime();
        } else {
            outcome = posting.post(rows);
            if (!outcome.ok()) {
                throw new JournalRefused(outcome.problems());
            }
            checked = System.nanoTime();
            store.append(outcome.events(), user, correlationId);
            events = outcome.events().size();
            outcome.events().stream().filter(JournalImport::isRegistration).forEach(registrations::add);
        }
        long appended = System.nanoTime();
        registry.recordAll(outcome.transactions());
        log.debug("import of {} rows: preload {} ms, rules {} ms, append events {} ms{}, register ids {} ms",
                rows.size(), (preloaded - started) / 1_000_000, (checked - preloaded) / 1_000_000,
                (appended - checked) / 1_000_000, streamed ? " (streamed with the rules)" : "",
                (System.nanoTime() - appended) / 1_000_000);
        for (PendingEvent event : registrations) {
            if (event.payload() instanceof UnitRegistered unit) {
                registry.registerUnit(unit.unit(), unit.name());
            } else if (event.payload() instanceof ProjectRegistered project) {
                registry.registerProject(project.unit(), project.project(), project.name());
            }
        }
        return new Posted(outcome, events);
    }

    private static boolean isRegistration(PendingEvent event) {
        return event.payload() instanceof UnitRegistered || event.payload() instanceof ProjectRegistered;
    }

    /**
     * Locks every unit-year the file touches (in a fixed order, so two imports cannot deadlock) and
     * loads what the database knows of them: year status and the transaction ids the file uses.
     */
    private InMemoryLedgerRegistry preload(List<JournalRow> rows) {
        record UnitYear(UnitCode unit, FiscalYear year) {
        }
        Map<UnitYear, Set<String>> ids = new HashMap<>();
        for (JournalRow row : rows) {
            Set<String> wanted = ids.computeIfAbsent(new UnitYear(row.unit(), row.entry().year()), k -> new HashSet<>());
            wanted.add(row.entry().transactionId().value());
            if (row.reverses() != null) {
                wanted.add(row.reverses().value());
            }
        }
        InMemoryLedgerRegistry overlay = new InMemoryLedgerRegistry().withCatalogs(catalogs::forYear);
        TreeSet<String> order = new TreeSet<>();
        Map<String, UnitYear> byName = new HashMap<>();
        ids.keySet().forEach(k -> {
            order.add(k.unit() + "/" + k.year());
            byName.put(k.unit() + "/" + k.year(), k);
        });
        for (String name : order) {
            UnitYear unitYear = byName.get(name);
            overlay.withYear(unitYear.unit(), unitYear.year(), registry.lockYear(unitYear.unit(), unitYear.year()));
            registry.transactions(unitYear.unit(), unitYear.year(), new ArrayList<>(ids.get(unitYear)))
                    .forEach(overlay::withTransaction);
        }
        return overlay;
    }
}
