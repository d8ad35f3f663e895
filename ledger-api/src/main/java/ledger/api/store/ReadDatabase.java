package ledger.api.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where statements, traces and pages read the read models from: the primary, or a read-only hot
 * standby of it ({@code ledger.read-datasource.url}, {@code .username}, {@code .password}) kept by
 * PostgreSQL's streaming replication. Writes — commands, imports, year close and the projection's
 * own rows — always go to the primary. Not a {@code DataSource} bean, so Spring Boot's primary one
 * stays the only one.
 */
public final class ReadDatabase implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final HikariDataSource standby;

    private ReadDatabase(JdbcTemplate jdbc, HikariDataSource standby) {
        this.jdbc = jdbc;
        this.standby = standby;
    }

    /** Reads go to the primary. */
    public static ReadDatabase primary(JdbcTemplate primary) {
        return new ReadDatabase(primary, null);
    }

    /** Reads go to the standby at {@code url}: a pool of read-only connections of its own. */
    public static ReadDatabase standby(String url, String username, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ledger-read");
        config.setJdbcUrl(url);
        // Else the user and password come from the URL (?user=…&password=…), as with --db.
        if (username != null && !username.isBlank()) {
            config.setUsername(username);
            config.setPassword(password);
        }
        // A standby refuses writes anyway; read-only says so to the driver and to the server up
        // front.
        config.setReadOnly(true);
        config.setMaximumPoolSize(10);
        HikariDataSource dataSource = new HikariDataSource(config);
        return new ReadDatabase(new JdbcTemplate(dataSource), dataSource);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Whether reads go to a standby, which may lag the primary. */
    public boolean standby() {
        return standby != null;
    }

    @Override
    public void close() {
        if (standby != null) {
            standby.close();
        }
    }
}
