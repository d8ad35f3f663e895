package ledger.api.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ledger.api.LedgerApplication;
import ledger.api.config.EmbeddedDatabaseInUse;
import ledger.api.config.LedgerDatabase;
import ledger.api.config.LedgerHome;
import ledger.api.config.ReadingApplication;
import ledger.api.statement.ReadModelsBehind;
import ledger.api.store.SchemaBehind;
import ledger.api.store.SchemaVersions;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --db} option every subcommand shares, and starting the application on that database.
 */
public class DatabaseOptions {

    @Option(
            names = "--db",
            descriptionKey = "database.db",
            paramLabel = "JDBC_URL",
            description =
                    "PostgreSQL JDBC URL (else LEDGER_DB_URL, else the embedded database in LEDGER_HOME, default ./data)")
    String url;

    /** The command this option belongs to, for reporting a bad value as a usage error. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * @throws CommandLine.ParameterException (exit code 2) when the URL is not a JDBC URL
     */
    public LedgerDatabase database() {
        try {
            return LedgerDatabase.choose(url, System.getenv());
        } catch (IllegalArgumentException notAJdbcUrl) {
            if (command == null) {
                throw notAJdbcUrl;
            }
            throw new Usage.Error(command.commandLine(), notAJdbcUrl.getMessage());
        }
    }

    /**
     * Starts the application; {@code web} serves HTTP, otherwise no port is opened and the log goes
     * to standard error, leaving standard output to what the command prints.
     */
    public ConfigurableApplicationContext start(boolean web, String... extraProperties) {
        return start(web, List.of(), extraProperties);
    }

    /**
     * As {@link #start(boolean, String...)}, with these Spring profiles added to any already
     * active.
     */
    public ConfigurableApplicationContext start(
            boolean web, List<String> profiles, String... extraProperties) {
        return start(LedgerApplication.class, web, profiles, database(), extraProperties);
    }

    /** What a read command does with the application: compute and print its answer. */
    @FunctionalInterface
    public interface Reading<T> {
        T read(ConfigurableApplicationContext application) throws Exception;
    }

    /**
     * Runs a read on the light start of the application ({@link ReadingApplication}), which takes
     * about a second rather than several. If the read models are behind the event store (events
     * stored since the processor last ran) or the schema lacks a migration (a new data directory),
     * that start cannot catch up: the read is then run again on the whole application, which
     * migrates and whose processor catches up first, so the answer always includes every stored
     * event. The note saying so goes to the command's error stream.
     */
    public <T> T read(Reading<T> reading) throws Exception {
        try (ConfigurableApplicationContext light =
                start(ReadingApplication.class, false, List.of(), database().readOnly())) {
            light.getBean(SchemaVersions.class).requireCurrent();
            return reading.read(light);
        } catch (ReadModelsBehind | SchemaBehind behind) {
            PrintWriter err =
                    command == null
                            ? new PrintWriter(System.err, true)
                            : command.commandLine().getErr();
            err.println(
                    behind.getMessage()
                            + "：先启动完整应用补齐再读取（需要几秒） / starting the whole application to"
                            + " catch up first");
            err.flush();
        }
        try (ConfigurableApplicationContext whole = start(false)) {
            return reading.read(whole);
        }
    }

    private ConfigurableApplicationContext start(
            Class<?> source,
            boolean web,
            List<String> profiles,
            LedgerDatabase database,
            String... extraProperties) {
        LedgerHome home = LedgerHome.of(System.getenv());
        System.err.println(home.announcement());
        database.requireNotInUse();
        SpringApplication application = new SpringApplication(source);
        application.setAdditionalProfiles(profiles.toArray(String[]::new));
        application.setWebApplicationType(
                web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        if (!web) {
            application.addListeners(new ConsoleLogging());
        }
        List<String> arguments = new ArrayList<>();
        for (Map.Entry<String, Object> property : database.springProperties().entrySet()) {
            arguments.add("--" + property.getKey() + "=" + property.getValue());
        }
        arguments.add("--" + LedgerHome.PROPERTY + "=" + home.directory());
        for (String extra : extraProperties) {
            arguments.add("--" + extra);
        }
        try {
            return application.run(arguments.toArray(String[]::new));
        } catch (RuntimeException failed) {
            if (database.embedded() && LedgerDatabase.inUseByAnotherProcess(failed)) {
                throw new EmbeddedDatabaseInUse(database.describe(), failed);
            }
            throw failed;
        }
    }

    /** The acting user of command-line work: the operating-system account. */
    public static String user() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
