package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The benchmark's load client against a stand-in server: what it sends, counts and refuses. */
class LoadCommandTest {

    private HttpServer server;
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final AtomicInteger gets = new AtomicInteger();
    private String url;

    @TempDir Path files;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // 201 for ids ending in an even digit, 422 for odd ones, 200 for id 9-repeat; checks the
        // credentials
        server.createContext(
                "/api/transactions",
                exchange -> {
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                    received.put(id, body);
                    boolean signedIn =
                            "Basic dTpw"
                                    .equals(exchange.getRequestHeaders().getFirst("Authorization"));
                    int status =
                            !signedIn
                                    ? 401
                                    : id.endsWith("repeat")
                                            ? 200
                                            : (id.charAt(id.length() - 1) - '0') % 2 == 0
                                                    ? 201
                                                    : 422;
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
        server.createContext(
                "/api/units/u/years/2020/statements",
                exchange -> {
                    gets.incrementAndGet();
                    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private record Run(int exit, String out, String err) {}

    private static Run ledger(String... args) {
        CommandLine cli = LedgerCommandLine.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private Path commands() throws IOException {
        return Files.write(
                files.resolve("commands.csv"),
                List.of(
                        "id,date,kind,unit,fund,functional,economic,nature,project,amount",
                        "C-0,2020-12-31,expenditure,u,general,2010301,30201,public,,1.00",
                        "C-1,2020-12-31,expenditure,u,general,2010301,30201,public,,1.00",
                        "C-2,2020-12-31,expenditure,u,general,2010301,30201,public,,1.00",
                        "C-3,2020-12-31,expenditure,u,general,2010301,30201,public,,1.00",
                        "C-4,2020-12-31,expenditure,u,general,2010301,30201,public,,1.00",
                        "C-9-repeat,2020-12-31,expenditure,u,general,2010301,30201,public,,1.00"));
    }

    @Test
    void postSendsEachRowOnceAsJsonAndCountsAcknowledgedRepeatedAndRefused() throws IOException {
        Run run =
                ledger(
                        "load",
                        "post",
                        "--url",
                        url,
                        "--user",
                        "u",
                        "--password",
                        "p",
                        "--file",
                        commands().toString(),
                        "--clients",
                        "3",
                        "--max",
                        "100",
                        "--seconds",
                        "30");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("clients=3 sent=6 acknowledged=3 repeated=1 refused=2 errors=0");
        assertThat(received).hasSize(6);
        assertThat(received.get("C-2"))
                .isEqualTo(
                        "{\"id\":\"C-2\",\"date\":\"2020-12-31\",\"kind\":\"expenditure\","
                                + "\"unit\":\"u\",\"fund\":\"general\",\"functional\":\"2010301\",\"economic\":\"30201\","
                                + "\"nature\":\"public\",\"amount\":\"1.00\"}");
    }

    @Test
    void offsetAndMaxBoundWhatIsSent() throws IOException {
        Run run =
                ledger(
                        "load",
                        "post",
                        "--url",
                        url,
                        "--user",
                        "u",
                        "--password",
                        "p",
                        "--file",
                        commands().toString(),
                        "--offset",
                        "2",
                        "--max",
                        "2");
        assertThat(run.out()).contains("sent=2 acknowledged=1 repeated=0 refused=1");
        assertThat(received.keySet()).containsExactlyInAnyOrder("C-2", "C-3");
    }

    @Test
    void wrongCredentialsAreCountedAsRefused() throws IOException {
        Run run =
                ledger(
                        "load",
                        "post",
                        "--url",
                        url,
                        "--user",
                        "u",
                        "--password",
                        "wrong",
                        "--file",
                        commands().toString());
        assertThat(run.out()).contains("acknowledged=0 repeated=0 refused=6");
    }

    @Test
    void getTimesWarmUpAndMeasuredCallsAndPrintsPercentiles() {
        Run run =
                ledger(
                        "load",
                        "get",
                        "--url",
                        url,
                        "--user",
                        "u",
                        "--password",
                        "p",
                        "--path",
                        "/api/units/u/years/2020/statements",
                        "--calls",
                        "40",
                        "--warmup",
                        "5");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .matches(
                        "calls=40 errors=0 status=200 bytes=2 p50_ms=[0-9.]+ p99_ms=[0-9.]+ max_ms=[0-9.]+\\R");
        assertThat(gets).hasValue(45);
    }

    @Test
    void aServerOffThisMachineIsAUsageError() throws IOException {
        Run run =
                ledger(
                        "load",
                        "post",
                        "--url",
                        "http://10.11.12.13:8080",
                        "--user",
                        "u",
                        "--password",
                        "p",
                        "--file",
                        commands().toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("loopback");
        assertThat(received).isEmpty();
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(LoadCommand.percentile(sorted, 50)).isEqualTo(50);
        assertThat(LoadCommand.percentile(sorted, 99)).isEqualTo(99);
        assertThat(LoadCommand.percentile(new long[] {7}, 99)).isEqualTo(7);
    }
}
