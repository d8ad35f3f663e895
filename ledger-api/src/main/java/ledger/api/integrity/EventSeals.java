package ledger.api.integrity;

import jakarta.annotation.PreDestroy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.sql.DataSource;
import ledger.api.store.BinaryCopy;
import ledger.api.store.EventRowSeals;
import ledger.api.store.SqlDialect;
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
 * meets them, with {@code HMAC-SHA-256(key, previous seal ‖ the event's stored columns)}: its
 * global index, identifiers, type, timestamp and the exact payload and metadata bytes. The chain
 * lives in {@code event_seal} beside Axon's table, so the write path pays nothing; the key lives
 * outside the database, so whoever edits rows there cannot compute matching seals.
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

    /**
     * How far behind the newest seal a late-committing transaction's events are still looked for.
     */
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
     *     there would bless rows inserted behind the ledger's back
     */
    public EventSeals(
            JdbcTemplate jdbc,
            SqlDialect dialect,
            TransactionTemplate transaction,
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

    /**
     * Seals in the background too, so that events recorded by any path are covered within seconds.
     */
    @Scheduled(
            fixedDelayString = "${ledger.integrity.seal-interval-ms:2000}",
            initialDelayString = "${ledger.integrity.seal-interval-ms:2000}")
    public void sealInBackground() {
        sealLogged();
    }

    private volatile String lastRefusal;

    /**
     * A refused pass is logged, each different reason once: the background repeats it every two
     * seconds.
     */
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
        Long newestStored =
                jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
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
                jdbc.query(
                        connection -> {
                            PreparedStatement ps =
                                    connection.prepareStatement(
                                            SELECT_EVENTS
                                                    + " WHERE e.global_index >= ? AND e.global_index <= ? ORDER BY e.global_index");
                            ps.setLong(1, chunk.get(0));
                            ps.setLong(2, chunk.get(chunk.size() - 1));
                            ps.setFetchSize(1_000);
                            return ps;
                        },
                        (ResultSet rs) -> {
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
            jdbc.update(
                    "UPDATE event_seal_head SET last_sequence = ?, last_hash = ?, low_water = ?, key_fingerprint = ?"
                            + " WHERE id = 1",
                    chain.sequence,
                    chain.previous,
                    Math.max(head.lowWater(), chain.newest - LATE_COMMIT_MARGIN),
                    key.fingerprint());
        }
        return chain.sealed;
    }

    /** Global indexes in [from, to] that are stored but not sealed, ascending. */
    private List<Long> unsealedIn(long from, long to) {
        List<Long> stored =
                jdbc.queryForList(
                        "SELECT global_index FROM domain_event_entry"
                                + " WHERE global_index >= ? AND global_index <= ? ORDER BY global_index",
                        Long.class,
                        from,
                        to);
        if (stored.isEmpty()) {
            return stored;
        }
        Set<Long> sealed =
                new HashSet<>(
                        jdbc.queryForList(
                                "SELECT global_index FROM event_seal"
                                        + " WHERE global_index >= ? AND global_index <= ?",
                                Long.class,
                                from,
                                to));
        if (sealed.isEmpty()) {
            return stored;
        }
        List<Long> unsealed =
                new ArrayList<>(stored.size() - Math.min(stored.size(), sealed.size()));
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
            Seal seal =
                    new Seal(
                            ++sequence,
                            event.globalIndex(),
                            event.eventIdentifier(),
                            previous,
                            hash);
            previous = hash;
            newest = Math.max(newest, event.globalIndex());
            sealed++;
            return seal;
        }
    }

    private record Seal(
            long sequence,
            long globalIndex,
            String eventIdentifier,
            String previousHash,
            String hash) {}

    /** Seal rows: a binary COPY on PostgreSQL, batched inserts on the embedded database. */
    private void write(List<Seal> seals) {
        if (seals.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        if (dialect.postgres()) {
            try (BinaryCopy copy =
                    new BinaryCopy(
                            DataSourceUtils.getConnection(dataSource),
                            "COPY event_seal"
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
        jdbc.batchUpdate(
                "INSERT INTO event_seal (seal_sequence, global_index, event_identifier, previous_hash, hash,"
                        + " sealed_at) VALUES (?, ?, ?, ?, ?, ?)",
                seals,
                INSERT_BATCH,
                (ps, seal) -> {
                    ps.setLong(1, seal.sequence());
                    ps.setLong(2, seal.globalIndex());
                    ps.setString(3, seal.eventIdentifier());
                    ps.setString(4, seal.previousHash());
                    ps.setString(5, seal.hash());
                    ps.setTimestamp(6, at);
                });
    }

    /**
     * Recomputes the whole chain. Problems come in store order; the first is the earliest tampering
     * found.
     */
    public VerifyReport verify() {
        return verify(null);
    }

    /**
     * {@link #verify()}, and {@code notedChainHead} — a chain head an auditor wrote down earlier —
     * must still be a seal of the chain: if the newest events were removed together with their
     * seals and the head row set back, that is the only trace left.
     */
    public VerifyReport verify(String notedChainHead) {
        Optional<SealKey> key;
        try {
            key = keyFor(head(""));
        } catch (WrongSealKey wrongKey) {
            // Not "tampered": with another key every seal would mismatch, which says nothing of the
            // events.
            return new VerifyReport(
                    0,
                    count("SELECT COUNT(*) FROM domain_event_entry"),
                    head("").lastHash(),
                    List.of(wrongKey.getMessage()),
                    "none",
                    true,
                    0);
        }
        if (key.isEmpty()) {
            List<String> problems =
                    notedChainHead == null
                            ? List.of()
                            : List.of(
                                    "the chain head noted earlier ("
                                            + notedChainHead
                                            + ") is no longer in the seal chain, which is empty: every seal was removed");
            return new VerifyReport(
                    0,
                    count("SELECT COUNT(*) FROM domain_event_entry"),
                    GENESIS,
                    problems,
                    "no key yet, nothing sealed",
                    false,
                    0);
        }
        List<String> problems = new ArrayList<>();
        long[] checked = {0};
        String[] expectedPrevious = {GENESIS};
        long[] expectedSequence = {1};
        boolean[] notedHeadFound = {false};
        Mac mac = key.get().mac();
        jdbc.query(
                connection -> {
                    PreparedStatement ps =
                            connection.prepareStatement(
                                    "SELECT s.seal_sequence, s.global_index AS sealed_index,"
                                            + " s.event_identifier AS sealed_id, s.previous_hash, s.hash, e.global_index, e.event_identifier,"
                                            + " e.aggregate_identifier, e.sequence_number, e.payload_type, e.time_stamp, e.payload, e.meta_data"
                                            + " FROM event_seal s LEFT JOIN domain_event_entry e ON e.global_index = s.global_index"
                                            + " ORDER BY s.seal_sequence");
                    ps.setFetchSize(5_000);
                    return ps;
                },
                (ResultSet rs) -> {
                    long sequence = rs.getLong("seal_sequence");
                    String sealedId = rs.getString("sealed_id");
                    long sealedIndex = rs.getLong("sealed_index");
                    if (sequence != expectedSequence[0]) {
                        problems.add(
                                "seals #"
                                        + expectedSequence[0]
                                        + " to #"
                                        + (sequence - 1)
                                        + " are missing: seal rows were"
                                        + " deleted");
                    }
                    if (!rs.getString("previous_hash").equals(expectedPrevious[0])) {
                        problems.add(
                                "the seal chain is broken at seal #"
                                        + sequence
                                        + " (event "
                                        + sealedId
                                        + "): seal rows were edited");
                    }
                    rs.getLong("global_index");
                    if (rs.wasNull()) {
                        problems.add(
                                "event "
                                        + sealedId
                                        + " (global index "
                                        + sealedIndex
                                        + ") was deleted: its seal #"
                                        + sequence
                                        + " remains");
                    } else {
                        StoredEvent event = StoredEvent.read(rs);
                        if (!event.eventIdentifier().equals(sealedId)
                                || !hash(mac, rs.getString("previous_hash"), event)
                                        .equals(rs.getString("hash"))) {
                            problems.add(
                                    "event "
                                            + event.eventIdentifier()
                                            + " (global index "
                                            + event.globalIndex()
                                            + ", "
                                            + event.aggregateIdentifier()
                                            + " #"
                                            + event.sequenceNumber()
                                            + ", "
                                            + simpleName(event.payloadType())
                                            + ") was changed after it was recorded: its stored columns"
                                            + " no longer match seal #"
                                            + sequence);
                        }
                    }
                    expectedPrevious[0] = rs.getString("hash");
                    notedHeadFound[0] |=
                            rs.getString("hash").equalsIgnoreCase(String.valueOf(notedChainHead));
                    expectedSequence[0] = sequence + 1;
                    checked[0]++;
                });
        Head head = head("");
        if (head.lastSequence() != expectedSequence[0] - 1
                || !head.lastHash().equals(expectedPrevious[0])) {
            problems.add(
                    "the end of the seal chain was cut: the head names seal #"
                            + head.lastSequence()
                            + " but the chain ends at #"
                            + (expectedSequence[0] - 1));
        }
        if (notedChainHead != null && !notedHeadFound[0]) {
            problems.add(
                    "the chain head noted earlier ("
                            + notedChainHead
                            + ") is no longer in the seal chain, which now"
                            + " ends at seal #"
                            + (expectedSequence[0] - 1)
                            + " ("
                            + expectedPrevious[0]
                            + "): the newest events"
                            + " were removed together with their seals, or the chain was rewritten");
        }
        Long newestSealed =
                jdbc.queryForObject("SELECT MAX(global_index) FROM event_seal", Long.class);
        List<String> unsealed =
                jdbc.query(
                        "SELECT e.global_index, e.event_identifier FROM domain_event_entry e"
                                + " WHERE NOT EXISTS (SELECT 1 FROM event_seal s WHERE s.global_index = e.global_index)"
                                + " AND e.global_index < ? ORDER BY e.global_index",
                        (rs, n) ->
                                "event "
                                        + rs.getString(2)
                                        + " (global index "
                                        + rs.getLong(1)
                                        + ") has no seal although"
                                        + " later events do: it was inserted behind the ledger's back",
                        newestSealed == null ? 0 : newestSealed);
        problems.addAll(unsealed);
        Long pending =
                jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry e WHERE e.global_index > ?",
                        Long.class,
                        newestSealed == null ? 0 : newestSealed);
        RowSealCheck rows =
                new RowSealCheck(
                        mac,
                        jdbc.queryForObject(
                                "SELECT row_seals_from FROM event_seal_head WHERE id = 1",
                                Long.class));
        rows.run();
        if (head.keyFingerprint() == null && rows.checked > 0 && rows.mismatched == rows.checked) {
            // No fingerprint to ask, and not one row matches: the key is another, not every event
            // forged.
            return new VerifyReport(
                    0,
                    count("SELECT COUNT(*) FROM domain_event_entry"),
                    head.lastHash(),
                    List.of(WrongSealKey.different(key.get().origin()).getMessage()),
                    "none",
                    true,
                    0);
        }
        problems.addAll(rows.problems);
        return new VerifyReport(
                checked[0],
                pending == null ? 0 : pending,
                expectedPrevious[0],
                problems,
                key.get().origin(),
                false,
                rows.checked);
    }

    /**
     * An account of this many events or fewer is searched for where a mismatching event was sealed.
     */
    private static final int SEARCHED_ROWS = 5_000;

    /** Mismatching events of one account searched at most; past that each is named as altered. */
    private static final int SEARCHED_SUSPECTS = 20;

    /** The longest gap searched for an event that was moved out of it. */
    private static final int SEARCHED_GAP = 100;

    /**
     * The seal every row carries since V8 ({@link EventRowSeals}), checked account by account along
     * its sequence numbers: a row with no seal (or a wrong one) that its account's chain does not
     * explain is named as inserted (or altered); a gap in the sequence as deleted events; a row
     * whose seal matches another position as moved. Rows stored before V8 have no row seal: they
     * are accepted without one only at or below the migration's mark and when the seal chain covers
     * them.
     */
    private final class RowSealCheck {
        private final Mac mac;
        private final long legacyUpTo;
        final List<String> problems = new ArrayList<>();
        long checked;
        long mismatched;
        private final List<Row> rows = new ArrayList<>();

        RowSealCheck(Mac mac, Long legacyUpTo) {
            this.mac = mac;
            this.legacyUpTo = legacyUpTo == null ? 0 : legacyUpTo;
        }

        void run() {
            jdbc.query(
                    connection -> {
                        PreparedStatement ps =
                                connection.prepareStatement(
                                        "SELECT e.global_index, e.event_identifier,"
                                                + " e.aggregate_identifier, e.sequence_number, e.type, e.time_stamp, e.payload_type,"
                                                + " e.payload_revision, e.payload, e.meta_data, e.seal, s.event_identifier AS chain_id"
                                                + " FROM domain_event_entry e LEFT JOIN event_seal s ON s.global_index = e.global_index"
                                                + " ORDER BY e.aggregate_identifier, e.sequence_number");
                        ps.setFetchSize(5_000);
                        return ps;
                    },
                    (ResultSet rs) -> {
                        Row row =
                                new Row(
                                        rs.getLong(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getLong(4),
                                        rs.getString(5),
                                        rs.getString(6),
                                        rs.getString(7),
                                        rs.getString(8),
                                        rs.getBytes(9),
                                        rs.getBytes(10),
                                        rs.getString(11),
                                        rs.getString(12));
                        if (!rows.isEmpty() && !rows.get(0).aggregate().equals(row.aggregate())) {
                            account();
                        }
                        rows.add(row);
                    });
            account();
        }

        /** Checks the rows of one account, then forgets them. */
        private void account() {
            if (rows.isEmpty()) {
                return;
            }
            List<long[]> gaps = new ArrayList<>();
            List<Row> suspects = new ArrayList<>();
            List<Boolean> afterGap = new ArrayList<>();
            String previous = GENESIS;
            boolean previousKnown = true;
            long expected = 0;
            for (Row row : rows) {
                if (row.sequence() > expected) {
                    gaps.add(new long[] {expected, row.sequence() - 1});
                    previousKnown = false;
                }
                expected = row.sequence() + 1;
                if (row.seal() == null) {
                    boolean legacy =
                            row.globalIndex() <= legacyUpTo
                                    && row.eventIdentifier().equals(row.chainId());
                    if (!legacy) {
                        problems.add(
                                String.format(
                                        "事件 %s（%s 第 %d 号，全局序号 %d）没有随写入生成的印章：是绕过账簿插入的。"
                                                + " Event %s (%s #%d, global index %d) has no seal written with it: it was inserted"
                                                + " behind the ledger's back.",
                                        row.eventIdentifier(),
                                        row.aggregate(),
                                        row.sequence(),
                                        row.globalIndex(),
                                        row.eventIdentifier(),
                                        row.aggregate(),
                                        row.sequence(),
                                        row.globalIndex()));
                    }
                    previous = GENESIS;
                    previousKnown = legacy;
                    continue;
                }
                checked++;
                if (!previousKnown || !row.sealedAs(mac, previous, row.sequence())) {
                    mismatched++;
                    suspects.add(row);
                    afterGap.add(!previousKnown);
                }
                previous = row.seal();
                previousKnown = true;
            }
            boolean searchable =
                    rows.size() <= SEARCHED_ROWS && suspects.size() <= SEARCHED_SUSPECTS;
            List<Long> movedFrom = new ArrayList<>();
            for (int at = 0; at < suspects.size(); at++) {
                Row suspect = suspects.get(at);
                long sealedAs = searchable ? sealedPosition(suspect, suspects, gaps) : -1;
                if (sealedAs >= 0 && sealedAs != suspect.sequence()) {
                    movedFrom.add(sealedAs);
                    problems.add(
                            String.format(
                                    "事件 %s 现为 %s 第 %d 号，写入时为第 %d 号：事件的顺序被改动。"
                                            + " Event %s is stored as #%d of %s but was sealed as #%d: events were reordered.",
                                    suspect.eventIdentifier(),
                                    suspect.aggregate(),
                                    suspect.sequence(),
                                    sealedAs,
                                    suspect.eventIdentifier(),
                                    suspect.sequence(),
                                    suspect.aggregate(),
                                    sealedAs));
                } else if (sealedAs >= 0 && !afterGap.get(at)) {
                    problems.add(
                            String.format(
                                    "事件 %s（%s 第 %d 号）本身未改，但它前面的事件已不是写入时的那一个：事件被调换或替换。"
                                            + " Event %s (%s #%d) is intact, but the event before it is not the one it was sealed"
                                            + " after: events were reordered or replaced.",
                                    suspect.eventIdentifier(),
                                    suspect.aggregate(),
                                    suspect.sequence(),
                                    suspect.eventIdentifier(),
                                    suspect.aggregate(),
                                    suspect.sequence()));
                } else if (sealedAs < 0 && !afterGap.get(at)) {
                    problems.add(
                            String.format(
                                    "事件 %s（%s 第 %d 号，全局序号 %d）与写入时的印章不符：记录后被修改，或以伪造的印章插入。"
                                            + " Event %s (%s #%d, global index %d) does not match the seal written with it: it was"
                                            + " altered after it was recorded, or inserted with a forged seal.",
                                    suspect.eventIdentifier(),
                                    suspect.aggregate(),
                                    suspect.sequence(),
                                    suspect.globalIndex(),
                                    suspect.eventIdentifier(),
                                    suspect.aggregate(),
                                    suspect.sequence(),
                                    suspect.globalIndex()));
                }
            }
            String aggregate = rows.get(0).aggregate();
            for (long[] gap : gaps) {
                for (long from = gap[0]; from <= gap[1]; from++) {
                    if (movedFrom.contains(from)) {
                        continue;
                    }
                    long to = from;
                    while (to < gap[1] && !movedFrom.contains(to + 1)) {
                        to++;
                    }
                    String numbers =
                            from == to ? "第 " + from + " 号事件" : "第 " + from + " 至 " + to + " 号事件";
                    String english =
                            from == to ? "event #" + from : "events #" + from + " to #" + to;
                    problems.add(
                            String.format(
                                    "%s 缺少%s：已被删除。 %s of %s %s missing: deleted.",
                                    aggregate,
                                    numbers,
                                    english,
                                    aggregate,
                                    from == to ? "is" : "are"));
                    from = to;
                }
            }
            rows.clear();
        }

        /**
         * The sequence number a suspect row was sealed as: each position of its account, after the
         * row there, after any other suspect, or after the row before a gap; -1 when none matches.
         */
        private long sealedPosition(Row suspect, List<Row> suspects, List<long[]> gaps) {
            for (int i = 0; i < rows.size(); i++) {
                long position = rows.get(i).sequence();
                String before = i == 0 ? GENESIS : sealOrGenesis(rows.get(i - 1));
                if (matchesAfterAny(suspect, position, before, suspects)) {
                    return position;
                }
            }
            for (long[] gap : gaps) {
                if (gap[1] - gap[0] >= SEARCHED_GAP) {
                    continue;
                }
                String before = GENESIS;
                for (Row row : rows) {
                    if (row.sequence() == gap[0] - 1) {
                        before = sealOrGenesis(row);
                    }
                }
                for (long position = gap[0]; position <= gap[1]; position++) {
                    if (matchesAfterAny(suspect, position, before, suspects)) {
                        return position;
                    }
                }
            }
            return -1;
        }

        private boolean matchesAfterAny(
                Row suspect, long position, String before, List<Row> suspects) {
            if (suspect.sealedAs(mac, position == 0 ? GENESIS : before, position)) {
                return true;
            }
            for (Row other : suspects) {
                if (other != suspect
                        && position > 0
                        && suspect.sealedAs(mac, other.seal(), position)) {
                    return true;
                }
            }
            return false;
        }

        private static String sealOrGenesis(Row row) {
            return row.seal() == null ? GENESIS : row.seal();
        }
    }

    private record Row(
            long globalIndex,
            String eventIdentifier,
            String aggregate,
            long sequence,
            String type,
            String timeStamp,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metaData,
            String seal,
            String chainId) {
        boolean sealedAs(Mac mac, String previous, long position) {
            return EventRowSeals.compute(
                            mac,
                            previous,
                            eventIdentifier,
                            aggregate,
                            position,
                            type,
                            timeStamp,
                            payloadType,
                            payloadRevision,
                            payload,
                            metaData)
                    .equals(seal);
        }
    }

    private Head head(String lock) {
        return jdbc.queryForObject(
                "SELECT last_sequence, last_hash, low_water, key_fingerprint FROM event_seal_head"
                        + " WHERE id = 1"
                        + lock,
                (rs, n) ->
                        new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
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
        // Rows carry their own seals since V8, and the first of them records the key's fingerprint.
        boolean sealed =
                head.lastSequence() > 0
                        || head.keyFingerprint() != null
                        || count("SELECT COUNT(*) FROM (SELECT 1 FROM event_seal LIMIT 1) s") > 0
                        || count(
                                        "SELECT COUNT(*) FROM (SELECT 1 FROM domain_event_entry WHERE seal IS NOT NULL LIMIT 1) s")
                                > 0;
        if (!sealed) {
            return key;
        }
        if (key.isEmpty()) {
            throw WrongSealKey.missing(
                    SealKey.PROPERTY
                            + " / LEDGER_INTEGRITY_KEY, key file "
                            + keyFile.toAbsolutePath());
        }
        boolean same =
                head.keyFingerprint() == null
                        ? reproducesAnOldSeal(key.get())
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
        List<Boolean> reproduced =
                jdbc.query(
                        "SELECT s.previous_hash, s.hash, "
                                + EVENT_COLUMNS
                                + " FROM event_seal s JOIN domain_event_entry e ON e.global_index = s.global_index"
                                + " ORDER BY s.seal_sequence LIMIT 10",
                        (rs, n) ->
                                hash(mac, rs.getString("previous_hash"), StoredEvent.read(rs))
                                        .equals(rs.getString("hash")));
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

    private static String simpleName(String type) {
        return type == null ? "?" : type.substring(type.lastIndexOf('.') + 1);
    }

    private static final String EVENT_COLUMNS =
            "e.global_index, e.event_identifier, e.aggregate_identifier,"
                    + " e.sequence_number, e.payload_type, e.time_stamp, e.payload, e.meta_data";
    private static final String SELECT_EVENTS =
            "SELECT " + EVENT_COLUMNS + " FROM domain_event_entry e";

    /**
     * @param keyFingerprint of the key that made the seals; null before the first pass since V5
     */
    private record Head(long lastSequence, String lastHash, long lowWater, String keyFingerprint) {}

    private record StoredEvent(
            long globalIndex,
            String eventIdentifier,
            String aggregateIdentifier,
            long sequenceNumber,
            String payloadType,
            String timeStamp,
            byte[] payload,
            byte[] metaData) {
        static StoredEvent read(ResultSet rs) throws SQLException {
            return new StoredEvent(
                    rs.getLong("global_index"),
                    rs.getString("event_identifier"),
                    rs.getString("aggregate_identifier"),
                    rs.getLong("sequence_number"),
                    rs.getString("payload_type"),
                    rs.getString("time_stamp"),
                    rs.getBytes("payload"),
                    rs.getBytes("meta_data"));
        }
    }
}
