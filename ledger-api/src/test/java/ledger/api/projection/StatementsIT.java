package ledger.api.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.statement.ProjectionStatus;
import ledger.api.statement.StatementService;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import ledger.core.account.AccountKey;
import ledger.core.account.Entry;
import ledger.core.account.FiscalYear;
import ledger.core.account.FundsAppropriated;
import ledger.core.account.UnitCode;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.core.money.Money;
import ledger.projections.posting.PostingProjection;
import ledger.projections.posting.PostingRepository;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.CellDifference;
import ledger.projections.statement.PublishedFigure;
import ledger.projections.statement.PublishedFigures;
import ledger.projections.statement.Reconciliation;
import ledger.projections.statement.ReconciliationReport;
import ledger.projections.statement.StatementChecks;
import ledger.projections.statement.StatementJson;
import ledger.projections.statement.StatementSet;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 3 on the real PostgreSQL: the shipped 2020 ledger, imported, regenerates every figure of
 * the published 2020 report except exactly the cells where that report contradicts itself; a replay
 * rebuilds byte-identical statements; the projection is idempotent under redelivery.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementsIT {

    private static final String URL = TestDatabase.create("statements");
    private static final UnitCode UNIT = UnitCode.of("jianghan-gov-office");
    private static final FiscalYear YEAR = FiscalYear.of(2020);

    /**
     * The published report's self-contradictions: the printed figure, and the one the ledger (and
     * the report's other tables) give. Named one by one so that a new difference fails the test.
     */
    private static final Map<String, String[]> CONTRADICTED =
            Map.of(
                    "T1/38/2", new String[] {"140.10", "140.09"},
                    "T1/39/2", new String[] {"219.41", "219.42"},
                    "T4/40/2", new String[] {"140.10", "140.09"},
                    "T4/40/3", new String[] {"140.10", "140.09"},
                    "T4/41/2", new String[] {"219.41", "219.42"},
                    "T4/41/3", new String[] {"219.41", "219.42"},
                    "T4/61/2", new String[] {null, "31.94"},
                    "T4/61/3", new String[] {null, "31.94"},
                    "T7/1/5", new String[] {null, "10.00"});

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired JournalImport journalImport;
    @Autowired StatementService statements;
    @Autowired ProjectionStatus projections;
    @Autowired PostingProjection postingProjection;
    @Autowired PostingRepository postings;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;

    private PublishedFigures published;

    @BeforeAll
    void importTheSample() throws Exception {
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            journalImport.importJournal(in, "journal.csv", "statements-it");
        }
        try (Reader reader =
                Files.newBufferedReader(Samples.jianghan2020Published(), StandardCharsets.UTF_8)) {
            published = PublishedFigures.parse(reader);
        }
    }

    @Test
    void everyPublishedFigureIsRegeneratedExceptTheReportsOwnContradictions() {
        StatementSet set = statements.statements(UNIT, YEAR, null);
        Map<CellAddress, BigDecimal> ledger = set.displayed();
        assertThat(published.size()).isEqualTo(249);
        Set<String> differing = new TreeSet<>();
        for (PublishedFigure figure : published.figures()) {
            BigDecimal ours = ledger.getOrDefault(figure.cell(), BigDecimal.ZERO);
            if (ours.compareTo(figure.value()) != 0) {
                differing.add(figure.cell().toString());
                assertThat(CONTRADICTED)
                        .as(
                                "published %s = %s but the ledger gives %s",
                                figure.cell(), figure.value(), ours)
                        .containsKey(figure.cell().toString());
            }
        }
        // Cells the report leaves blank although the ledger has a figure.
        for (Map.Entry<CellAddress, BigDecimal> cell : ledger.entrySet()) {
            if (published.published(cell.getKey()).isEmpty()) {
                differing.add(cell.getKey().toString());
            }
        }
        assertThat(differing).containsExactlyInAnyOrderElementsOf(CONTRADICTED.keySet());
        CONTRADICTED.forEach(
                (cell, values) ->
                        assertThat(ledger.get(CellAddress.parse(cell)))
                                .as(cell)
                                .isEqualByComparingTo(values[1]));
    }

    @Test
    void reconciliationNamesEachContradictionOfThePublishedReport() {
        ReconciliationReport report =
                Reconciliation.reconcile(statements.statements(UNIT, YEAR, null), published);
        assertThat(report.publishedCount()).isEqualTo(249);
        assertThat(report.regeneratedExactly()).isEqualTo(243);
        assertThat(report.differences())
                .extracting(d -> d.cell().toString())
                .containsExactlyInAnyOrderElementsOf(CONTRADICTED.keySet());
        assertThat(report.differences()).allMatch(CellDifference::isExplained);
        assertThat(report.ledgerAgrees()).isTrue();
        String contradictions =
                report.publishedContradictions().stream()
                        .map(Object::toString)
                        .collect(Collectors.joining("\n"));
        assertThat(contradictions)
                .contains(
                        "T1/38/2",
                        "T3/208/1",
                        "T1/39/2",
                        "T3/210/1",
                        "T4/40/3",
                        "T5/208/1",
                        "T4/41/3",
                        "T5/210/1",
                        "T4/60/2",
                        "T4/61/2",
                        "T7/1/3",
                        "T7/1/5");
    }

    @Test
    void theLedgersOwnStatementsBreakNoRule() {
        assertThat(StatementChecks.evaluate(statements.statements(UNIT, YEAR, null)))
                .noneMatch(finding -> finding.isError());
    }

    @Test
    void statementsAsOfADateCountOnlyWhatIsDatedUpToIt() {
        StatementSet firstHalf = statements.statements(UNIT, YEAR, LocalDate.of(2020, 6, 30));
        StatementSet whole = statements.statements(UNIT, YEAR, null);
        CellAddress spent = CellAddress.parse("T1/57/2");
        assertThat(firstHalf.fen(spent)).isPositive().isLessThan(whole.fen(spent));
        Long expected =
                jdbc.queryForObject(
                        "SELECT SUM(amount_fen) FROM posting WHERE kind = 'expenditure'"
                                + " AND posting_date <= DATE '2020-06-30'",
                        Long.class);
        assertThat(firstHalf.fen(spent)).isEqualTo(expected);
        assertThat(firstHalf.fen(CellAddress.parse("T1/29/1"))).isEqualTo(10_300_000L);
    }

    @Test
    void aReplayRebuildsByteIdenticalStatements() {
        String before = StatementJson.write(statements.statements(UNIT, YEAR, null));
        long rows = postings.count();
        projections.replay(Duration.ofMinutes(2));
        assertThat(postings.count()).isEqualTo(rows);
        String after = StatementJson.write(statements.statements(UNIT, YEAR, null));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aRedeliveredEventIsCountedOnce() {
        // Goal: the same event handled twice (a crash between the rows and the token) adds one row.
        AccountKey account =
                new AccountKey(
                        FiscalYear.of(2019),
                        UnitCode.of("redelivery-test"),
                        FundSource.OTHER,
                        FunctionalCode.of("2010301"),
                        EconomicCode.of("30101"));
        FundsAppropriated event =
                new FundsAppropriated(
                        account, Entry.of("R-1", LocalDate.of(2019, 3, 1)), Money.ofFen(12_345));
        var message =
                new GenericEventMessage<>(
                        "redelivered-event-1", event, Map.of("user", "x"), Instant.now());
        for (int delivery = 0; delivery < 2; delivery++) {
            transaction.executeWithoutResult(
                    status -> {
                        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(message);
                        unitOfWork.execute(
                                () ->
                                        postingProjection.on(
                                                event,
                                                message,
                                                message.getTimestamp(),
                                                new GlobalSequenceTrackingToken(999_999)));
                    });
        }
        assertThat(
                        jdbc.queryForObject(
                                "SELECT COUNT(*) FROM posting WHERE event_id = 'redelivered-event-1'",
                                Long.class))
                .isEqualTo(1);
        assertThat(postings.byEventId("redelivered-event-1"))
                .get()
                .satisfies(p -> assertThat(p.amountFen()).isEqualTo(12_345));
        List<?> unrelated =
                postings.postingsOf(UNIT, YEAR).stream()
                        .filter(p -> p.eventId().equals("redelivered-event-1"))
                        .toList();
        assertThat(unrelated).isEmpty();
    }
}
