package ledger.api.statement;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import ledger.api.store.EventStoreAccess;
import ledger.api.store.SqlDialect;
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
    private final BulkReplay bulk;

    public ProjectionStatus(EventProcessingConfiguration processing, EventStoreAccess store, JdbcTemplate jdbc,
                            Serializer serializer, SqlDialect dialect, DataSource dataSource) {
        this.processing = processing;
        this.store = store;
        this.jdbc = jdbc;
        this.serializer = serializer;
        // The embedded database keeps the processor's own reset: it holds demo-sized ledgers only.
        this.bulk = dialect.postgres() ? new BulkReplay(dataSource, serializer) : null;
    }

    /** A replay: how long it took in all, and on PostgreSQL what the bulk rebuild did. */
    public record Replayed(Duration took, BulkReplay.Result bulk) {
    }

    /** Whether {@link #replay} rebuilds in bulk; if so nothing need be caught up before it. */
    public boolean replaysInBulk() {
        return bulk != null;
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

    /** Rebuilds every read model from the event store; how long it took. */
    public Duration replay(Duration timeout) {
        return rebuild(timeout).took();
    }

    /**
     * Rebuilds every read model from the event store and waits until the postings processor has
     * caught up. On PostgreSQL this node's processor stops, the bulk rebuild loads the read models
     * and moves the processor's tokens to the last event it read, and the processor resumes from
     * there; elsewhere (or before the processor ever stored a token) the processor's tokens are
     * reset and it replays the store itself.
     */
    public Replayed rebuild(Duration timeout) {
        StreamingEventProcessor processor = processing
                .eventProcessor(PostingProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no postings processor"));
        long started = System.nanoTime();
        processor.shutDown();
        BulkReplay.Result result = null;
        try {
            result = bulk == null ? null : bulk.rebuild(PostingProjection.PROCESSING_GROUP);
            if (result == null) {
                processor.resetTokens();
            }
        } finally {
            processor.start();
        }
        awaitCaughtUp(timeout);
        return new Replayed(Duration.ofNanos(System.nanoTime() - started), result);
    }
}
