package ledger.api.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether the database has every Flyway migration this build ships, told from their versions alone:
 * the light start of a read command asks this instead of running Flyway, whose validation reads,
 * parses and checksums every script at each start (a tenth of a read command's CPU time). Every
 * start of the whole application still runs Flyway in full, validation included.
 */
public class SchemaVersions {

    /** The folders of {@code spring.flyway.locations}, {@code {vendor}} being h2 or postgresql. */
    static final String COMMON = "db/migration/common", VENDOR = "db/migration/";

    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.*\\.sql");

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final List<JavaMigration> javaMigrations;

    public SchemaVersions(
            JdbcTemplate jdbc, SqlDialect dialect, ObjectProvider<JavaMigration> javaMigrations) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.javaMigrations = javaMigrations.orderedStream().toList();
    }

    /**
     * @throws SchemaBehind naming the versions shipped but not applied
     */
    public void requireCurrent() {
        SortedSet<String> missing =
                new TreeSet<>(Comparator.comparing(MigrationVersion::fromVersion));
        missing.addAll(shipped());
        missing.removeAll(applied());
        if (!missing.isEmpty()) {
            throw new SchemaBehind(missing);
        }
    }

    /** The versions of the migrations on the class path, for this database's vendor. */
    Set<String> shipped() {
        Set<String> versions = new HashSet<>();
        javaMigrations.forEach(migration -> versions.add(migration.getVersion().getVersion()));
        String vendor = VENDOR + (dialect.postgres() ? "postgresql" : "h2");
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        try {
            for (String folder : List.of(COMMON, vendor)) {
                for (Resource script : resources.getResources("classpath*:" + folder + "/V*.sql")) {
                    Matcher name = VERSIONED.matcher(String.valueOf(script.getFilename()));
                    if (name.matches()) {
                        versions.add(name.group(1).replace('_', '.'));
                    }
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return versions;
    }

    /** The versions Flyway applied successfully; none before Flyway ever ran. */
    Set<String> applied() {
        try {
            return new HashSet<>(
                    jdbc.queryForList(
                            "SELECT version FROM flyway_schema_history"
                                    + " WHERE success AND version IS NOT NULL",
                            String.class));
        } catch (DataAccessException noHistory) {
            return Set.of();
        }
    }
}
