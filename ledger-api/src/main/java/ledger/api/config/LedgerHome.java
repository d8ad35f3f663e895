package ledger.api.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The ledger's one data directory: the embedded database, the integrity key file and the users file
 * live here. {@code LEDGER_HOME} names it; without it, {@code ./data} of the working directory (the
 * {@code ./ledger} script sets it to the checkout's {@code data/}, so the script finds the same
 * ledger from any directory). Every local command prints it.
 */
public record LedgerHome(Path directory) {

    public static final String ENVIRONMENT = "LEDGER_HOME";

    /** The Spring property the application reads it from. */
    public static final String PROPERTY = "ledger.home";

    public LedgerHome {
        directory = directory.toAbsolutePath().normalize();
    }

    public static LedgerHome of(Map<String, String> environment) {
        return of(environment::get);
    }

    public static LedgerHome of(Function<String, String> environment) {
        String named = environment.apply(ENVIRONMENT);
        return new LedgerHome(Path.of(named == null || named.isBlank() ? "data" : named.strip()));
    }

    public String embeddedDatabaseUrl() {
        return LedgerDatabase.embeddedUrl(directory.toString());
    }

    public Path embeddedDatabaseFile() {
        return directory.resolve("ledger.mv.db");
    }

    public Path integrityKeyFile() {
        return directory.resolve("integrity.key");
    }

    /** Users added by {@code ledger user add} (bcrypt hashes only). */
    public Path usersFile() {
        return directory.resolve("users.yml");
    }

    /** The line every local command prints on standard error. */
    public String announcement() {
        return "数据目录 / data directory (" + ENVIRONMENT + "): " + directory;
    }
}
