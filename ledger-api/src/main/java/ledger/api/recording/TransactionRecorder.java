package ledger.api.recording;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import ledger.api.config.AxonStorageConfiguration;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.AccountCommand;
import ledger.core.account.AccountKey;
import ledger.core.account.RecordedTransaction;
import ledger.core.account.ReverseTransaction;
import ledger.core.account.RuleViolation;
import ledger.core.journal.JournalPosting.UnitProject;
import ledger.core.journal.JournalProblem;
import ledger.core.journal.JournalRow;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records one transaction at a time through Axon's command bus and the {@link
 * ledger.core.account.BudgetAccount} aggregate: the path of a clerk's form or an API call. A new
 * unit or project is registered in the same transaction, a reversal is routed to the account of
 * the transaction it reverses, and the year row is share-locked so a concurrent year close waits.
 */
@Service
public class TransactionRecorder {

    /** What recording one transaction did. */
    public record Recorded(String transactionId, String accountId, boolean repeated) {
    }

    private static final int ATTEMPTS = 5;

    private final JdbcLedgerRegistry registry;
    private final JournalImport journalImport;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;

    public TransactionRecorder(JdbcLedgerRegistry registry, JournalImport journalImport, CommandGateway commands,
                               TransactionTemplate transaction) {
        this.registry = registry;
        this.journalImport = journalImport;
        this.commands = commands;
        this.transaction = transaction;
    }

    /** @throws JournalRefused naming the field and the reason; nothing is written then */
    public Recorded record(JournalRow row, String user) {
        if (!namesKnown(row)) {
            // First sight of a unit or project: the batch path registers it with the transaction.
            ImportResult result = journalImport.post(List.of(row), "request", user, System.nanoTime());
            return new Recorded(row.entry().transactionId().value(), accountOf(row).id(), result.applied() == 0);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return recordOnce(row, user);
            } catch (ConcurrencyException | AggregateStreamCreationException | DataIntegrityViolationException
                    concurrentWriter) {
                // Another clerk appended to the same account (or took the same id) first: nothing of
                // ours was written, so decide again against the account's new state.
                if (attempt == ATTEMPTS) {
                    throw concurrentWriter;
                }
            }
        }
    }

    private Recorded recordOnce(JournalRow row, String user) {
        try {
            return transaction.execute(status -> {
                registry.lockYear(row.unit(), row.entry().year());
                AccountCommand command = row.command() != null ? row.command() : routeReversal(row);
                registry.lockAccount(command.account().id());
                boolean repeated = registry.transaction(row.unit(), row.entry().year(), row.entry().transactionId())
                        .map(earlier -> earlier.fingerprint().equals(command.fingerprint())).orElse(false);
                MetaData meta = MetaData.from(Map.of(
                        AxonStorageConfiguration.USER, user,
                        AxonStorageConfiguration.TRANSACTION_ID, row.entry().transactionId().value(),
                        "correlationId", UUID.randomUUID().toString()));
                commands.sendAndWait(new GenericCommandMessage<>(command, meta));
                return new Recorded(row.entry().transactionId().value(), command.account().id(), repeated);
            });
        } catch (RuleViolation violation) {
            throw new JournalRefused(List.of(new JournalProblem(row.line(), violation.field(),
                    violation.reason())));
        }
    }

    private boolean namesKnown(JournalRow row) {
        if (!registry.unitNames().containsKey(row.unit())) {
            return false;
        }
        return row.project() == null
                || registry.projectNames(List.of(row.unit())).containsKey(new UnitProject(row.unit(), row.project()));
    }

    private AccountKey accountOf(JournalRow row) {
        if (row.command() != null) {
            return row.command().account();
        }
        return AccountKey.parse(registry.transaction(row.unit(), row.entry().year(), row.reverses())
                .map(RecordedTransaction::accountId).orElseThrow());
    }

    private ReverseTransaction routeReversal(JournalRow row) {
        Optional<RecordedTransaction> original = registry.transaction(row.unit(), row.entry().year(), row.reverses());
        if (original.isEmpty()) {
            throw new RuleViolation("reverses", "no transaction " + row.reverses() + " of unit " + row.unit() + " in "
                    + row.entry().year() + " (a reversal undoes a transaction of its own unit and year)");
        }
        return new ReverseTransaction(AccountKey.parse(original.get().accountId()), row.entry(), row.reverses());
    }
}
