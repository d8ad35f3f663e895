package ledger.api.scaling;

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
import java.util.concurrent.atomic.AtomicInteger;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.TransactionRecorder;
import ledger.api.statement.StatementService;
import ledger.api.support.TestDatabase;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.journal.JournalRow;
import ledger.journal.JournalReader;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.StatementJson;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application instances on one PostgreSQL: both accept commands, the postings processor's
 * segments are split between them through Axon's token claims, the projections stay exact, and
 * spending one account dry from both nodes at once spends exactly its funds, never more.
 */
class TwoNodesIT {

    private static final long FUNDS_FEN = 3_000_00;
    private static final int CLERKS = 8;

    @Test
    void twoNodesShareTheWorkAndKeepEveryInvariant() throws Exception {
        String url = TestDatabase.create("twonodes");
        try (ConfigurableApplicationContext a = node(url, "node-a");
                ConfigurableApplicationContext b = node(url, "node-b")) {
            a.getBean(TransactionRecorder.class)
                    .record(
                            row(
                                    "N-BUDGET,2020-01-02,budget,two-node-unit,两节点,general,"
                                            + "2010301,30201,,,3000.00"),
                            "approver");
            b.getBean(TransactionRecorder.class)
                    .record(
                            row(
                                    "N-FUNDS,2020-01-03,appropriation,two-node-unit,,general,"
                                            + "2010301,30201,,,3000.00"),
                            "approver");

            // Eight clerks, half on each node, spend the account dry: each goes on until even one
            // fen
            // is refused, halving its amount after each refusal. Balances only go down, so once
            // every clerk has stopped nothing is left, and the acknowledged spending must add up
            // to the funds exactly: a node deciding on an out-of-date balance would either spend
            // more than there was or refuse while money was left.
            Map<String, Long> acknowledged = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> acknowledgedByNode =
                    Map.of("node-a", new AtomicInteger(), "node-b", new AtomicInteger());
            AtomicInteger refusals = new AtomicInteger();
            List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService clerks = Executors.newFixedThreadPool(CLERKS);
            List<Future<?>> running = new ArrayList<>();
            for (int clerk = 0; clerk < CLERKS; clerk++) {
                String nodeName = clerk % 2 == 0 ? "node-a" : "node-b";
                TransactionRecorder recorder =
                        (clerk % 2 == 0 ? a : b).getBean(TransactionRecorder.class);
                int id = clerk;
                running.add(
                        clerks.submit(
                                () -> {
                                    long fen = 1_00 + (id * 37_13L) % 1_500;
                                    for (int n = 0; ; n++) {
                                        String txId = "N" + id + "-" + n;
                                        try {
                                            recorder.record(
                                                    row(
                                                            txId
                                                                    + ",2020-04-01,expenditure,two-node-unit,,general,2010301,30201,"
                                                                    + "public,,"
                                                                    + fen / 100
                                                                    + "."
                                                                    + String.format(
                                                                            "%02d", fen % 100)),
                                                    "clerk-" + id);
                                            acknowledged.put(txId, fen);
                                            acknowledgedByNode.get(nodeName).incrementAndGet();
                                        } catch (JournalRefused refused) {
                                            if (!refused.problems()
                                                    .get(0)
                                                    .reason()
                                                    .contains("超过该预算行可用资金")) {
                                                unexpected.add(refused);
                                                return;
                                            }
                                            refusals.incrementAndGet();
                                            if (fen == 1) {
                                                return;
                                            }
                                            fen = Math.max(1, fen / 2);
                                        } catch (RuntimeException other) {
                                            unexpected.add(other);
                                            return;
                                        }
                                    }
                                }));
            }
            for (Future<?> clerk : running) {
                clerk.get();
            }
            clerks.shutdown();
            assertThat(unexpected).isEmpty();
            assertThat(acknowledgedByNode.get("node-a").get())
                    .as("spent through node a")
                    .isPositive();
            assertThat(acknowledgedByNode.get("node-b").get())
                    .as("spent through node b")
                    .isPositive();
            // Every clerk stopped on a refusal of one fen, and most also on larger amounts before.
            assertThat(refusals.get()).as("refusals").isGreaterThanOrEqualTo(CLERKS);
            long spent = acknowledged.values().stream().mapToLong(Long::longValue).sum();
            assertThat(spent).as("acknowledged spending, fen").isEqualTo(FUNDS_FEN);

            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            awaitSegmentsOwnedByBoth(jdbc);

            UnitCode unit = UnitCode.of("two-node-unit");
            String onA =
                    StatementJson.write(
                            a.getBean(StatementService.class)
                                    .statements(unit, FiscalYear.of(2020), null));
            String onB =
                    StatementJson.write(
                            b.getBean(StatementService.class)
                                    .statements(unit, FiscalYear.of(2020), null));
            assertThat(onA).isEqualTo(onB);
            assertThat(
                            a.getBean(StatementService.class)
                                    .statements(unit, FiscalYear.of(2020), null)
                                    .fen(CellAddress.parse("T1/57/2")))
                    .isEqualTo(spent);
            assertThat(
                            jdbc.queryForObject(
                                    "SELECT COUNT(*) FROM posting WHERE kind = 'expenditure'",
                                    Long.class))
                    .isEqualTo(acknowledged.size());
        }
    }

    private static void awaitSegmentsOwnedByBoth(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> owners = List.of();
        while (System.nanoTime() < deadline) {
            owners =
                    jdbc.queryForList(
                            "SELECT DISTINCT owner FROM token_entry WHERE processor_name = 'postings'"
                                    + " AND owner IS NOT NULL ORDER BY owner",
                            String.class);
            if (owners.size() == 2) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(owners).containsExactly("node-a", "node-b");
    }

    private static ConfigurableApplicationContext node(String url, String name) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=" + TestDatabase.password(),
                        "--ledger.node-id=" + name,
                        "--ledger.processing.max-claimed-segments=2");
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
}
