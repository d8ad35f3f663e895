package ledger.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import ledger.api.recording.JournalImport;
import ledger.api.statement.ProjectionStatus;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The application on a fresh PostgreSQL database with the 2020 sample journal imported, signed in
 * as the demo users of application.yml (clerk, approver, auditor; passwords {@code <name>-demo}).
 */
final class SampleLedgerSite {

    static final String UNIT = "jianghan-gov-office";
    static final String STATEMENTS = "/units/" + UNIT + "/years/2020";

    private SampleLedgerSite() {}

    static void database(DynamicPropertyRegistry registry, String url) {
        TestDatabase.use(registry, url);
    }

    static void importSample(JournalImport journalImport, ProjectionStatus projections) {
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            journalImport.importJournal(in, "journal.csv", "web-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        projections.awaitCaughtUp(Duration.ofMinutes(2));
    }
}
