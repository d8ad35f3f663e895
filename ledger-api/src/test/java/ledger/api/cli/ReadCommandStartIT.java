package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ledger.api.config.LedgerDatabase;
import ledger.api.recording.JournalImport;
import ledger.api.statement.SampleStatements;
import ledger.api.statement.StatementService;
import ledger.api.support.Samples;
import ledger.projections.posting.PostingProjection;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Local read commands (issue 17: under 2 s with the JVM start) answer on the light start of the
 * application, without Axon's configuration, the scheduler or a web server; and never leave out a
 * stored event: a new database, or read models behind the event store, are migrated and caught up
 * by the whole application before the answer. On the embedded database, run as a clerk runs {@code
 * ledger} (the packaged jar with {@code LEDGER_HOME}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadCommandStartIT {

    private static final Path JAR = Path.of("target", "ledger.jar").toAbsolutePath();
    private static final String UNIT = SampleStatements.UNIT;
    private static final String FALLBACK = "starting the whole application to catch up first";

    @TempDir static Path behind;
    @TempDir static Path imported;

    record Run(int exit, String out, String err) {}

    /** {@code ledger args…} in a process of its own on the embedded database in {@code home}. */
    static Run ledger(Path home, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                ProcessHandle.current().info().command().orElse("java"),
                                "-Xmx512m",
                                "-Daxoniq.update-checker.disabled=true",
                                "-jar",
                                JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home.getParent(), "out", ".txt");
        Path err = Files.createTempFile(home.getParent(), "err", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
        builder.environment().put("LEDGER_HOME", home.toString());
        builder.environment().remove("LEDGER_DB_URL");
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static Run statements(Path home) throws Exception {
        return ledger(home, "statements", "--year", "2020", "--unit", UNIT, "--format", "json");
    }

    /** The command line's database options on the embedded database in {@code home}. */
    static DatabaseOptions options(Path home) {
        return new DatabaseOptions() {
            @Override
            public LedgerDatabase database() {
                return new LedgerDatabase(LedgerDatabase.embeddedUrl(home.toString()), "sa", "");
            }
        };
    }

    @Test
    @Order(1)
    void aNewDatabaseIsMigratedByTheWholeApplicationBeforeTheReadAnswers() throws Exception {
        Run run = statements(behind);

        assertThat(run.err()).contains("the database is new", FALLBACK);
        // Answered after the migration: the unit has no transactions yet (refused, exit 1).
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("jianghan-gov-office");
    }

    @Test
    @Order(2)
    void eventsTheProjectionHasNotTakenInAreCaughtUpBeforeTheAnswer() throws Exception {
        // The import is stored while the postings processor is stopped: its tokens stay behind.
        try (ConfigurableApplicationContext whole =
                        options(behind)
                                .start(
                                        false,
                                        "ledger.integrity.key-file="
                                                + behind.resolve("integrity.key"));
                InputStream journal = Files.newInputStream(Samples.jianghan2020Journal())) {
            whole.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(
                            PostingProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .orElseThrow()
                    .shutDown();
            whole.getBean(JournalImport.class).importJournal(journal, "journal.csv", "start-it");
        }

        Run run = statements(behind);

        assertThat(run.err()).contains("the read models are behind the event store", FALLBACK);
        assertThat(run.exit()).as(run.err()).isZero();
        SampleStatements.assertIsThe2020Sample(SampleStatements.parse(run.out()));
    }

    @Test
    @Order(3)
    void onceCaughtUpAReadRunsWithoutAxonTheSchedulerOrAWebServer() throws Exception {
        Map<String, Object> light =
                options(behind)
                        .read(
                                context ->
                                        Map.of(
                                                "command bus",
                                                context.getBeanNamesForType(CommandBus.class)
                                                        .length,
                                                "event processing",
                                                context.getBeanNamesForType(
                                                                EventProcessingConfiguration.class)
                                                        .length,
                                                "scheduled tasks",
                                                context.getBeanNamesForType(
                                                                ScheduledTaskHolder.class)
                                                        .length,
                                                "web server",
                                                context instanceof WebServerApplicationContext,
                                                "statement service",
                                                context.getBeanNamesForType(StatementService.class)
                                                        .length));
        assertThat(light)
                .containsEntry("command bus", 0)
                .containsEntry("event processing", 0)
                .containsEntry("scheduled tasks", 0)
                .containsEntry("web server", false)
                .containsEntry("statement service", 1);

        Run statements = statements(behind);
        assertThat(statements.exit()).as(statements.err()).isZero();
        assertThat(statements.err()).doesNotContain(FALLBACK);
        SampleStatements.assertIsThe2020Sample(SampleStatements.parse(statements.out()));

        Run check = ledger(behind, "check", "--year", "2020", "--unit", UNIT);
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.err()).doesNotContain(FALLBACK);
        assertThat(check.out()).contains("0 rules broken");

        Run trace =
                ledger(
                        behind,
                        "trace",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "T1/57/2",
                        "--format",
                        "json");
        assertThat(trace.exit()).as(trace.err()).isZero();
        assertThat(trace.err()).doesNotContain(FALLBACK);
        assertThat(trace.out()).contains("\"cell\" : \"T1/57/2\"");
    }

    @Test
    @Order(4)
    void aLocalImportEndsWithTheReadModelsHoldingItSoTheNextReadIsLight() throws Exception {
        Run imports = ledger(imported, "import", Samples.jianghan2020Journal().toString());
        assertThat(imports.exit()).as(imports.err()).isZero();

        Run run = statements(imported);

        assertThat(run.err()).doesNotContain(FALLBACK);
        assertThat(run.exit()).as(run.err()).isZero();
        SampleStatements.assertIsThe2020Sample(SampleStatements.parse(run.out()));
    }

    @Test
    @Order(5)
    void statementsStraightFromTheEventStoreAreTheReadModelsStatementsOnTheEmbeddedDatabase()
            throws Exception {
        Run fromEvents =
                ledger(
                        imported,
                        "statements",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--format",
                        "json",
                        "--from-events");

        assertThat(fromEvents.exit()).as(fromEvents.err()).isZero();
        assertThat(fromEvents.err()).doesNotContain(FALLBACK);
        assertThat(fromEvents.out()).isEqualTo(statements(imported).out());
        SampleStatements.assertIsThe2020Sample(SampleStatements.parse(fromEvents.out()));

        Run nobody =
                ledger(
                        imported,
                        "statements",
                        "--year",
                        "2020",
                        "--unit",
                        "nobody",
                        "--from-events");
        assertThat(nobody.exit()).isEqualTo(1);
        assertThat(nobody.err()).contains("单位 nobody 在本账簿中没有交易");

        Run department =
                ledger(
                        imported,
                        "statements",
                        "--year",
                        "2020",
                        "--department",
                        "demo-street",
                        "--from-events");
        assertThat(department.exit()).isEqualTo(2);
        assertThat(department.err()).contains("--from-events 直接从事件库计算单位报表");
    }

    @Test
    @Order(6)
    void theAccountingAndExecutionReadsAreLightToo() throws Exception {
        for (String command : List.of("trial-balance", "indicators", "execution")) {
            Run run = ledger(imported, command, "--year", "2020", "--unit", UNIT);

            assertThat(run.exit()).as(command + ": " + run.err()).isZero();
            assertThat(run.err()).as(command).doesNotContain(FALLBACK);
            assertThat(run.out()).as(command).isNotBlank();
        }
    }
}
