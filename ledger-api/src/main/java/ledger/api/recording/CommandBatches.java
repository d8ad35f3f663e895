package ledger.api.recording;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import ledger.api.store.UnitOfWorkConnection;
import ledger.core.account.AccountCommand;
import ledger.core.account.RuleViolation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Commands that arrive together are committed together: one writer thread takes what has queued (at
 * most {@link #MOST_PER_BATCH}) and sends each command through Axon's command bus in arrival order,
 * each in its own unit of work nested in ONE root unit of work bound to one database transaction
 * (with a savepoint per command, {@code config/SavepointTransactions}). One commit and one disk
 * flush serve the whole batch.
 *
 * <p>What Axon 4.13 does with the nested units (read from its classes): the event bus moves a
 * nested unit's events to its parent's queue when the nested unit commits and drops them when it
 * rolls back, so all events are appended when the root commits; the repository keeps one aggregate
 * instance per root unit of work ({@code AbstractRepository.managedAggregates} on {@code root()}),
 * so two commands on one account in one batch see each other in arrival order, and it forgets the
 * instance when a nested unit rolls back.
 *
 * <p>A refused command rolls back to its savepoint and the others go on. Because the account it
 * touched is then reloaded from the store, which does not hold the batch's events yet, later
 * commands of the batch on that account are not decided in the batch but alone after its commit.
 * Nothing is answered before its commit. If the batch's commit fails (another node appended to one
 * of its accounts, an id or a new name raced), each command of the batch is sent again alone, in
 * arrival order, and its own answer (a lost race is retried by {@link TransactionRecorder}) given.
 *
 * <p>There is one such writer per share of the units ({@code ledger.commands.writers}, by default
 * {@link #DEFAULT_WRITERS}): a unit's commands always go to the same writer, so everything above
 * holds per unit, while the units' batches wait for the database side by side rather than one after
 * another. A batch's time is mostly round trips waiting on the database, so a lone writer left the
 * processors and the database idle. Units share nothing a batch locks exclusively: a year's lock,
 * its ids and its names are the unit's, and an account belongs to one unit.
 */
@Component
public class CommandBatches {

    /** Enough to share one flush among many clients; small enough that one batch stays short. */
    static final int MOST_PER_BATCH = 200;

    /** Enough to keep both processors and the database busy on two cores. */
    static final int DEFAULT_WRITERS = 4;

    private static final Logger log = LoggerFactory.getLogger(CommandBatches.class);

    private record Pending(CommandMessage<?> command, CompletableFuture<Object> answer) {
        String account() {
            return accountCommand().account().id();
        }

        AccountCommand accountCommand() {
            return (AccountCommand) command.getPayload();
        }
    }

    /** What one command of a batch did, answered only once the batch is committed. */
    private record Done(Pending pending, Object outcome, RuntimeException failure) {}

    private final CommandGateway gateway;
    private final TransactionManager transactions;
    private final UnitOfWorkConnection connections;
    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final AtomicLong committedBatches = new AtomicLong();
    private final List<Thread> writers = new ArrayList<>();

    public CommandBatches(
            CommandGateway gateway,
            TransactionManager transactions,
            UnitOfWorkConnection connections,
            @Value("${ledger.commands.writers:" + DEFAULT_WRITERS + "}") int writers) {
        if (writers < 1) {
            throw new IllegalArgumentException(
                    "ledger.commands.writers must be at least 1, not " + writers);
        }
        this.gateway = gateway;
        this.transactions = transactions;
        this.connections = connections;
        for (int i = 0; i < writers; i++) {
            BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
            Thread writer = new Thread(() -> write(queue), "command-batches-" + i);
            writer.setDaemon(true);
            queues.add(queue);
            this.writers.add(writer);
        }
        this.writers.forEach(Thread::start);
    }

    /**
     * Sends the command with those that arrive with it and answers once it is committed, as {@link
     * CommandGateway#sendAndWait} does: the handler's result, or its exception thrown.
     */
    public Object sendAndWait(CommandMessage<?> command) {
        Pending pending = new Pending(command, new CompletableFuture<>());
        queueOf(pending).add(pending);
        try {
            return pending.answer().get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }

    /** Batches committed so far with more than one command (a lone command commits on its own). */
    public long committedBatches() {
        return committedBatches.get();
    }

    /** Commands waiting for a writer. */
    public int queued() {
        return queues.stream().mapToInt(BlockingQueue::size).sum();
    }

    /** The writer of the command's unit (a transfer's payer; it never comes here). */
    private BlockingQueue<Pending> queueOf(Pending pending) {
        String unit = pending.accountCommand().account().unit().code();
        return queues.get(Math.floorMod(unit.hashCode(), queues.size()));
    }

    @PreDestroy
    void stop() {
        writers.forEach(Thread::interrupt);
    }

    private void write(BlockingQueue<Pending> queue) {
        List<Pending> batch = new ArrayList<>(MOST_PER_BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException stopping) {
                break;
            }
            queue.drainTo(batch, MOST_PER_BATCH - 1);
            try {
                if (batch.size() == 1) {
                    alone(batch.get(0));
                } else {
                    together(batch);
                }
            } catch (RuntimeException | Error unexpected) {
                // Whatever went wrong, no caller waits forever and the next batch starts clean.
                CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.rollback(unexpected));
                batch.forEach(pending -> pending.answer().completeExceptionally(unexpected));
            }
            batch.clear();
        }
        for (Pending left; (left = queue.poll()) != null; ) {
            left.answer()
                    .completeExceptionally(
                            new IllegalStateException("the ledger is stopping: not recorded"));
        }
    }

    /** One command in its own unit of work and transaction, as the bus does without a batch. */
    private void alone(Pending pending) {
        try {
            pending.answer().complete(gateway.sendAndWait(pending.command()));
        } catch (RuntimeException failed) {
            pending.answer().completeExceptionally(failed);
        }
    }

    private void together(List<Pending> batch) {
        List<Done> done = new ArrayList<>(batch.size());
        List<Pending> afterwards = new ArrayList<>();
        Set<String> reloaded = new HashSet<>();
        UnitOfWork<?> root =
                DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch of " + batch.size()));
        try {
            root.attachTransaction(transactions);
            // Else the first nested unit to read an account would own the batch's commit and
            // rollback.
            connections.tieToCurrentUnitOfWork();
            for (Pending pending : batch) {
                if (reloaded.contains(pending.account())) {
                    afterwards.add(pending);
                    continue;
                }
                try {
                    done.add(new Done(pending, gateway.sendAndWait(pending.command()), null));
                } catch (RuntimeException failed) {
                    reloaded.add(pending.account());
                    done.add(new Done(pending, null, failed));
                }
            }
            root.commit();
        } catch (RuntimeException failed) {
            if (root.isActive()) {
                root.rollback(failed);
            }
            log.debug(
                    "a batch of {} commands was not committed ({}); each is sent again alone",
                    batch.size(),
                    failed.toString());
            batch.forEach(this::alone);
            return;
        }
        committedBatches.incrementAndGet();
        for (Done command : done) {
            if (command.failure() == null) {
                command.pending().answer().complete(command.outcome());
            } else if (command.failure() instanceof RuleViolation
                    || command.failure() instanceof ArithmeticException) {
                command.pending().answer().completeExceptionally(command.failure());
            } else {
                // Not a refusal (a lost race on a statement, say): decided again alone, below.
                afterwards.add(command.pending());
            }
        }
        afterwards.sort((a, b) -> Integer.compare(batch.indexOf(a), batch.indexOf(b)));
        afterwards.forEach(this::alone);
    }
}
