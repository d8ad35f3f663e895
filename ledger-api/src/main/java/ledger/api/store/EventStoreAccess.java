package ledger.api.store;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
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
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bulk access to Axon's event store for the batch paths (journal import, year close): reads the
 * history of many accounts in a few queries, and appends many events through Axon's storage engine
 * in batched statements. Both run inside the caller's transaction.
 */
@Component
public class EventStoreAccess implements JournalPosting.AccountLoader {

    private static final int READ_CHUNK = 5_000;
    private static final int APPEND_CHUNK = 5_000;

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final Serializer serializer;

    public EventStoreAccess(JdbcTemplate jdbc, EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.serializer = serializer;
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
            jdbc.query(connection -> {
                PreparedStatement ps = connection.prepareStatement("SELECT aggregate_identifier, sequence_number,"
                        + " payload_type, payload_revision, payload FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ANY (?) ORDER BY aggregate_identifier, sequence_number");
                Array array = connection.createArrayOf("VARCHAR", chunk.toArray());
                ps.setArray(1, array);
                ps.setFetchSize(10_000);
                return ps;
            }, rs -> {
                AccountKey key = byId.get(rs.getString(1));
                Object event = serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(5), byte[].class,
                        rs.getString(3), rs.getString(4)));
                books.computeIfAbsent(key, AccountBook::new).apply((AccountEvent) event);
                last.put(key, rs.getLong(2));
            });
        }
        Map<AccountKey, LoadedAccount> loaded = new HashMap<>();
        for (AccountKey key : keys) {
            loaded.put(key, new LoadedAccount(books.computeIfAbsent(key, AccountBook::new), last.getOrDefault(key, -1L)));
        }
        return loaded;
    }

    /**
     * Appends events in order, each with the acting user, its client transaction id and the
     * correlation id of the whole batch in its metadata.
     */
    public void append(List<PendingEvent> events, String user, String correlationId) {
        Instant now = Instant.now();
        List<DomainEventMessage<?>> chunk = new ArrayList<>(Math.min(events.size(), APPEND_CHUNK));
        for (PendingEvent pending : events) {
            Map<String, Object> meta = new HashMap<>(8);
            meta.put(AxonStorageConfiguration.USER, user);
            meta.put("correlationId", correlationId);
            meta.put("traceId", correlationId);
            if (pending.payload() instanceof AccountEvent accountEvent) {
                meta.put(AxonStorageConfiguration.TRANSACTION_ID, accountEvent.entry().transactionId().value());
            }
            if (pending.line() > 0) {
                meta.put("line", pending.line());
            }
            chunk.add(new GenericDomainEventMessage<>(pending.aggregateType(), pending.aggregateId(),
                    pending.sequenceNumber(), pending.payload(), MetaData.from(meta), UUID.randomUUID().toString(), now));
            if (chunk.size() == APPEND_CHUNK) {
                eventStore.publish(chunk);
                chunk = new ArrayList<>(APPEND_CHUNK);
            }
        }
        if (!chunk.isEmpty()) {
            eventStore.publish(chunk);
        }
    }

    public long eventCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    public long headIndex() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }
}
