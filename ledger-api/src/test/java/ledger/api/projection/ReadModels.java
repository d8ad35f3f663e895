package ledger.api.projection;

import java.util.List;
import java.util.OptionalLong;
import ledger.projections.posting.PostingProjection;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the bulk replay and catch-up tests compare: the read models as stored, and the processor's
 * tokens.
 */
final class ReadModels {

    private ReadModels() {}

    record Snapshot(
            List<String> postings,
            List<String> units,
            List<String> projects,
            List<String> indexes) {}

    /** Every column of every row, as PostgreSQL prints it, and the index definitions. */
    static Snapshot snapshot(JdbcTemplate jdbc) {
        return new Snapshot(
                jdbc.queryForList("SELECT p::text FROM posting p ORDER BY event_id", String.class),
                jdbc.queryForList(
                        "SELECT d::text FROM directory_unit d ORDER BY unit", String.class),
                jdbc.queryForList(
                        "SELECT d::text FROM directory_project d ORDER BY unit, project",
                        String.class),
                jdbc.queryForList(
                        "SELECT indexdef FROM pg_indexes WHERE tablename = 'posting' ORDER BY indexname",
                        String.class));
    }

    static long postingCount(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM posting", Long.class);
    }

    /**
     * The position of each segment's token of the postings processor (empty for a segment at the
     * start).
     */
    static List<OptionalLong> tokenPositions(JdbcTemplate jdbc, Serializer serializer) {
        return jdbc.query(
                "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, n) -> {
                    TrackingToken token =
                            serializer.deserialize(
                                    new SimpleSerializedObject<>(
                                            rs.getBytes(1), byte[].class, rs.getString(2), null));
                    return token == null ? OptionalLong.empty() : token.position();
                },
                PostingProjection.PROCESSING_GROUP);
    }

    /**
     * Puts the tokens of the segments the SQL condition picks at {@code position}, as if processed
     * to there.
     */
    static void setTokens(
            JdbcTemplate jdbc, Serializer serializer, long position, String segments) {
        SerializedObject<byte[]> token =
                serializer.serialize(
                        GapAwareTrackingToken.newInstance(position, List.of()), byte[].class);
        jdbc.update(
                "UPDATE token_entry SET token = ?, token_type = ? WHERE processor_name = ? AND "
                        + segments,
                token.getData(),
                token.getType().getName(),
                PostingProjection.PROCESSING_GROUP);
    }
}
