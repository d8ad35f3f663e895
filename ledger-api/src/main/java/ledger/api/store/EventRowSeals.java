package ledger.api.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.sql.DataSource;
import ledger.api.integrity.SealKey;
import ledger.api.integrity.WrongSealKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The seal each event row carries from the moment it is written (column {@code seal}, V8): {@code
 * HMAC-SHA-256(key, seal of the account's previous event ‖ the row's stored columns)}, in the same
 * INSERT or COPY as the row, so no moment exists where a row stands unsealed. Chained per aggregate
 * along sequence numbers: a row deleted leaves a gap, rows swapped no longer match their position,
 * a row inserted behind the ledger's back has no seal or a wrong one, since the key lives outside
 * the database. The store owns the row format, so both writers of rows use this: Axon's storage
 * engine ({@link SealedAppend}) and the batch COPY ({@link EventStoreAccess}).
 *
 * <p>Where the seal of an account's previous event comes from: a batch (one transaction, no
 * savepoints) keeps the seals it loaded and wrote per transaction, so a million-event import reads
 * none back; Axon's path reads it by its unique key in the statement's own transaction, because a
 * batch of commands rolls single commands back to savepoints, and a seal remembered from a
 * rolled-back event would chain the next one to an event that does not exist; unless the seal is
 * one this process saw committed ({@link #committed}): a committed row never changes, so its seal
 * is its successor's predecessor on every node, and a hot account's next command reads nothing.
 */
@Component
public class EventRowSeals {

    /** The predecessor of an aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final String configuredKey;
    private final Path keyFile;
    private volatile SealKey key;
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();

    /** As many accounts as Axon keeps in memory (AxonStorageConfiguration.KEPT_ACCOUNTS). */
    static final int KEPT_TIPS = 20_000;

    /**
     * The newest seal this process saw committed, by aggregate, least recently used out. Only a
     * committed row's seal is kept: one of a rolled-back transaction would chain to nothing.
     */
    private final Map<String, Tip> committed =
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Tip> eldest) {
                    return size() > KEPT_TIPS;
                }
            };

    public EventRowSeals(
            JdbcTemplate jdbc,
            @Value("${" + SealKey.PROPERTY + ":${LEDGER_INTEGRITY_KEY:}}") String configuredKey,
            @Value("${" + SealKey.FILE_PROPERTY + ":" + SealKey.DEFAULT_FILE + "}")
                    String keyFile) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.configuredKey = configuredKey;
        this.keyFile = Path.of(keyFile);
    }

    /** An account's newest sealed event: its sequence number and seal. */
    public record Tip(long sequence, String seal) {}

    /**
     * The seal for a row about to be written, remembered in {@code tips} as its aggregate's newest.
     *
     * @param tips the newest seals known by aggregate: {@link #transactionTips()} for a batch, a
     *     map of its own for one INSERT statement
     * @param connection the transaction's connection to read a predecessor's seal on, or null while
     *     that connection is busy (an open COPY): a fresh one reads the committed row
     */
    public String seal(
            Map<String, Tip> tips,
            Connection connection,
            String eventIdentifier,
            String aggregateIdentifier,
            long sequence,
            String type,
            String timestamp,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metaData) {
        String previous = previous(tips, connection, aggregateIdentifier, sequence);
        String seal =
                compute(
                        mac(),
                        previous,
                        eventIdentifier,
                        aggregateIdentifier,
                        sequence,
                        type,
                        timestamp,
                        payloadType,
                        payloadRevision,
                        payload,
                        metaData);
        tips.put(aggregateIdentifier, new Tip(sequence, seal));
        return seal;
    }

    /** Records the seal of an aggregate's newest stored event as read by a batch's loader. */
    public void loaded(String aggregateIdentifier, long sequence, String seal) {
        transactionTips()
                .put(aggregateIdentifier, new Tip(sequence, seal == null ? GENESIS : seal));
    }

    /**
     * The MAC itself, shared with {@code ledger verify}. Each field is length-prefixed and marked
     * null or not, so that no two different rows feed the MAC the same bytes.
     */
    public static String compute(
            Mac mac,
            String previous,
            String eventIdentifier,
            String aggregateIdentifier,
            long sequence,
            String type,
            String timestamp,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metaData) {
        field(mac, previous.getBytes(StandardCharsets.US_ASCII));
        field(mac, utf8(eventIdentifier));
        field(mac, utf8(aggregateIdentifier));
        field(mac, Long.toString(sequence).getBytes(StandardCharsets.US_ASCII));
        field(mac, utf8(type));
        field(mac, utf8(timestamp));
        field(mac, utf8(payloadType));
        field(mac, utf8(payloadRevision));
        field(mac, payload);
        field(mac, metaData);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    private static void field(Mac mac, byte[] bytes) {
        byte[] value = bytes == null ? new byte[0] : bytes;
        mac.update(
                ByteBuffer.allocate(5)
                        .put((byte) (bytes == null ? 0 : 1))
                        .putInt(value.length)
                        .array());
        mac.update(value);
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * This thread's MAC under the ledger's key (resolved, and created if the store has none, on
     * first use).
     */
    public Mac mac() {
        SealKey current = key();
        Mac mac = macs.get();
        if (mac == null) {
            mac = current.mac();
            macs.set(mac);
        }
        return mac;
    }

    /**
     * The key, checked once against the fingerprint kept with the seals: a missing or another key
     * refuses to write (its seals would mark genuine events as forged), as the sealer refuses.
     */
    private SealKey key() {
        SealKey current = key;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (key == null) {
                key = resolveKey();
            }
            return key;
        }
    }

    private SealKey resolveKey() {
        String fingerprint =
                jdbc.queryForObject(
                        "SELECT key_fingerprint FROM event_seal_head WHERE id = 1", String.class);
        boolean sealedBefore =
                fingerprint != null
                        || exists("SELECT 1 FROM event_seal")
                        || exists("SELECT 1 FROM domain_event_entry WHERE seal IS NOT NULL");
        Optional<SealKey> found = SealKey.find(configuredKey, keyFile);
        if (found.isEmpty() && sealedBefore) {
            throw WrongSealKey.missing(
                    SealKey.PROPERTY
                            + " / LEDGER_INTEGRITY_KEY, key file "
                            + keyFile.toAbsolutePath());
        }
        SealKey resolved = found.orElseGet(() -> SealKey.create(keyFile));
        if (fingerprint != null && !fingerprint.equals(resolved.fingerprint())) {
            throw WrongSealKey.different(resolved.origin());
        }
        if (fingerprint == null && !sealedBefore) {
            // The first seal of this store names its key, so another key is refused from now on.
            jdbc.update(
                    "UPDATE event_seal_head SET key_fingerprint = ? WHERE id = 1 AND key_fingerprint IS NULL",
                    resolved.fingerprint());
        }
        return resolved;
    }

    private boolean exists(String query) {
        return !jdbc.queryForList(query + " LIMIT 1").isEmpty();
    }

    private String previous(
            Map<String, Tip> tips,
            Connection connection,
            String aggregateIdentifier,
            long sequence) {
        if (sequence == 0) {
            return GENESIS;
        }
        Tip tip = tips.get(aggregateIdentifier);
        if (tip != null && tip.sequence() == sequence - 1) {
            return tip.seal();
        }
        Tip known = committedTip(aggregateIdentifier);
        if (known != null && known.sequence() == sequence - 1) {
            return known.seal();
        }
        try {
            if (connection != null) {
                return read(connection, aggregateIdentifier, sequence - 1);
            }
            try (Connection fresh = dataSource.getConnection()) {
                return read(fresh, aggregateIdentifier, sequence - 1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the seal of " + aggregateIdentifier + " #" + (sequence - 1), e);
        }
    }

    private synchronized Tip committedTip(String aggregateIdentifier) {
        return committed.get(aggregateIdentifier);
    }

    private synchronized void rememberCommitted(Map<String, Tip> tips) {
        tips.forEach(
                (aggregate, tip) -> {
                    Tip known = committed.get(aggregate);
                    // Another transaction may have committed a newer event of it meanwhile.
                    if (known == null || known.sequence() < tip.sequence()) {
                        committed.put(aggregate, tip);
                    }
                });
    }

    /**
     * Remembers the seals written in {@code tips} once the current transaction commits, for the
     * next statement's predecessors; outside a transaction nothing (its commit is not seen).
     */
    public void rememberOnCommit(Map<String, Tip> tips) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || tips.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        rememberCommitted(tips);
                    }
                });
    }

    /**
     * A predecessor stored before V8 (no seal) or absent chains from the genesis, as verify
     * expects.
     */
    private static String read(Connection connection, String aggregateIdentifier, long sequence)
            throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement(
                        "SELECT seal FROM domain_event_entry"
                                + " WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            ps.setString(1, aggregateIdentifier);
            ps.setLong(2, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                String seal = rs.next() ? rs.getString(1) : null;
                return seal == null ? GENESIS : seal;
            }
        }
    }

    /**
     * The tips a batch's transaction loaded and wrote, dropped when it ends (remembered as
     * committed if it commits); outside a transaction a map of the caller's own.
     */
    public Map<String, Tip> transactionTips() {
        return TransactionResources.bound(this, HashMap::new, this::rememberCommitted);
    }
}
