package ledger.api.statement;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import ledger.api.store.EventPipeline;
import ledger.core.account.ProjectRegistered;
import ledger.core.account.UnitRegistered;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingProjection;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rebuilds the postings processor's read models on PostgreSQL in one pass over the event store,
 * without the processor: the {@link EventPipeline} streams the events in global-index order and
 * decodes each into its posting with the projection's own {@link PostingProjection#toPosting}, the
 * decoders encode them as COPY lines, and the calling thread copies those lines into {@code
 * posting} — the three overlapping on the machine's cores. The read models are emptied, loaded
 * without their indexes (rebuilt afterwards in one sort each) and the processor's tokens set to the
 * last event read, all in one transaction, so a reader sees the old read models or the new ones and
 * the processor continues exactly after the rebuilt position.
 *
 * <p>Another node running the postings processor meanwhile: the transaction first locks the three
 * tables and every token row of the processor, so that node's batch waits. The rebuild commits with
 * every claim released: that batch then either fails to store its token and rolls back, or claims
 * the segment again and stores its older position, re-projecting up to the rebuilt one; any row it
 * writes for an event already rebuilt is refused by the event-id key, so nothing is counted twice
 * and nothing skipped.
 *
 * <p>{@link #catchUp} runs the same pipeline over the events past the processor's lowest segment
 * position only, keeping the rows already there. It takes no lock on the read models and commits
 * every {@code chunkEvents} events with the tokens moved to the last of them, so a reader never
 * waits behind it: it answers from the last chunk committed, at that chunk's position.
 */
public class BulkReplay {

    /** Events per committed chunk of a catch-up unless configured otherwise. */
    public static final long CHUNK_EVENTS = 100_000;

    private final DataSource dataSource;
    private final Serializer serializer;
    private final EventPipeline pipeline;
    private final long chunkEvents;

    public BulkReplay(DataSource dataSource, Serializer serializer) {
        this(dataSource, serializer, CHUNK_EVENTS);
    }

    /**
     * @param chunkEvents how many events a catch-up projects per transaction
     */
    public BulkReplay(DataSource dataSource, Serializer serializer, long chunkEvents) {
        if (chunkEvents < 1) {
            throw new IllegalArgumentException(
                    "a catch-up chunk holds at least one event: " + chunkEvents);
        }
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.chunkEvents = chunkEvents;
        this.pipeline = new EventPipeline(dataSource, serializer, true);
    }

    /**
     * What a rebuild did: wall time of the whole, of loading (read, decode, copy overlapped), of
     * rebuilding the indexes and of the commit; and the CPU time the reader and the decoders spent,
     * which machine load does not inflate as it does wall time.
     */
    public record Result(
            long events,
            long postings,
            long head,
            Duration total,
            Duration load,
            Duration indexes,
            Duration commit,
            Duration readerCpu,
            Duration decoderCpu) {}

    /** Ends a chunk of a catch-up at the given position: the writer's transaction commits. */
    @FunctionalInterface
    private interface ChunkEnd {
        void commit(long last, TreeSet<Long> gaps) throws SQLException;
    }

    /**
     * Rebuilds the read models and moves every segment's token of the processor to the last event
     * read. Returns empty-handed (null) when the processor has no token rows yet, for the caller to
     * fall back on the processor's own reset.
     */
    public Result rebuild(String processorName) {
        return inOneTransaction(
                "replay", (writer, started) -> rebuild(writer, processorName, started));
    }

    /** One step of the read models' upkeep, on a connection of its own. */
    @FunctionalInterface
    private interface Step {
        /**
         * @return null when there was nothing to do: the transaction is rolled back
         */
        Result run(Connection writer, long started) throws SQLException;
    }

    /**
     * Runs the step in one transaction and adds the commit's time and the whole time to its result.
     */
    private Result inOneTransaction(String what, Step step) {
        long started = System.nanoTime();
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try {
                Result result = step.run(writer, started);
                if (result == null) {
                    writer.rollback();
                    return null;
                }
                long committing = System.nanoTime();
                writer.commit();
                Duration commit = Duration.ofNanos(System.nanoTime() - committing);
                return new Result(
                        result.events(),
                        result.postings(),
                        result.head(),
                        Duration.ofNanos(System.nanoTime() - started),
                        result.load(),
                        result.indexes(),
                        commit,
                        result.readerCpu(),
                        result.decoderCpu());
            } catch (SQLException | RuntimeException failure) {
                writer.rollback();
                throw failure;
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(
                    "the bulk " + what + " failed: " + failure.getMessage(), failure);
        }
    }

    private Result rebuild(Connection writer, String processorName, long started)
            throws SQLException {
        if (lockAndReadTokens(writer, processorName, true).isEmpty()) {
            return null;
        }
        List<String> recreate = dropPostingIndexes(writer, true);
        try (Statement statement = writer.createStatement()) {
            statement.execute("TRUNCATE posting, directory_unit, directory_project");
        }
        long loading = System.nanoTime();
        Loaded loaded = load(writer, -1, "posting", Long.MAX_VALUE, null);
        Duration load = Duration.ofNanos(System.nanoTime() - loading);
        Duration indexes = recreateIndexes(writer, recreate);
        moveTokens(writer, processorName, loaded.head(), loaded.gaps());
        return new Result(
                loaded.events(),
                loaded.postings(),
                loaded.head(),
                Duration.ofNanos(System.nanoTime() - started),
                load,
                indexes,
                Duration.ZERO,
                loaded.readerCpu(),
                loaded.decoderCpu());
    }

    /**
     * Projects only the events past the processor's position, keeping the rows it has: every
     * segment starts from the lowest position any segment holds (below its oldest gap), the rows go
     * through a temporary table into {@code posting} skipping the events some segment already
     * projected (the event-id key), and every segment's token then moves to the last event read.
     * Returns null when there is nothing to do or the tokens are not plain positions (no token rows
     * yet, or a replay under way): the processor then carries on by itself.
     */
    public Result catchUp(String processorName) {
        return inOneTransaction(
                "catch-up", (writer, started) -> catchUp(writer, processorName, started));
    }

    private Result catchUp(Connection writer, String processorName, long started)
            throws SQLException {
        List<TrackingToken> tokens = lockAndReadTokens(writer, processorName, false);
        if (tokens.isEmpty()) {
            return null;
        }
        long from = Long.MAX_VALUE;
        for (TrackingToken token : tokens) {
            if (token == null) {
                from = -1;
            } else if (token instanceof GapAwareTrackingToken gapAware) {
                // An event in a gap may have been committed since: start below the oldest gap.
                from =
                        Math.min(
                                from,
                                gapAware.getGaps().isEmpty()
                                        ? gapAware.getIndex()
                                        : gapAware.getGaps().first() - 1);
            } else {
                return null;
            }
        }
        long head = headIndex(writer);
        if (head <= from) {
            return null;
        }
        // The indexes stay: dropping one takes a lock every reader waits for until the commit.
        createCatchUpTable(writer);
        long[] inserted = {0};
        long loading = System.nanoTime();
        Loaded loaded =
                load(
                        writer,
                        from,
                        "posting_catch_up",
                        chunkEvents,
                        (last, gaps) -> {
                            inserted[0] += insertCaughtUp(writer);
                            moveTokens(writer, processorName, last, gaps);
                            writer.commit();
                            // The next chunk: the token rows again first, as a processor batch
                            // takes them last.
                            lockAndReadTokens(writer, processorName, false);
                            createCatchUpTable(writer);
                        });
        inserted[0] += insertCaughtUp(writer);
        Duration load = Duration.ofNanos(System.nanoTime() - loading);
        moveTokens(writer, processorName, loaded.head(), loaded.gaps());
        return new Result(
                loaded.events(),
                inserted[0],
                loaded.head(),
                Duration.ofNanos(System.nanoTime() - started),
                load,
                Duration.ZERO,
                Duration.ZERO,
                loaded.readerCpu(),
                loaded.decoderCpu());
    }

    private static void createCatchUpTable(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute(
                    "CREATE TEMPORARY TABLE posting_catch_up (LIKE posting) ON COMMIT DROP");
        }
    }

    /**
     * Moves a chunk's rows into {@code posting}, skipping events some segment already projected.
     */
    private static long insertCaughtUp(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            return statement.executeUpdate(
                    "INSERT INTO posting ("
                            + PostingProjection.COLUMNS
                            + ") SELECT "
                            + PostingProjection.COLUMNS
                            + " FROM posting_catch_up ON CONFLICT DO NOTHING");
        }
    }

    /**
     * Locks every token row of the processor, and for a rebuild first the read models (rows are
     * truncated and indexes dropped under this lock), returning the tokens, one per segment; none
     * when the processor has no token rows yet.
     */
    private List<TrackingToken> lockAndReadTokens(
            Connection writer, String processorName, boolean tables) throws SQLException {
        if (tables) {
            try (Statement statement = writer.createStatement()) {
                // Tables before tokens: a processor batch writes rows before its token, so this
                // order cannot deadlock.
                statement.execute(
                        "LOCK TABLE posting, directory_unit, directory_project IN ACCESS EXCLUSIVE MODE");
            }
        }
        List<TrackingToken> tokens = new ArrayList<>();
        try (PreparedStatement lock =
                writer.prepareStatement(
                        "SELECT token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment FOR UPDATE")) {
            lock.setString(1, processorName);
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    byte[] bytes = rs.getBytes(1);
                    tokens.add(
                            bytes == null
                                    ? null
                                    : serializer.deserialize(
                                            new SimpleSerializedObject<>(
                                                    bytes, byte[].class, rs.getString(2), null)));
                }
            }
        }
        return tokens;
    }

    private static long headIndex(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement();
                ResultSet rs =
                        statement.executeQuery(
                                "SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Duration recreateIndexes(Connection writer, List<String> recreate)
            throws SQLException {
        long indexing = System.nanoTime();
        if (recreate.isEmpty()) {
            return Duration.ZERO;
        }
        try (Statement statement = writer.createStatement()) {
            // For this transaction only: sorting a million keys in memory rather than in temporary
            // files.
            statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
            for (String sql : recreate) {
                statement.execute(sql);
            }
            statement.execute("ANALYZE posting");
        }
        return Duration.ofNanos(System.nanoTime() - indexing);
    }

    /**
     * What one pass over the event store loaded: counts, the last event read and the gaps below it.
     */
    private record Loaded(
            long events,
            long postings,
            long head,
            TreeSet<Long> gaps,
            Duration readerCpu,
            Duration decoderCpu) {}

    /**
     * The one pipeline of rebuild and catch-up: streams the events after {@code after} through the
     * projection's mapping ({@link EventPipeline}) into a COPY to {@code table}, each batch encoded
     * as COPY lines on its decoder's core, and adds the units and projects they register to the
     * directories (a name already there stays, as the processor keeps the first). Every {@code
     * chunkEvents} events the copy ends there and {@code chunkEnd} commits it.
     */
    private Loaded load(
            Connection writer, long after, String table, long chunkEvents, ChunkEnd chunkEnd)
            throws SQLException {
        Map<String, String> units = new LinkedHashMap<>();
        Map<List<String>, String> projects = new LinkedHashMap<>();
        TreeSet<Long> gaps = new TreeSet<>();
        String copySql = "COPY " + table + " (" + PostingProjection.COLUMNS + ") FROM STDIN";
        CopyIn[] copy = {writer.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql)};
        long[] counts = new long[3]; // postings, events in the chunk, last position
        counts[2] = after;
        EventPipeline.Read read;
        try {
            read =
                    pipeline.run(
                            after,
                            EventPipeline.Selection.EVERY_EVENT,
                            BulkReplay::encode,
                            chunk -> {
                                if (counts[1] >= chunkEvents) {
                                    copy[0].endCopy();
                                    writeDirectories(writer, units, projects);
                                    units.clear();
                                    projects.clear();
                                    gaps.headSet(counts[2] - EventPipeline.MAX_GAP_OFFSET).clear();
                                    chunkEnd.commit(counts[2], gaps);
                                    copy[0] =
                                            writer.unwrap(PGConnection.class)
                                                    .getCopyAPI()
                                                    .copyIn(copySql);
                                    counts[1] = 0;
                                }
                                copy[0].writeToCopy(chunk.copyData(), 0, chunk.copyData().length);
                                counts[0] += chunk.batch().postings().size();
                                counts[1] += chunk.batch().events();
                                gaps.addAll(chunk.batch().gaps());
                                counts[2] = chunk.batch().last();
                                for (Object registered : chunk.batch().registrations()) {
                                    // The processor inserts these ignoring a second registration:
                                    // the first name stays.
                                    if (registered instanceof UnitRegistered unit) {
                                        units.putIfAbsent(unit.unit().code(), unit.name());
                                    } else if (registered instanceof ProjectRegistered project) {
                                        projects.putIfAbsent(
                                                List.of(
                                                        project.unit().code(),
                                                        project.project().code()),
                                                project.name());
                                    }
                                }
                            });
            copy[0].endCopy();
        } finally {
            if (copy[0].isActive()) {
                copy[0].cancelCopy();
            }
        }
        writeDirectories(writer, units, projects);
        gaps.headSet(read.head() - EventPipeline.MAX_GAP_OFFSET).clear();
        return new Loaded(
                read.events(), counts[0], read.head(), gaps, read.readerCpu(), read.decoderCpu());
    }

    /** A decoded batch and its postings as lines of PostgreSQL's COPY text format. */
    private record Encoded(EventPipeline.Batch batch, byte[] copyData) {}

    /** Runs on the decoder's core, as the decoding does. */
    private static Encoded encode(EventPipeline.Batch batch) {
        StringBuilder lines = new StringBuilder(batch.postings().size() * 400);
        for (Posting posting : batch.postings()) {
            PostingProjection.appendCopyRow(posting, lines);
        }
        return new Encoded(batch, lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Drops the posting table's indexes and keys, returning the statements that recreate them as
     * they were: loading first and sorting once is far cheaper than maintaining them row by row.
     * Without {@code keys} the primary and unique keys stay.
     */
    private static List<String> dropPostingIndexes(Connection writer, boolean keys)
            throws SQLException {
        List<String> drop = new ArrayList<>();
        List<String> recreate = new ArrayList<>();
        try (Statement statement = writer.createStatement();
                ResultSet rs =
                        statement.executeQuery(
                                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                                        + " WHERE conrelid = 'posting'::regclass AND contype IN ('p', 'u')")) {
            while (keys && rs.next()) {
                drop.add("ALTER TABLE posting DROP CONSTRAINT " + quote(rs.getString(1)));
                recreate.add(
                        "ALTER TABLE posting ADD CONSTRAINT "
                                + quote(rs.getString(1))
                                + " "
                                + rs.getString(2));
            }
        }
        try (Statement statement = writer.createStatement();
                ResultSet rs =
                        statement.executeQuery(
                                "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x"
                                        + " JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = 'posting'::regclass"
                                        + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)")) {
            while (rs.next()) {
                drop.add("DROP INDEX " + quote(rs.getString(1)));
                recreate.add(rs.getString(2));
            }
        }
        try (Statement statement = writer.createStatement()) {
            for (String sql : drop) {
                statement.execute(sql);
            }
        }
        return recreate;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void writeDirectories(
            Connection writer, Map<String, String> units, Map<List<String>, String> projects)
            throws SQLException {
        try (PreparedStatement insert =
                writer.prepareStatement(
                        "INSERT INTO directory_unit (unit, name) VALUES (?, ?)"
                                + " ON CONFLICT DO NOTHING")) {
            for (Map.Entry<String, String> unit : units.entrySet()) {
                insert.setString(1, unit.getKey());
                insert.setString(2, unit.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert =
                writer.prepareStatement(
                        "INSERT INTO directory_project (unit, project, name) VALUES (?, ?, ?)"
                                + " ON CONFLICT DO NOTHING")) {
            for (Map.Entry<List<String>, String> project : projects.entrySet()) {
                insert.setString(1, project.getKey().get(0));
                insert.setString(2, project.getKey().get(1));
                insert.setString(3, project.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Every segment continues after the last event read; positions below it not yet seen are kept
     * as gaps, as Axon's own token keeps them, so an event committed late is not skipped. The claim
     * is released: this node's processor, or another node's, claims the segments afresh.
     */
    private void moveTokens(Connection writer, String processorName, long head, TreeSet<Long> gaps)
            throws SQLException {
        byte[] token = null;
        String tokenType = null;
        if (head >= 0) {
            SerializedObject<byte[]> serialized =
                    serializer.serialize(
                            GapAwareTrackingToken.newInstance(head, gaps), byte[].class);
            token = serialized.getData();
            tokenType = serialized.getType().getName();
        }
        try (PreparedStatement update =
                writer.prepareStatement(
                        "UPDATE token_entry SET token = ?, token_type = ?,"
                                + " owner = NULL, timestamp = ? WHERE processor_name = ?")) {
            update.setBytes(1, token);
            update.setString(2, tokenType);
            update.setString(3, DateTimeUtils.formatInstant(Instant.now()));
            update.setString(4, processorName);
            update.executeUpdate();
        }
    }
}
