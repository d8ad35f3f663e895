package ledger.api.statement;

import java.time.Duration;
import java.util.OptionalLong;
import ledger.api.store.EventStoreAccess;
import ledger.projections.posting.PostingProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether the read models have caught up with the event store, and a full replay of them. Reads
 * the tokens from the token store, so it sees every node's progress, not only this one's.
 */
@Component
public class ProjectionStatus {

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final EventStoreAccess store;
    private final TransactionTemplate transaction;

    public ProjectionStatus(EventProcessingConfiguration processing, TokenStore tokens, EventStoreAccess store,
                            TransactionTemplate transaction) {
        this.processing = processing;
        this.tokens = tokens;
        this.store = store;
        this.transaction = transaction;
    }

    /** Waits until every segment of the postings processor has handled every stored event. */
    public void awaitCaughtUp(Duration timeout) {
        long head = store.headIndex();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUpTo(head)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read models did not catch up with the event store within "
                        + timeout.toSeconds() + " s (head " + head + ")");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the read models", interrupted);
            }
        }
    }

    boolean caughtUpTo(long head) {
        Boolean caughtUp = transaction.execute(status -> {
            int[] segments = tokens.fetchSegments(PostingProjection.PROCESSING_GROUP);
            if (segments.length == 0) {
                return head < 0;
            }
            for (int segment : segments) {
                TrackingToken token = tokens.fetchToken(PostingProjection.PROCESSING_GROUP, segment);
                OptionalLong position = token == null ? OptionalLong.empty() : token.position();
                if (head >= 0 && (position.isEmpty() || position.getAsLong() < head)) {
                    return false;
                }
            }
            return true;
        });
        return Boolean.TRUE.equals(caughtUp);
    }

    /** Resets the postings processor and rebuilds every read model from the event store. */
    public Duration replay(Duration timeout) {
        StreamingEventProcessor processor = processing
                .eventProcessor(PostingProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no postings processor"));
        long started = System.nanoTime();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp(timeout);
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
