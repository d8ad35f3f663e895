package ledger.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.recording.YearCloser;
import ledger.api.statement.EventStoreStatements;
import ledger.api.statement.ProjectionStatus;
import ledger.api.statement.StatementService;
import ledger.api.store.EventStoreAccess;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import ledger.core.account.AccountEvent;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.posting.PostingProjection;
import ledger.projections.statement.StatementJson;
import ledger.projections.statement.StatementTemplate;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 5, replay: on PostgreSQL the bulk rebuild writes exactly the rows the live processor wrote
 * — every column of every posting, the unit and project directories, the indexes — for a ledger
 * with every event kind (budgets, supplements, reductions, appropriations, expenditures of every
 * nature with procurement, openings, reversals, a year close and its carried balances, units and
 * projects registered), and the processor then continues after the rebuilt position.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkReplayIT {

    private static final String URL = TestDatabase.create("bulkreplay");
    private static final UnitCode SAMPLE = UnitCode.of("jianghan-gov-office");
    private static final UnitCode OTHER = UnitCode.of("bulk-unit");

    /**
     * Every kind and nature, procurement, memos with quotes and backslashes, a reversal of each
     * direction.
     */
    private static final String JOURNAL =
            String.join(
                    "\n",
                    "id,date,kind,unit,unit_name,fund,functional,economic,nature,project,project_name,amount,voucher,memo,reverses,procurement,sme",
                    "B-01,2020-01-01,opening,bulk-unit,批量单位,general,2010301,30201,,,,500.00,v1,\"上年\\结转, \"\"引号\"\"\",,,",
                    "B-02,2020-01-01,opening,bulk-unit,,gov-fund,2010302,30201,,,,50.00,v2,,,,",
                    "B-03,2020-01-05,budget,bulk-unit,,general,2010301,30101,,,,1000.00,v3,预算,,,",
                    "B-04,2020-01-05,budget,bulk-unit,,general,2010302,30201,,,,300.00,v4,,,,",
                    "B-05,2020-01-05,budget,bulk-unit,,gov-fund,2010302,30201,,,,400.00,v5,,,,",
                    "B-06,2020-02-01,supplement,bulk-unit,,general,2010301,30101,,,,100.00,v6,,,,",
                    "B-07,2020-02-02,reduce,bulk-unit,,general,2010302,30201,,,,50.00,v7,,,,",
                    "B-08,2020-02-10,appropriation,bulk-unit,,general,2010301,30101,,,,1100.00,v8,,,,",
                    "B-09,2020-02-10,appropriation,bulk-unit,,general,2010302,30201,,,,250.00,v9,,,,",
                    "B-10,2020-02-10,appropriation,bulk-unit,,gov-fund,2010302,30201,,,,400.00,v10,,,,",
                    "B-11,2020-02-10,appropriation,bulk-unit,,superior,2010301,30201,,,,200.00,v11,,,,",
                    "B-11b,2020-02-10,appropriation,bulk-unit,,superior,2010302,30201,,,,50.00,v11b,,,,",
                    "B-12,2020-03-01,expenditure,bulk-unit,,general,2010301,30101,personnel,,,100.00,v12,工资,,,",
                    "B-13,2020-03-01,expenditure,bulk-unit,,general,2010302,30201,project,BP-1,调研项目,30.00,v13,,,goods,false",
                    "B-14,2020-03-01,expenditure,bulk-unit,,general,2010302,30201,public,,,20.00,v14,,,services,true",
                    "B-15,2020-03-02,expenditure,bulk-unit,,gov-fund,2010302,30201,project,BP-2,基金项目,10.00,v15,,,works,true",
                    "B-16,2020-03-03,expenditure,bulk-unit,,superior,2010301,30201,remit,,,20.00,v16,,,,",
                    "B-17,2020-04-01,reversal,bulk-unit,,,,,,,,,v17,冲销,B-12,,",
                    "B-18,2020-04-02,expenditure,bulk-unit,,general,2010301,30101,personnel,,,99.99,v18,,,,",
                    "B-19,2020-04-03,reversal,bulk-unit,,,,,,,,,v19,,B-11b,,",
                    "");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired JournalImport journalImport;
    @Autowired YearCloser closer;
    @Autowired ProjectionStatus projections;
    @Autowired StatementService statements;
    @Autowired EventStoreStatements eventStoreStatements;
    @Autowired EventStoreAccess store;
    @Autowired JdbcTemplate jdbc;
    @Autowired Serializer serializer;

    @Test
    @Order(1)
    void theBulkRebuildWritesExactlyWhatTheLiveProcessorWrote() throws Exception {
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            journalImport.importJournal(in, "journal.csv", "bulk-it");
        }
        journalImport.importJournal(
                new ByteArrayInputStream(JOURNAL.getBytes(StandardCharsets.UTF_8)),
                "bulk.csv",
                "bulk-it");
        closer.close(OTHER, FiscalYear.of(2020), LocalDate.of(2020, 12, 31), "bulk-it");
        projections.awaitCaughtUp(Duration.ofMinutes(2));
        List<String> eventKinds =
                jdbc.queryForList(
                        "SELECT DISTINCT payload_type FROM domain_event_entry" + " ORDER BY 1",
                        String.class);
        assertThat(eventKinds)
                .extracting(type -> type.substring(type.lastIndexOf('.') + 1))
                .contains(
                        "UnitRegistered",
                        "ProjectRegistered",
                        "InitialBudgetSet",
                        "BudgetSupplemented",
                        "BudgetReduced",
                        "FundsAppropriated",
                        "ExpenditureRecorded",
                        "OpeningBalanceRecorded",
                        "TransactionReversed",
                        "BalanceCarriedForward",
                        "BalanceCarriedIn");
        ReadModels.Snapshot live = ReadModels.snapshot(jdbc);
        assertThat(live.postings()).hasSizeGreaterThan(500);

        ProjectionStatus.Replayed replayed = projections.rebuild(Duration.ofMinutes(2));

        assertThat(replayed.bulk()).as("PostgreSQL rebuilds in bulk").isNotNull();
        assertThat(replayed.bulk().events()).isEqualTo(store.eventCount());
        assertThat(replayed.bulk().head()).isEqualTo(store.headIndex());
        ReadModels.Snapshot rebuilt = ReadModels.snapshot(jdbc);
        assertThat(rebuilt.postings()).containsExactlyElementsOf(live.postings());
        assertThat(rebuilt.units()).containsExactlyElementsOf(live.units());
        assertThat(rebuilt.projects()).containsExactlyElementsOf(live.projects());
        assertThat(rebuilt.indexes()).containsExactlyElementsOf(live.indexes());
        assertThat(ReadModels.tokenPositions(jdbc, serializer))
                .hasSize(4)
                .allMatch(p -> p.isPresent() && p.getAsLong() == store.headIndex());
    }

    @Test
    @Order(2)
    void statementsAfterTheBulkRebuildAreByteIdentical() {
        String sample =
                StatementJson.write(statements.statements(SAMPLE, FiscalYear.of(2020), null));
        String other2020 =
                StatementJson.write(statements.statements(OTHER, FiscalYear.of(2020), null));
        String other2021 =
                StatementJson.write(statements.statements(OTHER, FiscalYear.of(2021), null));
        projections.replay(Duration.ofMinutes(2));
        assertThat(StatementJson.write(statements.statements(SAMPLE, FiscalYear.of(2020), null)))
                .isEqualTo(sample);
        assertThat(StatementJson.write(statements.statements(OTHER, FiscalYear.of(2020), null)))
                .isEqualTo(other2020);
        assertThat(StatementJson.write(statements.statements(OTHER, FiscalYear.of(2021), null)))
                .isEqualTo(other2021);
    }

    @Test
    @Order(2)
    void statementsStraightFromTheEventStoreAreTheReadModelsStatements() {
        // Every event kind, two units, a year close into 2021: summed in one pass over the event
        // store, without the read models, they are the statements the read models give.
        for (int year : new int[] {2020, 2021}) {
            FiscalYear fiscalYear = FiscalYear.of(year);
            StatementTemplate template = StatementTemplate.forYear(year);
            assertThat(
                            eventStoreStatements
                                    .statements(fiscalYear, null, null, template)
                                    .stream()
                                    .map(StatementJson::write))
                    .as("every unit of %s", year)
                    .isNotEmpty()
                    .containsExactlyElementsOf(
                            statements.statementsOfEveryUnit(fiscalYear, null).stream()
                                    .map(StatementJson::write)
                                    .toList());
        }
        LocalDate midYear = LocalDate.of(2020, 3, 1);
        assertThat(
                        StatementJson.write(
                                eventStoreStatements
                                        .statements(
                                                FiscalYear.of(2020),
                                                OTHER,
                                                midYear,
                                                StatementTemplate.forYear(2020))
                                        .get(0)))
                .isEqualTo(
                        StatementJson.write(
                                statements.statements(OTHER, FiscalYear.of(2020), midYear)));
        assertThatThrownBy(
                        () ->
                                eventStoreStatements.statements(
                                        FiscalYear.of(2020),
                                        UnitCode.of("nobody"),
                                        null,
                                        StatementTemplate.forYear(2020)))
                .hasMessage("单位 nobody 在本账簿中没有交易");
    }

    @Test
    @Order(3)
    void afterTheRebuildTheProcessorProjectsNewEventsOnceAndOnlyThem() {
        projections.rebuild(Duration.ofMinutes(2));
        long before = ReadModels.postingCount(jdbc);
        String more =
                String.join(
                        "\n",
                        "id,date,kind,unit,fund,functional,economic,nature,amount",
                        "B-30,2021-03-01,expenditure,bulk-unit,general,2010301,30101,personnel,1.23",
                        "");
        journalImport.importJournal(
                new ByteArrayInputStream(more.getBytes(StandardCharsets.UTF_8)),
                "more.csv",
                "bulk-it");
        projections.awaitCaughtUp(Duration.ofMinutes(1));
        assertThat(ReadModels.postingCount(jdbc)).isEqualTo(before + 1);
        // One posting per account event in the store: none skipped, none twice.
        long accountEvents =
                jdbc
                        .queryForList("SELECT payload_type FROM domain_event_entry", String.class)
                        .stream()
                        .filter(
                                type ->
                                        AccountEvent.class.isAssignableFrom(
                                                serializer.classForType(
                                                        new SimpleSerializedType(type, null))))
                        .count();
        assertThat(ReadModels.postingCount(jdbc)).isEqualTo(accountEvents);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT amount_fen FROM posting WHERE transaction_id = 'B-30'",
                                Long.class))
                .isEqualTo(123L);
    }

    @Test
    @Order(4)
    void aPositionNotYetSeenBelowTheHeadStaysAGapInTheTokens() {
        // A position taken but not (yet) committed: a writer still in flight, or one that rolled
        // back.
        long burned =
                jdbc.queryForObject(
                        "SELECT nextval(pg_get_serial_sequence('domain_event_entry',"
                                + " 'global_index'))",
                        Long.class);
        String more =
                String.join(
                        "\n",
                        "id,date,kind,unit,fund,functional,economic,nature,amount",
                        "B-31,2021-03-02,expenditure,bulk-unit,general,2010301,30101,personnel,1.00",
                        "");
        journalImport.importJournal(
                new ByteArrayInputStream(more.getBytes(StandardCharsets.UTF_8)),
                "gap.csv",
                "bulk-it");
        projections.awaitCaughtUp(Duration.ofMinutes(1));
        ProjectionStatus.Replayed replayed = projections.rebuild(Duration.ofMinutes(2));
        assertThat(replayed.bulk().head()).isGreaterThan(burned);
        List<GapAwareTrackingToken> tokens =
                jdbc.query(
                        "SELECT token, token_type FROM token_entry" + " WHERE processor_name = ?",
                        (rs, n) ->
                                (GapAwareTrackingToken)
                                        serializer.deserialize(
                                                new SimpleSerializedObject<>(
                                                        rs.getBytes(1),
                                                        byte[].class,
                                                        rs.getString(2),
                                                        null)),
                        PostingProjection.PROCESSING_GROUP);
        assertThat(tokens)
                .isNotEmpty()
                .allSatisfy(
                        token -> {
                            assertThat(token.getIndex()).isEqualTo(replayed.bulk().head());
                            assertThat(token.getGaps()).contains(burned);
                        });
    }
}
