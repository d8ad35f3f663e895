package ledger.api.config;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon's transactions on Spring's, with a savepoint for a unit of work nested in another.
 *
 * <p>A batch of commands runs each command in a nested unit of work inside one root unit bound to
 * one database transaction ({@code recording/CommandBatches}). Axon's own {@code
 * SpringTransactionManager} neither commits nor rolls back a transaction it only joined, so what a
 * refused command wrote before its refusal (a first-time unit name, say) would stay in the batch's
 * transaction. Here a nested unit gets a savepoint ({@code PROPAGATION_NESTED}): its rollback
 * undoes exactly its own statements, its commit releases the savepoint, and only the root commits.
 * Without an enclosing transaction this starts a new one, as before.
 *
 * <p>The storage engine's own statements (reading an account's events, its last sequence number,
 * appending) need no savepoint of their own: they run inside a command's unit, whose savepoint or
 * transaction already undoes them, so {@link #joining} lets them join it. Each savepoint is a round
 * trip to the database on the single writer's path: a command paid about eleven of them.
 */
public final class SavepointTransactions implements TransactionManager {

    private final PlatformTransactionManager transactions;
    private final TransactionDefinition definition;

    public SavepointTransactions(PlatformTransactionManager transactions) {
        this(transactions, TransactionDefinition.PROPAGATION_NESTED);
    }

    private SavepointTransactions(PlatformTransactionManager transactions, int propagation) {
        this.transactions = transactions;
        this.definition = new DefaultTransactionDefinition(propagation);
    }

    /** Joins the enclosing transaction as it is (no savepoint), or starts one without it. */
    public static SavepointTransactions joining(PlatformTransactionManager transactions) {
        return new SavepointTransactions(transactions, TransactionDefinition.PROPAGATION_REQUIRED);
    }

    @Override
    public Transaction startTransaction() {
        TransactionStatus status = transactions.getTransaction(definition);
        return new Transaction() {
            @Override
            public void commit() {
                // A nested unit's rollback handlers run again when its root rolls back: done is
                // done.
                if (!status.isCompleted()) {
                    transactions.commit(status);
                }
            }

            @Override
            public void rollback() {
                if (!status.isCompleted()) {
                    transactions.rollback(status);
                }
            }
        };
    }
}
