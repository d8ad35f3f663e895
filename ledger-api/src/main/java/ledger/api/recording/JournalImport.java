package ledger.api.recording;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import ledger.api.audit.AuditLog;
import ledger.api.statement.ProjectionStatus;
import ledger.api.store.EventStoreAccess;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.InMemoryLedgerRegistry;
import ledger.core.account.ProjectRegistered;
import ledger.core.account.UnitCode;
import ledger.core.account.UnitRegistered;
import ledger.core.journal.JournalPosting;
import ledger.core.journal.JournalPosting.KnownNames;
import ledger.core.journal.JournalPosting.Outcome;
import ledger.core.journal.JournalPosting.PendingEvent;
import ledger.core.journal.JournalProblem;
import ledger.core.journal.JournalProblemList;
import ledger.core.journal.JournalRow;
import ledger.journal.JournalParse;
import ledger.journal.JournalReader;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a journal file whole or not at all. The file is read and checked field by field first;
 * then, in one database transaction, every row is checked against the accounts' state in memory and
 * the events are appended in batches. If any row is bad nothing is written and every bad row is
 * reported; importing the same file again changes nothing.
 */
@Service
public class JournalImport {

    private static final Logger log = LoggerFactory.getLogger(JournalImport.class);
    private static final int ATTEMPTS = 3;

    /**
     * Beyond this many rows, a file with format problems is not also checked against the ledger.
     */
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
    private final PostingSession session;
    private final AuditLog audit;
    private final AtomicInteger uploadsInProgress = new AtomicInteger();
    private final AtomicLong uploadsAbandoned = new AtomicLong();

    public JournalImport(
            JdbcLedgerRegistry registry,
            EventStoreAccess store,
            TransactionTemplate transaction,
            ObjectProvider<ProjectionStatus> projections,
            AuditLog audit) {
        this.audit = audit;
        this.registry = registry;
        this.projections = projections;
        this.store = store;
        this.transaction = transaction;
        this.session = new PostingSession(registry, store);
    }

    /**
     * @throws JournalRefused listing every problem, when anything in the file is wrong
     */
    public ImportResult importJournal(InputStream file, String source, String user) {
        return importJournal(file, source, user, unit -> true);
    }

    /**
     * As {@link #importJournal(InputStream, String, String)} for a caller limited to some units: a
     * file naming any other unit is refused before the ledger is read at all.
     *
     * @throws UnitNotPermitted naming the first unit the caller may not record for
     */
    public ImportResult importJournal(
            InputStream file, String source, String user, Predicate<UnitCode> permitted) {
        return importJournal(file, source, user, permitted, JournalReader.Options.DEFAULT);
    }

    /**
     * As {@link #importJournal(InputStream, String, String, Predicate)}, reading the named sheet of
     * a workbook and another system's columns through a mapping.
     */
    public ImportResult importJournal(
            InputStream file,
            String source,
            String user,
            Predicate<UnitCode> permitted,
            JournalReader.Options options) {
        return importJournal(file, source, user, permitted, options, ImportProgress.NONE);
    }

    /**
     * As {@link #importJournal(InputStream, String, String, Predicate, JournalReader.Options)},
     * telling {@code progress} how many rows have been decided (the caller counts the bytes it
     * hands over with {@link ImportProgress#counting}).
     */
    public ImportResult importJournal(
            InputStream file,
            String source,
            String user,
            Predicate<UnitCode> permitted,
            JournalReader.Options options,
            ImportProgress progress) {
        long started = System.nanoTime();
        return imported(reader.read(file, options), source, user, permitted, started, progress);
    }

    /** A journal file on this machine (the command line): a workbook is read in place. */
    public ImportResult importFile(
            java.nio.file.Path file, String user, JournalReader.Options options)
            throws java.io.IOException {
        return importFile(file, user, options, ImportProgress.NONE);
    }

    /**
     * As {@link #importFile(java.nio.file.Path, String, JournalReader.Options)}, telling {@code
     * progress} the bytes read of a CSV file (a workbook is read in place, its bytes uncounted) and
     * the rows decided.
     */
    public ImportResult importFile(
            java.nio.file.Path file,
            String user,
            JournalReader.Options options,
            ImportProgress progress)
            throws java.io.IOException {
        long started = System.nanoTime();
        String source = file.getFileName().toString();
        // Read once to check it and note what it touches, then again as it is posted: a
        // million-row journal is never held (issue 19: 512 MB of heap for a million rows).
        ImportRows.FromFile rows = ImportRows.of(reader, file, options, progress);
        if (!rows.parse().ok()) {
            // Refused: read whole, as an upload is, so that its well-formed rows are also checked
            // against the ledger and the clerk gets every problem in one go.
            return imported(
                    reader.read(file, options), source, user, unit -> true, started, progress);
        }
        return imported(rows, rows.parse(), source, user, unit -> true, started, progress);
    }

    private ImportResult imported(
            JournalParse parse,
            String source,
            String user,
            Predicate<UnitCode> permitted,
            long started,
            ImportProgress progress) {
        return imported(
                ImportRows.of(parse.rows()), parse, source, user, permitted, started, progress);
    }

    /**
     * @param parse the problems and what the file was read as; its rows are {@code rows}' when held
     */
    private ImportResult imported(
            ImportRows rows,
            JournalParse parse,
            String source,
            String user,
            Predicate<UnitCode> permitted,
            long started,
            ImportProgress progress) {
        try {
            // A transfer needs both its units granted: the payer's and the receiver's.
            rows.unitsWithCounterparts().stream()
                    .filter(permitted.negate())
                    .findFirst()
                    .ifPresent(
                            unit -> {
                                throw new UnitNotPermitted(unit);
                            });
            if (!parse.ok()) {
                throw new JournalRefused(withRuleProblems(rows, parse, progress));
            }
            ImportResult result =
                    post(rows, source, user, started, progress).withReadAs(parse.readAs());
            audit.record(
                    "import",
                    user,
                    "success",
                    Map.of(
                            "source",
                            source,
                            "rows",
                            result.rows(),
                            "new",
                            result.applied(),
                            "alreadyRecorded",
                            result.repeated(),
                            "events",
                            result.events(),
                            "correlationId",
                            result.correlationId()));
            return result;
        } catch (JournalRefused refused) {
            audit.record(
                    "import",
                    user,
                    "refused",
                    Map.of("source", source, "problems", refused.problems().size()));
            throw refused;
        } catch (UnitNotPermitted forbidden) {
            audit.record(
                    "import",
                    user,
                    "refused",
                    Map.of("source", source, "reason", forbidden.getMessage()));
            throw forbidden;
        }
    }

    /**
     * As {@link #importJournal(InputStream, String, String, Predicate)} for a body arriving over
     * HTTP, read as it arrives: when the client hangs up or the connection breaks before the end,
     * reading and deciding stop at once and nothing is written ({@link UploadAbandoned}), instead
     * of checking a cut-off file for no one.
     */
    public ImportResult importUpload(
            InputStream body, String source, String user, Predicate<UnitCode> permitted) {
        return importUpload(body, source, user, permitted, JournalReader.Options.DEFAULT);
    }

    /**
     * As {@link #importUpload(InputStream, String, String, Predicate)}, with a sheet and a mapping.
     */
    public ImportResult importUpload(
            InputStream body,
            String source,
            String user,
            Predicate<UnitCode> permitted,
            JournalReader.Options options) {
        ClientBody client = new ClientBody(body, source);
        uploadsInProgress.incrementAndGet();
        try {
            return importJournal(client, source, user, permitted, options);
        } catch (UploadAbandoned abandoned) {
            uploadsAbandoned.incrementAndGet();
            log.info(
                    "journal upload {} by {} abandoned after {} bytes: the client stopped sending ({})",
                    source,
                    user,
                    client.bytesRead,
                    abandoned.getCause() == null ? "" : abandoned.getCause().toString());
            throw abandoned;
        } finally {
            uploadsInProgress.decrementAndGet();
        }
    }

    /** Uploads being read or decided now (for monitoring: a server with none is idle). */
    public int uploadsInProgress() {
        return uploadsInProgress.get();
    }

    /** Uploads given up since start because their client stopped sending. */
    public long uploadsAbandoned() {
        return uploadsAbandoned.get();
    }

    /**
     * A request body: failing to read it means the client or the connection is gone, never that the
     * file is malformed, so it stops the import instead of becoming one more problem of the file.
     */
    private static final class ClientBody extends FilterInputStream {
        private final String source;
        private long bytesRead;

        ClientBody(InputStream in, String source) {
            super(in);
            this.source = source;
        }

        @Override
        public int read() {
            try {
                int b = super.read();
                bytesRead += b < 0 ? 0 : 1;
                return b;
            } catch (IOException broken) {
                throw new UploadAbandoned(source, bytesRead, broken);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            try {
                int n = super.read(buffer, offset, length);
                bytesRead += Math.max(n, 0);
                return n;
            } catch (IOException broken) {
                throw new UploadAbandoned(source, bytesRead, broken);
            }
        }
    }

    /**
     * A file with malformed rows is refused, but its well-formed rows are still checked against the
     * ledger (in a transaction that is rolled back), so the clerk gets every problem in one go, the
     * first {@value JournalProblemList#LISTED_AT_MOST} listed and the other bad rows counted.
     */
    private List<JournalProblem> withRuleProblems(
            ImportRows rows, JournalParse parse, ImportProgress progress) {
        List<JournalProblem> problems = new ArrayList<>(parse.problems());
        if (!parse.rows().isEmpty() && parse.rows().size() <= RULE_CHECK_AFTER_FORMAT_PROBLEMS) {
            transaction.executeWithoutResult(
                    status -> {
                        status.setRollbackOnly();
                        InMemoryLedgerRegistry overlay = session.lock(rows.idsUsed(), false);
                        KnownNames known =
                                new KnownNames(
                                        registry.unitNames(), registry.projectNames(rows.units()));
                        problems.addAll(
                                new JournalPosting(overlay, store, known)
                                        .post(
                                                parse.rows(),
                                                null,
                                                decided ->
                                                        progress.deciding(
                                                                decided, parse.rows().size()))
                                        .problems());
                    });
        }
        // Each list is bounded, so this sorts at most about 2,000 problems; merged, they keep one
        // bound.
        problems.sort(Comparator.comparingInt(JournalProblem::line));
        JournalProblemList merged = new JournalProblemList();
        merged.addAll(problems);
        return merged.problems();
    }

    /** Posts rows that are already well-formed, all in one transaction. */
    public ImportResult post(List<JournalRow> rows, String source, String user, long startedNanos) {
        return post(rows, source, user, startedNanos, ImportProgress.NONE);
    }

    /** As {@link #post(List, String, String, long)}, telling {@code progress} the rows decided. */
    public ImportResult post(
            List<JournalRow> rows,
            String source,
            String user,
            long startedNanos,
            ImportProgress progress) {
        return post(ImportRows.of(rows), source, user, startedNanos, progress);
    }

    private ImportResult post(
            ImportRows rows,
            String source,
            String user,
            long startedNanos,
            ImportProgress progress) {
        String correlationId = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            try {
                Posted posted =
                        transaction.execute(
                                status -> postInTransaction(rows, user, correlationId, progress));
                ImportResult result =
                        new ImportResult(
                                source,
                                rows.size(),
                                posted.applied(),
                                posted.repeated(),
                                posted.events(),
                                Duration.ofNanos(System.nanoTime() - startedNanos),
                                correlationId,
                                "");
                if (posted.events() >= REFRESH_STATISTICS_AFTER) {
                    store.refreshStatistics();
                }
                if (posted.events() >= ProjectionStatus.BULK_CATCH_UP_EVENTS) {
                    // After the commit, so the import stands whatever happens here: a failed
                    // catch-up is logged and the live processor does the work instead.
                    projections.ifAvailable(ProjectionStatus::catchUpInBulk);
                }
                return result;
            } catch (DataIntegrityViolationException
                    | ConcurrencyException
                    | AggregateStreamCreationException concurrentWriter) {
                // Another writer took an account's next event number or one of our ids meanwhile:
                // nothing of ours was written, so check the whole file again against the new state.
                if (attempt == ATTEMPTS) {
                    throw concurrentWriter;
                }
                log.info(
                        "journal {} met a concurrent writer (attempt {}), retrying: {}",
                        source,
                        attempt,
                        concurrentWriter.getMessage());
            }
        }
    }

    /**
     * What a transaction stored: rows applied and already recorded, events appended. Counts only,
     * so the million ids taken are garbage before the catch-up that follows a large import.
     */
    private record Posted(int applied, int repeated, int events) {}

    private Posted postInTransaction(
            ImportRows rows, String user, String correlationId, ImportProgress progress) {
        java.util.function.IntConsumer decided = done -> progress.deciding(done, rows.size());
        long started = System.nanoTime();
        // Locks every unit-year the rows touch (in a fixed order, so two imports cannot deadlock)
        // and loads what the database knows of them: year status and the ids the rows use.
        InMemoryLedgerRegistry overlay = session.lock(rows.idsUsed(), false);
        rows.forgetIds();
        KnownNames known =
                new KnownNames(registry.unitNames(), registry.projectNames(rows.units()));
        long preloaded = System.nanoTime();
        JournalPosting posting = new JournalPosting(overlay, store, known);
        List<PendingEvent> registrations = new ArrayList<>();
        int events;
        Outcome outcome;
        long checked;
        boolean streamed = store.copies(rows.size());
        if (streamed) {
            // A large batch streams into a COPY while the rows are checked: PostgreSQL stores
            // events
            // while the next rows are decided, and a million events are never held at once. A bad
            // row abandons the COPY and the transaction rolls back.
            int[] count = {0};
            try (EventStoreAccess.CopyAppender appender = store.copyAppender(user, correlationId)) {
                JournalPosting.Run run =
                        posting.start(
                                rows.accountsTouched(posting),
                                event -> {
                                    appender.accept(event);
                                    count[0]++;
                                    if (isRegistration(event)) {
                                        registrations.add(event);
                                    }
                                },
                                decided);
                rows.forEach(run::post);
                outcome = run.finish();
                if (!outcome.ok()) {
                    throw new JournalRefused(outcome.problems());
                }
                appender.finish();
            }
            events = count[0];
            checked = System.nanoTime();
        } else {
            JournalPosting.Run run = posting.start(rows.accountsTouched(posting), null, decided);
            rows.forEach(run::post);
            outcome = run.finish();
            if (!outcome.ok()) {
                throw new JournalRefused(outcome.problems());
            }
            checked = System.nanoTime();
            store.append(outcome.events(), user, correlationId);
            events = outcome.events().size();
            outcome.events().stream()
                    .filter(JournalImport::isRegistration)
                    .forEach(registrations::add);
        }
        long appended = System.nanoTime();
        session.register(outcome.transactions(), registrations);
        log.debug(
                "import of {} rows: preload {} ms, rules {} ms, append events {} ms{}, register ids {} ms",
                rows.size(),
                (preloaded - started) / 1_000_000,
                (checked - preloaded) / 1_000_000,
                (appended - checked) / 1_000_000,
                streamed ? " (streamed with the rules)" : "",
                (System.nanoTime() - appended) / 1_000_000);
        return new Posted(outcome.applied(), outcome.repeated(), events);
    }

    private static boolean isRegistration(PendingEvent event) {
        return event.payload() instanceof UnitRegistered
                || event.payload() instanceof ProjectRegistered;
    }
}
