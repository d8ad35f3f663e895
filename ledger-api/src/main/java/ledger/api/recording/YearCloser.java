package ledger.api.recording;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import ledger.api.audit.AuditLog;
import ledger.api.store.EventStoreAccess;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.AccountBook;
import ledger.core.account.AccountEvent;
import ledger.core.account.AccountKey;
import ledger.core.account.BalanceCarriedForward;
import ledger.core.account.FiscalYear;
import ledger.core.account.RecordedTransaction;
import ledger.core.account.RuleViolation;
import ledger.core.account.UnitCode;
import ledger.core.journal.JournalPosting;
import ledger.core.journal.JournalPosting.LoadedAccount;
import ledger.core.journal.JournalPosting.PendingEvent;
import ledger.core.journal.JournalProblem;
import ledger.core.money.Money;
import ledger.core.text.Reason;
import ledger.core.year.FiscalYearClosed;
import ledger.core.year.YearClose;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 结转: closes a unit's year in one transaction. The year row is locked exclusively first, so no
 * posting to the year can slip in between reading the balances and closing; then every balance is
 * carried, as events on both sides, and the year is marked closed.
 */
@Service
public class YearCloser {

    private final JdbcLedgerRegistry registry;
    private final EventStoreAccess store;
    private final TransactionTemplate transaction;
    private final PostingSession session;
    private final AuditLog audit;

    public YearCloser(
            JdbcLedgerRegistry registry,
            EventStoreAccess store,
            TransactionTemplate transaction,
            AuditLog audit) {
        this.audit = audit;
        this.registry = registry;
        this.store = store;
        this.transaction = transaction;
        this.session = new PostingSession(registry, store);
    }

    /**
     * The day a close is dated when none is given: the year's last day, or today once that has
     * passed.
     */
    public static LocalDate defaultClosedOn(FiscalYear year) {
        LocalDate today = LocalDate.now();
        return today.isAfter(year.lastDay()) ? today : year.lastDay();
    }

    /**
     * @throws JournalRefused when the year cannot be closed; nothing is written then
     */
    public FiscalYearClosed close(UnitCode unit, FiscalYear year, LocalDate closedOn, String user) {
        Map<String, Object> closing =
                Map.of("unit", unit.code(), "year", year.value(), "closedOn", closedOn.toString());
        try {
            FiscalYearClosed closed =
                    transaction.execute(status -> closeInTransaction(unit, year, closedOn, user));
            audit.record("close", user, "success", closing);
            return closed;
        } catch (RuleViolation refused) {
            Map<String, Object> details = new HashMap<>(closing);
            details.put("reason", refused.field() + ": " + refused.reason());
            audit.record("close", user, "refused", details);
            throw new JournalRefused(
                    List.of(
                            new JournalProblem(
                                    0, refused.field(), refused.reason(), refused.code())));
        }
    }

    /**
     * Closes the year of every unit given (a department's), in one transaction and in unit code
     * order: all of them, or none when any one cannot be closed, the refusal naming that unit.
     *
     * @throws JournalRefused naming the unit that cannot be closed; nothing is written then
     */
    public List<FiscalYearClosed> closeAll(
            List<UnitCode> units, FiscalYear year, LocalDate closedOn, String user) {
        List<UnitCode> ordered = units.stream().sorted().toList();
        Map<String, Object> closing =
                Map.of(
                        "units",
                        ordered.stream().map(UnitCode::code).toList(),
                        "year",
                        year.value(),
                        "closedOn",
                        closedOn.toString());
        try {
            List<FiscalYearClosed> all =
                    transaction.execute(
                            status -> {
                                List<FiscalYearClosed> closed = new ArrayList<>();
                                for (UnitCode unit : ordered) {
                                    try {
                                        closed.add(closeInTransaction(unit, year, closedOn, user));
                                    } catch (RuleViolation refused) {
                                        throw new RuleViolation(
                                                refused.field(),
                                                Reason.of(
                                                        "year.departmentNotClosed",
                                                        unit,
                                                        refused.code() == null
                                                                ? refused.reason()
                                                                : refused.code()));
                                    }
                                }
                                return closed;
                            });
            audit.record("close", user, "success", closing);
            return all;
        } catch (RuleViolation refused) {
            Map<String, Object> details = new HashMap<>(closing);
            details.put("reason", refused.field() + ": " + refused.reason());
            audit.record("close", user, "refused", details);
            throw new JournalRefused(
                    List.of(
                            new JournalProblem(
                                    0, refused.field(), refused.reason(), refused.code())));
        }
    }

    /** One budget line's balance as the close would carry it into the next year. */
    public record CarriedLine(AccountKey from, Money amount) {}

    /** What closing would carry, line by line, and its totals; nothing is written. */
    public record Preview(List<CarriedLine> lines, FiscalYearClosed closed) {}

    /**
     * What {@link #close} would carry forward if it ran now: the same plan, decided on the same
     * books by the same rules, in a transaction that is rolled back, so a confirmation page shows
     * exactly what the close will do (unless something is posted in between, which the close then
     * includes).
     *
     * @throws JournalRefused when the year cannot be closed, as {@link #close} would be refused
     */
    public Preview preview(UnitCode unit, FiscalYear year, LocalDate closedOn) {
        try {
            return transaction.execute(
                    status -> {
                        status.setRollbackOnly();
                        YearClose.Plan plan = plan(unit, year, closedOn).plan();
                        List<CarriedLine> lines = new ArrayList<>();
                        for (AccountEvent event : plan.accountEvents()) {
                            if (event instanceof BalanceCarriedForward forward) {
                                lines.add(new CarriedLine(forward.account(), forward.amount()));
                            }
                        }
                        return new Preview(lines, plan.closed());
                    });
        } catch (RuleViolation refused) {
            throw new JournalRefused(
                    List.of(
                            new JournalProblem(
                                    0, refused.field(), refused.reason(), refused.code())));
        }
    }

    /** What one unit's close would carry, within a department's. */
    public record UnitPreview(UnitCode unit, Preview preview) {}

    /**
     * What {@link #closeAll} would carry for each unit, in the order it closes them; nothing is
     * written. Every unit that would be refused is named, not only the first, so the confirmation
     * lists everything that stands in the way.
     *
     * @throws JournalRefused naming each unit whose close would be refused
     */
    public List<UnitPreview> previewAll(List<UnitCode> units, FiscalYear year, LocalDate closedOn) {
        List<UnitPreview> previews = new ArrayList<>();
        List<JournalProblem> problems = new ArrayList<>();
        for (UnitCode unit : units.stream().sorted().toList()) {
            try {
                previews.add(new UnitPreview(unit, preview(unit, year, closedOn)));
            } catch (JournalRefused refused) {
                for (JournalProblem problem : refused.problems()) {
                    Reason named =
                            Reason.of(
                                    "year.departmentNotClosed",
                                    unit,
                                    problem.code() == null ? problem.reason() : problem.code());
                    problems.add(new JournalProblem(0, problem.column(), named));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new JournalRefused(problems);
        }
        return previews;
    }

    private record Planned(YearClose.Plan plan, Map<AccountKey, LoadedAccount> loaded) {}

    private Planned plan(UnitCode unit, FiscalYear year, LocalDate closedOn) {
        Set<AccountKey> keys = new HashSet<>();
        registry.accountsOf(unit, year).forEach(id -> keys.add(AccountKey.parse(id)));
        Set<AccountKey> nextKeys = new HashSet<>();
        keys.forEach(key -> nextKeys.add(key.nextYear()));
        Set<AccountKey> all = new HashSet<>(keys);
        all.addAll(nextKeys);
        Map<AccountKey, LoadedAccount> loaded = new HashMap<>(store.load(all));
        List<AccountBook> books = new ArrayList<>();
        keys.forEach(key -> books.add(loaded.get(key).book()));
        return new Planned(
                YearClose.plan(
                        unit, year, closedOn, books, key -> loaded.get(key).book(), registry),
                loaded);
    }

    private FiscalYearClosed closeInTransaction(
            UnitCode unit, FiscalYear year, LocalDate closedOn, String user) {
        session.lock(
                Map.of(
                        new PostingSession.UnitYear(unit, year),
                        Set.of(),
                        new PostingSession.UnitYear(unit, year.next()),
                        Set.of()),
                true);
        Planned planned = plan(unit, year, closedOn);
        YearClose.Plan plan = planned.plan();

        Map<AccountKey, Long> sequences = new HashMap<>();
        planned.loaded().forEach((key, account) -> sequences.put(key, account.lastSequence()));
        List<PendingEvent> events = new ArrayList<>();
        List<RecordedTransaction> carried = new ArrayList<>();
        for (AccountEvent event : plan.accountEvents()) {
            long sequence = sequences.merge(event.account(), 0L, (last, ignored) -> last + 1);
            events.add(
                    new PendingEvent(
                            event.account().id(), JournalPosting.ACCOUNT_TYPE, sequence, event, 0));
            carried.add(RecordedTransaction.carried(event));
        }
        events.add(
                new PendingEvent("year/" + unit + "/" + year, "FiscalYear", 0, plan.closed(), 0));
        session.store(events, carried, user, UUID.randomUUID().toString());
        registry.markClosed(unit, year, closedOn);
        return plan.closed();
    }
}
