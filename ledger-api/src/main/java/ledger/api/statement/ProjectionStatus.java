package ledger.api.statement;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import ledger.api.store.EventStoreAccess;
import ledger.projections.posting.PostingProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the read models have caught up with the event store, and a full replay of them. Reads
 * the tokens from the token store, so it sees every node's progress, not only this one's.
 */
@Component
public class ProjectionStatus {

    private final EventProcessingConfiguration processing;
    private final EventStoreAccess store;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ProjectionStatus(EventProcessingConfiguration processing, EventStoreAccess store, JdbcTemplate jdbc,
                            Serializer serializer) {
        this.processing = processing;
        this.store = store;
        this.jdbc = jdbc;
        this.serializer = serializer;
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

    /**
     * Reads the tokens with plain SQL: the token store's own fetch claims the segment, which would
     * take it from the node processing it.
     */
    boolean caughtUpTo(long head) {
        List<OptionalLong> positions = jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, n) -> {
                    byte[] bytes = rs.getBytes(1);
                    if (bytes == null) {
                        return OptionalLong.empty();
                    }
                    TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class,
                            rs.getString(2), null));
                    return token == null ? OptionalLong.empty() : token.position();
                }, PostingProjection.PROCESSING_GROUP);
        if (positions.isEmpty()) {
            return head < 0;
        }
        return head < 0 || positions.stream().allMatch(p -> p.isPresent() && p.getAsLong() >= head);
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
