package ledger.api.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ledger.api.LedgerApplication;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.api.support.TestDatabase;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.journal.JournalRow;
import ledger.journal.JournalReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commands that queue while the writer is busy are committed together, in one database transaction,
 * and decided in the order they arrived; a refused one among them writes nothing and keeps nobody
 * else from being stored.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        // One writer, so that commands of two units (bt-unit, bt-new) share its batch; units on
        // writers of their own: CommandWritersIT.
        properties = "ledger.commands.writers=1")
class CommandBatchesIT {

    private static final String URL = TestDatabase.create("commandbatches");
    private static final String HEADER =
            "id,date,kind,unit,unit_name,fund,functional,economic,nature,project,amount,"
                    + "reverses";
    private static final String ACCOUNT = "2020/bt-unit/general/2010301/30201";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired TransactionRecorder recorder;
    @Autowired CommandBatches batches;
    @Autowired JdbcLedgerRegistry registry;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void commandsThatArriveTogetherAreCommittedInOneTransactionInArrivalOrder() throws Exception {
        recorder.record(
                row("B-BUDGET,2020-01-02,budget,bt-unit,批量,general,2010301,30201,,,100.00,"),
                "approver");
        recorder.record(
                row("B-FUNDS,2020-01-03,appropriation,bt-unit,,general,2010301,30201,,,100.00,"),
                "approver");
        recorder.record(
                row("B-YBUDGET,2020-01-02,budget,bt-unit,,general,2010301,30202,,,100.00,"),
                "approver");
        recorder.record(
                row("B-YFUNDS,2020-01-03,appropriation,bt-unit,,general,2010301,30202,,,100.00,"),
                "approver");

        // A year close's exclusive lock holds the writer in the first command; the others queue.
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder =
                callers.submit(
                        () ->
                                transaction.executeWithoutResult(
                                        status -> {
                                            registry.lockYearExclusively(
                                                    UnitCode.of("bt-unit"), FiscalYear.of(2020));
                                            locked.countDown();
                                            try {
                                                release.await();
                                            } catch (InterruptedException e) {
                                                Thread.currentThread().interrupt();
                                            }
                                        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        Future<TransactionRecorder.Recorded> first =
                submit(
                        "B-X0,2020-03-01,expenditure,bt-unit,,general,2010301,30201,public,,10.00,",
                        "clerk-0");
        waitUntil(() -> batches.queued() == 0);
        Thread.sleep(300);
        assertThat(first).as("answered while the year was held").isNotDone();

        List<Future<TransactionRecorder.Recorded>> together = new ArrayList<>();
        String[] arriving = {
            "B-X1,2020-03-02,expenditure,bt-unit,,general,2010301,30201,public,,60.00,",
            // 30 left after B-X1: refused only because B-X1 came first.
            "B-X2,2020-03-02,expenditure,bt-unit,,general,2010301,30201,public,,50.00,",
            // Another account of the unit.
            "B-Y1,2020-03-02,expenditure,bt-unit,,general,2010301,30202,public,,30.00,",
            // A new unit named by a refused command: its name must not stay registered.
            "B-NEW,2020-03-02,expenditure,bt-new,未登记单位,general,2010301,30201,public,,5.00,",
            // Stored only because B-X2 was refused before it. (After a refusal its account is
            // decided alone, after the batch's commit: see CommandBatches.)
            "B-X3,2020-03-02,expenditure,bt-unit,,general,2010301,30201,public,,30.00,",
        };
        for (int i = 0; i < arriving.length; i++) {
            together.add(submit(arriving[i], "clerk-" + (i + 1)));
            int queued = i + 1;
            waitUntil(() -> batches.queued() == queued);
        }
        long batchesBefore = batches.committedBatches();
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);

        assertThat(first.get(30, TimeUnit.SECONDS).repeated()).isFalse();
        assertThat(together.get(0).get(30, TimeUnit.SECONDS))
                .isEqualTo(new TransactionRecorder.Recorded("B-X1", ACCOUNT, false));
        assertThatThrownBy(() -> together.get(1).get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        JournalRefused.class,
                        refused ->
                                assertThat(refused.problems())
                                        .singleElement()
                                        .satisfies(
                                                problem -> {
                                                    assertThat(problem.column())
                                                            .isEqualTo("amount");
                                                    assertThat(problem.reason())
                                                            .contains("超过该预算行可用资金");
                                                }));
        assertThat(together.get(2).get(30, TimeUnit.SECONDS))
                .isEqualTo(
                        new TransactionRecorder.Recorded(
                                "B-Y1", "2020/bt-unit/general/2010301/30202", false));
        assertThatThrownBy(() -> together.get(3).get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(JournalRefused.class);
        assertThat(together.get(4).get(30, TimeUnit.SECONDS))
                .isEqualTo(new TransactionRecorder.Recorded("B-X3", ACCOUNT, false));

        // One commit for the batch: the events of B-X1 and B-Y1 appended by one statement of one
        // transaction (PostgreSQL's xmin; each command's own statements run in a savepoint, which
        // has an xmin of its own), another than the lone B-X0's. The two refused commands are
        // decided once more on their accounts as stored (TransactionRecorder): one or two batches
        // more, with nothing in them to write.
        assertThat(batches.committedBatches() - batchesBefore).isBetween(2L, 3L);
        assertThat(writerOf("B-X1")).isEqualTo(writerOf("B-Y1")).isNotEqualTo(writerOf("B-X0"));
        assertThat(
                        jdbc.queryForList(
                                "SELECT convert_from(payload, 'UTF8')::jsonb #>> '{entry,transactionId}'"
                                        + " || ' ' || (convert_from(meta_data, 'UTF8')::jsonb ->> 'user') FROM domain_event_entry"
                                        + " WHERE aggregate_identifier = ? ORDER BY sequence_number",
                                String.class,
                                ACCOUNT))
                .containsExactly(
                        "B-BUDGET approver",
                        "B-FUNDS approver",
                        "B-X0 clerk-0",
                        "B-X1 clerk-1",
                        "B-X3 clerk-5");
        assertThat(registry.unitNames())
                .containsKey(UnitCode.of("bt-unit"))
                .doesNotContainKey(UnitCode.of("bt-new"));
        assertThat(
                        jdbc.queryForObject(
                                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier"
                                        + " LIKE '%bt-new%'",
                                Long.class))
                .isZero();
    }

    private String writerOf(String transactionId) {
        return jdbc.queryForObject(
                "SELECT xmin::text FROM domain_event_entry"
                        + " WHERE convert_from(payload, 'UTF8')::jsonb #>> '{entry,transactionId}' = ?",
                String.class,
                transactionId);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private Future<TransactionRecorder.Recorded> submit(String csv, String user) {
        JournalRow row = row(csv);
        return callers.submit(() -> recorder.record(row, user));
    }

    private static JournalRow row(String csv) {
        var parse = new JournalReader().read(new StringReader(HEADER + "\n" + csv + "\n"));
        assertThat(parse.problems()).isEmpty();
        return parse.rows().get(0);
    }
}
