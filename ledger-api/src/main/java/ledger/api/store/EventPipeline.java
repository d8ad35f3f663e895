package ledger.api.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import ledger.api.config.AxonStorageConfiguration;
import ledger.core.account.AccountEvent;
import ledger.core.account.ProjectRegistered;
import ledger.core.account.UnitRegistered;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingProjection;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.postgresql.jdbc.PgStatement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The event store read in order and turned into postings, on all cores: a reader streams {@code
 * domain_event_entry} in global-index order through a cursor, one decoder per core turns each event
 * into its posting with the projection's own {@link PostingProjection#toPosting} (and then into
 * whatever the caller needs, still on the decoder's core), and the calling thread receives the
 * batches in event-store order. The bulk rebuild copies them into {@code posting}; statements
 * straight from the event store sum them in memory. One decoding for both, so a figure computed
 * from the events is the figure the read models give.
 */
@Component
public final class EventPipeline {

    /** Axon's default: a gap further back than this is no longer waited for. */
    public static final int MAX_GAP_OFFSET = 10_000;

    private static final int BATCH = 2_000;
    private static final int QUEUE = 4;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Events decoded, in order: the postings of the account events among them, the units and
     * projects registered, how many events there were, the last position and the positions missing
     * before and among them (gaps; only when every event is read).
     */
    public record Batch(
            List<Posting> postings,
            List<Object> registrations,
            int events,
            long last,
            List<Long> gaps) {}

    /** What one pass read: events, the last position, and the CPU time of reader and decoders. */
    public record Read(long events, long head, Duration readerCpu, Duration decoderCpu) {}

    /** What the calling thread does with each batch, in event-store order. */
    @FunctionalInterface
    public interface InOrder<T> {
        void accept(T batch) throws SQLException;
    }

    /**
     * Which events a pass reads: all of them, or the accounts of one year (and unit) with the unit
     * registrations that name them.
     *
     * @param accountPrefix {@code 2020/} or {@code 2020/unit/}; null for every event
     */
    public record Selection(String accountPrefix) {
        public static final Selection EVERY_EVENT = new Selection(null);
    }

    /** One stored event as read, not yet decoded. */
    private record Raw(
            long globalIndex,
            String eventId,
            String timestamp,
            String payloadType,
            byte[] payload,
            byte[] metaData) {}

    private record RawBatch(List<Raw> events, List<Long> gaps) {}

    private static final RawBatch END_RAW = new RawBatch(List.of(), List.of());
    private static final Object END = new Object();

    private final DataSource dataSource;
    private final Serializer serializer;
    private final ObjectMapper mapper;
    private final boolean postgres;

    /** On the application's database, PostgreSQL or the embedded one. */
    @Autowired
    public EventPipeline(DataSource dataSource, Serializer serializer, SqlDialect dialect) {
        this(dataSource, serializer, dialect.postgres());
    }

    /**
     * @param postgres whether the store is PostgreSQL, whose driver then sends payloads as binary
     */
    public EventPipeline(DataSource dataSource, Serializer serializer, boolean postgres) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.postgres = postgres;
        // The mapper events are written with, so each payload decodes to the object the processor
        // gets.
        this.mapper = AxonStorageConfiguration.eventObjectMapper();
    }

    /**
     * Reads the selected events after position {@code after}, decodes them on every core, applies
     * {@code inDecoder} to each batch there, and hands the results to {@code inOrder} on the
     * calling thread in event-store order.
     */
    public <T> Read run(
            long after,
            Selection selection,
            Function<Batch, T> inDecoder,
            InOrder<? super T> inOrder)
            throws SQLException {
        // Decoding is the costly stage: one decoder per core, fed batches in turn and read back in
        // the same turn, so batches keep the event store's order.
        int decoders = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<BlockingQueue<RawBatch>> raw = new ArrayList<>();
        List<BlockingQueue<Object>> decoded = new ArrayList<>();
        for (int i = 0; i < decoders; i++) {
            raw.add(new ArrayBlockingQueue<>(QUEUE));
            decoded.add(new ArrayBlockingQueue<>(QUEUE));
        }
        long[] read = new long[3]; // events, head, reader cpu ns
        long[] decoderCpu = new long[decoders];
        ExecutorService threads =
                Executors.newFixedThreadPool(
                        1 + decoders,
                        runnable -> {
                            Thread thread = new Thread(runnable, "event-pipeline");
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            List<Future<?>> stages = new ArrayList<>();
            stages.add(
                    threads.submit(
                            () -> {
                                read(after, selection, raw, read);
                                return null;
                            }));
            for (int i = 0; i < decoders; i++) {
                int decoder = i;
                stages.add(
                        threads.submit(
                                () -> {
                                    decode(
                                            raw.get(decoder),
                                            decoded.get(decoder),
                                            inDecoder,
                                            decoderCpu,
                                            decoder);
                                    return null;
                                }));
            }
            for (long batch = 0; ; batch++) {
                Object next = take(decoded.get((int) (batch % decoders)), stages);
                if (next == END) {
                    break;
                }
                @SuppressWarnings("unchecked")
                T result = (T) next;
                inOrder.accept(result);
            }
            for (int i = stages.size() - 1; i >= 0; i--) {
                stages.get(i).get();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "读取事件库时被中断 (interrupted reading the event store)", interrupted);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(
                    "读取事件库失败 (reading the event store failed)：" + cause.getMessage(), cause);
        } finally {
            threads.shutdownNow();
        }
        return new Read(
                read[0],
                read[1],
                Duration.ofNanos(read[2]),
                Duration.ofNanos(java.util.Arrays.stream(decoderCpu).sum()));
    }

    /**
     * As {@link #run}, for a caller that only reads: a database failure comes as an unchecked
     * exception.
     */
    public <T> Read read(
            long after,
            Selection selection,
            Function<Batch, T> inDecoder,
            java.util.function.Consumer<? super T> inOrder) {
        try {
            return run(after, selection, inDecoder, inOrder::accept);
        } catch (SQLException failure) {
            throw new IllegalStateException(
                    "读取事件库失败 (reading the event store failed)：" + failure.getMessage(), failure);
        }
    }

    /**
     * Streams the event store in order on a connection of its own, so reading overlaps decoding.
     */
    private void read(
            long after, Selection selection, List<BlockingQueue<RawBatch>> decoders, long[] counts)
            throws Exception {
        long batches = 0;
        long events = 0;
        long last = after;
        boolean everyEvent = selection.accountPrefix() == null;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement query =
                    connection.prepareStatement(
                            "SELECT global_index, event_identifier, time_stamp, payload_type,"
                                    + " payload, meta_data FROM domain_event_entry WHERE global_index > ?"
                                    + (everyEvent
                                            ? ""
                                            : " AND (aggregate_identifier LIKE ? ESCAPE '\\'"
                                                    + " OR payload_type = ?)")
                                    + " ORDER BY global_index")) {
                query.setLong(1, after);
                if (!everyEvent) {
                    query.setString(2, likePrefix(selection.accountPrefix()));
                    query.setString(3, UnitRegistered.class.getName());
                }
                if (postgres) {
                    // Binary results from the first execution: bytea then arrives as bytes, not
                    // hex text.
                    query.unwrap(PgStatement.class).setPrepareThreshold(-1);
                }
                query.setFetchSize(BATCH * 2);
                try (ResultSet rs = query.executeQuery()) {
                    List<Raw> batch = new ArrayList<>(BATCH);
                    List<Long> gaps = new ArrayList<>();
                    while (rs.next()) {
                        long index = rs.getLong(1);
                        // Positions missing below the newest one may be transactions still in
                        // flight.
                        for (long missing = Math.max(last + 1, index - MAX_GAP_OFFSET);
                                everyEvent && missing < index;
                                missing++) {
                            gaps.add(missing);
                        }
                        last = index;
                        batch.add(
                                new Raw(
                                        index,
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getBytes(5),
                                        rs.getBytes(6)));
                        events++;
                        if (batch.size() == BATCH) {
                            decoders.get((int) (batches++ % decoders.size()))
                                    .put(new RawBatch(batch, gaps));
                            batch = new ArrayList<>(BATCH);
                            gaps = new ArrayList<>();
                        }
                    }
                    if (!batch.isEmpty()) {
                        decoders.get((int) (batches++ % decoders.size()))
                                .put(new RawBatch(batch, gaps));
                    }
                }
            }
            connection.commit();
        } finally {
            counts[0] = events;
            counts[1] = last;
            counts[2] = THREADS.getCurrentThreadCpuTime();
        }
        // A failure ends this stage without an end mark: the caller sees the failed stage instead.
        // The end goes first to the decoder whose turn is next, where the caller will look for it.
        for (int i = 0; i < decoders.size(); i++) {
            decoders.get((int) ((batches + i) % decoders.size())).put(END_RAW);
        }
    }

    /** The prefix as a LIKE pattern matching itself only, then anything. */
    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private <T> void decode(
            BlockingQueue<RawBatch> in,
            BlockingQueue<Object> out,
            Function<Batch, T> inDecoder,
            long[] cpu,
            int decoder)
            throws Exception {
        Map<String, ObjectReader> readers = new HashMap<>();
        String lastTimestamp = null;
        Instant lastInstant = null;
        try {
            while (true) {
                RawBatch read = in.take();
                if (read == END_RAW) {
                    break;
                }
                List<Raw> events = read.events();
                List<Posting> postings = new ArrayList<>(events.size());
                List<Object> registrations = new ArrayList<>(0);
                for (Raw event : events) {
                    Object payload =
                            readers.computeIfAbsent(event.payloadType(), this::readerFor)
                                    .readValue(event.payload());
                    if (payload instanceof AccountEvent accountEvent) {
                        // A batch of events stored together shares its time stamp: parse it once.
                        if (!event.timestamp().equals(lastTimestamp)) {
                            lastTimestamp = event.timestamp();
                            lastInstant = DateTimeUtils.parseInstant(lastTimestamp);
                        }
                        postings.add(
                                PostingProjection.toPosting(
                                        accountEvent,
                                        event.eventId(),
                                        event.globalIndex(),
                                        user(event.metaData()),
                                        lastInstant));
                    } else if (payload instanceof UnitRegistered
                            || payload instanceof ProjectRegistered) {
                        registrations.add(payload);
                    }
                }
                out.put(
                        inDecoder.apply(
                                new Batch(
                                        postings,
                                        registrations,
                                        events.size(),
                                        events.get(events.size() - 1).globalIndex(),
                                        read.gaps())));
            }
        } finally {
            cpu[decoder] = THREADS.getCurrentThreadCpuTime();
        }
        out.put(END);
    }

    private ObjectReader readerFor(String payloadType) {
        return mapper.readerFor(
                serializer.classForType(new SimpleSerializedType(payloadType, null)));
    }

    /**
     * The acting user as the processor sees it: {@code String.valueOf} of the metadata value, "" if
     * absent.
     */
    private String user(byte[] metaData) throws IOException {
        if (metaData == null) {
            return "";
        }
        try (JsonParser parser = mapper.getFactory().createParser(metaData)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (AxonStorageConfiguration.USER.equals(field)) {
                    return value == JsonToken.VALUE_NULL
                            ? "null"
                            : value == JsonToken.VALUE_STRING
                                    ? parser.getText()
                                    : String.valueOf(mapper.readTree(parser));
                }
                parser.skipChildren();
            }
            return "";
        }
    }

    private static Object take(BlockingQueue<Object> queue, List<Future<?>> stages)
            throws InterruptedException, ExecutionException {
        while (true) {
            Object next = queue.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                return next;
            }
            // A failed stage ends the wait rather than leaving the caller hanging.
            for (Future<?> stage : stages) {
                if (stage.isDone()) {
                    stage.get();
                }
            }
        }
    }
}
