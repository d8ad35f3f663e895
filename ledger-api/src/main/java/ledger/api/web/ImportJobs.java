package ledger.api.web;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;

/**
 * The web's import jobs, kept in memory on this node: a job page is answered by the node that took
 * the upload (behind a load balancer, sessions must stick to a node), and a restart forgets the
 * jobs, never their imports, which are in the event store or not at all. Two imports run at a time
 * (the machine's work is the database's anyway); a finished job is kept an hour for its page.
 */
@Component
class ImportJobs {

    static final Duration KEPT = Duration.ofHours(1);
    private static final int WORKERS = 2;

    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    // Each job runs as the user who uploaded it: the unit checks read the security context.
    private final ExecutorService workers =
            new DelegatingSecurityContextExecutorService(
                    Executors.newFixedThreadPool(
                            WORKERS,
                            work -> {
                                Thread thread = new Thread(work, "journal-import-job");
                                thread.setDaemon(true);
                                return thread;
                            }));

    /** Starts {@code work} for {@code job}; the job's page can be shown at once. */
    ImportJob start(ImportJob job, Consumer<ImportJob> work) {
        forgetFinishedBefore(Instant.now().minus(KEPT));
        jobs.put(job.id(), job);
        workers.submit(() -> work.accept(job));
        return job;
    }

    /** The job, only for the user who started it: another user's jobs do not exist for them. */
    Optional<ImportJob> of(String id, String user) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.user().equals(user));
    }

    private void forgetFinishedBefore(Instant limit) {
        jobs.values().removeIf(job -> job.finished() != null && job.finished().isBefore(limit));
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
