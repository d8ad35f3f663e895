package ledger.core.journal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import ledger.core.account.AccountBook;
import ledger.core.account.AccountEvent;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.InMemoryLedgerRegistry;
import ledger.core.account.LedgerRegistry;
import ledger.core.account.ProjectCode;
import ledger.core.account.ProjectRegistered;
import ledger.core.account.RecordedTransaction;
import ledger.core.account.ReverseTransaction;
import ledger.core.account.RuleViolation;
import ledger.core.account.UnitCode;
import ledger.core.account.UnitRegistered;
import ledger.core.text.Reason;

/**
 * Runs a whole journal through the account rules in memory, in file order, and says what to store.
 *
 * <p>Speed is the reason this exists beside the aggregate: a district's year is a million rows, so
 * the import loads every account it touches at once, checks each row with the very same {@link
 * AccountBook#decide} the aggregate uses, and hands back the events with their sequence numbers for
 * one batched append in one database transaction. Nothing is stored unless every row passes; then
 * every problem is listed.
 */
public final class JournalPosting {

    /** Loads the current state of many accounts at once. */
    @FunctionalInterface
    public interface AccountLoader {
        /**
         * A book for each key; accounts that do not exist yet come back new, with last sequence −1.
         */
        Map<AccountKey, LoadedAccount> load(Set<AccountKey> keys);
    }

    /**
     * An account as the event store holds it, and the sequence number of its last event (−1: none).
     */
    public record LoadedAccount(AccountBook book, long lastSequence) {}

    /**
     * An event to store on an aggregate, at the sequence number that keeps the aggregate
     * consistent.
     */
    public record PendingEvent(
            String aggregateId,
            String aggregateType,
            long sequenceNumber,
            Object payload,
            int line) {}

    /** Units and projects the ledger already knows, by name. */
    public record KnownNames(Map<UnitCode, String> units, Map<UnitProject, String> projects) {}

    public record UnitProject(UnitCode unit, ProjectCode project) {}

    /**
     * @param events every event to append, in order
     * @param transactions the client transaction ids taken
     * @param applied rows that produced events
     * @param repeated rows that repeated a transaction already recorded with the same content
     */
    public record Outcome(
            List<PendingEvent> events,
            List<RecordedTransaction> transactions,
            int applied,
            int repeated,
            List<JournalProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static final String ACCOUNT_TYPE = "BudgetAccount";
    public static final String UNIT_TYPE = "Unit";
    public static final String PROJECT_TYPE = "Project";

    private final InMemoryLedgerRegistry registry;
    private final AccountLoader loader;
    private final KnownNames known;

    public JournalPosting(InMemoryLedgerRegistry registry, AccountLoader loader, KnownNames known) {
        this.registry = registry;
        this.loader = loader;
        this.known = known;
    }

    public Outcome post(List<JournalRow> rows) {
        return post(rows, null);
    }

    /**
     * As {@link #post(List)}, handing each event to {@code sink} as soon as it is decided, in
     * order, for as long as every row so far has passed; the outcome then lists no events. A caller
     * that streams them into storage (so that storing overlaps checking, and a million events are
     * never held at once) must discard what it stored when the outcome has problems. The accounts
     * are loaded before the first event reaches the sink.
     */
    public Outcome post(List<JournalRow> rows, Consumer<PendingEvent> sink) {
        return post(rows, sink, decided -> {});
    }

    /**
     * As {@link #post(List, Consumer)}, telling {@code rowsDecided} how many rows have been decided
     * so far after each row (for a progress display: a long import is mostly this loop).
     */
    public Outcome post(
            List<JournalRow> rows, Consumer<PendingEvent> sink, IntConsumer rowsDecided) {
        Run run = start(accountsTouched(rows), sink, rowsDecided);
        rows.forEach(run::post);
        return run.finish();
    }

    /**
     * Starts deciding rows one at a time as they come, for a file read as it is posted rather than
     * held: {@link Run#post} each row in file order, then {@link Run#finish}. Events go to {@code
     * sink} as {@link #post(List, Consumer)} hands them.
     *
     * @param accounts every account the rows will touch ({@link #accountsTouched}), loaded now
     */
    public Run start(
            Set<AccountKey> accounts, Consumer<PendingEvent> sink, IntConsumer rowsDecided) {
        return new Run(accounts, sink, rowsDecided);
    }

    /** The rows of one posting, decided in order. */
    public final class Run {

        private final Map<AccountKey, LoadedAccount> accounts;
        private final Map<AccountKey, Long> sequences = new HashMap<>();
        private final Map<UnitCode, String> unitNames = new HashMap<>(known.units());
        private final Map<UnitProject, String> projectNames = new HashMap<>(known.projects());
        private final JournalProblemList problems = new JournalProblemList();
        private final List<PendingEvent> events = new ArrayList<>();
        private final Consumer<PendingEvent> out;
        private final IntConsumer rowsDecided;
        private final Map<AccountKey, String> aggregateIds = new HashMap<>();
        private int applied;
        private int repeated;
        private int decidedRows;

        private Run(Set<AccountKey> touched, Consumer<PendingEvent> sink, IntConsumer rowsDecided) {
            this.accounts = new HashMap<>(loader.load(touched));
            accounts.forEach((key, loaded) -> sequences.put(key, loaded.lastSequence()));
            this.rowsDecided = rowsDecided;
            // Once a row is bad nothing will be stored: stop keeping events, so a refused file
            // costs no memory.
            this.out =
                    sink == null
                            ? event -> {
                                if (problems.isEmpty()) {
                                    events.add(event);
                                }
                            }
                            : event -> {
                                if (problems.isEmpty()) {
                                    sink.accept(event);
                                }
                            };
        }

        /** Decides the next row. */
        public void post(JournalRow row) {
            rowsDecided.accept(decidedRows++);
            try {
                List<PendingEvent> registrations = register(row, unitNames, projectNames);
                var command = row.command() != null ? row.command() : routeReversal(row);
                // A transfer's two legs are decided one after the other and stored together, or not
                // at all.
                List<AccountEvent> decided = decideAndApply(accounts, command);
                List<AccountEvent> counterpart =
                        row.counterpart() == null
                                ? List.of()
                                : decideAndApply(accounts, row.counterpart());
                if (decided.isEmpty() && counterpart.isEmpty()) {
                    repeated++;
                    return;
                }
                registrations.forEach(out);
                for (AccountEvent event : decided) {
                    emit(event, row.line(), sequences, aggregateIds, out);
                }
                for (AccountEvent event : counterpart) {
                    emit(event, row.line(), sequences, aggregateIds, out);
                }
                applied++;
            } catch (RuleViolation violation) {
                problems.add(
                        new JournalProblem(
                                row.line(),
                                violation.field(),
                                violation.reason(),
                                violation.code()));
            } catch (ArithmeticException overflow) {
                problems.add(
                        new JournalProblem(
                                row.line(),
                                "amount",
                                "the account's totals would overflow; the amount cannot be right"));
            }
        }

        /** What the rows came to: their events unless a sink took them, or their problems. */
        public Outcome finish() {
            rowsDecided.accept(decidedRows);
            return new Outcome(
                    problems.isEmpty() ? events : List.of(),
                    registry.recorded(),
                    applied,
                    repeated,
                    problems.problems());
        }
    }

    private List<AccountEvent> decideAndApply(
            Map<AccountKey, LoadedAccount> accounts, ledger.core.account.AccountCommand command) {
        LoadedAccount account =
                accounts.computeIfAbsent(
                        command.account(), key -> new LoadedAccount(new AccountBook(key), -1));
        List<AccountEvent> decided = account.book().decide(command, registry);
        decided.forEach(account.book()::apply);
        return decided;
    }

    private static void emit(
            AccountEvent event,
            int line,
            Map<AccountKey, Long> sequences,
            Map<AccountKey, String> aggregateIds,
            Consumer<PendingEvent> out) {
        long sequence = sequences.merge(event.account(), 0L, (last, ignored) -> last + 1);
        out.accept(
                new PendingEvent(
                        aggregateIds.computeIfAbsent(event.account(), AccountKey::id),
                        ACCOUNT_TYPE,
                        sequence,
                        event,
                        line));
    }

    /**
     * Accounts of posting rows, and of the transactions that reversals name, when already stored.
     */
    public Set<AccountKey> accountsTouched(Iterable<JournalRow> rows) {
        Set<AccountKey> keys = new LinkedHashSet<>();
        for (JournalRow row : rows) {
            if (row.command() != null) {
                keys.add(row.command().account());
                if (row.counterpart() != null) {
                    keys.add(row.counterpart().account());
                }
            } else {
                registry.transaction(row.unit(), row.entry().year(), row.reverses())
                        .ifPresent(original -> keys.add(AccountKey.parse(original.accountId())));
            }
        }
        return keys;
    }

    private ReverseTransaction routeReversal(JournalRow row) {
        return routeReversal(row, registry);
    }

    /**
     * A reversal row as a command on the account of the transaction it undoes, found through the id
     * register; used by the batch and by single commands alike.
     *
     * @throws RuleViolation when the unit has no such transaction in the row's year
     */
    public static ReverseTransaction routeReversal(JournalRow row, LedgerRegistry registry) {
        FiscalYear year = row.entry().year();
        Optional<RecordedTransaction> original =
                registry.transaction(row.unit(), year, row.reverses());
        if (original.isEmpty()) {
            throw new RuleViolation(
                    "reverses",
                    Reason.of("reversal.noTransactionInYear", row.reverses(), row.unit(), year));
        }
        return new ReverseTransaction(
                AccountKey.parse(original.get().accountId()), row.entry(), row.reverses());
    }

    /**
     * A unit or project seen for the first time is created, named by the row when it gives a name;
     * a row naming a known one otherwise is refused. Also used for single commands, which register
     * names in the same transaction as their account events.
     *
     * @param unitNames the names known so far; a registered name is added
     * @param projectNames likewise for projects
     */
    public static List<PendingEvent> register(
            JournalRow row,
            Map<UnitCode, String> unitNames,
            Map<UnitProject, String> projectNames) {
        List<PendingEvent> registrations = new ArrayList<>(2);
        String unitName = unitNames.get(row.unit());
        if (unitName == null) {
            String name =
                    row.unitName() == null || row.unitName().isEmpty()
                            ? row.unit().code()
                            : row.unitName();
            unitNames.put(row.unit(), name);
            registrations.add(
                    new PendingEvent(
                            "unit/" + row.unit(),
                            UNIT_TYPE,
                            0,
                            new UnitRegistered(row.unit(), name),
                            row.line()));
        } else if (row.unitName() != null
                && !row.unitName().isEmpty()
                && !row.unitName().equals(unitName)) {
            throw new RuleViolation(
                    "unit_name",
                    Reason.of("name.unitRenamed", row.unit(), unitName, row.unitName()));
        }
        if (row.project() != null) {
            UnitProject key = new UnitProject(row.unit(), row.project());
            String projectName = projectNames.get(key);
            if (projectName == null) {
                String name =
                        row.projectName() == null || row.projectName().isEmpty()
                                ? row.project().code()
                                : row.projectName();
                projectNames.put(key, name);
                registrations.add(
                        new PendingEvent(
                                "project/" + row.unit() + "/" + row.project(),
                                PROJECT_TYPE,
                                0,
                                new ProjectRegistered(row.unit(), row.project(), name),
                                row.line()));
            } else if (row.projectName() != null
                    && !row.projectName().isEmpty()
                    && !row.projectName().equals(projectName)) {
                throw new RuleViolation(
                        "project_name",
                        Reason.of(
                                "name.projectRenamed",
                                row.project(),
                                row.unit(),
                                projectName,
                                row.projectName()));
            }
        }
        return registrations;
    }
}
