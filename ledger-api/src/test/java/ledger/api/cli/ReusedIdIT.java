package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import ledger.api.cli.CommandLineIT.Run;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transaction id used again for other content is refused (exit 1, naming the id, nothing
 * written), however the voucher and memo are split: the stored content is a hash of length-prefixed
 * fields, not the fields joined with a separator. The same content again is still a repeat.
 */
class ReusedIdIT {

    private static final String URL = TestDatabase.create("reusedid");
    private static final String HEADER =
            "id,date,kind,unit,fund,functional,economic,amount,voucher,memo\n";

    @TempDir static Path files;

    private static Run importRow(String name, String id, String voucherAndMemoCsv)
            throws IOException {
        Path journal = files.resolve(name + ".csv");
        Files.writeString(
                journal,
                HEADER
                        + id
                        + ",2021-01-05,opening,fp-unit,general,2010301,30201,100.00,"
                        + voucherAndMemoCsv
                        + "\n",
                StandardCharsets.UTF_8);
        return CommandLineIT.ledger("import", "--db", URL, journal.toString());
    }

    static Stream<Arguments> sameIdOtherSplit() {
        // The voucher and memo as CSV fields: first the issue's case, then separators, quotes and
        // line breaks moved from one field to the other.
        return Stream.of(
                Arguments.of("fp-1", "A|B,C", "A,B|C"),
                Arguments.of("fp-2", "\"A,B\",C", "A,\"B,C\""),
                Arguments.of("fp-3", "\"A\"\"\",C", "A,\"\"\"C\""),
                Arguments.of("fp-4", "\"A\nB\",C", "A,\"B\nC\""),
                Arguments.of("fp-5", "\"A|\"\"B\",\"C|D\"", "\"A|\"\"B|C\",D"));
    }

    @ParameterizedTest
    @MethodSource("sameIdOtherSplit")
    void theSameIdWithVoucherAndMemoSplitOtherwiseIsRefusedNamingTheId(
            String id, String first, String second) throws IOException {
        Run recorded = importRow(id + "-first", id, first);
        assertThat(recorded.exit()).as(recorded.err()).isZero();
        assertThat(recorded.out()).contains("1 行，新记入 1 行，已记过 0 行");
        long events = eventCount();

        Run repeated = importRow(id + "-again", id, first);
        assertThat(repeated.exit()).as(repeated.err()).isZero();
        assertThat(repeated.out()).contains("1 行，新记入 0 行，已记过 1 行");

        Run reused = importRow(id + "-other", id, second);
        assertThat(reused.exit()).isEqualTo(1);
        assertThat(reused.out()).isEmpty();
        assertThat(reused.err())
                .contains("第 2 行，交易号（id）：")
                .contains("交易号 " + id + " 在 2021 年度已被单位 fp-unit 用于另一笔内容不同的交易")
                .contains("没有写入任何内容");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void recordRefusesTheIssuesReusedIdToo() throws IOException {
        // Goal: single commands compute the same fingerprint as an import.
        Path first = files.resolve("record-first.csv");
        Files.writeString(
                first,
                HEADER + "fp-r,2021-01-06,opening,fp-unit,general,2010301,30201,1.00,A|B,C\n",
                StandardCharsets.UTF_8);
        Path second = files.resolve("record-second.csv");
        Files.writeString(
                second,
                HEADER + "fp-r,2021-01-06,opening,fp-unit,general,2010301,30201,1.00,A,B|C\n",
                StandardCharsets.UTF_8);
        Run recorded = CommandLineIT.ledger("record", "--db", URL, first.toString());
        assertThat(recorded.exit()).as(recorded.err()).isZero();
        long events = eventCount();
        Run reused = CommandLineIT.ledger("record", "--db", URL, second.toString());
        assertThat(reused.exit()).isEqualTo(1);
        assertThat(reused.err()).contains("已拒绝：第 2 行（fp-r）：交易号（id）：交易号 fp-r 在 2021 年度已被单位 fp-unit");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(storedFingerprints()).allMatch(stored -> stored.matches("[0-9a-f]{64}"));
    }

    @Test
    void theApplicationAppliesTheRehashingMigrationAsVersion6() throws SQLException {
        // Goal: Spring Boot hands the Java migration to Flyway, so an existing store is rehashed on
        // start.
        CommandLineIT.ledger("verify", "--db", URL);
        try (Connection connection =
                        DriverManager.getConnection(
                                URL, TestDatabase.user(), TestDatabase.password());
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT description, success FROM flyway_schema_history"
                                        + " WHERE version = '6'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("hashed fingerprints");
            assertThat(rows.getBoolean(2)).isTrue();
        }
    }

    private static long eventCount() {
        try (Connection connection =
                        DriverManager.getConnection(
                                URL, TestDatabase.user(), TestDatabase.password());
                Statement statement = connection.createStatement();
                ResultSet count =
                        statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> storedFingerprints() {
        try (Connection connection =
                        DriverManager.getConnection(
                                URL, TestDatabase.user(), TestDatabase.password());
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT fingerprint FROM ledger_transaction")) {
            List<String> all = new java.util.ArrayList<>();
            while (rows.next()) {
                all.add(rows.getString(1));
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
