package ledger.api.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ledger.api.LedgerApplication;
import ledger.api.recording.ImportResult;
import ledger.api.recording.JournalImport;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.Trace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A measurement, not a test: the latency of {@link StatementService#trace} (read the unit-year's
 * postings from PostgreSQL, pick the cell's) and of {@link TraceQueries#trace} (sums by key and the
 * first page's rows only, as the API and the trace page read it) for a 项-level cell and for the
 * biggest total, p50 and p99 over many calls after a warm-up. Its name matches neither {@code
 * *Test} nor {@code *IT}, so a build never runs it; run it on purpose:
 *
 * <pre>
 * mvn -B -q -pl ledger-api -am verify -Dit.test=TraceLatency -Dtest='NoSuch*' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * cat ledger-api/target/trace-latency.txt
 * </pre>
 *
 * On another ledger: {@code -Dledger.latency.journal=/path/big.csv -Dledger.latency.unit=U
 * -Dledger.latency.year=Y -Dledger.latency.cells=T3/2010302/3,T1/57/2} (passed to the test JVM
 * through failsafe's {@code argLine}, e.g. {@code -DargLine="-Dledger.latency.journal=…"}).
 */
// A database of its own means a context of its own: close it after the class, so the suite does not
// hold one connection pool per finished class open against PostgreSQL's connection limit.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TraceLatency {

    private static final String URL = TestDatabase.create("tracelatency");
    private static final int WARM_UP = 200;
    private static final int CALLS = 500;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired JournalImport journalImport;
    @Autowired StatementService statements;
    @Autowired ProjectionStatus projections;
    @Autowired TraceQueries traces;

    @Test
    void measure() throws IOException {
        Path journal =
                Path.of(
                        System.getProperty(
                                "ledger.latency.journal",
                                Samples.jianghan2020Journal().toString()));
        UnitCode unit =
                UnitCode.of(System.getProperty("ledger.latency.unit", SampleStatements.UNIT));
        FiscalYear year =
                FiscalYear.of(Integer.parseInt(System.getProperty("ledger.latency.year", "2020")));
        String[] cells =
                System.getProperty("ledger.latency.cells", "T3/2010302/3,T1/57/2").split(",");

        ImportResult imported;
        try (InputStream in = Files.newInputStream(journal)) {
            imported = journalImport.importJournal(in, journal.getFileName().toString(), "latency");
        }
        statements.statements(unit, year, null); // waits for the read models to catch up

        List<String> report = new ArrayList<>();
        report.add(
                String.format(
                        "trace latency, StatementService.trace on PostgreSQL (%s), %s: %d rows, %d events;"
                                + " %d calls per cell after %d warm-up calls",
                        URL,
                        journal.getFileName(),
                        imported.rows(),
                        imported.events(),
                        CALLS,
                        WARM_UP));
        for (String text : cells) {
            CellAddress cell = CellAddress.parse(text.strip());
            for (int i = 0; i < WARM_UP; i++) {
                statements.trace(unit, year, cell, null);
            }
            long[] nanos = new long[CALLS];
            Trace last = null;
            for (int i = 0; i < CALLS; i++) {
                long started = System.nanoTime();
                last = statements.trace(unit, year, cell, null);
                nanos[i] = System.nanoTime() - started;
            }
            Arrays.sort(nanos);
            assertThat(last.fen()).isNotZero();
            report.add(
                    String.format(
                            "  %-14s %5d events  full read   p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms",
                            cell,
                            last.postings().size(),
                            millis(nanos, 0.50),
                            millis(nanos, 0.99),
                            nanos[CALLS - 1] / 1e6));
            // the same trace's first page as the API and the page now read it: sums by key, then
            // the page's rows
            TracePaging first = TracePaging.of(0, null);
            var template = ledger.projections.statement.StatementTemplate.forYear(year.value());
            for (int i = 0; i < WARM_UP; i++) {
                traces.trace(
                        unit,
                        year,
                        cell,
                        null,
                        template,
                        ledger.projections.posting.PostingFilter.NONE,
                        first);
            }
            TraceQueries.TracePage page = null;
            for (int i = 0; i < CALLS; i++) {
                long started = System.nanoTime();
                page =
                        traces.trace(
                                unit,
                                year,
                                cell,
                                null,
                                template,
                                ledger.projections.posting.PostingFilter.NONE,
                                first);
                nanos[i] = System.nanoTime() - started;
            }
            Arrays.sort(nanos);
            assertThat(page.sumFen()).isEqualTo(last.fen());
            report.add(
                    String.format(
                            "  %-14s %5d events  page of %d p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms",
                            cell,
                            page.eventCount(),
                            page.rows().size(),
                            millis(nanos, 0.50),
                            millis(nanos, 0.99),
                            nanos[CALLS - 1] / 1e6));
        }
        // Of which: making sure the read models have caught up (reads every segment's token).
        long[] waits = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long started = System.nanoTime();
            projections.awaitCaughtUp(java.time.Duration.ofMinutes(1));
            waits[i] = System.nanoTime() - started;
        }
        Arrays.sort(waits);
        report.add(
                String.format(
                        "  of which ProjectionStatus.awaitCaughtUp alone: p50 %7.2f ms  p99 %7.2f ms",
                        millis(waits, 0.50), millis(waits, 0.99)));
        report.forEach(System.out::println);
        Files.write(Path.of("target", "trace-latency.txt"), report, StandardCharsets.UTF_8);
    }

    private static double millis(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
