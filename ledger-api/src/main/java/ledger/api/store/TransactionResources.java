package ledger.api.store;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Something kept for as long as the current database transaction, and dropped when it ends. */
public final class TransactionResources {

    private TransactionResources() {}

    /**
     * The value bound to {@code key} in the current transaction, made by {@code fresh} on first use
     * and handed to {@code committed} if the transaction commits; outside a transaction a fresh one
     * each time, kept by nobody.
     */
    @SuppressWarnings("unchecked")
    public static <T> T bound(Object key, Supplier<T> fresh, Consumer<T> committed) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return fresh.get();
        }
        T value = (T) TransactionSynchronizationManager.getResource(key);
        if (value == null) {
            T made = fresh.get();
            TransactionSynchronizationManager.bindResource(key, made);
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            committed.accept(made);
                        }

                        @Override
                        public void afterCompletion(int status) {
                            TransactionSynchronizationManager.unbindResourceIfPossible(key);
                        }
                    });
            value = made;
        }
        return value;
    }
}
