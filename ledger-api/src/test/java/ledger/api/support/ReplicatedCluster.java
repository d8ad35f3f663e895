package ledger.api.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and its read-only hot standby, both of the tests' own, in a temporary
 * directory on ports of their own: the primary made with {@code initdb}, the standby with {@code
 * pg_basebackup -R -X stream} from it and kept by streaming replication through a slot. A cluster
 * of its own rather than a base backup of the shared test server: that one holds every test class's
 * database, gigabytes by the end of a suite, which no test could copy within its time. The binaries
 * are the test server's version, from /usr/lib/postgresql/N/bin (the postgresql package run-tests
 * installs); as root the servers run as the postgres user. {@link #close} stops both and removes
 * the directory.
 */
public final class ReplicatedCluster implements AutoCloseable {

    private static final Duration STEP = Duration.ofSeconds(60);
    private static final String USER = "postgres";

    private final Path dir;
    private final Path bin;
    private final int primaryPort;
    private final int standbyPort;

    private ReplicatedCluster(Path dir, Path bin, int primaryPort, int standbyPort) {
        this.dir = dir;
        this.bin = bin;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /** Makes and starts the primary, then its standby; bounded by a minute a step. */
    public static ReplicatedCluster start() {
        ReplicatedCluster cluster = null;
        try {
            cluster =
                    new ReplicatedCluster(
                            Files.createTempDirectory("ledger-replicated"),
                            binaries(),
                            freePort(),
                            freePort());
            cluster.create();
            return cluster;
        } catch (IOException | SQLException | InterruptedException | RuntimeException failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (cluster != null) {
                cluster.close();
            }
            throw new IllegalStateException(
                    "cannot start a primary and a standby: " + failure.getMessage(), failure);
        }
    }

    private void create() throws IOException, SQLException, InterruptedException {
        giveToPostgres(dir);
        Path primary = dir.resolve("primary");
        Path standby = dir.resolve("standby");
        // initdb's pg_hba.conf with -A trust lets this machine connect, replication included.
        run(
                STEP,
                bin.resolve("initdb").toString(),
                "-D",
                primary.toString(),
                "-U",
                USER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync");
        append(
                primary.resolve("postgresql.conf"),
                "port = "
                        + primaryPort
                        + "\n"
                        + "listen_addresses = '127.0.0.1'\n"
                        + "unix_socket_directories = '"
                        + dir
                        + "'\n"
                        + "max_connections = 60\n"
                        + "shared_buffers = 64MB\n"
                        // A throwaway cluster: what it holds need not survive a crash of the
                        // machine.
                        + "fsync = off\n"
                        + "full_page_writes = off\n");
        start(primary);
        // The slot keeps the WAL the standby has not yet received, however long it lags.
        run(
                STEP,
                bin.resolve("pg_basebackup").toString(),
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(primaryPort),
                "-U",
                USER,
                "-D",
                standby.toString(),
                "-R",
                "-X",
                "stream",
                "-c",
                "fast",
                "-C",
                "-S",
                "standby");
        // The copied configuration names the primary's port; a later line wins.
        append(
                standby.resolve("postgresql.conf"),
                "port = " + standbyPort + "\nhot_standby = on\n");
        start(standby);
    }

    /**
     * Creates an empty database on the primary (the standby gets it by replication); its JDBC URL.
     */
    public String createDatabase(String name) throws SQLException {
        try (Connection primary = connect(primaryPort);
                Statement statement = primary.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url(primaryPort, name);
    }

    /** The JDBC URL of {@code database} on the standby. */
    public String standbyUrl(String database) {
        return url(standbyPort, database);
    }

    public String user() {
        return USER;
    }

    /** Stops applying the primary's WAL: the standby lags from now on, still answering reads. */
    public void pause() throws SQLException, InterruptedException {
        try (Connection standby = connect(standbyPort);
                Statement statement = standby.createStatement()) {
            statement.execute("SELECT pg_wal_replay_pause()");
            long deadline = System.nanoTime() + STEP.toNanos();
            while (!"paused".equals(value(statement, "SELECT pg_get_wal_replay_pause_state()"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the standby did not pause its replay");
                }
                Thread.sleep(20);
            }
        }
    }

    public void resume() throws SQLException {
        try (Connection standby = connect(standbyPort);
                Statement statement = standby.createStatement()) {
            statement.execute("SELECT pg_wal_replay_resume()");
        }
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    public void awaitReplayed(Duration timeout) throws SQLException, InterruptedException {
        String written;
        try (Connection primary = connect(primaryPort);
                Statement statement = primary.createStatement()) {
            written = value(statement, "SELECT pg_current_wal_lsn()::text");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection standby = connect(standbyPort);
                Statement statement = standby.createStatement()) {
            while (!"t"
                    .equals(
                            value(
                                    statement,
                                    "SELECT pg_last_wal_replay_lsn() >= '"
                                            + written
                                            + "'::pg_lsn"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the standby did not replay up to "
                                    + written
                                    + " within "
                                    + timeout.toSeconds()
                                    + " s");
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * Stops the standby and the primary at once (nothing in them is kept) and removes the
     * directory.
     */
    @Override
    public void close() {
        for (String server : List.of("standby", "primary")) {
            Path data = dir.resolve(server);
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    run(
                            STEP,
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            data.toString(),
                            "-m",
                            "immediate",
                            "-w",
                            "stop");
                } catch (IOException | InterruptedException | RuntimeException failure) {
                    if (failure instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    System.err.println(
                            "replicated cluster: could not stop the "
                                    + server
                                    + ": "
                                    + failure.getMessage());
                }
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // Left in the temporary directory; nothing uses it.
        }
    }

    private void start(Path data) throws IOException, InterruptedException {
        run(
                STEP,
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                data + ".log",
                "-w",
                "-t",
                String.valueOf(STEP.toSeconds()),
                "start");
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection(url(port, "postgres"), USER, "");
    }

    /** The binaries of the tests' server's major version, else the newest installed. */
    private static Path binaries() throws IOException {
        try (Connection server =
                        DriverManager.getConnection(
                                TestDatabase.server() + "postgres",
                                TestDatabase.user(),
                                TestDatabase.password());
                Statement statement = server.createStatement()) {
            Path bin =
                    Path.of(
                            "/usr/lib/postgresql",
                            value(statement, "SHOW server_version_num").substring(0, 2),
                            "bin");
            if (Files.isExecutable(bin.resolve("initdb"))) {
                return bin;
            }
        } catch (SQLException unreachable) {
            // Fall back on what is installed.
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(
                            Comparator.comparing(
                                    bin ->
                                            Integer.parseInt(
                                                    bin.getParent().getFileName().toString())))
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "no PostgreSQL binaries under /usr/lib/postgresql"));
        }
    }

    private static String value(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /**
     * Root runs the servers as postgres, which must own their directories; anyone else as itself.
     */
    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void giveToPostgres(Path path) throws IOException, InterruptedException {
        if (root()) {
            run(Duration.ofSeconds(10), false, "chown", "postgres:postgres", path.toString());
        }
    }

    private static void run(Duration timeout, String... command)
            throws IOException, InterruptedException {
        run(timeout, root(), command);
    }

    private static void run(Duration timeout, boolean asPostgres, String... command)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asPostgres) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        // Output to a file, not a pipe: a server pg_ctl starts must not hold our end open.
        Path output = Files.createTempFile("ledger-replicated", ".out");
        try {
            Process process =
                    new ProcessBuilder(line)
                            .redirectErrorStream(true)
                            .redirectOutput(output.toFile())
                            .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", line) + " took longer than " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", line)
                                + " failed ("
                                + process.exitValue()
                                + "): "
                                + Files.readString(output, StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
