package ledger.api.recording;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.AccountCommand;
import ledger.core.account.ProjectCode;
import ledger.core.account.ProjectRegistered;
import ledger.core.account.RecordExpenditure;
import ledger.core.account.UnitCode;
import ledger.core.account.UnitRegistered;
import ledger.core.journal.JournalPosting;
import ledger.core.journal.JournalPosting.PendingEvent;
import ledger.core.journal.JournalPosting.UnitProject;
import ledger.core.journal.JournalRow;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * A single command naming a unit or project for the first time registers it, in the same unit of
 * work (so the same database transaction) as the account's events: a refused command registers
 * nothing. The decision is {@link JournalPosting#register}, as for an import; it is taken before
 * the command is sent, and the command carries it in its metadata. This interceptor, running inside
 * the command bus's transaction, stores it: the name in the register and the {@link UnitRegistered}
 * / {@link ProjectRegistered} event ahead of the account's events. Two nodes registering the same
 * unit at once collide on its event number (or the register's key); the loser is retried and then
 * finds the name.
 */
@Component
public class NameRegistrations implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String REGISTER_UNIT = "registerUnit";
    static final String REGISTER_PROJECT = "registerProject";

    private final JdbcLedgerRegistry registry;
    private final EventStore eventStore;

    /** Names seen committed. A name never changes once registered, so what is here stays true. */
    private final Map<UnitCode, String> unitNames = new ConcurrentHashMap<>();

    private final Map<UnitProject, String> projectNames = new ConcurrentHashMap<>();

    public NameRegistrations(JdbcLedgerRegistry registry, EventStore eventStore) {
        this.registry = registry;
        this.eventStore = eventStore;
    }

    /**
     * The metadata that makes the command register what the row names for the first time; the
     * database is asked only about names not seen committed yet.
     *
     * @throws ledger.core.account.RuleViolation when the row names a known unit or project
     *     otherwise
     */
    Map<String, Object> registrationsOf(JournalRow row) {
        Map<UnitCode, String> units = new HashMap<>();
        Map<UnitProject, String> projects = new HashMap<>();
        String unitName = unitNames.get(row.unit());
        if (unitName == null) {
            unitNames.putAll(registry.unitNames());
            unitName = unitNames.get(row.unit());
        }
        if (unitName != null) {
            units.put(row.unit(), unitName);
        }
        if (row.project() != null) {
            UnitProject project = new UnitProject(row.unit(), row.project());
            String projectName = projectNames.get(project);
            if (projectName == null) {
                projectNames.putAll(registry.projectNames(Set.of(row.unit())));
                projectName = projectNames.get(project);
            }
            if (projectName != null) {
                projects.put(project, projectName);
            }
        }
        Map<String, Object> metaData = new HashMap<>(2);
        for (PendingEvent registration : JournalPosting.register(row, units, projects)) {
            if (registration.payload() instanceof UnitRegistered unit) {
                metaData.put(REGISTER_UNIT, unit.name());
            } else if (registration.payload() instanceof ProjectRegistered project) {
                metaData.put(REGISTER_PROJECT, project.name());
            }
        }
        return metaData;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (command.getPayload() instanceof AccountCommand accountCommand) {
            UnitCode unit = accountCommand.account().unit();
            if (command.getMetaData().get(REGISTER_UNIT) instanceof String name) {
                registry.registerUnit(unit, name);
                publish(JournalPosting.UNIT_TYPE, "unit/" + unit, new UnitRegistered(unit, name));
                unitOfWork.afterCommit(committed -> unitNames.put(unit, name));
            }
            if (command.getMetaData().get(REGISTER_PROJECT) instanceof String name
                    && accountCommand instanceof RecordExpenditure expenditure
                    && expenditure.spending().project() != null) {
                ProjectCode project = expenditure.spending().project();
                registry.registerProject(unit, project, name);
                publish(
                        JournalPosting.PROJECT_TYPE,
                        "project/" + unit + "/" + project,
                        new ProjectRegistered(unit, project, name));
                unitOfWork.afterCommit(
                        committed -> projectNames.put(new UnitProject(unit, project), name));
            }
        }
        return chain.proceed();
    }

    /** A registration is the first and only event of its own aggregate (the unit, the project). */
    private void publish(String type, String aggregateId, Object registration) {
        eventStore.publish(
                List.of(new GenericDomainEventMessage<>(type, aggregateId, 0, registration)));
    }
}
