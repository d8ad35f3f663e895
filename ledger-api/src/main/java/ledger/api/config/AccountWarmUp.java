package ledger.api.config;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import ledger.api.store.EventStoreAccess;
import ledger.core.account.BudgetAccount;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fills the kept accounts ({@link KeptAggregates}) when a server starts, in the background, with
 * the accounts most recently written to. Without it every account's first command after a restart
 * replays the account's whole history: on a million-event store that was three fifths of a command
 * writer's time for the first tens of thousands of commands. Each account is loaded through Axon's
 * own repository, in a unit of work of its own, exactly as a command would load it, so a cached
 * account is never one Axon would not have built; one written meanwhile is only a starting point
 * (its next append is refused by the event number and the command retried on a fresh load).
 *
 * <p>On for {@code ledger serve} and the benchmark's {@code ledger load record} ({@code
 * ledger.accounts.warm-up=true}); a one-off command has no later commands to gain from it.
 */
@Component
@ConditionalOnProperty(name = AccountWarmUp.PROPERTY, havingValue = "true")
public class AccountWarmUp {

    public static final String PROPERTY = "ledger.accounts.warm-up";

    private static final Logger log = LoggerFactory.getLogger(AccountWarmUp.class);

    private final org.axonframework.config.Configuration axon;
    private final EventStoreAccess store;
    private volatile boolean stopping;
    private volatile Thread worker;

    AccountWarmUp(org.axonframework.config.Configuration axon, EventStoreAccess store) {
        this.axon = axon;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread thread = new Thread(this::warmUp, "account-warm-up");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /** Loads the accounts; returns how many are now kept. */
    public int warmUp() {
        long started = System.nanoTime();
        int loaded = 0;
        try {
            List<String> accounts =
                    store.recentlyWritten(
                            BudgetAccount.class.getSimpleName(),
                            AxonStorageConfiguration.KEPT_ACCOUNTS);
            Repository<BudgetAccount> repository = axon.repository(BudgetAccount.class);
            for (String account : accounts) {
                if (stopping) {
                    return loaded;
                }
                DefaultUnitOfWork.startAndGet(null)
                        .executeWithResult(() -> repository.load(account));
                loaded++;
            }
        } catch (Exception failed) {
            // A cold account costs time, never a wrong answer: the commands load what they need.
            if (!stopping) {
                log.warn(
                        "账户预热中止，已载入 {} 个账户 (account warm-up stopped after {}): {}",
                        loaded,
                        loaded,
                        failed.toString());
            }
            return loaded;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info(
                "账户预热完成：{} 个账户，用时 {} 秒 (kept {} accounts warm in {} s)",
                loaded,
                took.toMillis() / 1000.0,
                loaded,
                took.toMillis() / 1000.0);
        return loaded;
    }

    /** Waits until the warm-up started with the application has ended. */
    public void awaitFinished() throws InterruptedException {
        Thread thread = worker;
        if (thread != null) {
            thread.join();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        Thread thread = worker;
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }
}
