package ledger.api.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.rest.ApiSupport;
import ledger.api.rest.ProjectionPositionHeader;
import ledger.api.statement.ProjectionStatus;
import ledger.api.statement.StatementService;
import ledger.api.store.ReadDatabase;
import ledger.api.support.ReplicatedCluster;
import ledger.api.support.Samples;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.posting.PostingRepository;
import ledger.projections.statement.StatementEngine;
import ledger.projections.statement.StatementJson;
import ledger.projections.statement.StatementTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 19, item 6: statements, traces and pages served from a read-only hot standby ({@code
 * ledger.read-datasource}), made here with pg_basebackup from a primary of the test's own and kept
 * by streaming replication, while every write goes to the primary. Once the standby has replayed
 * the primary's WAL its statements equal the primary's; while it lags, a reader gets the older
 * statements and the older projection position they are as of.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = LedgerApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES)
@TestExecutionListeners(
        listeners = StandbyReadsIT.StopServersAfterTheApplication.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class StandbyReadsIT {

    private static final String DATABASE = "ledger";
    private static final UnitCode UNIT = UnitCode.of("jianghan-gov-office");
    private static final FiscalYear YEAR = FiscalYear.of(2020);
    private static final String STATEMENTS = "/api/units/jianghan-gov-office/years/2020/statements";
    private static final String PAGE = "/units/jianghan-gov-office/years/2020";
    private static final Duration REPLAY = Duration.ofMinutes(1);

    /** Before the application starts, which writes to the primary and reads from the standby. */
    private static final ReplicatedCluster cluster = ReplicatedCluster.start();

    private static final String primaryUrl = createDatabase();

    private static String createDatabase() {
        try {
            return cluster.createDatabase(DATABASE);
        } catch (java.sql.SQLException failure) {
            cluster.close();
            throw new IllegalStateException(failure);
        }
    }

    /**
     * Stops both servers after the class, once its application context is closed (this listener
     * comes last of the after-class steps, after the one that closes the context): the application
     * finishes its work against a primary still there.
     */
    public static final class StopServersAfterTheApplication
            implements TestExecutionListener, Ordered {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void afterTestClass(TestContext testContext) {
            cluster.close();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> primaryUrl);
        registry.add("spring.datasource.username", () -> cluster.user());
        registry.add("spring.datasource.password", () -> "");
        registry.add("ledger.read-datasource.url", () -> cluster.standbyUrl(DATABASE));
        registry.add("ledger.read-datasource.username", () -> cluster.user());
    }

    @Autowired WebApplicationContext application;
    @Autowired JournalImport journalImport;
    @Autowired ProjectionStatus projections;
    @Autowired StatementService statements;
    @Autowired ReadDatabase reads;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;

    @BeforeEach
    void signIn() {
        mvc = ApiSupport.signedIn(application);
    }

    @Test
    @Order(1)
    void statementsFromTheStandbyEqualThePrimarysOnceItHasReplayed() throws Exception {
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            journalImport.importJournal(in, "journal.csv", "standby-it");
        }
        projections.awaitCaughtUp(REPLAY);
        long position = projections.lowestPosition();
        cluster.awaitReplayed(REPLAY);

        assertThat(reads.standby()).isTrue();
        assertThat(reads.jdbc().queryForObject("SELECT pg_is_in_recovery()", Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class)).isFalse();
        MvcResult answer = mvc.perform(get(STATEMENTS)).andReturn();
        assertThat(answer.getResponse().getStatus()).as(ApiSupport.body(answer)).isEqualTo(200);
        assertThat(answer.getResponse().getHeader(ProjectionPositionHeader.HEADER))
                .isEqualTo(String.valueOf(position));
        assertThat(ApiSupport.body(answer)).isEqualTo(primaryStatements());
    }

    @Test
    @Order(2)
    void whileTheStandbyLagsAReaderGetsTheOlderStatementsAndThePositionTheyAreAsOf()
            throws Exception {
        long before = projections.lowestPosition();
        String old = ApiSupport.body(mvc.perform(get(STATEMENTS)).andReturn());
        cluster.pause();
        try {
            // A write while the standby lags goes to the primary and is projected there.
            String more =
                    String.join(
                            "\n",
                            "id,date,kind,unit,unit_name,fund,functional,economic,amount",
                            "SB-01,2020-01-01,opening,jianghan-gov-office,,general,2010301,30101,1234.56",
                            "");
            journalImport.importJournal(
                    new ByteArrayInputStream(more.getBytes(StandardCharsets.UTF_8)),
                    "more.csv",
                    "standby-it");
            projections.awaitCaughtUp(REPLAY);
            long after = projections.lowestPosition();
            assertThat(after).isGreaterThan(before);
            assertThat(primaryStatements()).isNotEqualTo(old);

            MvcResult lagging = mvc.perform(get(STATEMENTS)).andReturn();
            assertThat(lagging.getResponse().getHeader(ProjectionPositionHeader.HEADER))
                    .isEqualTo(String.valueOf(before));
            assertThat(ApiSupport.body(lagging)).isEqualTo(old);
            assertThat(ApiSupport.body(mvc.perform(get(PAGE)).andReturn()))
                    .contains("数据截至第 " + before + " 个事件");
        } finally {
            cluster.resume();
        }
        cluster.awaitReplayed(REPLAY);
        long after = projections.lowestPosition();
        MvcResult replayed = mvc.perform(get(STATEMENTS)).andReturn();
        assertThat(replayed.getResponse().getHeader(ProjectionPositionHeader.HEADER))
                .isEqualTo(String.valueOf(after));
        assertThat(ApiSupport.body(replayed)).isEqualTo(primaryStatements()).isNotEqualTo(old);
    }

    /** The statements as the primary's own rows give them, in the API's JSON. */
    private String primaryStatements() {
        PostingRepository primary = new PostingRepository(jdbc);
        return StatementJson.write(
                StatementEngine.compute(
                        UNIT,
                        primary.unitName(UNIT).orElseThrow(),
                        YEAR,
                        null,
                        primary.postingsOf(UNIT, YEAR),
                        statements.catalogOf(YEAR),
                        StatementTemplate.forYear(YEAR.value())));
    }
}
