package ledger.api.statement;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import ledger.api.store.EventStoreAccess;
import ledger.api.store.ReadDatabase;
import ledger.api.store.SqlDialect;
import ledger.projections.posting.PostingProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the read models have caught up with the event store, and a full replay of them. Reads the
 * tokens from the token store, so it sees every node's progress, not only this one's.
 */
@Component
public class ProjectionStatus {

    /**
     * A processor this many events behind is caught up in bulk: the live one does 5,000–9,000 a
     * second.
     */
    public static final long BULK_CATCH_UP_EVENTS = 50_000;

    private static final Logger log = LoggerFactory.getLogger(ProjectionStatus.class);

    /** Absent in the light start of a local read command, which runs no event processor. */
    private final ObjectProvider<EventProcessingConfiguration> processing;

    private final EventStoreAccess store;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final BulkReplay bulk;
    private final ReadDatabase reads;

    /**
     * Held while this node catches up in bulk: readers then answer from the chunks committed so
     * far.
     */
    private final ReentrantLock catchingUp = new ReentrantLock();

    public ProjectionStatus(
            ObjectProvider<EventProcessingConfiguration> processing,
            EventStoreAccess store,
            JdbcTemplate jdbc,
            Serializer serializer,
            SqlDialect dialect,
            DataSource dataSource,
            ReadDatabase reads,
            @Value("${ledger.projection.catch-up-chunk:" + BulkReplay.CHUNK_EVENTS + "}")
                    long chunkEvents) {
        this.processing = processing;
        this.store = store;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.reads = reads;
        // The embedded database keeps the processor's own reset: it holds demo-sized ledgers only.
        this.bulk = dialect.postgres() ? new BulkReplay(dataSource, serializer, chunkEvents) : null;
    }

    /** A replay: how long it took in all, and on PostgreSQL what the bulk rebuild did. */
    public record Replayed(Duration took, BulkReplay.Result bulk) {}

    /** Whether {@link #replay} rebuilds in bulk; if so nothing need be caught up before it. */
    public boolean replaysInBulk() {
        return bulk != null;
    }

    /**
     * Waits until every segment of the postings processor has handled every stored event. On
     * PostgreSQL, a processor at least {@link #BULK_CATCH_UP_EVENTS} behind is first caught up in
     * bulk.
     */
    public void awaitCaughtUp(Duration timeout) {
        await(timeout, false);
    }

    /**
     * As {@link #awaitCaughtUp}; with {@code readers} not while another caller catches up in bulk.
     *
     * @throws ReadModelsBehind when behind and no processor runs here to catch up
     */
    private void await(Duration timeout, boolean reader) {
        if (reader && catchingUp.isLocked()) {
            return;
        }
        long head = store.headIndex();
        if (!processesHere() && !caughtUpTo(head)) {
            // Waiting would be for another node's processor, which may not exist: answer nothing
            // rather than figures that leave out what was stored.
            throw new ReadModelsBehind(head, lowestPosition());
        }
        if (bulk != null && head - lowestPosition() >= BULK_CATCH_UP_EVENTS) {
            if (!reader) {
                catchUpInBulk();
            } else if (catchingUp.tryLock()) {
                try {
                    catchUpInBulkLocked();
                } finally {
                    catchingUp.unlock();
                }
            } else {
                return;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUpTo(head) && !(reader && catchingUp.isLocked())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the read models did not catch up with the event store within "
                                + timeout.toSeconds()
                                + " s (head "
                                + head
                                + ")");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "interrupted while waiting for the read models", interrupted);
            }
        }
    }

    /**
     * What a reader waits for before it reads, and the projection position it then answers from.
     * Readers of the primary wait for the processor to take in what was just written, as {@link
     * #awaitCaughtUp} does, but never behind a bulk catch-up another caller runs: it commits chunk
     * by chunk, and they answer from the chunks committed so far. Readers of a standby do not wait:
     * they answer as of the position the standby has replayed.
     */
    public long awaitReadable(Duration timeout) {
        if (!reads.standby()) {
            await(timeout, true);
        }
        return readPosition();
    }

    /**
     * The projection position reads answer from: the lowest position of any segment of the postings
     * processor as the read database has it (a standby has the primary's token rows as far as it
     * has replayed them); -1 before any event is projected.
     */
    public long readPosition() {
        return lowest(positions(reads.jdbc()));
    }

    /**
     * On PostgreSQL, projects the events past the postings processor's position in one pass, with
     * this node's processor stopped meanwhile; null when done elsewhere or nothing to do. A failure
     * is logged and leaves the live processor to catch up by itself. One at a time: a second caller
     * waits and then finds little or nothing left.
     */
    public BulkReplay.Result catchUpInBulk() {
        catchingUp.lock();
        try {
            return catchUpInBulkLocked();
        } finally {
            catchingUp.unlock();
        }
    }

    private BulkReplay.Result catchUpInBulkLocked() {
        if (bulk == null) {
            return null;
        }
        StreamingEventProcessor processor = postingsProcessor();
        processor.shutDown();
        try {
            BulkReplay.Result result = bulk.catchUp(PostingProjection.PROCESSING_GROUP);
            if (result != null) {
                log.info(
                        "postings caught up in bulk: {} events, {} postings, to position {} in {} ms",
                        result.events(),
                        result.postings(),
                        result.head(),
                        result.total().toMillis());
            }
            return result;
        } catch (RuntimeException failure) {
            log.warn(
                    "the bulk catch-up failed, the postings processor catches up by itself: {}",
                    failure.getMessage(),
                    failure);
            return null;
        } finally {
            processor.start();
        }
    }

    /**
     * The lowest position of any segment of the postings processor; -1 if some segment has none.
     */
    public long lowestPosition() {
        return lowest(positions(jdbc));
    }

    private static long lowest(List<OptionalLong> positions) {
        return positions.stream()
                .mapToLong(p -> p.isPresent() ? p.getAsLong() : -1)
                .min()
                .orElse(-1);
    }

    /**
     * Reads the tokens with plain SQL: the token store's own fetch claims the segment, which would
     * take it from the node processing it.
     */
    boolean caughtUpTo(long head) {
        List<OptionalLong> positions = positions(jdbc);
        if (positions.isEmpty()) {
            return head < 0;
        }
        return head < 0 || positions.stream().allMatch(p -> p.isPresent() && p.getAsLong() >= head);
    }

    private List<OptionalLong> positions(JdbcTemplate from) {
        return from.query(
                "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, n) -> {
                    byte[] bytes = rs.getBytes(1);
                    if (bytes == null) {
                        return OptionalLong.empty();
                    }
                    TrackingToken token =
                            serializer.deserialize(
                                    new SimpleSerializedObject<>(
                                            bytes, byte[].class, rs.getString(2), null));
                    return token == null ? OptionalLong.empty() : token.position();
                },
                PostingProjection.PROCESSING_GROUP);
    }

    /**
     * Whether this application runs the postings processor (the light start of a read command does
     * not).
     */
    public boolean processesHere() {
        return processing.getIfAvailable() != null;
    }

    private StreamingEventProcessor postingsProcessor() {
        EventProcessingConfiguration processing = this.processing.getIfAvailable();
        if (processing == null) {
            throw new IllegalStateException("no event processing in this application");
        }
        return processing
                .eventProcessor(PostingProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no postings processor"));
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
        StreamingEventProcessor processor = postingsProcessor();
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
