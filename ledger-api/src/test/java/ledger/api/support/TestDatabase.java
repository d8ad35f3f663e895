package ledger.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh PostgreSQL database for a test class, on the server the tests are pointed at ({@code
 * LEDGER_TEST_PG}, default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code
 * LEDGER_TEST_PG_USER} or postgres). Databases of runs older than a day are dropped first, so a
 * machine that runs the suite often does not fill up.
 */
public final class TestDatabase {

    private static final String PREFIX = "ledger_test_";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private TestDatabase() {}

    public static String server() {
        String server =
                System.getenv().getOrDefault("LEDGER_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
        return server.endsWith("/") ? server : server + "/";
    }

    public static String user() {
        return System.getenv().getOrDefault("LEDGER_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return System.getenv().getOrDefault("LEDGER_TEST_PG_PASSWORD", "");
    }

    /** Points a Spring test context at the database {@code url} on the tests' server. */
    public static void use(DynamicPropertyRegistry registry, String url) {
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    /** Creates a new empty database and returns its JDBC URL. */
    public static String create(String purpose) {
        String stamp = LocalDateTime.now().format(STAMP);
        String name =
                PREFIX
                        + stamp
                        + "_"
                        + purpose.toLowerCase().replaceAll("[^a-z0-9]", "")
                        + "_"
                        + Integer.toHexString(
                                ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        try (Connection admin =
                        DriverManager.getConnection(server() + "postgres", user(), password());
                Statement statement = admin.createStatement()) {
            dropStale(admin, stamp);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create a test database on "
                            + server()
                            + " (is PostgreSQL running? .ci/run starts it): "
                            + e.getMessage(),
                    e);
        }
        return server() + name;
    }

    private static void dropStale(Connection admin, String stamp) throws SQLException {
        String dayAgo = LocalDateTime.now().minusDays(1).format(STAMP);
        List<String> stale = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                ResultSet names =
                        statement.executeQuery(
                                "SELECT datname FROM pg_database WHERE datname LIKE '"
                                        + PREFIX
                                        + "%'")) {
            while (names.next()) {
                String name = names.getString(1);
                String created =
                        name.substring(
                                PREFIX.length(), Math.min(name.length(), PREFIX.length() + 14));
                if (created.compareTo(dayAgo) < 0) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException inUse) {
                // Another run may still use it; it goes next time.
            }
        }
    }
}
