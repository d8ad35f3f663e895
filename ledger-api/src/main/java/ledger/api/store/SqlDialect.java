package ledger.api.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** The few statements PostgreSQL and the embedded database spell differently. */
@Component
public class SqlDialect {

    private final boolean postgres;

    public SqlDialect(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            postgres =
                    connection
                            .getMetaData()
                            .getDatabaseProductName()
                            .toLowerCase()
                            .contains("postgres");
        }
    }

    public boolean postgres() {
        return postgres;
    }

    /**
     * A lock that lets many writers of one unit-year proceed together but waits for, and blocks, a
     * year close. The embedded database has no shared row locks, so it serializes instead.
     */
    public String shareLock() {
        return postgres ? " FOR SHARE" : " FOR UPDATE";
    }

    public String insertYearIfAbsent() {
        return postgres
                ? "INSERT INTO ledger_year (unit, fiscal_year) VALUES (?, ?) ON CONFLICT DO NOTHING"
                : "MERGE INTO ledger_year (unit, fiscal_year) KEY (unit, fiscal_year) VALUES (?, ?)";
    }
}
