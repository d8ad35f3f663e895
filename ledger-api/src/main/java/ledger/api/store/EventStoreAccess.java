package ledger.api.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import ledger.api.config.AxonStorageConfiguration;
import ledger.core.account.AccountBook;
import ledger.core.account.AccountEvent;
import ledger.core.account.AccountKey;
import ledger.core.journal.JournalPosting;
import ledger.core.journal.JournalPosting.LoadedAccount;
import ledger.core.journal.JournalPosting.PendingEvent;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Bulk access to Axon's event store for the batch paths (journal import, year close): reads the
 * history of many accounts in a few queries, and appends many events: on PostgreSQL a large batch
 * with one binary COPY in the rows Axon's storage engine would write, otherwise through that engine
 * in batched statements. Both run inside the caller's transaction.
 */
@Component
public class EventStoreAccess implements JournalPosting.AccountLoader {

    private static final int READ_CHUNK = 5_000;
    private static final int APPEND_CHUNK = 5_000;

    /**
     * From this many events a binary COPY beats batched INSERTs; below it, a COPY's own round trips
     * and setup are not worth it (and single commands keep Axon's path).
     */
    static final int COPY_FROM = 200;

    private static final String COPY_EVENTS =
            "COPY domain_event_entry (event_identifier, aggregate_identifier,"
                    + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data, seal)"
                    + " FROM STDIN (FORMAT binary)";

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final Serializer serializer;
    private final SqlDialect dialect;

    /** Writes JSON exactly as the event serializer does, into a stream it must not close. */
    private final ObjectWriter json;

    private final ClassValue<SerializedType> payloadTypes;
    private final EventRowSeals seals;

    public EventStoreAccess(
            JdbcTemplate jdbc,
            EventStore eventStore,
            @Qualifier("eventSerializer") Serializer serializer,
            SqlDialect dialect,
            EventRowSeals seals) {
        this.jdbc = jdbc;
        this.seals = seals;
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.dialect = dialect;
        ObjectMapper mapper =
                serializer instanceof JacksonSerializer jackson
                        ? jackson.getObjectMapper()
                        : AxonStorageConfiguration.eventObjectMapper();
        this.json = mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // The revision lookup reads annotations; once per payload class is enough.
        this.payloadTypes =
                new ClassValue<>() {
                    @Override
                    protected SerializedType computeValue(Class<?> type) {
                        return serializer.typeForClass(type);
                    }
                };
    }

    @Override
    public Map<AccountKey, LoadedAccount> load(Set<AccountKey> keys) {
        Map<String, AccountKey> byId = new HashMap<>();
        keys.forEach(key -> byId.put(key.id(), key));
        Map<AccountKey, AccountBook> books = new HashMap<>();
        Map<AccountKey, Long> last = new HashMap<>();
        List<String> ids = new ArrayList<>(byId.keySet());
        for (int from = 0; from < ids.size(); from += READ_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
            jdbc.query(
                    connection -> {
                        PreparedStatement ps =
                                connection.prepareStatement(
                                        "SELECT aggregate_identifier, sequence_number,"
                                                + " payload_type, payload_revision, payload, seal FROM domain_event_entry"
                                                + " WHERE aggregate_identifier = ANY (?) ORDER BY aggregate_identifier, sequence_number");
                        Array array = connection.createArrayOf("VARCHAR", chunk.toArray());
                        ps.setArray(1, array);
                        ps.setFetchSize(10_000);
                        return ps;
                    },
                    rs -> {
                        AccountKey key = byId.get(rs.getString(1));
                        Object event =
                                serializer.deserialize(
                                        new SimpleSerializedObject<>(
                                                rs.getBytes(5),
                                                byte[].class,
                                                rs.getString(3),
                                                rs.getString(4)));
                        books.computeIfAbsent(key, AccountBook::new).apply((AccountEvent) event);
                        last.put(key, rs.getLong(2));
                        // The newest seal read is what the account's next event chains to.
                        seals.loaded(rs.getString(1), rs.getLong(2), rs.getString(6));
                    });
        }
        Map<AccountKey, LoadedAccount> loaded = new HashMap<>();
        for (AccountKey key : keys) {
            loaded.put(
                    key,
                    new LoadedAccount(
                            books.computeIfAbsent(key, AccountBook::new),
                            last.getOrDefault(key, -1L)));
        }
        return loaded;
    }

    /**
     * Appends events in order, each with the acting user, its client transaction id and the
     * correlation id of the whole batch in its metadata.
     */
    public void append(List<PendingEvent> events, String user, String correlationId) {
        if (dialect.postgres() && events.size() >= COPY_FROM) {
            appendByCopy(events, user, correlationId);
        } else {
            appendThroughAxon(events, user, correlationId);
        }
    }

    /** Axon's own append: batched INSERTs through its storage engine. */
    public void appendThroughAxon(List<PendingEvent> events, String user, String correlationId) {
        Instant now = Instant.now();
        List<DomainEventMessage<?>> chunk = new ArrayList<>(Math.min(events.size(), APPEND_CHUNK));
        for (PendingEvent pending : events) {
            chunk.add(
                    new GenericDomainEventMessage<>(
                            pending.aggregateType(),
                            pending.aggregateId(),
                            pending.sequenceNumber(),
                            pending.payload(),
                            metaData(pending, user, correlationId),
                            UUID.randomUUID().toString(),
                            now));
            if (chunk.size() == APPEND_CHUNK) {
                eventStore.publish(chunk);
                chunk = new ArrayList<>(APPEND_CHUNK);
            }
        }
        if (!chunk.isEmpty()) {
            eventStore.publish(chunk);
        }
    }

    /**
     * The same rows Axon's storage engine would write (identifiers, aggregate type, Axon's
     * timestamp format, payload type and revision, payload and metadata as the event serializer's
     * JSON), sent with one binary COPY on the transaction's connection; global_index comes from its
     * sequence as with an INSERT. A duplicate (aggregate, sequence) or event id fails the COPY, and
     * the error is translated like an INSERT's, so the caller's retry on a concurrent writer still
     * works.
     */
    public void appendByCopy(List<PendingEvent> events, String user, String correlationId) {
        try (CopyAppender appender = copyAppender(user, correlationId)) {
            events.forEach(appender);
            appender.finish();
        }
    }

    /** Whether a batch of this many events is appended by COPY ({@link #copyAppender}) here. */
    public boolean copies(int events) {
        return dialect.postgres() && events >= COPY_FROM;
    }

    /**
     * An appender that streams events into one binary COPY as they are handed to it (see {@link
     * #appendByCopy}), so that the database stores them while the caller is still deciding the next
     * ones. It opens the COPY on the first event, on the transaction's connection, which must not
     * be used for anything else until {@link CopyAppender#finish()}; closing it unfinished abandons
     * the COPY (the caller then rolls back).
     */
    public CopyAppender copyAppender(String user, String correlationId) {
        if (!dialect.postgres()) {
            throw new IllegalStateException("COPY needs PostgreSQL; use appendThroughAxon");
        }
        return new CopyAppender(user, correlationId);
    }

    public final class CopyAppender
            implements java.util.function.Consumer<PendingEvent>, AutoCloseable {
        private final String user;
        private final String correlationId;
        private final Instant now = Instant.now();
        private final String timestamp = DateTimeUtils.formatInstant(now);
        private final OrderedIds eventIds = new OrderedIds(now);

        /** Payload and metadata JSON, serialized once for both the row and its seal. */
        private final java.io.ByteArrayOutputStream payloadBytes =
                new java.io.ByteArrayOutputStream(1024);

        private final java.io.ByteArrayOutputStream metaDataBytes =
                new java.io.ByteArrayOutputStream(256);

        /** The batch's transaction knows the newest seal of each account it loaded or wrote. */
        private final Map<String, EventRowSeals.Tip> tips = seals.transactionTips();

        private java.sql.Connection connection;
        private BinaryCopy copy;
        private long appended;

        private CopyAppender(String user, String correlationId) {
            this.user = user;
            this.correlationId = correlationId;
            // The key is resolved now: once the COPY is open its connection can run nothing else.
            seals.mac();
        }

        @Override
        public void accept(PendingEvent pending) {
            try {
                if (copy == null) {
                    connection = DataSourceUtils.getConnection(jdbc.getDataSource());
                    copy = new BinaryCopy(connection, COPY_EVENTS);
                }
                Object payload = pending.payload();
                SerializedType type = payloadTypes.get(payload.getClass());
                String eventId = eventIds.next();
                json(payloadBytes, payload);
                json(metaDataBytes, metaData(pending, user, correlationId));
                byte[] payloadJson = payloadBytes.toByteArray();
                byte[] metaDataJson = metaDataBytes.toByteArray();
                // The COPY holds the connection: a predecessor not met in this transaction is read
                // on another.
                String seal =
                        seals.seal(
                                tips,
                                null,
                                eventId,
                                pending.aggregateId(),
                                pending.sequenceNumber(),
                                pending.aggregateType(),
                                timestamp,
                                type.getName(),
                                type.getRevision(),
                                payloadJson,
                                metaDataJson);
                copy.row(10);
                copy.text(eventId);
                copy.text(pending.aggregateId());
                copy.int8(pending.sequenceNumber());
                copy.text(pending.aggregateType());
                copy.text(timestamp);
                copy.text(type.getName());
                copy.text(type.getRevision());
                copy.beginField();
                copy.write(payloadJson, 0, payloadJson.length);
                copy.endField();
                copy.beginField();
                copy.write(metaDataJson, 0, metaDataJson.length);
                copy.endField();
                copy.text(seal);
                appended++;
            } catch (SQLException e) {
                throw translated(e);
            }
        }

        /** Ends the COPY; the events are then stored, pending the transaction's commit. */
        public long finish() {
            if (copy == null) {
                return 0;
            }
            try {
                copy.finish();
                return appended;
            } catch (SQLException e) {
                throw translated(e);
            } finally {
                copy = null;
                release();
            }
        }

        @Override
        public void close() {
            if (copy != null) {
                copy.cancel();
                copy = null;
            }
            release();
        }

        private void release() {
            if (connection != null) {
                DataSourceUtils.releaseConnection(connection, jdbc.getDataSource());
                connection = null;
            }
        }

        private RuntimeException translated(SQLException e) {
            close();
            // As an INSERT's failure would be: a duplicate key is a
            // DataIntegrityViolationException.
            RuntimeException translated =
                    jdbc.getExceptionTranslator().translate("COPY events", COPY_EVENTS, e);
            return translated != null ? translated : new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Event identifiers for one batch: UUIDs of version 7 (RFC 9562), the batch's time in the high
     * bits, then a random start that counts up. A million random (version 4) identifiers scatter
     * their inserts over the whole unique index on event_identifier; these append at its right
     * edge, which made PostgreSQL's side of a 500,000-event COPY about a quarter faster. Unique: 73
     * random bits per batch, and the unique index stays the last line of defence.
     */
    static final class OrderedIds {
        private final long high;
        private long low;

        OrderedIds(Instant at) {
            java.security.SecureRandom seed = new java.security.SecureRandom();
            high = (at.toEpochMilli() << 16) | 0x7000L | (seed.nextInt() & 0x0FFFL);
            // Variant bits 10, then 61 random bits: room to count 2^61 events without a carry.
            low = Long.MIN_VALUE | (seed.nextLong() & 0x1FFF_FFFF_FFFF_FFFFL);
        }

        String next() {
            return new UUID(high, low++).toString();
        }
    }

    private void json(java.io.ByteArrayOutputStream buffer, Object value) {
        buffer.reset();
        try {
            json.writeValue(buffer, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getName(), e);
        }
    }

    /**
     * The acting user, the client transaction id, the batch's correlation id and the journal line.
     */
    private static MetaData metaData(PendingEvent pending, String user, String correlationId) {
        Map<String, Object> meta = new HashMap<>(8);
        meta.put(AxonStorageConfiguration.USER, user);
        meta.put("correlationId", correlationId);
        meta.put("traceId", correlationId);
        if (pending.payload() instanceof AccountEvent accountEvent) {
            meta.put(
                    AxonStorageConfiguration.TRANSACTION_ID,
                    accountEvent.entry().transactionId().value());
        }
        if (pending.line() > 0) {
            meta.put("line", pending.line());
        }
        return MetaData.from(meta);
    }

    /**
     * New planner statistics for the event store and the id register (PostgreSQL; a few hundred
     * ms).
     */
    public void refreshStatistics() {
        if (dialect.postgres()) {
            jdbc.execute("ANALYZE domain_event_entry, ledger_transaction");
        }
    }

    /**
     * The {@code aggregateType} aggregates most recently written to, at most {@code limit}, the
     * least recent first (so that, loaded in this order, the most recent are the last evicted).
     */
    public List<String> recentlyWritten(String aggregateType, int limit) {
        List<String> ids =
                new ArrayList<>(
                        jdbc.queryForList(
                                "SELECT aggregate_identifier FROM domain_event_entry WHERE type = ?"
                                        + " GROUP BY aggregate_identifier ORDER BY MAX(global_index) DESC"
                                        + " LIMIT ?",
                                String.class,
                                aggregateType,
                                limit));
        Collections.reverse(ids);
        return ids;
    }

    public long eventCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    public long headIndex() {
        Long head =
                jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }
}
