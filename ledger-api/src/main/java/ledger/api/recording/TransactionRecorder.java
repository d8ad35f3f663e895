package ledger.api.recording;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import ledger.api.store.EventStoreAccess;
import ledger.api.recording.RecorderReads.UnitYear;
import ledger.api.catalog.YearCatalogs;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.api.store.SqlDialect;
import ledger.core.account.AccountKey;
import ledger.core.account.InMemoryLedgerRegistry;
import ledger.core.account.ProjectRegistered;
import ledger.core.account.RecordedTransaction;
import ledger.core.account.UnitCode;
import ledger.core.account.UnitRegistered;
import ledger.core.account.YearStatus;
import ledger.core.journal.JournalPosting;
import ledger.core.journal.JournalPosting.KnownNames;
import ledger.core.journal.JournalPosting.LoadedAccount;
import ledger.core.journal.JournalPosting.Outcome;
import ledger.core.journal.JournalPosting.PendingEvent;
import ledger.core.journal.JournalPosting.UnitProject;
import ledger.core.journal.JournalProblem;
import ledger.core.journal.JournalRow;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records one transaction at a time, as a clerk's form, an API call or {@code ledger record} does,
 * each acknowledged only once it is committed.
 *
 * <p>Group commit: callers wait in a queue; one writer per node takes whatever has queued (up to
 * {@link #MAX_BATCH}) and decides and stores it in one database transaction, with the same rules
 * and the same bulk append as a journal import ({@link JournalPosting}, {@link EventStoreAccess}).
 * A commit costs one disk flush and a handful of round trips however many commands it carries, so
 * concurrent clerks share them. Rows are decided in arrival order, so two clerks racing on one
 * account are decided one after the other; a row a rule refuses gets its own refusal and the
 * others are stored without it. The writer locks each unit-year it touches (shared, so a year
 * close waits) and then the accounts' advisory locks in ascending order, which serializes it with
 * the writers of other nodes; the unique (account, event number) key is the last line of defence,
 * and a batch that loses that race is decided again. Account books are kept between commits
 * ({@link KeptAccounts}) and trusted only while the store's last event number agrees.
 */
@Service
public class TransactionRecorder implements DisposableBean {

    /** What recording one transaction did. */
    public record Recorded(String transactionId, String accountId, boolean repeated) {
    }

    /** Most commands one commit carries: bounds the transaction's size and the wait of its first caller. */
    static final int MAX_BATCH = 200;
    private static final int ATTEMPTS = 5;
    private static final int KEPT_ACCOUNTS = 20_000;
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(TransactionRecorder.class);

    private record Waiting(JournalRow row, String user, CompletableFuture<Recorded> answer) {
    }

    /** What one transaction decided for each waiting caller, by position in the batch, to answer after commit. */
    private record Decided(Map<Integer, Object> answers, Map<AccountKey, LoadedAccount> books,
                           Map<UnitCode, String> units, Map<UnitProject, String> projects) {
    }

    private final JdbcLedgerRegistry registry;
    private final EventStoreAccess store;
    private final TransactionTemplate transaction;
    private final KeptAccounts accounts;
    private final RecorderReads reads;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Object lifecycle = new Object();
    private Thread writer;
    private boolean stopping;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong taken = new AtomicLong();
    private YearCatalogs catalogs;

    /** Each command's codes are checked against its year's 科目表. */
    @Autowired
    void useCatalogs(YearCatalogs yearCatalogs) {
        this.catalogs = yearCatalogs;
    }

    public TransactionRecorder(JdbcLedgerRegistry registry, EventStoreAccess store, JdbcTemplate jdbc,
                               SqlDialect dialect, TransactionTemplate transaction) {
        this.registry = registry;
        this.store = store;
        this.transaction = transaction;
        this.accounts = new KeptAccounts(jdbc, store, KEPT_ACCOUNTS);
        this.reads = new RecorderReads(jdbc, dialect, registry);
    }

    /**
     * Records the row and returns once it is committed.
     *
     * @throws JournalRefused naming the field and the reason; nothing is written then
     */
    public Recorded record(JournalRow row, String user) {
        Waiting waiting = new Waiting(row, user, new CompletableFuture<>());
        synchronized (lifecycle) {
            if (stopping) {
                throw new IllegalStateException("the ledger is stopping: transaction " + row.entry().transactionId()
                        + " was not recorded");
            }
            if (writer == null) {
                writer = new Thread(this::writeLoop, "ledger-recorder");
                writer.setDaemon(true);
                writer.start();
            }
            queue.add(waiting);
        }
        try {
            return waiting.answer().get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while transaction " + row.entry().transactionId()
                    + " was being recorded: it may or may not be stored (recording it again is safe)", interrupted);
        }
    }

    /** Transactions committed by this node's writer so far (each carrying one or more commands). */
    public long commits() {
        return commits.get();
    }

    /** Callers queued and not yet taken by the writer. */
    int waiting() {
        return queue.size();
    }

    /** Commands the writer has taken from the queue so far. */
    long taken() {
        return taken.get();
    }

    /** Stops taking commands, answers every one already queued, then stops the writer. */
    @Override
    public void destroy() throws InterruptedException {
        Thread running;
        synchronized (lifecycle) {
            stopping = true;
            running = writer;
        }
        if (running != null) {
            running.join(STOP_WAIT.toMillis());
            if (running.isAlive()) {
                running.interrupt();
                running.join(STOP_WAIT.toMillis());
            }
        }
    }

    private void writeLoop() {
        List<Waiting> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (true) {
                Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    synchronized (lifecycle) {
                        if (stopping && queue.isEmpty()) {
                            return;
                        }
                    }
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                taken.addAndGet(batch.size());
                try {
                    write(List.copyOf(batch));
                } catch (Throwable unexpected) {
                    // Nobody may wait forever: whatever was not answered fails, and the writer goes on.
                    log.error("recording a batch of {} commands failed", batch.size(), unexpected);
                    batch.forEach(waiting -> waiting.answer().completeExceptionally(unexpected));
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            IllegalStateException stopped = new IllegalStateException("the ledger stopped before this transaction"
                    + " was recorded");
            batch.forEach(waiting -> waiting.answer().completeExceptionally(stopped));
            for (Waiting left = queue.poll(); left != null; left = queue.poll()) {
                left.answer().completeExceptionally(stopped);
            }
        }
    }

    private void write(List<Waiting> batch) {
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    boolean probeIds = attempt > 1;
                    Decided decided = transaction.execute(status -> decideAndStore(batch, probeIds));
                    commits.incrementAndGet();
                    accounts.committed(decided.books());
                    reads.committed(decided.units(), decided.projects());
                    decided.answers().forEach((index, answer) -> {
                        if (answer instanceof Recorded recorded) {
                            batch.get(index).answer().complete(recorded);
                        } else {
                            batch.get(index).answer().completeExceptionally((RuntimeException) answer);
                        }
                    });
                    return;
                } catch (DataIntegrityViolationException | ConcurrencyException | AggregateStreamCreationException
                         | ConcurrencyFailureException concurrentWriter) {
                    // Another writer took an account's next event number first, or an id was taken
                    // already: nothing of ours was written, so decide the whole batch again on the
                    // new state, this time with every id looked up (kept books are checked anyway).
                    if (attempt == ATTEMPTS) {
                        throw concurrentWriter;
                    }
                    log.debug("batch of {} met a concurrent writer (attempt {}): {}", batch.size(), attempt,
                            concurrentWriter.getMessage());
                }
            }
        } catch (RuntimeException failed) {
            if (batch.size() == 1) {
                batch.get(0).answer().completeExceptionally(failed);
                return;
            }
            // Whatever went wrong must not fail the other callers: each is tried again on its own.
            log.warn("a batch of {} commands failed ({}); recording them one by one", batch.size(), failed.toString());
            for (Waiting waiting : batch) {
                write(List.of(waiting));
            }
        }
    }

    /**
     * @param probeIds whether to look up the rows' own ids. Nearly every command brings a new id,
     *                 so the first attempt does not: an id already taken then fails the insert
     *                 into the id register (its primary key), nothing is written, and the batch is
     *                 decided again with every id looked up, which answers repeats and conflicts.
     *                 So is a batch in which a rule refuses a row, since that row may be a repeat.
     *                 The ids that reversals name are always looked up: they route the reversal.
     */
    private Decided decideAndStore(List<Waiting> batch, boolean probeIds) {
        // Each row is numbered by its place in the batch, so problems and events find their caller.
        List<JournalRow> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            JournalRow row = batch.get(i).row();
            rows.add(new JournalRow(i + 1, row.kind(), row.unit(), row.entry(), row.command(), row.reverses(),
                    row.unitName(), row.project(), row.projectName()));
        }

        // Unit-years in a fixed order (as an import takes them), each share-locked, with the ids to look up.
        Map<String, UnitYear> unitYears = new TreeMap<>();
        Map<UnitYear, Set<String>> ids = new HashMap<>();
        for (JournalRow row : rows) {
            UnitYear unitYear = new UnitYear(row.unit(), row.entry().year());
            unitYears.put(row.unit() + "/" + row.entry().year(), unitYear);
            if (probeIds) {
                ids.computeIfAbsent(unitYear, k -> new HashSet<>()).add(row.entry().transactionId().value());
            }
            if (row.reverses() != null) {
                ids.computeIfAbsent(unitYear, k -> new HashSet<>()).add(row.reverses().value());
            }
        }
        Map<UnitYear, YearStatus> years = reads.lockYears(unitYears.values());
        List<RecordedTransaction> stored = ids.isEmpty() ? List.of() : reads.transactions(ids);
        InMemoryLedgerRegistry known = overlay(years, stored);

        // Every account the batch may touch: posting rows' own, and those of the transactions reversed.
        Set<AccountKey> keys = new HashSet<>();
        for (JournalRow row : rows) {
            if (row.command() != null) {
                keys.add(row.command().account());
            } else {
                known.transaction(row.unit(), row.entry().year(), row.reverses())
                        .ifPresent(original -> keys.add(AccountKey.parse(original.accountId())));
            }
        }
        TreeSet<String> accountIds = new TreeSet<>();
        keys.forEach(key -> accountIds.add(key.id()));
        registry.lockAccounts(accountIds);
        Map<AccountKey, LoadedAccount> current = accounts.current(keys);
        Set<UnitCode> units = new HashSet<>();
        Set<UnitProject> projects = new HashSet<>();
        for (JournalRow row : rows) {
            units.add(row.unit());
            if (row.project() != null) {
                projects.add(new UnitProject(row.unit(), row.project()));
            }
        }
        KnownNames names = reads.names(units, projects);

        Map<Integer, Object> answers = new HashMap<>();
        List<JournalRow> live = new ArrayList<>(rows);
        while (true) {
            InMemoryLedgerRegistry overlay = overlay(years, stored);
            Map<AccountKey, LoadedAccount> handedOut = new HashMap<>();
            JournalPosting.AccountLoader copies = wanted -> {
                for (AccountKey key : wanted) {
                    handedOut.computeIfAbsent(key, k -> KeptAccounts.copyOf(current.containsKey(k) ? current.get(k)
                            : store.load(Set.of(k)).get(k)));
                }
                return handedOut;
            };
            Outcome outcome = new JournalPosting(overlay, copies, names).post(live);
            if (!outcome.ok() && !probeIds) {
                // A refused row may be a repeat of a stored transaction, which deserves its own
                // answer: decide again with every id looked up (nothing is written yet).
                return decideAndStore(batch, true);
            }
            if (!outcome.ok()) {
                // The refused rows were never applied, so the others were decided as if they had
                // never been sent; deciding those again without them gives the same answers.
                Map<Integer, List<JournalProblem>> byRow = new TreeMap<>();
                for (JournalProblem problem : outcome.problems()) {
                    byRow.computeIfAbsent(problem.line() - 1, k -> new ArrayList<>()).add(problem);
                }
                byRow.forEach((index, problems) -> answers.put(index, new JournalRefused(problems.stream()
                        .map(p -> new JournalProblem(batch.get(index).row().line(), p.column(), p.reason())).toList())));
                if (!live.removeIf(row -> byRow.containsKey(row.line() - 1))) {
                    throw new IllegalStateException("problems named no row of the batch: " + outcome.problems());
                }
                if (live.isEmpty()) {
                    return new Decided(answers, Map.of(), Map.of(), Map.of());
                }
                continue;
            }
            append(batch, outcome.events());
            registry.recordAll(outcome.transactions());
            Map<Integer, String> accountOfRow = new HashMap<>();
            Map<String, Long> lastSequence = new HashMap<>();
            Map<UnitCode, String> newUnits = new HashMap<>();
            Map<UnitProject, String> newProjects = new HashMap<>();
            for (PendingEvent event : outcome.events()) {
                if (event.payload() instanceof UnitRegistered unit) {
                    registry.registerUnit(unit.unit(), unit.name());
                    newUnits.put(unit.unit(), unit.name());
                } else if (event.payload() instanceof ProjectRegistered project) {
                    registry.registerProject(project.unit(), project.project(), project.name());
                    newProjects.put(new UnitProject(project.unit(), project.project()), project.name());
                } else if (JournalPosting.ACCOUNT_TYPE.equals(event.aggregateType())) {
                    accountOfRow.put(event.line() - 1, event.aggregateId());
                    lastSequence.merge(event.aggregateId(), event.sequenceNumber(), Math::max);
                }
            }
            for (JournalRow row : live) {
                int index = row.line() - 1;
                String account = accountOfRow.get(index);
                boolean repeated = account == null;
                if (repeated) {
                    // The same id with the same content was recorded before (or earlier in this batch).
                    account = overlay.transaction(row.unit(), row.entry().year(), row.entry().transactionId())
                            .map(RecordedTransaction::accountId)
                            .orElseGet(() -> row.command() != null ? row.command().account().id() : "");
                }
                answers.put(index, new Recorded(row.entry().transactionId().value(), account, repeated));
            }
            Map<AccountKey, LoadedAccount> books = new HashMap<>();
            handedOut.forEach((key, book) -> books.put(key, new LoadedAccount(book.book(),
                    Math.max(book.lastSequence(), lastSequence.getOrDefault(key.id(), -1L)))));
            return new Decided(answers, books, newUnits, newProjects);
        }
    }

    /**
     * Appends the events with each caller's name. Consecutive events of one user go in one call
     * (one batched statement), sharing a correlation id that names this commit.
     */
    private void append(List<Waiting> batch, List<PendingEvent> events) {
        List<PendingEvent> run = new ArrayList<>();
        String runUser = null;
        for (PendingEvent event : events) {
            String user = batch.get(event.line() - 1).user();
            if (runUser != null && !runUser.equals(user)) {
                store.append(run, runUser, UUID.randomUUID().toString());
                run = new ArrayList<>();
            }
            runUser = user;
            // Line 0: a single command has no journal line to name in the event's metadata.
            run.add(new PendingEvent(event.aggregateId(), event.aggregateType(), event.sequenceNumber(),
                    event.payload(), 0));
        }
        if (!run.isEmpty()) {
            store.append(run, runUser, UUID.randomUUID().toString());
        }
    }

    private InMemoryLedgerRegistry overlay(Map<UnitYear, YearStatus> years, List<RecordedTransaction> stored) {
        InMemoryLedgerRegistry overlay = new InMemoryLedgerRegistry().withCatalogs(catalogs::forYear);
        years.forEach((unitYear, status) -> overlay.withYear(unitYear.unit(), unitYear.year(), status));
        stored.forEach(overlay::withTransaction);
        return overlay;
    }
}
