package ledger.api.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which database the ledger uses: PostgreSQL when a JDBC URL is given (option {@code --db} or
 * {@code LEDGER_DB_URL}, with {@code LEDGER_DB_USER} / {@code LEDGER_DB_PASSWORD}), otherwise an
 * embedded file database under {@code ./data}, created on first use, so that a new user can try
 * the ledger with nothing installed but a JDK.
 */
public record LedgerDatabase(String url, String user, String password) {

    public static final String EMBEDDED_URL = "jdbc:h2:file:./data/ledger;MODE=PostgreSQL;"
            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";

    public static LedgerDatabase choose(String urlOption, Map<String, String> environment) {
        String url = firstNonBlank(urlOption, environment.get("LEDGER_DB_URL"));
        if (url == null) {
            return new LedgerDatabase(EMBEDDED_URL, "sa", "");
        }
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("--db must be a JDBC URL such as"
                    + " jdbc:postgresql://127.0.0.1:5432/ledger, got: " + url);
        }
        return new LedgerDatabase(url, firstNonBlank(environment.get("LEDGER_DB_USER"), "postgres"),
                firstNonBlank(environment.get("LEDGER_DB_PASSWORD"), ""));
    }

    public boolean embedded() {
        return url.startsWith("jdbc:h2:");
    }

    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Spring properties that point the application at this database. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        if (postgres()) {
            // One multi-row INSERT per batch instead of a round trip per event.
            properties.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
        }
        return properties;
    }

    /** Where the embedded database lives, for messages. */
    public String describe() {
        return embedded() ? "embedded database " + Path.of("data", "ledger.mv.db").toAbsolutePath()
                : url.replaceAll("password=[^&;]*", "password=***");
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : null;
    }
}
