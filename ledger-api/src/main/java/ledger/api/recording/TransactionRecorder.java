package ledger.api.recording;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import ledger.api.audit.AuditLog;
import ledger.api.config.AxonStorageConfiguration;
import ledger.api.config.KeptAggregates;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.AccountCommand;
import ledger.core.account.CommandOutcome;
import ledger.core.account.RuleViolation;
import ledger.core.account.UnitCode;
import ledger.core.journal.JournalPosting;
import ledger.core.journal.JournalProblem;
import ledger.core.journal.JournalRow;
import ledger.journal.JournalColumn;
import ledger.journal.JournalParse;
import ledger.journal.JournalReader;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Records one transaction at a time, as a clerk's form, an API call or {@code ledger record} does,
 * each acknowledged only once it is committed.
 *
 * <p>Every single command goes through Axon's command bus to the {@link
 * ledger.core.account.BudgetAccount} aggregate, whose handlers decide with {@link
 * ledger.core.account.AccountBook}. The bus's unit of work opens the database transaction (Axon's
 * {@code SpringTransactionManager}) before the aggregate is loaded, and everything the command
 * writes is in it: the year's share lock and closed-year check and the id register (both through
 * {@link JdbcLedgerRegistry}, the handlers' registry), first-time unit and project names ({@link
 * NameRegistrations}), and the events. Aggregates stay in Axon's cache between commands, so a hot
 * account is not replayed per command; commands on one account on one node wait for each other on
 * the repository's aggregate lock.
 *
 * <p>Another node, an import or a year close may have appended to a cached account meanwhile. The
 * unique (aggregate, sequence) key then refuses our append, the unit of work rolls back (dropping
 * the cached aggregate), and the command is sent again: it is decided on the account as stored. So
 * is a command that loses a race for its id in the register or for a new unit's name.
 *
 * <p>Commands that arrive together are sent in one batch ({@link CommandBatches}): each in its own
 * nested unit of work, all committed in one transaction, none answered before that commit.
 */
@Service
public class TransactionRecorder {

    /**
     * What recording one transaction did, as the API answers it ({@link PostingAnswer} without the
     * refusal).
     */
    public record Recorded(String transactionId, String accountId, boolean repeated) {}

    /**
     * Enough for a hot account written from several nodes at once: each retry reads the store
     * afresh.
     */
    private static final int ATTEMPTS = 30;

    private static final Logger log = LoggerFactory.getLogger(TransactionRecorder.class);

    private final CommandBatches batches;
    private final AuditLog audit;
    private final JdbcLedgerRegistry registry;
    private final NameRegistrations names;
    private final JournalImport batch;
    private final KeptAggregates kept;
    private final JournalReader reader = new JournalReader();

    /**
     * {@link NameRegistrations} is a handler interceptor bean: Axon's auto-configuration puts it on
     * the bus.
     */
    public TransactionRecorder(
            CommandBatches batches,
            JdbcLedgerRegistry registry,
            NameRegistrations names,
            AuditLog audit,
            JournalImport batch,
            KeptAggregates kept) {
        this.audit = audit;
        this.kept = kept;
        this.batches = batches;
        this.registry = registry;
        this.names = names;
        this.batch = batch;
    }

    /**
     * Reads one transaction given as named fields and records it: the one path of the API's {@code
     * POST /api/transactions} and of the page's form, so both check exactly alike. The unit (and a
     * transfer's receiving unit, whose books it writes too) must be one {@code permits} grants.
     *
     * @throws JournalRefused naming each field and reason; nothing is written then
     * @throws UnitNotPermitted when a unit named is not granted; nothing is read or written then
     */
    public Recorded recordFields(
            Map<JournalColumn, String> fields, String user, Predicate<UnitCode> permits) {
        JournalParse parse = reader.readFields(fields);
        if (!parse.ok()) {
            audit.record(
                    "record",
                    user,
                    "refused",
                    Map.of(
                            "transactionId",
                            String.valueOf(fields.get(JournalColumn.ID)),
                            "reasons",
                            parse.problems().stream().map(JournalProblem::toString).toList()));
            throw new JournalRefused(parse.problems());
        }
        JournalRow row = parse.rows().get(0);
        List<UnitCode> touched =
                row.counterpart() == null
                        ? List.of(row.unit())
                        : List.of(row.unit(), row.counterpart().account().unit());
        for (UnitCode unit : touched) {
            if (!permits.test(unit)) {
                audit.record(
                        "record",
                        user,
                        "refused",
                        Map.of(
                                "transactionId",
                                row.entry().transactionId().value(),
                                "reason",
                                "not permitted for unit " + unit));
                throw new UnitNotPermitted(unit);
            }
        }
        return record(row, user);
    }

    /**
     * Records the row and returns once it is committed, as the API answers it.
     *
     * @throws JournalRefused naming the field and the reason; nothing is written then
     */
    public Recorded record(JournalRow row, String user) {
        PostingAnswer answer = post(row, user);
        if (answer instanceof PostingAnswer.Recorded recorded) {
            return new Recorded(recorded.transactionId(), recorded.accountId(), false);
        }
        if (answer instanceof PostingAnswer.AlreadyRecorded repeated) {
            return new Recorded(repeated.transactionId(), repeated.accountId(), true);
        }
        throw new JournalRefused(((PostingAnswer.Refused) answer).problems());
    }

    /** Posts the row and answers once it is committed (or refused, with nothing written). */
    public PostingAnswer post(JournalRow row, String user) {
        PostingAnswer answer = decided(row, user);
        if (answer instanceof PostingAnswer.Refused refused) {
            audit.record(
                    "record",
                    user,
                    "refused",
                    Map.of(
                            "transactionId",
                            refused.transactionId(),
                            "reasons",
                            refused.problems().stream().map(JournalProblem::toString).toList()));
        }
        return answer;
    }

    private PostingAnswer decided(JournalRow row, String user) {
        if (row.counterpart() != null) {
            return postTransfer(row, user);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return send(row, user);
            } catch (RuntimeException failed) {
                if (!lostARace(failed) || attempt == ATTEMPTS) {
                    throw failed;
                }
                log.debug(
                        "transaction {} met a concurrent writer (attempt {}): {}",
                        row.entry().transactionId(),
                        attempt,
                        failed.toString());
                pause(attempt);
            }
        }
    }

    /**
     * Sends the row's command. A refusal may have been decided on a kept account that an import, a
     * year close or another node has written to since: that account is dropped and the command
     * decided once more on the account as stored, so a clerk is never refused on stale figures (an
     * acceptance on them is caught by the event number instead, see the class comment).
     */
    private PostingAnswer send(JournalRow row, String user) {
        PostingAnswer answer = sendOnce(row, user);
        if (!(answer instanceof PostingAnswer.Refused)) {
            return answer;
        }
        try {
            AccountCommand command =
                    row.command() != null
                            ? row.command()
                            : JournalPosting.routeReversal(row, registry);
            kept.remove(command.account().id());
        } catch (RuleViolation unknownOriginal) {
            return answer; // a reversal of an id the register does not hold reaches no account
        }
        return sendOnce(row, user);
    }

    private PostingAnswer sendOnce(JournalRow row, String user) {
        String transactionId = row.entry().transactionId().value();
        try {
            Map<String, Object> metaData = new HashMap<>(names.registrationsOf(row));
            AccountCommand command =
                    row.command() != null
                            ? row.command()
                            : JournalPosting.routeReversal(row, registry);
            metaData.put(AxonStorageConfiguration.USER, user);
            metaData.put(AxonStorageConfiguration.TRANSACTION_ID, transactionId);
            CommandOutcome outcome =
                    (CommandOutcome)
                            batches.sendAndWait(
                                    GenericCommandMessage.asCommandMessage(command)
                                            .andMetaData(metaData));
            if (outcome == null) {
                // sendAndWait answers null only when the waiting thread was interrupted.
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "interrupted while transaction "
                                + transactionId
                                + " was being recorded: it may or may not be stored (recording it again is safe)");
            }
            return outcome == CommandOutcome.ALREADY_RECORDED
                    ? new PostingAnswer.AlreadyRecorded(transactionId, command.account().id())
                    : new PostingAnswer.Recorded(transactionId, command.account().id());
        } catch (RuleViolation refused) {
            return new PostingAnswer.Refused(
                    transactionId,
                    List.of(
                            new JournalProblem(
                                    row.line(),
                                    refused.field(),
                                    refused.reason(),
                                    refused.code())));
        } catch (ArithmeticException overflow) {
            return new PostingAnswer.Refused(
                    transactionId,
                    List.of(
                            new JournalProblem(
                                    row.line(),
                                    "amount",
                                    "the account's totals would overflow; the amount cannot be right")));
        }
    }

    /**
     * A transfer touches two accounts (the payer's and the receiver's): both legs are posted in one
     * database transaction through the batch path, which decides each with the same {@code
     * AccountBook} and retries when it meets a concurrent writer, so either both are stored or
     * none.
     */
    private PostingAnswer postTransfer(JournalRow row, String user) {
        String transactionId = row.entry().transactionId().value();
        try {
            ImportResult result =
                    batch.post(List.of(row), "transfer " + transactionId, user, System.nanoTime());
            return result.repeated() > 0
                    ? new PostingAnswer.AlreadyRecorded(transactionId, row.command().account().id())
                    : new PostingAnswer.Recorded(transactionId, row.command().account().id());
        } catch (JournalRefused refused) {
            return new PostingAnswer.Refused(transactionId, refused.problems());
        }
    }

    /**
     * Whether another writer got there first: an account's next event number (Axon's conflict on
     * the unique key), an id in the register, a new unit's or project's name, or PostgreSQL
     * breaking a deadlock. Nothing of ours was written; the next attempt decides on the new state.
     */
    static boolean lostARace(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException
                    || cause instanceof ConcurrencyFailureException
                    || cause instanceof DuplicateKeyException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && List.of("23505", "40001", "40P01").contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A short random wait, longer with each attempt, so that two nodes racing do not meet again at
     * once.
     */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(Math.min(attempt, 10) + 1L));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while retrying a transaction", interrupted);
        }
    }
}
