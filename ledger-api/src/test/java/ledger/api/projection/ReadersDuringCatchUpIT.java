package ledger.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.rest.ApiSupport;
import ledger.api.rest.ProjectionPositionHeader;
import ledger.api.statement.BulkReplay;
import ledger.api.statement.ProjectionStatus;
import ledger.api.store.EventStoreAccess;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import ledger.benchmarks.SyntheticYear;
import ledger.projections.posting.PostingProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 19, item 5: readers do not wait behind a bulk catch-up. The catch-up commits chunk by chunk
 * and takes no lock on the read models, so a statement asked for meanwhile answers at once from the
 * last chunk committed and says which position that is; once the catch-up ends, the answer is the
 * whole one again.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = LedgerApplication.class,
        properties = "ledger.projection.catch-up-chunk=2000")
class ReadersDuringCatchUpIT {

    private static final String URL = TestDatabase.create("readerscatchup");
    private static final String SYNTHETIC = "/api/units/synth-u00001/years/2020/statements";
    private static final String PAGE = "/units/synth-u00001/years/2020";

    /**
     * A read meanwhile answers within this (the machine may be busy), not after the catch-up, which
     * waits for this test's lock and so would never end first.
     */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @TempDir static Path files;

    @Autowired WebApplicationContext application;
    @Autowired JournalImport journalImport;
    @Autowired ProjectionStatus projections;
    @Autowired EventStoreAccess store;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired Serializer serializer;
    @Autowired EventProcessingConfiguration processing;

    @Test
    void aReadDuringABulkCatchUpAnswersAtOnceFromTheLastCommittedChunkAndSaysWhichPosition()
            throws Exception {
        MockMvc mvc = ApiSupport.signedIn(application);
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            journalImport.importJournal(in, "journal.csv", "readers-it");
        }
        new SyntheticYear(SyntheticYear.Settings.of(52_000, 2020, 2, 11L, 0)).write(files);
        try (InputStream in = Files.newInputStream(files.resolve("journal.csv"))) {
            journalImport.importJournal(in, "journal.csv", "readers-it");
        }
        long head = store.headIndex();
        MvcResult whole = mvc.perform(get(SYNTHETIC)).andReturn();
        assertThat(whole.getResponse().getStatus()).isEqualTo(200);
        assertThat(whole.getResponse().getHeader(ProjectionPositionHeader.HEADER))
                .isEqualTo(String.valueOf(head));
        assertThat(ApiSupport.body(mvc.perform(get(PAGE)).andReturn()))
                .contains("数据截至第 " + head + " 个事件");

        // The processor falls 30,000 events behind: a catch-up of fifteen chunks.
        processor().shutDown();
        long behind = head - 30_000;
        ReadModels.setTokens(jdbc, serializer, behind, "TRUE");
        jdbc.update("DELETE FROM posting WHERE global_index > ?", behind);
        // Threads of their own: the common pool has one thread on two cores, which the catch-up
        // would hold.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<BulkReplay.Result> catchUp =
                CompletableFuture.supplyAsync(projections::catchUpInBulk, threads);

        long held;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            awaitPositionPast(behind);
            // Holding the token rows stops the catch-up at the start of its next chunk, the earlier
            // ones committed: a reader now is a reader in the middle of a catch-up.
            held = lockTokens(holder);
            assertThat(held).isGreaterThan(behind).isLessThan(head);
            assertThat(catchUp).isNotDone();

            long started = System.nanoTime();
            MvcResult meanwhile =
                    CompletableFuture.supplyAsync(() -> perform(mvc, SYNTHETIC), threads)
                            .get(BOUND.toSeconds(), TimeUnit.SECONDS);
            MvcResult page =
                    CompletableFuture.supplyAsync(() -> perform(mvc, PAGE), threads)
                            .get(BOUND.toSeconds(), TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);

            assertThat(meanwhile.getResponse().getStatus()).isEqualTo(200);
            assertThat(meanwhile.getResponse().getHeader(ProjectionPositionHeader.HEADER))
                    .isEqualTo(String.valueOf(held));
            assertThat(ApiSupport.body(page)).contains("数据截至第 " + held + " 个事件");
            // Answered from the committed rows: every posting up to the position, none past it.
            assertThat(jdbc.queryForObject("SELECT MAX(global_index) FROM posting", Long.class))
                    .isLessThanOrEqualTo(held);
            holder.rollback();
        }

        BulkReplay.Result result = catchUp.get(2, TimeUnit.MINUTES);
        threads.shutdown();
        assertThat(result).isNotNull();
        assertThat(result.head()).isEqualTo(head);
        MvcResult after = mvc.perform(get(SYNTHETIC)).andReturn();
        assertThat(after.getResponse().getHeader(ProjectionPositionHeader.HEADER))
                .isEqualTo(String.valueOf(head));
        assertThat(ApiSupport.body(after)).isEqualTo(ApiSupport.body(whole));
    }

    private static MvcResult perform(MockMvc mvc, String path) {
        try {
            return mvc.perform(get(path)).andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitPositionPast(long behind) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (lowest() <= behind) {
            assertThat(System.nanoTime())
                    .as("the catch-up committed no chunk within a minute")
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private long lowest() {
        return ReadModels.tokenPositions(jdbc, serializer).stream()
                .mapToLong(p -> p.isPresent() ? p.getAsLong() : -1)
                .min()
                .orElse(-1);
    }

    /**
     * Locks the processor's token rows in the catch-up's order and returns the lowest position
     * then.
     */
    private long lockTokens(Connection holder) throws Exception {
        try (PreparedStatement lock =
                holder.prepareStatement(
                        "SELECT segment FROM token_entry"
                                + " WHERE processor_name = ? ORDER BY segment FOR UPDATE")) {
            lock.setString(1, PostingProjection.PROCESSING_GROUP);
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    rs.getInt(1);
                }
            }
        }
        return lowest();
    }

    private StreamingEventProcessor processor() {
        return processing
                .eventProcessor(PostingProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }
}
