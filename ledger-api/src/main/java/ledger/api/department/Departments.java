package ledger.api.department;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import ledger.api.recording.JournalRefused;
import ledger.api.store.EventStoreAccess;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.department.DepartmentLine;
import ledger.core.department.DepartmentRegister;
import ledger.core.department.DepartmentUnit;
import ledger.core.department.DepartmentsRegistered;
import ledger.core.department.UnitRegistry;
import ledger.core.journal.JournalPosting.PendingEvent;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The departments and their units as the event store holds them: every {@link
 * DepartmentsRegistered} event on the aggregate {@code departments}, in order, stored like every
 * other event (with the acting user in the metadata). This is the {@link UnitRegistry} the rest of
 * the application asks (transfers, consolidated statements, access by department, the unit's kind).
 */
@Component
public class Departments implements UnitRegistry {

    private record Read(long lastSequence, DepartmentRegister register) {}

    private final EventStore eventStore;
    private final EventStoreAccess store;
    private final TransactionTemplate transaction;

    /** Re-read only when the aggregate's last sequence number moved (on any node). */
    private volatile Read read = new Read(-1, DepartmentRegister.empty());

    public Departments(
            EventStore eventStore,
            EventStoreAccess store,
            TransactionTemplate transaction,
            JdbcLedgerRegistry registry) {
        this.eventStore = eventStore;
        this.store = store;
        this.transaction = transaction;
        registry.useUnits(this::current);
    }

    /** The departments as stored now. */
    public DepartmentRegister current() {
        long last =
                eventStore.lastSequenceNumberFor(DepartmentsRegistered.AGGREGATE_ID).orElse(-1L);
        Read kept = read;
        if (kept.lastSequence() == last) {
            return kept.register();
        }
        List<DepartmentsRegistered> registrations = new ArrayList<>();
        long seen = -1;
        if (last >= 0) {
            DomainEventStream stream = eventStore.readEvents(DepartmentsRegistered.AGGREGATE_ID);
            while (stream.hasNext()) {
                var message = stream.next();
                seen = message.getSequenceNumber();
                if (message.getPayload() instanceof DepartmentsRegistered registered) {
                    registrations.add(registered);
                }
            }
        }
        DepartmentRegister register = new DepartmentRegister(registrations);
        read = new Read(seen, register);
        return register;
    }

    @Override
    public Optional<DepartmentUnit> membership(UnitCode unit, FiscalYear year) {
        return current().membership(unit, year);
    }

    @Override
    public List<DepartmentUnit> unitsOf(String department, FiscalYear year) {
        return current().unitsOf(department, year);
    }

    /**
     * Registers a department file: the whole file, or nothing and every problem. Lines registered
     * before exactly as now change nothing; a file of only such lines stores no event.
     *
     * @throws JournalRefused naming each bad line (nothing is written)
     */
    public DepartmentsRegistered register(List<DepartmentLine> lines, String source, String user) {
        return transaction.execute(
                status -> {
                    DepartmentRegister.Decision decision = current().check(lines, source);
                    if (!decision.ok()) {
                        throw new JournalRefused(decision.problems());
                    }
                    if (decision.registered().units().isEmpty()) {
                        return decision.registered();
                    }
                    long next =
                            eventStore
                                            .lastSequenceNumberFor(
                                                    DepartmentsRegistered.AGGREGATE_ID)
                                            .orElse(-1L)
                                    + 1;
                    // Two registrations racing meet on the (aggregate, sequence) key: one of them
                    // is refused.
                    store.append(
                            List.of(
                                    new PendingEvent(
                                            DepartmentsRegistered.AGGREGATE_ID,
                                            DepartmentsRegistered.AGGREGATE_TYPE,
                                            next,
                                            decision.registered(),
                                            0)),
                            user,
                            UUID.randomUUID().toString());
                    return decision.registered();
                });
    }
}
