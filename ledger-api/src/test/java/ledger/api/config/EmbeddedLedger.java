package ledger.api.config;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.support.Samples;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application on the embedded database under {@code home/data}, as {@code ledger} started in
 * {@code home} runs it, except that background sealing waits an hour: what is sealed is what the
 * test seals, or the stop.
 */
final class EmbeddedLedger {

    private EmbeddedLedger() {}

    static Path data(Path home) {
        return home.resolve("data");
    }

    static LedgerDatabase database(Path home) {
        return new LedgerDatabase(LedgerDatabase.embeddedUrl(data(home).toString()), "sa", "");
    }

    static ConfigurableApplicationContext start(Path home) {
        return start(home, false);
    }

    /**
     * @param web serving HTTP on a free port, as {@code ledger serve} does
     */
    static ConfigurableApplicationContext start(Path home, boolean web) {
        SpringApplication application = new SpringApplication(LedgerApplication.class);
        application.setWebApplicationType(
                web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        List<String> arguments = new ArrayList<>();
        for (Map.Entry<String, Object> property : database(home).springProperties().entrySet()) {
            arguments.add("--" + property.getKey() + "=" + property.getValue());
        }
        arguments.add("--ledger.integrity.key-file=" + data(home).resolve("integrity.key"));
        arguments.add("--ledger.integrity.seal-interval-ms=3600000");
        arguments.add("--server.port=0");
        return application.run(arguments.toArray(String[]::new));
    }

    /** Imports the 2020 sample; returns the events stored. */
    static long importSample(ConfigurableApplicationContext ledger) throws Exception {
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            ledger.getBean(JournalImport.class).importJournal(in, "journal.csv", "embedded-it");
        }
        return count(ledger, "SELECT COUNT(*) FROM domain_event_entry");
    }

    static long count(ConfigurableApplicationContext ledger, String sql) {
        return ledger.getBean(JdbcTemplate.class).queryForObject(sql, Long.class);
    }
}
