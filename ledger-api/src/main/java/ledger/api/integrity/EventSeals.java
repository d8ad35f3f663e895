package ledger.api.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import ledger.api.store.BinaryCopy;
import ledger.api.store.SqlDialect;
import jakarta.annotation.PreDestroy;
import javax.crypto.Mac;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tamper evidence for the event store. Each committed event is sealed, in the order the sealer
 * meets them, with {@code HMAC-SHA-256(key, previous seal ‖ the event's stored columns)}: its global
 * index, identifiers, type, timestamp and the exact payload and metadata bytes. The chain lives in
 * {@code event_seal} beside Axon's table, so the write path pays nothing; the key lives outside
 * the database, so whoever edits rows there cannot compute matching seals.
 *
 * <p>{@link #verify()} recomputes the chain and names the first event that was changed, deleted or
 * slipped in without a seal. What it cannot see alone: the newest events and their seals removed
 * together; the chain head it prints is what an auditor writes down to close that gap.
 *
 * <p>The key's fingerprint is kept with the chain: once seals exist, a missing or different key
 * refuses to seal and makes {@code verify} say so ({@link WrongSealKey}), instead of a new key
 * silently starting over or every event looking tampered.
 */
@Component
public class EventSeals {

    /** Unsealed events read whole at a time. */
    private static final int READ_CHUNK = 5_000;
    private static final int INSERT_BATCH = 1_000;
    /** How far behind the newest seal a late-committing transaction's events are still looked for. */
    private static final long LATE_COMMIT_MARGIN = 100_000;
    private static final String GENESIS = "0".repeat(64);
    private static final Logger log = LoggerFactory.getLogger(EventSeals.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final TransactionTemplate transaction;
    private final String configuredKey;
    private final Path keyFile;
    private final boolean sealing;
    /** Global indexes compared with the seals at a time. */
    private final long window;

    /**
     * @param sealing false for a run that only inspects the store ({@code ledger verify}): sealing
     *                there would bless rows inserted behind the ledger's back
     */
    public EventSeals(JdbcTemplate jdbc, SqlDialect dialect, TransactionTemplate transaction,
                      @Value("${" + SealKey.PROPERTY + ":${LEDGER_INTEGRITY_KEY:}}") String configuredKey,
                      @Value("${" + SealKey.FILE_PROPERTY + ":" + SealKey.DEFAULT_FILE + "}") String keyFile,
                      @Value("${ledger.integrity.sealing:true}") boolean sealing,
                      @Value("${ledger.integrity.seal-window:50000}") long window) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.dialect = dialect;
        this.transaction = transaction;
        SealKey.checkConfigured(configuredKey);
        this.configuredKey = configuredKey;
        this.keyFile = Path.of(keyFile);
        this.sealing = sealing;
        this.window = window;
    }

    /**
     * Seals every committed event not sealed yet; returns how many. Safe to call from any node: the
     * head row's lock makes sealers take turns.
     *
     * @throws WrongSealKey when seals exist and the key that made them is missing or not this one
     */
    public int sealPending() {
        Integer sealed = transaction.execute(status -> sealInWindows());
        return sealed == null ? 0 : sealed;
    }

    /**
     * Before the application stops (every command-line run ends here), nothing is left unsealed.
     * Destroyed before the data source it reaches through {@link JdbcTemplate}; the embedded
     * database must not close itself at JVM exit meanwhile ({@code DB_CLOSE_ON_EXIT=FALSE}).
     */
    @PreDestroy
    public void sealBeforeStopping() {
        sealLogged();
    }

    /** Seals in the background too, so that events recorded by any path are covered within seconds. */
    @Scheduled(fixedDelayString = "${ledger.integrity.seal-interval-ms:2000}",
            initialDelayString = "${ledger.integrity.seal-interval-ms:2000}")
    public void sealInBackground() {
        sealLogged();
    }

    private volatile String lastRefusal;

    /** A refused pass is logged, each different reason once: the background repeats it every two seconds. */
    private void sealLogged() {
        if (!sealing) {
            return;
        }
        try {
            sealPending();
            lastRefusal = null;
        } catch (WrongSealKey refused) {
            if (!refused.getMessage().equals(lastRefusal)) {
                log.error(refused.getMessage());
                lastRefusal = refused.getMessage();
            }
        }
    }

    /**
     * Walks the store above the low-water mark in windows of global index. For each window only the
     * indexes are compared with the seals (a narrow range on two unique indexes, whatever the
     * planner's statistics), and only the unsealed events are read whole; so a pass over a million
     * new events reads each once, and an idle pass reads no payload at all.
     */
    private int sealInWindows() {
        Head head = head(" FOR UPDATE");
        Long newestStored = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        if (newestStored == null || newestStored <= head.lowWater()) {
            return 0;
        }
        SealKey key = keyFor(head).orElseGet(() -> SealKey.create(keyFile));
        Chain chain = new Chain(key.mac(), head.lastSequence(), head.lastHash(), head.lowWater());
        for (long from = head.lowWater() + 1; from <= newestStored; from += window) {
            long to = Math.min(newestStored, from + window - 1);
            List<Long> unsealed = unsealedIn(from, to);
            List<Seal> seals = new ArrayList<>(unsealed.size());
            for (int at = 0; at < unsealed.size(); at += READ_CHUNK) {
                List<Long> chunk = unsealed.subList(at, Math.min(unsealed.size(), at + READ_CHUNK));
                jdbc.query(connection -> {
                    PreparedStatement ps = connection.prepareStatement(SELECT_EVENTS
                            + " WHERE e.global_index >= ? AND e.global_index <= ? ORDER BY e.global_index");
                    ps.setLong(1, chunk.get(0));
                    ps.setLong(2, chunk.get(chunk.size() - 1));
                    ps.setFetchSize(1_000);
                    return ps;
                }, (ResultSet rs) -> {
                    StoredEvent event = StoredEvent.read(rs);
                    if (Collections.binarySearch(chunk, event.globalIndex()) >= 0) {
                        seals.add(chain.seal(event));
                    }
                });
            }
            // Written per window, after its reads: a connection cannot query while a COPY is open.
            write(seals);
        }
        if (chain.sealed > 0 || chain.newest > head.lowWater() || head.keyFingerprint() == null) {
            jdbc.update("UPDATE event_seal_head SET last_sequence = ?, last_hash = ?, low_water = ?, key_fingerprint = ?"
                    + " WHERE id = 1", chain.sequence, chain.previous,
                    Math.max(head.lowWater(), chain.newest - LATE_COMMIT_MARGIN), key.fingerprint());
        }
        return chain.sealed;
    }

    /** Global indexes in [from, to] that are stored but not sealed, ascending. */
    private List<Long> unsealedIn(long from, long to) {
        List<Long> stored = jdbc.queryForList("SELECT global_index FROM domain_event_entry"
                + " WHERE global_index >= ? AND global_index <= ? ORDER BY global_index", Long.class, from, to);
        if (stored.isEmpty()) {
            return stored;
        }
        Set<Long> sealed = new HashSet<>(jdbc.queryForList("SELECT global_index FROM event_seal"
                + " WHERE global_index >= ? AND global_index <= ?", Long.class, from, to));
        if (sealed.isEmpty()) {
            return stored;
        }
        List<Long> unsealed = new ArrayList<>(stored.size() - Math.min(stored.size(), sealed.size()));
        for (Long index : stored) {
            if (!sealed.contains(index)) {
                unsealed.add(index);
            }
        }
        return unsealed;
    }

    /** The end of the chain as a pass extends it. */
    private final class Chain {
        long sequence;
        String previous;
        long newest;
        int sealed;
        private final Mac mac;

        Chain(Mac mac, long sequence, String previous, long newest) {
            this.mac = mac;
            this.sequence = sequence;
            this.previous = previous;
            this.newest = newest;
        }

        Seal seal(StoredEvent event) {
            String hash = hash(mac, previous, event);
            Seal seal = new Seal(++sequence, event.globalIndex(), event.eventIdentifier(), previous, hash);
            previous = hash;
            newest = Math.max(newest, event.globalIndex());
            sealed++;
            return seal;
        }
    }

    private record Seal(long sequence, long globalIndex, String eventIdentifier, String previousHash, String hash) {
    }

    /** Seal rows: a binary COPY on PostgreSQL, batched inserts on the embedded database. */
    private void write(List<Seal> seals) {
        if (seals.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        if (dialect.postgres()) {
            try (BinaryCopy copy = new BinaryCopy(DataSourceUtils.getConnection(dataSource), "COPY event_seal"
                    + " (seal_sequence, global_index, event_identifier, previous_hash, hash, sealed_at)"
                    + " FROM STDIN (FORMAT binary)")) {
                for (Seal seal : seals) {
                    copy.row(6);
                    copy.int8(seal.sequence());
                    copy.int8(seal.globalIndex());
                    copy.text(seal.eventIdentifier());
                    copy.text(seal.previousHash());
                    copy.text(seal.hash());
                    copy.timestamp(now);
                }
                copy.finish();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot write seals: " + e.getMessage(), e);
            }
            return;
        }
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("INSERT INTO event_seal (seal_sequence, global_index, event_identifier, previous_hash, hash,"
                + " sealed_at) VALUES (?, ?, ?, ?, ?, ?)", seals, INSERT_BATCH, (ps, seal) -> {
                    ps.setLong(1, seal.sequence());
                    ps.setLong(2, seal.globalIndex());
                    ps.setString(3, seal.eventIdentifier());
                    ps.setString(4, seal.previousHash());
                    ps.setString(5, seal.hash());
                    ps.setTimestamp(6, at);
                });
    }

    /**
     * Recomputes the whole chain. Problems come in store order; the first is the earliest
     * tampering found.
     */
    public VerifyReport verify() {
        return verify(null);
    }

    /**
     * {@link #verify()}, and {@code notedChainHead} — a chain head an auditor wrote down earlier —
     * must still be a seal of the chain: if the newest events were removed together with their seals
     * and the head row set back, that is the only trace left.
     */
    public VerifyReport verify(String notedChainHead) {
        Optional<SealKey> key;
        try {
            key = keyFor(head(""));
        } catch (WrongSealKey wrongKey) {
            // Not "tampered": with another key every seal would mismatch, which says nothing of the events.
            return new VerifyReport(0, count("SELECT COUNT(*) FROM domain_event_entry"), head("").lastHash(),
                    List.of(wrongKey.getMessage()), "none", true);
        }
        if (key.isEmpty()) {
            List<String> problems = notedChainHead == null ? List.of() : List.of("the chain head noted earlier ("
                    + notedChainHead + ") is no longer in the seal chain, which is empty: every seal was removed");
            return new VerifyReport(0, count("SELECT COUNT(*) FROM domain_event_entry"), GENESIS, problems,
                    "no key yet, nothing sealed", false);
        }
        List<String> problems = new ArrayList<>();
        long[] checked = {0};
        String[] expectedPrevious = {GENESIS};
        long[] expectedSequence = {1};
        boolean[] notedHeadFound = {false};
        Mac mac = key.get().mac();
        jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("SELECT s.seal_sequence, s.global_index AS sealed_index,"
                    + " s.event_identifier AS sealed_id, s.previous_hash, s.hash, e.global_index, e.event_identifier,"
                    + " e.aggregate_identifier, e.sequence_number, e.payload_type, e.time_stamp, e.payload, e.meta_data"
                    + " FROM event_seal s LEFT JOIN domain_event_entry e ON e.global_index = s.global_index"
                    + " ORDER BY s.seal_sequence");
            ps.setFetchSize(5_000);
            return ps;
        }, (ResultSet rs) -> {
            long sequence = rs.getLong("seal_sequence");
            String sealedId = rs.getString("sealed_id");
            long sealedIndex = rs.getLong("sealed_index");
            if (sequence != expectedSequence[0]) {
                problems.add("seals #" + expectedSequence[0] + " to #" + (sequence - 1) + " are missing: seal rows were"
                        + " deleted");
            }
            if (!rs.getString("previous_hash").equals(expectedPrevious[0])) {
                problems.add("the seal chain is broken at seal #" + sequence + " (event " + sealedId
                        + "): seal rows were edited");
            }
            rs.getLong("global_index");
            if (rs.wasNull()) {
                problems.add("event " + sealedId + " (global index " + sealedIndex + ") was deleted: its seal #"
                        + sequence + " remains");
            } else {
                StoredEvent event = StoredEvent.read(rs);
                if (!event.eventIdentifier().equals(sealedId)
                        || !hash(mac, rs.getString("previous_hash"), event).equals(rs.getString("hash"))) {
                    problems.add("event " + event.eventIdentifier() + " (global index " + event.globalIndex()
                            + ", " + event.aggregateIdentifier() + " #" + event.sequenceNumber() + ", "
                            + simpleName(event.payloadType()) + ") was changed after it was recorded: its stored columns"
                            + " no longer match seal #" + sequence);
                }
            }
            expectedPrevious[0] = rs.getString("hash");
            notedHeadFound[0] |= rs.getString("hash").equalsIgnoreCase(String.valueOf(notedChainHead));
            expectedSequence[0] = sequence + 1;
            checked[0]++;
        });
        Head head = head("");
        if (head.lastSequence() != expectedSequence[0] - 1 || !head.lastHash().equals(expectedPrevious[0])) {
            problems.add("the end of the seal chain was cut: the head names seal #" + head.lastSequence()
                    + " but the chain ends at #" + (expectedSequence[0] - 1));
        }
        if (notedChainHead != null && !notedHeadFound[0]) {
            problems.add("the chain head noted earlier (" + notedChainHead + ") is no longer in the seal chain, which now"
                    + " ends at seal #" + (expectedSequence[0] - 1) + " (" + expectedPrevious[0] + "): the newest events"
                    + " were removed together with their seals, or the chain was rewritten");
        }
        Long newestSealed = jdbc.queryForObject("SELECT MAX(global_index) FROM event_seal", Long.class);
        List<String> unsealed = jdbc.query("SELECT e.global_index, e.event_identifier FROM domain_event_entry e"
                + " WHERE NOT EXISTS (SELECT 1 FROM event_seal s WHERE s.global_index = e.global_index)"
                + " AND e.global_index < ? ORDER BY e.global_index",
                (rs, n) -> "event " + rs.getString(2) + " (global index " + rs.getLong(1) + ") has no seal although"
                        + " later events do: it was inserted behind the ledger's back",
                newestSealed == null ? 0 : newestSealed);
        problems.addAll(unsealed);
        Long pending = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry e WHERE e.global_index > ?",
                Long.class, newestSealed == null ? 0 : newestSealed);
        return new VerifyReport(checked[0], pending == null ? 0 : pending, expectedPrevious[0], problems,
                key.get().origin(), false);
    }

    private Head head(String lock) {
        return jdbc.queryForObject("SELECT last_sequence, last_hash, low_water, key_fingerprint FROM event_seal_head"
                + " WHERE id = 1" + lock, (rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3),
                rs.getString(4)));
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    /**
     * The key to seal or verify with; empty while there is no key and nothing is sealed yet.
     *
     * @throws WrongSealKey when seals exist and their key is missing or another one
     */
    private Optional<SealKey> keyFor(Head head) {
        Optional<SealKey> key = SealKey.find(configuredKey, keyFile);
        boolean sealed = head.lastSequence() > 0
                || count("SELECT COUNT(*) FROM (SELECT 1 FROM event_seal LIMIT 1) s") > 0;
        if (!sealed) {
            return key;
        }
        if (key.isEmpty()) {
            throw WrongSealKey.missing(SealKey.PROPERTY + " / LEDGER_INTEGRITY_KEY, key file " + keyFile.toAbsolutePath());
        }
        boolean same = head.keyFingerprint() == null ? reproducesAnOldSeal(key.get())
                : head.keyFingerprint().equals(key.get().fingerprint());
        if (!same) {
            throw WrongSealKey.different(key.get().origin());
        }
        return key;
    }

    /**
     * Seals made before the fingerprint was kept (it is stored by the next pass): the key is theirs
     * if it reproduces one of the oldest seals whose event is still there.
     */
    private boolean reproducesAnOldSeal(SealKey key) {
        Mac mac = key.mac();
        List<Boolean> reproduced = jdbc.query("SELECT s.previous_hash, s.hash, " + EVENT_COLUMNS
                + " FROM event_seal s JOIN domain_event_entry e ON e.global_index = s.global_index"
                + " ORDER BY s.seal_sequence LIMIT 10",
                (rs, n) -> hash(mac, rs.getString("previous_hash"), StoredEvent.read(rs)).equals(rs.getString("hash")));
        return reproduced.isEmpty() || reproduced.contains(true);
    }

    /** {@code mac} is reset by each {@code doFinal}, so one instance serves a whole pass. */
    private static String hash(Mac mac, String previous, StoredEvent event) {
        field(mac, previous.getBytes(StandardCharsets.US_ASCII));
        field(mac, Long.toString(event.globalIndex()).getBytes(StandardCharsets.US_ASCII));
        field(mac, utf8(event.eventIdentifier()));
        field(mac, utf8(event.aggregateIdentifier()));
        field(mac, Long.toString(event.sequenceNumber()).getBytes(StandardCharsets.US_ASCII));
        field(mac, utf8(event.payloadType()));
        field(mac, utf8(event.timeStamp()));
        field(mac, event.payload());
        field(mac, event.metaData());
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Length-prefixed, so that no two different events can feed the MAC the same bytes. */
    private static void field(Mac mac, byte[] bytes) {
        byte[] value = bytes == null ? new byte[0] : bytes;
        mac.update(ByteBuffer.allocate(5).put((byte) (bytes == null ? 0 : 1)).putInt(value.length).array());
        mac.update(value);
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String simpleName(String type) {
        return type == null ? "?" : type.substring(type.lastIndexOf('.') + 1);
    }

    private static final String EVENT_COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier,"
            + " e.sequence_number, e.payload_type, e.time_stamp, e.payload, e.meta_data";
    private static final String SELECT_EVENTS = "SELECT " + EVENT_COLUMNS + " FROM domain_event_entry e";

    /** @param keyFingerprint of the key that made the seals; null before the first pass since V5 */
    private record Head(long lastSequence, String lastHash, long lowWater, String keyFingerprint) {
    }

    private record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier,
                               long sequenceNumber, String payloadType, String timeStamp, byte[] payload,
                               byte[] metaData) {
        static StoredEvent read(ResultSet rs) throws SQLException {
            return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                    rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("payload_type"),
                    rs.getString("time_stamp"), rs.getBytes("payload"), rs.getBytes("meta_data"));
        }
    }
}
