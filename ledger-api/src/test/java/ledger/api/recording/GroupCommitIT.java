package ledger.api.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ledger.api.LedgerApplication;
import ledger.api.integrity.EventSeals;
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
 * Single commands, each through the command bus to its account: a refused row gets its own refusal
 * and the others are stored without it, each event names its own caller, an id already stored is
 * answered as repeated or refused, and the cached accounts never hide what others appended. (The
 * class name is kept from the group commit these guarantees were first tested on.)
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
class GroupCommitIT {

    private static final String URL = TestDatabase.create("groupcommit");
    private static final String HEADER =
            "id,date,kind,unit,unit_name,fund,functional,economic,nature,project,amount,"
                    + "reverses";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired TransactionRecorder recorder;
    @Autowired JournalImport journalImport;
    @Autowired JdbcLedgerRegistry registry;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventSeals seals;

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void commandsAreDecidedOneAfterAnotherEachAnsweredOnItsOwnAndNoneBeforeItsCommit()
            throws Exception {
        // Goal: the guarantees the group commit gave, now on the command bus: a command waits for a
        // year close holding the year (no answer before its commit); a refused command gets its own
        // refusal and the next ones are decided without it; repeats, reused ids, reversals and a
        // new
        // unit each get their own answer; every event names its own caller.
        String account = "2020/gc-unit/general/2010301/30201";
        recorder.record(
                row("G-BUDGET,2020-01-02,budget,gc-unit,组提交,general,2010301,30201,,,100.00,"),
                "approver");
        recorder.record(
                row("G-FUNDS,2020-01-03,appropriation,gc-unit,,general,2010301,30201,,,100.00,"),
                "approver");

        // A year close's exclusive lock keeps the next command waiting, unanswered.
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder =
                callers.submit(
                        () ->
                                transaction.executeWithoutResult(
                                        status -> {
                                            registry.lockYearExclusively(
                                                    UnitCode.of("gc-unit"), FiscalYear.of(2020));
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
                        "G-X0,2020-03-01,expenditure,gc-unit,,general,2010301,30201,"
                                + "public,,10.00,",
                        "clerk-0");
        Thread.sleep(500);
        assertThat(first).as("answered while the year was held").isNotDone();
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);

        String[][] rows = {
            {
                "G-X1,2020-03-02,expenditure,gc-unit,,general,2010301,30201,public,,50.00,",
                "clerk-1"
            },
            {
                "G-X2,2020-03-02,expenditure,gc-unit,,general,2010301,30201,public,,50.00,",
                "clerk-2"
            },
            {
                "G-X3,2020-03-02,expenditure,gc-unit,,general,2010301,30201,public,,40.00,",
                "clerk-3"
            },
            {
                "G-X1,2020-03-02,expenditure,gc-unit,,general,2010301,30201,public,,50.00,",
                "clerk-1"
            },
            {
                "G-X1,2020-03-02,expenditure,gc-unit,,general,2010301,30201,public,,51.00,",
                "clerk-4"
            },
            {"G-R3,2020-03-03,reversal,gc-unit,,,,,,,,G-X3", "clerk-5"},
            {"G-NEW,2020-01-05,budget,gc-new,新单位,general,2010301,30201,,,7.00,", "clerk-6"},
            {"G-BUDGET,2020-01-02,budget,gc-unit,组提交,general,2010301,30201,,,100.00,", "approver"},
        };
        List<Future<TransactionRecorder.Recorded>> batch = new ArrayList<>();
        for (String[] sent : rows) {
            Future<TransactionRecorder.Recorded> answer = submit(sent[0], sent[1]);
            try {
                answer.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException refused) {
                // Checked below, with the others.
            }
            batch.add(answer);
        }

        assertThat(first.get(30, TimeUnit.SECONDS).repeated()).isFalse();
        assertThat(batch.get(0).get(30, TimeUnit.SECONDS))
                .isEqualTo(new TransactionRecorder.Recorded("G-X1", account, false));
        assertThatThrownBy(() -> batch.get(1).get())
                .cause()
                .isInstanceOfSatisfying(
                        JournalRefused.class,
                        refused -> {
                            assertThat(refused.problems())
                                    .singleElement()
                                    .satisfies(
                                            problem -> {
                                                assertThat(problem.column()).isEqualTo("amount");
                                                assertThat(problem.reason()).contains("超过该预算行可用资金");
                                            });
                        });
        assertThat(batch.get(2).get())
                .isEqualTo(new TransactionRecorder.Recorded("G-X3", account, false));
        assertThat(batch.get(3).get())
                .isEqualTo(new TransactionRecorder.Recorded("G-X1", account, true));
        assertThatThrownBy(() -> batch.get(4).get())
                .cause()
                .isInstanceOfSatisfying(
                        JournalRefused.class,
                        refused -> assertThat(refused.problems().get(0).column()).isEqualTo("id"));
        assertThat(batch.get(5).get())
                .isEqualTo(new TransactionRecorder.Recorded("G-R3", account, false));
        assertThat(batch.get(6).get())
                .isEqualTo(
                        new TransactionRecorder.Recorded(
                                "G-NEW", "2020/gc-new/general/2010301/30201", false));
        assertThat(batch.get(7).get())
                .isEqualTo(new TransactionRecorder.Recorded("G-BUDGET", account, true));

        // Stored: exactly the accepted rows, on contiguous event numbers, each naming its own
        // caller.
        assertThat(
                        jdbc.queryForList(
                                "SELECT convert_from(payload, 'UTF8')::jsonb #>> '{entry,transactionId}'"
                                        + " || ' ' || (convert_from(meta_data, 'UTF8')::jsonb ->> 'user') FROM domain_event_entry"
                                        + " WHERE aggregate_identifier = ? ORDER BY sequence_number",
                                String.class,
                                account))
                .containsExactly(
                        "G-BUDGET approver",
                        "G-FUNDS approver",
                        "G-X0 clerk-0",
                        "G-X1 clerk-1",
                        "G-X3 clerk-3",
                        "G-R3 clerk-5");
        assertThat(
                        jdbc.queryForList(
                                "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                                        + " ORDER BY sequence_number",
                                Long.class,
                                account))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(
                        jdbc.queryForList(
                                "SELECT transaction_id FROM ledger_transaction WHERE unit = 'gc-unit'"
                                        + " ORDER BY transaction_id",
                                String.class))
                .containsExactly("G-BUDGET", "G-FUNDS", "G-R3", "G-X0", "G-X1", "G-X3");
        assertThat(
                        jdbc.queryForObject(
                                "SELECT name FROM ledger_unit WHERE unit = 'gc-new'", String.class))
                .isEqualTo("新单位");
        // Refused and waiting commands of one batch, each with its savepoint: every stored row is
        // sealed
        // and chains to the event truly before it.
        assertThat(seals.verify().problems()).isEmpty();

        // The reversal freed G-X3's 40 yuan: exactly that much may be spent now, and no more.
        assertThatThrownBy(
                        () ->
                                recorder.record(
                                        row(
                                                "G-X4,2020-03-04,expenditure,gc-unit,,general,2010301,30201,"
                                                        + "public,,40.01,"),
                                        "clerk-1"))
                .isInstanceOf(JournalRefused.class);
        assertThat(
                        recorder.record(
                                        row(
                                                "G-X5,2020-03-04,expenditure,gc-unit,,general,2010301,30201,public,,40.00,"),
                                        "clerk-1")
                                .repeated())
                .isFalse();
    }

    @Test
    void anIdAlreadyStoredIsAnsweredAsRepeatedOrRefusedWhileTheRestOfItsBatchIsStored()
            throws Exception {
        recorder.record(
                row("R-BUDGET,2020-01-02,budget,repeat-unit,重复,general,2010301,30201,,,100.00,"),
                "approver");
        recorder.record(
                row(
                        "R-FUNDS,2020-01-03,appropriation,repeat-unit,,general,2010301,30201,,,100.00,"),
                "approver");
        long eventsBefore =
                jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        List<Future<TransactionRecorder.Recorded>> answers = new ArrayList<>();
        for (String csv :
                List.of(
                        "R-X1,2020-03-01,expenditure,repeat-unit,,general,2010301,30201,public,,1.00,",
                        "R-FUNDS,2020-01-03,appropriation,repeat-unit,,general,2010301,30201,,,100.00,",
                        "R-FUNDS,2020-01-03,appropriation,repeat-unit,,general,2010301,30201,,,99.00,",
                        "R-X2,2020-03-01,expenditure,repeat-unit,,general,2010301,30201,public,,2.00,")) {
            answers.add(submit(csv, "clerk"));
        }
        assertThat(answers.get(0).get(30, TimeUnit.SECONDS).repeated()).isFalse();
        assertThat(answers.get(1).get(30, TimeUnit.SECONDS).repeated()).isTrue();
        assertThatThrownBy(() -> answers.get(2).get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        JournalRefused.class,
                        refused -> assertThat(refused.problems().get(0).column()).isEqualTo("id"));
        assertThat(answers.get(3).get(30, TimeUnit.SECONDS).repeated()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                .isEqualTo(eventsBefore + 2);
    }

    @Test
    void keptAccountsSeeWhatOthersAppendedMeanwhile() {
        recorder.record(
                row("K-BUDGET,2020-01-02,budget,kept-unit,保持,general,2010301,30201,,,100.00,"),
                "approver");
        recorder.record(
                row("K-FUNDS,2020-01-03,appropriation,kept-unit,,general,2010301,30201,,,100.00,"),
                "approver");
        // An import (or another node) spends 80 of the 100 behind this writer's back.
        journalImport.importJournal(
                new ByteArrayInputStream(
                        (HEADER
                                        + "\n"
                                        + "K-IMPORTED,2020-03-01,expenditure,kept-unit,,general,2010301,30201,public,,80.00,\n")
                                .getBytes(StandardCharsets.UTF_8)),
                "other.csv",
                "other-node");

        assertThatThrownBy(
                        () ->
                                recorder.record(
                                        row(
                                                "K-X1,2020-03-02,expenditure,kept-unit,,general,2010301,30201,"
                                                        + "public,,30.00,"),
                                        "clerk"))
                .isInstanceOfSatisfying(
                        JournalRefused.class,
                        refused ->
                                assertThat(refused.problems().get(0).reason())
                                        .contains("超过该预算行可用资金"));
        // The first attempt decided on the cached account (100 available), took the id and lost the
        // append on the event number; the id went with the rolled-back transaction (same database
        // transaction as the events), else the retry would have answered "repeated".
        assertThat(
                        jdbc.queryForObject(
                                "SELECT COUNT(*) FROM ledger_transaction WHERE transaction_id = 'K-X1'",
                                Long.class))
                .isZero();
        assertThat(
                        recorder.record(
                                        row(
                                                "K-X2,2020-03-02,expenditure,kept-unit,,general,2010301,30201,public,,20.00,"),
                                        "clerk")
                                .repeated())
                .isFalse();
        assertThat(
                        jdbc.queryForList(
                                "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier ="
                                        + " '2020/kept-unit/general/2010301/30201' ORDER BY sequence_number",
                                Long.class))
                .containsExactly(0L, 1L, 2L, 3L);
        // The lost append was rolled back with its seal: each stored row chains to the event truly
        // before it.
        assertThat(seals.verify().problems()).isEmpty();
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
