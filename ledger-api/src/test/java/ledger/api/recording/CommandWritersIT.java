package ledger.api.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
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
 * Each unit's commands go to a writer of their own share of the units (the default four): a unit
 * held by a year close does not hold another unit's commands, and the held one is still recorded
 * once its year is released.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CommandWritersIT {

    private static final String URL = TestDatabase.create("commandwriters");
    private static final String HEADER =
            "id,date,kind,unit,unit_name,fund,functional,economic,nature,project,amount,"
                    + "reverses";

    // Units whose codes fall to different writers of four (String.hashCode, floorMod 4: 3 and 2).
    private static final String HELD = "wa-unit";
    private static final String FREE = "wb-unit";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired TransactionRecorder recorder;
    @Autowired JdbcLedgerRegistry registry;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aUnitHeldByAYearCloseDoesNotHoldAnotherUnitsCommands() throws Exception {
        assertThat(Math.floorMod(HELD.hashCode(), CommandBatches.DEFAULT_WRITERS))
                .isNotEqualTo(Math.floorMod(FREE.hashCode(), CommandBatches.DEFAULT_WRITERS));
        for (String unit : new String[] {HELD, FREE}) {
            recorder.record(
                    row(
                            unit
                                    + "-B,2020-01-02,budget,"
                                    + unit
                                    + ",写入者,general,2010301,30201,,,100.00,"),
                    "approver");
            recorder.record(
                    row(
                            unit
                                    + "-F,2020-01-03,appropriation,"
                                    + unit
                                    + ",,general,2010301,30201,,,100.00,"),
                    "approver");
        }
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder =
                callers.submit(
                        () ->
                                transaction.executeWithoutResult(
                                        status -> {
                                            registry.lockYearExclusively(
                                                    UnitCode.of(HELD), FiscalYear.of(2020));
                                            locked.countDown();
                                            try {
                                                release.await();
                                            } catch (InterruptedException e) {
                                                Thread.currentThread().interrupt();
                                            }
                                        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        Future<TransactionRecorder.Recorded> held =
                submit(
                        HELD
                                + "-X,2020-03-01,expenditure,"
                                + HELD
                                + ",,general,2010301,30201,public,,10.00,");
        Thread.sleep(200);
        Future<TransactionRecorder.Recorded> free =
                submit(
                        FREE
                                + "-X,2020-03-01,expenditure,"
                                + FREE
                                + ",,general,2010301,30201,public,,10.00,");

        assertThat(free.get(30, TimeUnit.SECONDS).repeated()).isFalse();
        assertThat(held).as("answered while its year was held").isNotDone();
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        assertThat(held.get(30, TimeUnit.SECONDS).repeated()).isFalse();
        assertThat(
                        jdbc.queryForObject(
                                "SELECT COUNT(*) FROM domain_event_entry WHERE"
                                        + " convert_from(payload, 'UTF8')::jsonb #>> '{entry,transactionId}'"
                                        + " IN (?, ?)",
                                Long.class,
                                HELD + "-X",
                                FREE + "-X"))
                .isEqualTo(2);
    }

    private Future<TransactionRecorder.Recorded> submit(String csv) {
        JournalRow row = row(csv);
        return callers.submit(() -> recorder.record(row, "clerk"));
    }

    private static JournalRow row(String csv) {
        var parse = new JournalReader().read(new StringReader(HEADER + "\n" + csv + "\n"));
        assertThat(parse.problems()).isEmpty();
        return parse.rows().get(0);
    }
}
