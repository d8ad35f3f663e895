package ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ledger.api.integrity.EventSeals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded database (issue 12): it opens no network port, a second process is refused with a
 * clear message while it is open, its directory and every file in it are its owner's alone, and the
 * last events are sealed when the process is stopped by a signal (as {@code ledger serve} is).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDatabaseIT {

    private static final Path JAR = Path.of("target", "ledger.jar").toAbsolutePath();

    /** The working directory of a {@code ledger} run: its database is {@code home/data}. */
    @TempDir static Path home;

    static ConfigurableApplicationContext ledger;
    static Set<String> listeningBefore;

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    @Order(1)
    void theEmbeddedDatabaseOpensNoNetworkPort() throws Exception {
        listeningBefore = socketsThisProcessListensOn();

        ledger = EmbeddedLedger.start(home);
        long events = EmbeddedLedger.importSample(ledger);
        assertThat(ledger.getBean(EventSeals.class).sealPending()).isEqualTo(events);

        assertThat(socketsThisProcessListensOn())
                .as("TCP sockets this JVM listens on")
                .isSubsetOf(listeningBefore);
        // With AUTO_SERVER, H2 wrote its listening address and access id here.
        Path lock = EmbeddedLedger.data(home).resolve("ledger.lock.db");
        if (Files.exists(lock)) {
            assertThat(Files.readString(lock, StandardCharsets.ISO_8859_1))
                    .doesNotContain("server");
        }
        assertThat(LedgerDatabase.choose(null, Map.of()).url())
                .doesNotContainIgnoringCase("AUTO_SERVER");
    }

    @Test
    @Order(2)
    void theDataDirectoryAndEveryFileInItAreTheOwnersAlone() throws IOException {
        Path data = EmbeddedLedger.data(home);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        List<String> files = new ArrayList<>();
        try (Stream<Path> all = Files.list(data)) {
            for (Path file : all.toList()) {
                files.add(
                        file.getFileName()
                                + " "
                                + PosixFilePermissions.toString(
                                        Files.getPosixFilePermissions(file)));
            }
        }
        assertThat(files)
                .contains("ledger.mv.db rw-------", "integrity.key rw-------")
                .allSatisfy(file -> assertThat(file).endsWith(" rw-------"));
    }

    @Test
    @Order(3)
    void aSecondProcessIsRefusedWithAClearMessageWhileTheDatabaseIsOpen() throws Exception {
        Path out = home.resolve("second.out");
        Path err = home.resolve("second.err");
        Process second =
                new ProcessBuilder(
                                java(),
                                "-Xmx256m",
                                "-Daxoniq.update-checker.disabled=true",
                                "-jar",
                                JAR.toString(),
                                "statements",
                                "--year",
                                "2020",
                                "--unit",
                                "jianghan-gov-office")
                        .directory(home.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(second.exitValue()).as(errors).isEqualTo(1);
        assertThat(Files.readString(out)).isEmpty();
        assertThat(errors)
                .contains(
                        "嵌入式数据库正被另一个进程使用",
                        "in use by another process",
                        EmbeddedLedger.data(home).resolve("ledger.mv.db").toString());
        // The data directory every local command names first, then the refusal alone: no stack
        // trace.
        assertThat(errors.lines()).as(errors).hasSize(2);
        assertThat(errors.lines().findFirst().orElseThrow())
                .startsWith("数据目录 / data directory (LEDGER_HOME): ")
                .endsWith(EmbeddedLedger.data(home).toString());
    }

    @Test
    @Order(4)
    void theLastEventsAreSealedWhenTheProcessIsStoppedBySignal() throws Exception {
        Path signalled = Files.createDirectory(home.resolve("signalled"));
        Process process =
                new ProcessBuilder(
                                java(),
                                "-Xmx512m",
                                "-Daxoniq.update-checker.disabled=true",
                                "-cp",
                                System.getProperty("java.class.path"),
                                SignalledLedger.class.getName(),
                                signalled.toString())
                        .redirectError(signalled.resolve("stderr.txt").toFile())
                        .start();
        String ready = null;
        try (BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("ready ")) {
                    ready = line;
                    break;
                }
            }
            assertThat(ready)
                    .as(
                            "the ledger process never got ready: %s",
                            Files.readString(signalled.resolve("stderr.txt")))
                    .isNotNull();
            String[] counts = ready.split(" ");
            assertThat(Long.parseLong(counts[1])).isEqualTo(487);
            assertThat(Long.parseLong(counts[2])).as("sealed before the stop").isZero();

            process.destroy(); // SIGTERM, as a service manager or Ctrl-C stops `ledger serve`
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }

        PrivateH2Files.register();
        try (Connection connection =
                DriverManager.getConnection(EmbeddedLedger.database(signalled).url(), "sa", "")) {
            assertThat(count(connection, "SELECT COUNT(*) FROM event_seal"))
                    .as(
                            "events sealed at the stop; the process's log: %s",
                            Files.readString(signalled.resolve("stderr.txt")))
                    .isEqualTo(487);
            assertThat(count(connection, "SELECT last_sequence FROM event_seal_head"))
                    .isEqualTo(487);
        }
    }

    /** The inodes of the TCP sockets this process listens on, from {@code /proc} (Linux). */
    static Set<String> socketsThisProcessListensOn() throws IOException {
        Set<String> mine = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        mine.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // The descriptor of the listing itself, or one closed since.
                }
            }
        }
        Set<String> listening = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                // st 0A is LISTEN; column 9 the socket's inode.
                if (columns[3].equals("0A") && mine.contains(columns[9])) {
                    listening.add(table + ":" + columns[1] + " inode " + columns[9]);
                }
            }
        }
        return listening;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
