package ledger.api.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.TransactionRecorder;
import ledger.api.support.TestDatabase;
import ledger.core.journal.JournalRow;
import ledger.journal.JournalReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Eight clerks spend from the same account at once until its money is gone. The account is never
 * overspent to the fen, every acknowledged expenditure is stored exactly once, and every refused
 * one was refused for the funds, in words.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ConcurrentClerksIT {

    private static final String URL = TestDatabase.create("clerks");
    private static final int CLERKS = 8;
    private static final long FUNDS_FEN = 5_000_00;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired TransactionRecorder recorder;
    @Autowired JdbcTemplate jdbc;

    @Test
    void eightClerksNeverOverspendOneAccountAndNoAcknowledgedCommandIsLostOrDoubled()
            throws Exception {
        record("C-BUDGET,2020-01-02,budget,clerks-unit,办公室,general,2010301,30201,,,5000.00");
        record("C-FUNDS,2020-01-03,appropriation,clerks-unit,,general,2010301,30201,,,5000.00");

        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger refusedForFunds = new AtomicInteger();
        List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ExecutorService clerks = Executors.newFixedThreadPool(CLERKS);
        List<Future<?>> running = new ArrayList<>();
        for (int clerk = 0; clerk < CLERKS; clerk++) {
            int id = clerk;
            running.add(
                    clerks.submit(
                            () -> {
                                int refusalsInARow = 0;
                                for (int n = 0;
                                        refusalsInARow < 3 && System.nanoTime() < deadline;
                                        n++) {
                                    long fen = ThreadLocalRandom.current().nextLong(1, 30_00);
                                    String txId = "C" + id + "-" + n;
                                    try {
                                        recorder.record(
                                                row(
                                                        txId
                                                                + ",2020-03-01,expenditure,clerks-unit,,general,2010301,30201,public,,"
                                                                + yuan(fen)),
                                                "clerk-" + id);
                                        acknowledged.put(txId, fen);
                                        refusalsInARow = 0;
                                    } catch (JournalRefused refused) {
                                        if (refused.problems()
                                                .get(0)
                                                .reason()
                                                .contains("超过该预算行可用资金")) {
                                            refusedForFunds.incrementAndGet();
                                            refusalsInARow++;
                                        } else {
                                            unexpected.add(refused);
                                        }
                                    } catch (RuntimeException other) {
                                        unexpected.add(other);
                                    }
                                }
                            }));
        }
        for (Future<?> clerk : running) {
            clerk.get();
        }
        clerks.shutdown();

        assertThat(unexpected).isEmpty();
        long spent = acknowledged.values().stream().mapToLong(Long::longValue).sum();
        assertThat(spent).isLessThanOrEqualTo(FUNDS_FEN);
        assertThat(acknowledged).hasSizeGreaterThan(100);
        System.out.printf(
                "%d clerks: %d expenditures acknowledged, %d refused for funds, %.2f yuan left%n",
                CLERKS, acknowledged.size(), refusedForFunds.get(), (FUNDS_FEN - spent) / 100.0);
        assertThat(refusedForFunds.get()).isPositive();
        List<String> stored =
                jdbc.queryForList(
                        "SELECT convert_from(payload, 'UTF8')::jsonb #>> '{entry,transactionId}'"
                                + " FROM domain_event_entry WHERE payload_type LIKE '%ExpenditureRecorded'",
                        String.class);
        assertThat(stored)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
        Long storedFen =
                jdbc.queryForObject(
                        "SELECT SUM((convert_from(payload, 'UTF8')::jsonb #>> '{amount,fen}')"
                                + "::bigint) FROM domain_event_entry WHERE payload_type LIKE '%ExpenditureRecorded'",
                        Long.class);
        assertThat(storedFen).isEqualTo(spent);
        Long sequences =
                jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT sequence_number) FROM domain_event_entry"
                                + " WHERE aggregate_identifier = '2020/clerks-unit/general/2010301/30201'",
                        Long.class);
        assertThat(sequences).isEqualTo(acknowledged.size() + 2L);
    }

    private void record(String csv) {
        recorder.record(row(csv), "approver");
    }

    private static JournalRow row(String csv) {
        var parse =
                new JournalReader()
                        .read(
                                new StringReader(
                                        "id,date,kind,unit,unit_name,fund,functional,economic,nature,project,amount\n"
                                                + csv
                                                + "\n"));
        assertThat(parse.problems()).isEmpty();
        return parse.rows().get(0);
    }

    private static String yuan(long fen) {
        return fen / 100 + "." + String.format("%02d", fen % 100);
    }
}
