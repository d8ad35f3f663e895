package ledger.api.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.recording.YearCloser;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingRepository;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.CellTrace;
import ledger.projections.statement.Contribution;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTable;
import ledger.projections.statement.Trace;
import ledger.projections.statement.TracedPosting;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 4, "Done when": after importing the 2020 sample, for every non-zero cell of all nine tables
 * the trace's signed sum equals the cell's exact fen, and every posting a trace lists has that cell
 * among its own contributions ({@link CellTrace#contributionsOf}) — and conversely, every cell a
 * posting contributes to lists the posting in its trace. The same on a second unit that uses every
 * fund, every nature, openings, reversals and a year close, so that 表8, 表9, the non-fiscal columns
 * and carried-in balances are traced too.
 */
// A database of its own means a context of its own: close it after the class, so the suite does not
// hold one connection pool per finished class open against PostgreSQL's connection limit.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TraceCompletenessIT {

    private static final String URL = TestDatabase.create("tracecomplete");
    private static final UnitCode SAMPLE = UnitCode.of(SampleStatements.UNIT);
    private static final UnitCode ALL_FUNDS = UnitCode.of("all-funds-unit");
    private static final FiscalYear Y2020 = FiscalYear.of(2020);

    /**
     * Every fund and nature, an opening per fund, reversals of an expenditure and of an
     * appropriation.
     */
    private static final String ALL_FUNDS_JOURNAL =
            String.join(
                    "\n",
                    "id,date,kind,unit,unit_name,fund,functional,economic,nature,project,project_name,amount,reverses,procurement,sme",
                    "AF-01,2020-01-01,opening,all-funds-unit,全资金测试单位,general,2010301,30201,,,,500.00,,,",
                    "AF-02,2020-01-01,opening,all-funds-unit,,gov-fund,2010302,30201,,,,50.00,,,",
                    "AF-03,2020-01-01,opening,all-funds-unit,,other,2010301,30201,,,,15.00,,,",
                    "AF-04,2020-01-05,budget,all-funds-unit,,general,2010301,30101,,,,1000.00,,,",
                    "AF-05,2020-01-05,budget,all-funds-unit,,general,2010301,30201,,,,500.00,,,",
                    "AF-06,2020-01-05,budget,all-funds-unit,,general,2010302,30201,,,,300.00,,,",
                    "AF-07,2020-01-05,budget,all-funds-unit,,general,2010301,30217,,,,200.00,,,",
                    "AF-08,2020-01-05,budget,all-funds-unit,,general,2010301,31013,,,,100.00,,,",
                    "AF-09,2020-01-05,budget,all-funds-unit,,general,2010301,30231,,,,90.00,,,",
                    "AF-10,2020-01-05,budget,all-funds-unit,,general,2010301,30212,,,,80.00,,,",
                    "AF-11,2020-01-05,budget,all-funds-unit,,gov-fund,2010302,30201,,,,400.00,,,",
                    "AF-12,2020-01-05,budget,all-funds-unit,,soe-capital,2080501,30302,,,,300.00,,,",
                    "AF-13,2020-01-05,budget,all-funds-unit,,soe-capital,2080501,30201,,,,70.00,,,",
                    "AF-14,2020-02-01,supplement,all-funds-unit,,general,2010301,30101,,,,100.00,,,",
                    "AF-15,2020-02-02,reduce,all-funds-unit,,general,2010301,30201,,,,50.00,,,",
                    "AF-16,2020-02-10,appropriation,all-funds-unit,,general,2010301,30101,,,,1100.00,,,",
                    "AF-17,2020-02-10,appropriation,all-funds-unit,,general,2010301,30201,,,,450.00,,,",
                    "AF-18,2020-02-10,appropriation,all-funds-unit,,general,2010302,30201,,,,300.00,,,",
                    "AF-19,2020-02-10,appropriation,all-funds-unit,,general,2010301,30217,,,,200.00,,,",
                    "AF-20,2020-02-10,appropriation,all-funds-unit,,general,2010301,31013,,,,100.00,,,",
                    "AF-21,2020-02-10,appropriation,all-funds-unit,,general,2010301,30231,,,,90.00,,,",
                    "AF-22,2020-02-10,appropriation,all-funds-unit,,general,2010301,30212,,,,80.00,,,",
                    "AF-23,2020-02-10,appropriation,all-funds-unit,,gov-fund,2010302,30201,,,,400.00,,,",
                    "AF-24,2020-02-10,appropriation,all-funds-unit,,soe-capital,2080501,30302,,,,300.00,,,",
                    "AF-25,2020-02-10,appropriation,all-funds-unit,,soe-capital,2080501,30201,,,,70.00,,,",
                    "AF-26,2020-02-10,appropriation,all-funds-unit,,superior,2010301,30201,,,,200.00,,,",
                    "AF-27,2020-02-10,appropriation,all-funds-unit,,business,2210201,30201,,,,100.00,,,",
                    "AF-28,2020-02-10,appropriation,all-funds-unit,,operating,2100410,30201,,,,80.00,,,",
                    "AF-29,2020-02-10,appropriation,all-funds-unit,,affiliated,2101101,30201,,,,60.00,,,",
                    "AF-30,2020-02-10,appropriation,all-funds-unit,,other,2010301,30201,,,,40.00,,,",
                    "AF-31,2020-03-01,expenditure,all-funds-unit,,general,2010301,30101,personnel,,,100.00,,,",
                    "AF-32,2020-03-01,expenditure,all-funds-unit,,general,2010301,30201,public,,,50.00,,services,true",
                    "AF-33,2020-03-01,expenditure,all-funds-unit,,general,2010302,30201,project,AF-P1,调研项目,30.00,,goods,false",
                    "AF-34,2020-03-01,expenditure,all-funds-unit,,general,2010301,30217,public,,,20.00,,,",
                    "AF-35,2020-03-01,expenditure,all-funds-unit,,general,2010301,31013,public,,,100.00,,goods,true",
                    "AF-36,2020-03-01,expenditure,all-funds-unit,,general,2010301,30231,project,AF-P1,,9.00,,,",
                    "AF-37,2020-03-01,expenditure,all-funds-unit,,general,2010301,30212,public,,,8.00,,,",
                    "AF-38,2020-03-02,expenditure,all-funds-unit,,gov-fund,2010302,30201,public,,,40.00,,,",
                    "AF-39,2020-03-02,expenditure,all-funds-unit,,gov-fund,2010302,30201,project,AF-P2,基金项目,10.00,,,",
                    "AF-40,2020-03-02,expenditure,all-funds-unit,,soe-capital,2080501,30302,personnel,,,30.00,,,",
                    "AF-41,2020-03-02,expenditure,all-funds-unit,,soe-capital,2080501,30201,project,AF-P3,国资项目,7.00,,,",
                    "AF-42,2020-03-03,expenditure,all-funds-unit,,superior,2010301,30201,remit,,,20.00,,,",
                    "AF-43,2020-03-03,expenditure,all-funds-unit,,business,2210201,30201,business-op,,,10.00,,,",
                    "AF-44,2020-03-03,expenditure,all-funds-unit,,operating,2100410,30201,subsidy,,,8.00,,,",
                    "AF-45,2020-03-03,expenditure,all-funds-unit,,affiliated,2101101,30201,public,,,6.00,,,",
                    "AF-46,2020-03-03,expenditure,all-funds-unit,,other,2010301,30201,project,AF-P1,,4.00,,,",
                    "AF-47,2020-04-01,reversal,all-funds-unit,,,,,,,,,AF-31,,",
                    "AF-48,2020-04-02,expenditure,all-funds-unit,,general,2010301,30101,personnel,,,99.99,,,",
                    "AF-49,2020-04-03,reversal,all-funds-unit,,,,,,,,,AF-30,,",
                    "");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired JournalImport journalImport;
    @Autowired StatementService statements;
    @Autowired PostingRepository postings;
    @Autowired YearCloser closer;

    @Test
    @Order(1)
    void everyFigureOfThe2020SampleTracesExactlyToItsEvents() throws IOException {
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            journalImport.importJournal(in, "journal.csv", "trace-test");
        }
        Traced traced = assertEveryCellTracesExactly(SAMPLE, Y2020, null);
        // Every table the sample fills (it has no 政府性基金 or 国有资本经营 money: 表8 and 表9 are blank).
        assertThat(traced.tables()).containsExactly("T1", "T2", "T3", "T4", "T5", "T6", "T7");
        assertThat(traced.nonZeroCells()).isEqualTo(SampleStatements.expectedLedgerCells().size());
        // Every posting of the year feeds at least one figure but the budgets that only 表7 counts.
        assertThat(traced.postingsTraced())
                .isGreaterThanOrEqualTo(
                        SampleStatements.journalRows(
                                "opening", "appropriation", "expenditure", "reversal"));
    }

    @Test
    @Order(2)
    void asOfADateTooEveryFigureTracesExactly() {
        Traced traced = assertEveryCellTracesExactly(SAMPLE, Y2020, LocalDate.of(2020, 6, 30));
        assertThat(traced.nonZeroCells()).isPositive();
    }

    @Test
    @Order(3)
    void everyFundNatureAndTableTracesExactly() {
        journalImport.importJournal(
                new ByteArrayInputStream(ALL_FUNDS_JOURNAL.getBytes(StandardCharsets.UTF_8)),
                "all-funds.csv",
                "trace-test");
        Traced traced = assertEveryCellTracesExactly(ALL_FUNDS, Y2020, null);
        assertThat(traced.tables()).containsExactlyElementsOf(SampleStatements.TABLE_IDS);
        StatementSet set = statements.statements(ALL_FUNDS, Y2020, null);
        // A few figures by hand: 表8 年初 50, 收入 400, 支出 40 + 10, 年末 400; 表9 支出 30 + 7.
        assertThat(set.fen(CellAddress.of("T8", "total", 1))).isEqualTo(5_000L);
        assertThat(set.fen(CellAddress.of("T8", "total", 6))).isEqualTo(40_000L);
        assertThat(set.fen(CellAddress.of("T9", "total", 1))).isEqualTo(3_700L);
        // 表1 line 57: every expenditure, the reversed salary not counted, its correction counted.
        assertThat(set.fen(CellAddress.of("T1", 57, 2)))
                .isEqualTo(
                        (50 + 30 + 20 + 100 + 9 + 8 + 40 + 10 + 30 + 7 + 20 + 10 + 8 + 6 + 4) * 100L
                                + 9_999L);
    }

    @Test
    @Order(4)
    void carriedBalancesTraceToTheirEventsOnBothSidesOfAClose() {
        Map<CellAddress, Long> before = allCells(statements.statements(ALL_FUNDS, Y2020, null));
        closer.close(ALL_FUNDS, Y2020, LocalDate.of(2020, 12, 31), "trace-test");
        // Closing adds carry-forward events to 2020 but changes none of its figures.
        assertThat(allCells(statements.statements(ALL_FUNDS, Y2020, null))).isEqualTo(before);
        assertEveryCellTracesExactly(ALL_FUNDS, Y2020, null);
        Traced next = assertEveryCellTracesExactly(ALL_FUNDS, FiscalYear.of(2021), null);
        assertThat(next.nonZeroCells()).isPositive();
        StatementSet opening2021 = statements.statements(ALL_FUNDS, FiscalYear.of(2021), null);
        assertThat(opening2021.fen(CellAddress.of("T1", 29, 1)))
                .isEqualTo(before.get(CellAddress.of("T1", 59, 2)));
        assertThat(opening2021.fen(CellAddress.of("T8", "total", 1)))
                .isEqualTo(before.get(CellAddress.of("T8", "total", 6)));
    }

    /** What one pass traced. */
    record Traced(Set<String> tables, int nonZeroCells, long postingsTraced) {}

    /**
     * Traces every cell that is non-zero or that any posting in scope feeds, and checks both
     * directions of the drill-down against each other and against the statement set.
     */
    private Traced assertEveryCellTracesExactly(UnitCode unit, FiscalYear year, LocalDate asOf) {
        StatementSet set = statements.statements(unit, year, asOf);
        List<Posting> inScope =
                postings.postingsOf(unit, year).stream()
                        .filter(p -> asOf == null || !p.date().isAfter(asOf))
                        .toList();

        Set<CellAddress> cells = new TreeSet<>(allCells(set).keySet());
        int nonZero = cells.size();
        Map<String, Set<Contribution>> contributionsOf = new HashMap<>();
        for (Posting posting : inScope) {
            Set<Contribution> contributions = new HashSet<>(CellTrace.contributionsOf(posting));
            contributionsOf.put(posting.eventId(), contributions);
            contributions.forEach(contribution -> cells.add(contribution.cell()));
        }

        Map<String, Set<CellAddress>> listedIn = new HashMap<>();
        Set<String> tables = new TreeSet<>();
        for (CellAddress cell : cells) {
            long expected = set.fen(cell);
            Trace trace = statements.trace(unit, year, cell, asOf);
            long sum = 0;
            for (TracedPosting traced : trace.postings()) {
                assertThat(traced.sign()).as(cell.toString()).isIn(1, -1);
                sum =
                        Math.addExact(
                                sum,
                                Math.multiplyExact(
                                        traced.posting().amountFen(), (long) traced.sign()));
                assertThat(contributionsOf.get(traced.posting().eventId()))
                        .as(
                                "contributions of %s %s listed in the trace of %s",
                                traced.posting().eventType(),
                                traced.posting().transactionId(),
                                cell)
                        .contains(new Contribution(cell, traced.sign()));
                listedIn.computeIfAbsent(traced.posting().eventId(), id -> new HashSet<>())
                        .add(cell);
            }
            assertThat(sum).as("signed sum of the trace of %s", cell).isEqualTo(expected);
            assertThat(trace.fen()).as("sum reported by the trace of %s", cell).isEqualTo(expected);
            BigDecimal shown = set.displayed().get(cell);
            assertThat(TraceDocument.of(trace).figure())
                    .as("figure of %s", cell)
                    .isEqualTo(shown == null ? "0.00" : shown.toPlainString());
            if (expected != 0) {
                tables.add(cell.table());
            }
        }
        // Conversely, every cell a posting feeds names that posting in its trace, with the same
        // sign.
        for (Posting posting : inScope) {
            Set<CellAddress> fed = new HashSet<>();
            contributionsOf
                    .get(posting.eventId())
                    .forEach(contribution -> fed.add(contribution.cell()));
            assertThat(listedIn.getOrDefault(posting.eventId(), Set.of()))
                    .as(
                            "cells whose traces list %s %s",
                            posting.eventType(), posting.transactionId())
                    .isEqualTo(fed);
        }
        return new Traced(tables, nonZero, listedIn.size());
    }

    private static Map<CellAddress, Long> allCells(StatementSet set) {
        Map<CellAddress, Long> cells = new HashMap<>();
        for (StatementTable table : set.tables()) {
            table.cellsFen()
                    .forEach(
                            (cell, fen) -> {
                                if (fen != 0L) {
                                    cells.put(cell, fen);
                                }
                            });
        }
        return cells;
    }
}
