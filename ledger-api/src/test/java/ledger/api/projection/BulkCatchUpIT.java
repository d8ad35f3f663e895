package ledger.api.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import ledger.api.LedgerApplication;
import ledger.api.recording.ImportResult;
import ledger.api.recording.JournalImport;
import ledger.api.statement.BulkReplay;
import ledger.api.statement.ProjectionStatus;
import ledger.api.statement.StatementService;
import ledger.api.store.EventStoreAccess;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import ledger.benchmarks.SyntheticYear;
import ledger.core.account.AccountEvent;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.posting.PostingProjection;
import ledger.projections.statement.StatementJson;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 5, catch-up: on PostgreSQL a large import ends with the postings projected in bulk, past
 * the processor's position only — the same rows a full replay builds, nothing counted twice when
 * some segments were ahead, and the live processor continuing after it.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkCatchUpIT {

    private static final String URL = TestDatabase.create("bulkcatchup");
    private static final UnitCode SAMPLE = UnitCode.of("jianghan-gov-office");
    private static final UnitCode SYNTHETIC = UnitCode.of("synth-u00001");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @TempDir static Path files;

    @Autowired JournalImport journalImport;
    @Autowired ProjectionStatus projections;
    @Autowired StatementService statements;
    @Autowired EventStoreAccess store;
    @Autowired JdbcTemplate jdbc;
    @Autowired Serializer serializer;
    @Autowired EventProcessingConfiguration processing;

    @Test
    @Order(1)
    void aLargeImportEndsCaughtUpWithTheRowsAFullReplayBuilds() throws Exception {
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            journalImport.importJournal(in, "journal.csv", "catchup-it");
        }
        projections.awaitCaughtUp(Duration.ofMinutes(1));
        long before = store.headIndex();
        new SyntheticYear(SyntheticYear.Settings.of(52_000, 2020, 2, 11L, 0)).write(files);

        ImportResult imported;
        try (InputStream in = Files.newInputStream(files.resolve("journal.csv"))) {
            imported = journalImport.importJournal(in, "journal.csv", "catchup-it");
        }

        assertThat(imported.events())
                .isGreaterThanOrEqualTo((int) ProjectionStatus.BULK_CATCH_UP_EVENTS);
        assertThat(store.headIndex()).isGreaterThan(before);
        // Caught up when the import returns: the live processor alone would need seconds more.
        assertThat(ReadModels.tokenPositions(jdbc, serializer))
                .hasSize(4)
                .allMatch(p -> p.isPresent() && p.getAsLong() == store.headIndex());
        assertThat(ReadModels.postingCount(jdbc)).isEqualTo(accountEvents());
        ReadModels.Snapshot caughtUp = ReadModels.snapshot(jdbc);
        String sample =
                StatementJson.write(statements.statements(SAMPLE, FiscalYear.of(2020), null));
        String synthetic =
                StatementJson.write(statements.statements(SYNTHETIC, FiscalYear.of(2020), null));

        projections.rebuild(Duration.ofMinutes(2));

        assertThat(ReadModels.snapshot(jdbc)).isEqualTo(caughtUp);
        assertThat(StatementJson.write(statements.statements(SAMPLE, FiscalYear.of(2020), null)))
                .isEqualTo(sample);
        assertThat(StatementJson.write(statements.statements(SYNTHETIC, FiscalYear.of(2020), null)))
                .isEqualTo(synthetic);
    }

    @Test
    @Order(2)
    void aNewCommandAfterwardsIsProjectedOnceByTheLiveProcessor() {
        long before = ReadModels.postingCount(jdbc);
        String more =
                String.join(
                        "\n",
                        "id,date,kind,unit,unit_name,fund,functional,economic,amount",
                        "C-01,2020-01-01,opening,catch-unit,追赶单位,general,2010301,30201,5.00",
                        "");
        journalImport.importJournal(
                new ByteArrayInputStream(more.getBytes(StandardCharsets.UTF_8)),
                "more.csv",
                "catchup-it");
        projections.awaitCaughtUp(Duration.ofMinutes(1));
        assertThat(ReadModels.postingCount(jdbc)).isEqualTo(before + 1).isEqualTo(accountEvents());
        assertThat(
                        jdbc.queryForObject(
                                "SELECT amount_fen FROM posting WHERE transaction_id = 'C-01'",
                                Long.class))
                .isEqualTo(500L);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT name FROM directory_unit WHERE unit = 'catch-unit'",
                                String.class))
                .isEqualTo("追赶单位");
    }

    @Test
    @Order(3)
    void aCatchUpAfterSomeSegmentsWentAheadAddsOnlyTheMissingRows() {
        ReadModels.Snapshot live = ReadModels.snapshot(jdbc);
        long head = store.headIndex();
        long behind = head - 20_000;
        processor().shutDown();
        // Segment 0 stays at the head with its rows; the others fall behind and lose some rows.
        setTokens(behind, "segment <> 0");
        int deleted =
                jdbc.update(
                        "DELETE FROM posting WHERE global_index > ? AND global_index % 2 = 0",
                        behind);
        assertThat(deleted).isPositive();

        BulkReplay.Result result = projections.catchUpInBulk();

        assertThat(result).isNotNull();
        assertThat(result.events()).isEqualTo(store.eventCount() - eventsUpTo(behind));
        assertThat(result.postings()).isEqualTo(deleted);
        assertThat(result.head()).isEqualTo(head);
        assertThat(ReadModels.snapshot(jdbc)).isEqualTo(live);
        assertThat(ReadModels.tokenPositions(jdbc, serializer))
                .hasSize(4)
                .allMatch(p -> p.isPresent() && p.getAsLong() == head);
    }

    @Test
    @Order(4)
    void waitingForAProcessorFarBehindCatchesUpInBulk() {
        ReadModels.Snapshot live = ReadModels.snapshot(jdbc);
        long behind = store.headIndex() - ProjectionStatus.BULK_CATCH_UP_EVENTS;
        processor().shutDown();
        setTokens(behind, "TRUE");
        jdbc.update("DELETE FROM posting WHERE global_index > ?", behind);

        // The processor stays stopped: only the bulk catch-up can finish within this time.
        projections.awaitCaughtUp(Duration.ofSeconds(30));

        assertThat(ReadModels.snapshot(jdbc)).isEqualTo(live);
        assertThat(processor().isRunning()).isTrue();
    }

    @Test
    @Order(5)
    void aFailedCatchUpLeavesTheImportStandingAndTheLiveProcessorCatchesUp() throws Exception {
        processor().shutDown();
        long before = store.eventCount();
        byte[] saved =
                jdbc.queryForObject(
                        "SELECT token FROM token_entry WHERE processor_name = ? AND segment = 0",
                        byte[].class,
                        PostingProjection.PROCESSING_GROUP);
        // A token the catch-up cannot read makes it fail after the import's commit.
        jdbc.update(
                "UPDATE token_entry SET token = ? WHERE processor_name = ? AND segment = 0",
                "{not a token".getBytes(StandardCharsets.UTF_8),
                PostingProjection.PROCESSING_GROUP);
        Path next = files.resolve("2021");
        new SyntheticYear(SyntheticYear.Settings.of(52_000, 2021, 2, 12L, 0)).write(next);

        ImportResult imported;
        try (InputStream in = Files.newInputStream(next.resolve("journal.csv"))) {
            imported = journalImport.importJournal(in, "journal.csv", "catchup-it");
        }

        assertThat(imported.rows()).isEqualTo(52_000);
        assertThat(imported.applied()).isEqualTo(52_000);
        assertThat(store.eventCount()).isEqualTo(before + imported.events());
        processor().shutDown();
        jdbc.update(
                "UPDATE token_entry SET token = ? WHERE processor_name = ? AND segment = 0",
                saved,
                PostingProjection.PROCESSING_GROUP);
        processor().start();
        projections.awaitCaughtUp(Duration.ofMinutes(2));
        assertThat(ReadModels.postingCount(jdbc)).isEqualTo(accountEvents());
    }

    private StreamingEventProcessor processor() {
        return processing
                .eventProcessor(PostingProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private void setTokens(long position, String segments) {
        ReadModels.setTokens(jdbc, serializer, position, segments);
    }

    private long eventsUpTo(long position) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE global_index <= ?",
                Long.class,
                position);
    }

    private long accountEvents() {
        return jdbc
                .queryForList("SELECT payload_type FROM domain_event_entry", String.class)
                .stream()
                .filter(
                        type ->
                                AccountEvent.class.isAssignableFrom(
                                        serializer.classForType(
                                                new SimpleSerializedType(type, null))))
                .count();
    }
}
