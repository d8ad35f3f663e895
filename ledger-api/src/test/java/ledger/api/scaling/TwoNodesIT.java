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
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.TransactionRecorder;
import ledger.api.statement.StatementService;
import ledger.api.support.TestDatabase;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.journal.JournalReader;
import ledger.core.journal.JournalRow;
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
 * spending from one account on both nodes at once never overspends it.
 */
class TwoNodesIT {

    private static final long FUNDS_FEN = 3_000_00;

    @Test
    void twoNodesShareTheWorkAndKeepEveryInvariant() throws Exception {
        String url = TestDatabase.create("twonodes");
        try (ConfigurableApplicationContext a = node(url, "node-a"); ConfigurableApplicationContext b = node(url, "node-b")) {
            a.getBean(TransactionRecorder.class).record(row("N-BUDGET,2020-01-02,budget,two-node-unit,两节点,general,"
                    + "2010301,30201,,,3000.00"), "approver");
            b.getBean(TransactionRecorder.class).record(row("N-FUNDS,2020-01-03,appropriation,two-node-unit,,general,"
                    + "2010301,30201,,,3000.00"), "approver");

            Map<String, Long> acknowledged = new ConcurrentHashMap<>();
            List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService clerks = Executors.newFixedThreadPool(8);
            List<Future<?>> running = new ArrayList<>();
            for (int clerk = 0; clerk < 8; clerk++) {
                TransactionRecorder recorder = (clerk % 2 == 0 ? a : b).getBean(TransactionRecorder.class);
                int id = clerk;
                running.add(clerks.submit(() -> {
                    for (int n = 0; n < 40; n++) {
                        long fen = 1_00 + (id * 37 + n * 11) % 1_500;
                        String txId = "N" + id + "-" + n;
                        try {
                            recorder.record(row(txId + ",2020-04-01,expenditure,two-node-unit,,general,2010301,30201,"
                                    + "public,," + fen / 100 + "." + String.format("%02d", fen % 100)), "clerk-" + id);
                            acknowledged.put(txId, fen);
                        } catch (JournalRefused refused) {
                            if (!refused.problems().get(0).reason().contains("exceeds the funds available")) {
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

            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            awaitSegmentsOwnedByBoth(jdbc);

            UnitCode unit = UnitCode.of("two-node-unit");
            String onA = StatementJson.write(a.getBean(StatementService.class).statements(unit, FiscalYear.of(2020), null));
            String onB = StatementJson.write(b.getBean(StatementService.class).statements(unit, FiscalYear.of(2020), null));
            assertThat(onA).isEqualTo(onB);
            assertThat(a.getBean(StatementService.class).statements(unit, FiscalYear.of(2020), null)
                    .fen(CellAddress.parse("T1/57/2"))).isEqualTo(spent);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM posting WHERE kind = 'expenditure'", Long.class))
                    .isEqualTo(acknowledged.size());
        }
    }

    private static void awaitSegmentsOwnedByBoth(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> owners = List.of();
        while (System.nanoTime() < deadline) {
            owners = jdbc.queryForList("SELECT DISTINCT owner FROM token_entry WHERE processor_name = 'postings'"
                    + " AND owner IS NOT NULL ORDER BY owner", String.class);
            if (owners.size() == 2) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(owners).containsExactly("node-a", "node-b");
    }

    private static ConfigurableApplicationContext node(String url, String name) {
        return new SpringApplicationBuilder(LedgerApplication.class).web(WebApplicationType.NONE).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(), "--ledger.node-id=" + name,
                "--ledger.processing.max-claimed-segments=2");
    }

    private static JournalRow row(String csv) {
        var parse = new JournalReader().read(new StringReader(
                "id,date,kind,unit,unit_name,fund,functional,economic,nature,project,amount\n" + csv + "\n"));
        assertThat(parse.problems()).isEmpty();
        return parse.rows().get(0);
    }
}
