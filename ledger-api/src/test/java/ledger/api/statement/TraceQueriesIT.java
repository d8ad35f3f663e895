package ledger.api.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import ledger.core.account.FiscalYear;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingFilter;
import ledger.projections.posting.PostingRepository;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.CellTrace;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTemplate;
import ledger.projections.statement.Trace;
import ledger.projections.statement.TracedPosting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 17 item 5 and issue 19 item 5: a trace page read from the database (only its rows, filters
 * in SQL) holds exactly the events of the old full read of the unit-year, cut and filtered in
 * memory here, for many cells, filters and pages; a page reads no more rows than it shows; the
 * export holds the whole filtered trace.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceQueriesIT {

    private static final String URL = TestDatabase.create("tracequeries");
    private static final UnitCode UNIT = UnitCode.of(SampleStatements.UNIT);
    private static final FiscalYear Y2020 = FiscalYear.of(2020);
    private static final StatementTemplate TEMPLATE = StatementTemplate.forYear(2020);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired JournalImport journalImport;
    @Autowired StatementService statements;
    @Autowired PostingRepository postings;
    @Autowired TraceQueries traces;
    @Autowired ProjectionStatus projections;
    @Autowired DataSource dataSource;

    private List<Posting> all;
    private StatementSet set;

    @BeforeAll
    void importSample() throws IOException {
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            journalImport.importJournal(in, "journal.csv", "trace-queries-test");
        }
        set = statements.statements(UNIT, Y2020, null);
        all = postings.postingsOf(UNIT, Y2020);
    }

    /**
     * Filters a clerk would use on the sample: words of its 摘要, a month, a kind, a voucher,
     * amounts.
     */
    private List<PostingFilter> filters() {
        Posting reversal = all.stream().filter(Posting::isReversal).findFirst().orElseThrow();
        Posting some = all.get(all.size() / 2);
        String word = some.memo().substring(0, Math.min(2, some.memo().length()));
        return List.of(
                PostingFilter.NONE,
                new PostingFilter(null, null, null, null, word, null, null, null),
                new PostingFilter(
                        LocalDate.of(2020, 3, 1),
                        LocalDate.of(2020, 6, 30),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                new PostingFilter(
                        null, null, TransactionKind.EXPENDITURE, null, null, null, null, null),
                new PostingFilter(null, null, null, some.voucher(), null, null, null, null),
                new PostingFilter(
                        null,
                        null,
                        null,
                        null,
                        null,
                        Math.abs(reversal.amountFen()),
                        Math.abs(reversal.amountFen()),
                        null),
                new PostingFilter(
                        null,
                        LocalDate.of(2020, 9, 30),
                        TransactionKind.EXPENDITURE,
                        null,
                        null,
                        100_000L,
                        5_000_000L,
                        null),
                new PostingFilter(null, null, null, null, "没有这样的摘要", null, null, null));
    }

    @Test
    void everyPageOfEveryFilteredTraceHoldsWhatTheFullReadHolds() {
        List<CellAddress> cells = new ArrayList<>(set.displayed().keySet());
        assertThat(cells).hasSizeGreaterThan(20);
        int compared = 0;
        for (CellAddress cell : cells.subList(0, Math.min(cells.size(), 40))) {
            Trace full = CellTrace.trace(cell, all, null, TEMPLATE);
            for (PostingFilter filter : filters()) {
                List<TracedPosting> expected =
                        full.postings().stream().filter(t -> filter.test(t.posting())).toList();
                long expectedFen = expected.stream().mapToLong(TracedPosting::signedFen).sum();
                List<TracedPosting> paged = new ArrayList<>();
                int size = 7;
                TraceQueries.TracePage page;
                int number = 0;
                do {
                    page =
                            traces.trace(
                                    UNIT,
                                    Y2020,
                                    cell,
                                    null,
                                    TEMPLATE,
                                    filter,
                                    new TracePaging(number++, size));
                    assertThat(page.eventCount())
                            .as(cell + " " + filter)
                            .isEqualTo(expected.size());
                    assertThat(page.sumFen()).as(cell + " " + filter).isEqualTo(expectedFen);
                    assertThat(page.cellFen()).isEqualTo(set.fen(cell)).isEqualTo(full.fen());
                    assertThat(page.rows().size()).isLessThanOrEqualTo(size);
                    paged.addAll(page.rows());
                } while (number < page.pageCount());
                assertThat(paged).as(cell + " " + filter).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void aTraceAsOfADateIsTheFullReadOfThatDate() {
        LocalDate asOf = LocalDate.of(2020, 6, 30);
        CellAddress cell = CellAddress.parse("T3/2010302/3");
        Trace full = CellTrace.trace(cell, all, asOf, TEMPLATE);
        TraceQueries.TracePage page =
                traces.trace(
                        UNIT,
                        Y2020,
                        cell,
                        asOf,
                        TEMPLATE,
                        PostingFilter.NONE,
                        new TracePaging(0, TracePaging.MAX_SIZE));
        assertThat(page.rows()).isEqualTo(full.postings());
        assertThat(page.sumFen())
                .isEqualTo(full.fen())
                .isEqualTo(statements.statements(UNIT, Y2020, asOf).fen(cell));
    }

    @Test
    void aPageReadsOnlyItsRowsAndTheSumsByKey() {
        AtomicLong postingRows = new AtomicLong();
        AtomicLong otherRows = new AtomicLong();
        JdbcTemplate counting =
                new JdbcTemplate(dataSource) {
                    @Override
                    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
                        return super.query(
                                sql,
                                (rs, row) -> {
                                    (sql.startsWith("SELECT *") ? postingRows : otherRows)
                                            .incrementAndGet();
                                    return mapper.mapRow(rs, row);
                                },
                                args);
                    }
                };
        TraceQueries counted =
                new TraceQueries(new PostingRepository(counting), projections, statements);
        CellAddress cell = busiestCell();
        TraceQueries.TracePage page =
                counted.trace(
                        UNIT,
                        Y2020,
                        cell,
                        null,
                        TEMPLATE,
                        PostingFilter.NONE,
                        new TracePaging(3, 10));
        assertThat(page.eventCount()).as("a trace of many pages").isGreaterThan(100);
        assertThat(page.rows()).hasSize(10);
        assertThat(postingRows.get()).as("posting rows read for a page of 10").isEqualTo(10);
        long keys = postings.keysOf(UNIT, Y2020, PostingFilter.NONE).size();
        assertThat(otherRows.get()).as("key sums read").isLessThanOrEqualTo(keys);
    }

    @Test
    void theExportHoldsTheWholeFilteredTraceInOrderAndAddsUp() throws IOException {
        CellAddress cell = busiestCell();
        PostingFilter filter =
                new PostingFilter(
                        LocalDate.of(2020, 1, 1),
                        LocalDate.of(2020, 8, 31),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
        List<TracedPosting> expected =
                CellTrace.trace(cell, all, null, TEMPLATE).postings().stream()
                        .filter(t -> filter.test(t.posting()))
                        .toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        traces.exportTrace(UNIT, Y2020, cell, null, TEMPLATE, filter, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .contains("追溯 " + cell, "起 2020-01-01");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("序号");
            int fenColumn = List.of(TraceWorkbook.HEADINGS).indexOf("计入金额（分）");
            int eventColumn = List.of(TraceWorkbook.HEADINGS).indexOf("事件号");
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(expected.size());
            long sum = 0;
            for (int i = 0; i < expected.size(); i++) {
                Row row = sheet.getRow(i + 2);
                assertThat(row.getCell(eventColumn).getStringCellValue())
                        .isEqualTo(expected.get(i).posting().eventId());
                sum += (long) row.getCell(fenColumn).getNumericCellValue();
            }
            assertThat(sum).isEqualTo(expected.stream().mapToLong(TracedPosting::signedFen).sum());
        }
    }

    /** The cell with the most events behind it: a trace of many pages. */
    private CellAddress busiestCell() {
        return set.displayed().keySet().stream()
                .max(
                        java.util.Comparator.comparingInt(
                                cell ->
                                        CellTrace.trace(cell, all, null, TEMPLATE)
                                                .postings()
                                                .size()))
                .orElseThrow();
    }

    @Test
    void anAccountPageHoldsItsHistoryBalancesAndReversalLinks() {
        Posting reversal = all.stream().filter(Posting::isReversal).findFirst().orElseThrow();
        var account = reversal.account();
        List<Posting> history = all.stream().filter(p -> p.account().equals(account)).toList();
        TraceQueries.AccountPage page =
                traces.account(
                        account, PostingFilter.NONE, new TracePaging(0, TracePaging.MAX_SIZE));
        assertThat(page.rows()).isEqualTo(history);
        long spent =
                history.stream()
                        .filter(p -> p.kind() == TransactionKind.EXPENDITURE)
                        .mapToLong(Posting::amountFen)
                        .sum();
        assertThat(page.get(TransactionKind.EXPENDITURE)).isEqualTo(spent);
        Posting original =
                all.stream()
                        .filter(p -> p.transactionId().equals(reversal.reverses()))
                        .findFirst()
                        .orElseThrow();
        assertThat(page.reversals().originals().get(reversal.transactionId().value()))
                .isEqualTo(original.eventId());
        assertThat(page.reversals().reversals().get(original.transactionId().value()))
                .isEqualTo(reversal.eventId());
        assertThatThrownBy(
                        () ->
                                traces.account(
                                        account,
                                        PostingFilter.NONE,
                                        new TracePaging(5, TracePaging.MAX_SIZE)))
                .isInstanceOf(TracePaging.NoSuchPage.class);
    }
}
