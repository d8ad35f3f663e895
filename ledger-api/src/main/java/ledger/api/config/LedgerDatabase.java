package ledger.api.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ledger.api.store.EmbeddedDatabaseProbe;

/**
 * Which database the ledger uses: PostgreSQL when a JDBC URL is given (option {@code --db} or
 * {@code LEDGER_DB_URL}, with {@code LEDGER_DB_USER} / {@code LEDGER_DB_PASSWORD}), otherwise an
 * embedded file database in the data directory ({@link LedgerHome}), created on first use, so that
 * a new user can try the ledger with nothing installed but a JDK.
 */
public record LedgerDatabase(String url, String user, String password) {

    /**
     * The embedded database in {@code directory}: H2 in PostgreSQL mode, opened by one process at a
     * time (no {@code AUTO_SERVER}: that listened on every interface, with its port and access id
     * in a lock file; a second process is now refused with {@link EmbeddedDatabaseInUse}). Its
     * files are created owner-only ({@link PrivateH2Files}, prefix {@code private:}), and it stays
     * open at JVM exit until the application has sealed its last events and closed its pool ({@code
     * DB_CLOSE_ON_EXIT=FALSE}; H2's own exit hook used to close it first).
     */
    public static String embeddedUrl(String directory) {
        return "jdbc:h2:file:"
                + PrivateH2Files.SCHEME
                + ":"
                + directory
                + "/ledger;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * The directory of an embedded file database URL ({@code jdbc:h2:file:…}, {@code jdbc:h2:./…});
     * empty for PostgreSQL, H2 in memory or over TCP.
     */
    public static Optional<Path> embeddedDirectory(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length());
        int settings = name.indexOf(';');
        name = settings < 0 ? name : name.substring(0, settings);
        for (String prefix : List.of("file:", PrivateH2Files.SCHEME + ":")) {
            name = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        }
        if (name.matches("[A-Za-z][A-Za-z0-9]+:.*")) {
            // mem:, tcp:, ssl: or another of H2's file systems, not files of ours (C:\… is a
            // drive).
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        Path parent = Path.of(name).toAbsolutePath().normalize().getParent();
        return Optional.ofNullable(parent);
    }

    /**
     * Refuses at once, before the application starts (and logs its failure at length), while
     * another process has the embedded database open. Creates its private directory first, as the
     * application's own start would ({@link PrivateDataDirectory}).
     *
     * @throws EmbeddedDatabaseInUse naming the database
     */
    public void requireNotInUse() {
        Optional<Path> directory = embeddedDirectory(url);
        if (directory.isEmpty()) {
            return;
        }
        PrivateH2Files.register();
        PrivateFiles.directory(directory.get());
        if (EmbeddedDatabaseProbe.inUseByAnotherProcess(url, user, password)) {
            throw new EmbeddedDatabaseInUse(describe(), null);
        }
    }

    /**
     * Whether starting failed because another process has the embedded database open (H2 error
     * 90020, "Database may be already in use").
     */
    public static boolean inUseByAnotherProcess(Throwable failure) {
        return EmbeddedDatabaseProbe.isInUseFailure(failure);
    }

    public static LedgerDatabase choose(String urlOption, Map<String, String> environment) {
        String url = firstNonBlank(urlOption, environment.get("LEDGER_DB_URL"));
        if (url == null) {
            return new LedgerDatabase(LedgerHome.of(environment).embeddedDatabaseUrl(), "sa", "");
        }
        if (!url.startsWith("jdbc:")) {
            throw new ledger.core.text.Refusal(ledger.core.text.Reason.of("cli.dbUrl", url));
        }
        return new LedgerDatabase(
                url,
                firstNonBlank(environment.get("LEDGER_DB_USER"), "postgres"),
                firstNonBlank(environment.get("LEDGER_DB_PASSWORD"), ""));
    }

    public boolean embedded() {
        return url.startsWith("jdbc:h2:");
    }

    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Spring properties that point the application at this database. */
    /**
     * The same database for a start that only reads: an embedded file that exists is opened
     * read-only, so a read command never writes (nor compacts on close) the file the next command
     * opens. A new one is opened as it is, to find it has no schema yet.
     */
    public LedgerDatabase readOnly() {
        boolean exists =
                embeddedDirectory(url)
                        .map(directory -> Files.exists(directory.resolve("ledger.mv.db")))
                        .orElse(false);
        return exists ? new LedgerDatabase(url + ";ACCESS_MODE_DATA=r", user, password) : this;
    }

    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        if (postgres()) {
            // One multi-row INSERT per batch instead of a round trip per event.
            properties.put(
                    "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts",
                    "true");
        }
        return properties;
    }

    /** Where the embedded database lives, for messages. */
    public String describe() {
        return embedded()
                ? "embedded database "
                        + embeddedDirectory(url)
                                .map(directory -> directory.resolve("ledger.mv.db"))
                                .map(Path::toString)
                                .orElse(url)
                : url.replaceAll("password=[^&;]*", "password=***");
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : null;
    }
}
