package ledger.api.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ledger.api.LedgerApplication;
import ledger.api.store.EventStoreAccess;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.journal.JournalProblem;
import ledger.core.journal.JournalRow;
import ledger.journal.JournalReader;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The write side on the real PostgreSQL: the 2020 sample journal lands as events that plain SQL
 * reads, a bad file writes nothing, a re-import changes nothing, single commands go through the
 * aggregate, the events survive a restart, and closing the year carries the balances.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JournalImportIT {

    private static final String URL = TestDatabase.create("import");
    private static final UnitCode UNIT = UnitCode.of("jianghan-gov-office");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired JournalImport journalImport;
    @Autowired TransactionRecorder recorder;
    @Autowired YearCloser closer;
    @Autowired EventStoreAccess store;
    @Autowired JdbcTemplate jdbc;

    @Test
    @Order(1)
    void aBadFileIsRefusedWholeNamingEveryBadRowAndWritesNothing() throws IOException {
        // Goal: three broken rows among good ones → every one named, nothing stored.
        List<String> lines =
                Files.readAllLines(Samples.jianghan2020Journal(), StandardCharsets.UTF_8);
        int firstData = firstDataLine(lines);
        lines.set(firstData + 2, lines.get(firstData + 2).replaceFirst(",2010301,", ",2010397,"));
        lines.set(
                firstData + 5,
                lines.get(firstData + 5).replaceFirst(",(\\d+)\\.(\\d\\d),", ",$1.$21,"));
        lines.add(
                "JH2020-BAD-1,2020-12-30,expenditure,jianghan-gov-office,,general,2010301,30101,personnel,,,"
                        + "99999999.00,记-bad,工资,,,");
        long before = store.eventCount();

        assertThatThrownBy(() -> importText(String.join("\n", lines)))
                .isInstanceOfSatisfying(
                        JournalRefused.class,
                        refused -> {
                            assertThat(refused.problems())
                                    .extracting(JournalProblem::line)
                                    .contains(firstData + 3, firstData + 6, lines.size());
                            assertThat(refused.problems())
                                    .anySatisfy(
                                            p -> {
                                                assertThat(p.column()).isEqualTo("functional");
                                                assertThat(p.reason()).contains("2010397");
                                            });
                            assertThat(refused.problems())
                                    .anySatisfy(p -> assertThat(p.column()).isEqualTo("amount"));
                        });
        assertThat(store.eventCount()).isEqualTo(before).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_transaction", Long.class))
                .isZero();
    }

    @Test
    @Order(2)
    void theSampleJournalLandsAsEventsThatPlainSqlReads() throws IOException {
        // Goal: every row becomes an event; payload and metadata are JSON an auditor reads with
        // SQL.
        ImportResult result;
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            result = journalImport.importJournal(in, "journal.csv", "auditor-test");
        }
        assertThat(result.rows()).isEqualTo(476);
        assertThat(result.applied()).isEqualTo(476);
        assertThat(result.repeated()).isZero();
        assertThat(store.eventCount()).isEqualTo(result.events());

        Map<String, Object> expenditure =
                jdbc.queryForMap(
                        "SELECT convert_from(payload, 'UTF8')::jsonb AS p,"
                                + " convert_from(meta_data, 'UTF8')::jsonb AS m FROM domain_event_entry"
                                + " WHERE payload_type LIKE '%ExpenditureRecorded' ORDER BY global_index LIMIT 1");
        assertThat(expenditure.get("p").toString())
                .containsPattern("\"functional\": \"2\\d{6}\"")
                .contains(
                        "\"fund\": \"general\"",
                        "\"nature\": \"personnel\"",
                        "\"amount\": {\"fen\": ");
        assertThat(expenditure.get("m").toString())
                .contains("\"user\": \"auditor-test\"", "\"transactionId\":", "\"correlationId\":");
        assertThat(
                        jdbc.queryForObject(
                                "SELECT COUNT(*) FROM event_log WHERE recorded_by = 'auditor-test'",
                                Long.class))
                .isEqualTo(result.events());
        assertThat(
                        jdbc.queryForObject(
                                "SELECT data_type FROM information_schema.columns"
                                        + " WHERE table_name = 'domain_event_entry' AND column_name = 'payload'",
                                String.class))
                .isEqualTo("bytea");
    }

    @Test
    @Order(3)
    void importingTheSameFileAgainChangesNothing() throws IOException {
        long before = store.eventCount();
        ImportResult again;
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            again = journalImport.importJournal(in, "journal.csv", "auditor-test");
        }
        assertThat(again.applied()).isZero();
        assertThat(again.repeated()).isEqualTo(476);
        assertThat(store.eventCount()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aFileImportTellsItsProgressByBytesReadAndRowsDecided() throws IOException {
        // Goal: the hook a progress bar or the web job page reads reaches the whole file and every
        // row.
        long size = Files.size(Samples.jianghan2020Journal());
        List<long[]> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<int[]> decisions = new java.util.concurrent.CopyOnWriteArrayList<>();
        ImportProgress progress =
                new ImportProgress() {
                    @Override
                    public void reading(long bytesRead, long totalBytes) {
                        reads.add(new long[] {bytesRead, totalBytes});
                    }

                    @Override
                    public void deciding(int rowsDecided, int totalRows) {
                        decisions.add(new int[] {rowsDecided, totalRows});
                    }
                };
        ImportResult again =
                journalImport.importFile(
                        Samples.jianghan2020Journal(),
                        "progress-test",
                        JournalReader.Options.DEFAULT,
                        progress);
        assertThat(again.repeated()).isEqualTo(476);
        assertThat(reads).isNotEmpty();
        assertThat(reads.get(reads.size() - 1)).containsExactly(size, size);
        assertThat(reads).allSatisfy(read -> assertThat(read[0]).isBetween(1L, size));
        assertThat(decisions.get(0)).containsExactly(0, 476);
        assertThat(decisions.get(decisions.size() - 1)).containsExactly(476, 476);
        assertThat(decisions).extracting(d -> d[0]).isSorted();
    }

    @Test
    @Order(4)
    void aSingleCommandGoesThroughTheAggregateAndIsIdempotent() {
        // Goal: the Axon path applies the same rules as the batch and records the acting user.
        JournalRow spend =
                row(
                        "JH2020-SINGLE-1,2020-12-31,expenditure,jianghan-gov-office,,general,2010302,30299,"
                                + "project,JH2020-P01,,100.00,记-single,single command,,,");
        TransactionRecorder.Recorded recorded = recorder.record(spend, "clerk-a");
        assertThat(recorded.repeated()).isFalse();
        long after = store.eventCount();
        assertThat(recorder.record(spend, "clerk-a").repeated()).isTrue();
        assertThat(store.eventCount()).isEqualTo(after);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT recorded_by FROM event_log WHERE payload ->> 'entry' LIKE"
                                        + " '%JH2020-SINGLE-1%'",
                                String.class))
                .isEqualTo("clerk-a");

        JournalRow sameIdOtherContent =
                row(
                        "JH2020-SINGLE-1,2020-12-31,expenditure,jianghan-gov-office,,general,"
                                + "2010302,30299,project,JH2020-P01,,101.00,记-single,single command,,,");
        assertThatThrownBy(() -> recorder.record(sameIdOtherContent, "clerk-a"))
                .isInstanceOfSatisfying(
                        JournalRefused.class,
                        r -> assertThat(r.problems().get(0).column()).isEqualTo("id"));
        JournalRow overspend =
                row(
                        "JH2020-SINGLE-2,2020-12-31,expenditure,jianghan-gov-office,,general,2010301,"
                                + "30101,personnel,,,0.01,记-single,too much,,,");
        assertThatThrownBy(() -> recorder.record(overspend, "clerk-a"))
                .isInstanceOfSatisfying(
                        JournalRefused.class,
                        r -> assertThat(r.problems().get(0).reason()).contains("超过该预算行可用资金"));
        assertThat(store.eventCount()).isEqualTo(after);
    }

    @Test
    @Order(5)
    void eventsSurviveARestartOfTheApplication() {
        // Goal: a second application on the same database sees the same events and state.
        long events = store.eventCount();
        try (ConfigurableApplicationContext restarted =
                new SpringApplicationBuilder(LedgerApplication.class)
                        .web(org.springframework.boot.WebApplicationType.NONE)
                        .run(
                                "--spring.datasource.url=" + URL,
                                "--spring.datasource.username=" + TestDatabase.user(),
                                "--spring.datasource.password=" + TestDatabase.password())) {
            assertThat(restarted.getBean(EventStoreAccess.class).eventCount()).isEqualTo(events);
            JournalRow overspend =
                    row(
                            "JH2020-RESTART-1,2020-12-31,expenditure,jianghan-gov-office,,general,"
                                    + "2010301,30101,personnel,,,0.01,,,,,");
            assertThatThrownBy(
                            () ->
                                    restarted
                                            .getBean(TransactionRecorder.class)
                                            .record(overspend, "clerk-b"))
                    .isInstanceOf(JournalRefused.class);
        }
    }

    @Test
    @Order(6)
    void closingTheYearCarriesBalancesAndClosesTheYear() {
        var closed = closer.close(UNIT, FiscalYear.of(2020), LocalDate.of(2021, 1, 15), "approver");
        // 31.94 万元 closing balance of the published report, less the 100 yuan single command above.
        assertThat(closed.carriedTotal().fen()).isEqualTo(31_940_000L - 10_000L);
        JournalRow late =
                row(
                        "JH2020-LATE-1,2020-12-31,appropriation,jianghan-gov-office,,general,2010301,30101,,,,"
                                + "1.00,,,,,");
        assertThatThrownBy(() -> recorder.record(late, "clerk-a"))
                .isInstanceOfSatisfying(
                        JournalRefused.class,
                        r -> assertThat(r.problems().get(0).reason()).contains("已结转关账"));
        JournalRow opening2021 =
                row(
                        "JH2021-OPEN-1,2021-01-01,opening,jianghan-gov-office,,general,2010301,30101,,,,"
                                + "1.00,,,,,");
        assertThatThrownBy(() -> recorder.record(opening2021, "clerk-a"))
                .isInstanceOfSatisfying(
                        JournalRefused.class,
                        r -> assertThat(r.problems().get(0).reason()).contains("会重复计算"));
        assertThatThrownBy(
                        () ->
                                closer.close(
                                        UNIT,
                                        FiscalYear.of(2020),
                                        LocalDate.of(2021, 1, 16),
                                        "approver"))
                .isInstanceOf(JournalRefused.class);
        Long carriedIn =
                jdbc.queryForObject(
                        "SELECT SUM((convert_from(payload, 'UTF8')::jsonb #>> '{amount,fen}')"
                                + "::bigint) FROM domain_event_entry WHERE payload_type LIKE '%BalanceCarriedIn'",
                        Long.class);
        assertThat(carriedIn).isEqualTo(closed.carriedTotal().fen());
    }

    private ImportResult importText(String text) {
        return journalImport.importJournal(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "test.csv",
                "test");
    }

    private static JournalRow row(String csvLine) {
        String header =
                "id,date,kind,unit,unit_name,fund,functional,economic,nature,project,project_name,amount,"
                        + "voucher,memo,reverses,procurement,sme";
        var parse =
                new JournalReader().read(new java.io.StringReader(header + "\n" + csvLine + "\n"));
        assertThat(parse.problems()).isEmpty();
        return parse.rows().get(0);
    }

    private static int firstDataLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("JH2020-")) {
                return i;
            }
        }
        throw new IllegalStateException("no data rows");
    }
}
