package ledger.api.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import ledger.api.recording.ImportResult;
import ledger.api.recording.JournalImport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ledger import FILE.csv}: a journal, whole or not at all. */
@Command(name = "import", description = "Import a journal CSV: all rows or none; re-importing changes nothing.")
public class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Mixin
    ServerOptions server;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "the journal (UTF-8 CSV with a header row)")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        if (server.remote()) {
            LedgerClient client = server.client(database);
            ImportResult result = LedgerClient.JSON.treeToValue(
                    client.post("/api/journals", "text/csv", Files.readAllBytes(file)), ImportResult.class);
            // The server knows the body only as an upload; the user knows it by its file name.
            ImportResult named = new ImportResult(file.getFileName().toString(), result.rows(), result.applied(),
                    result.repeated(), result.events(), result.took(), result.correlationId());
            PrintWriter out = spec.commandLine().getOut();
            out.println(named.summary() + " into " + client.describe());
            out.flush();
            return 0;
        }
        try (ConfigurableApplicationContext context = database.start(false);
             InputStream in = Files.newInputStream(file)) {
            ImportResult result = context.getBean(JournalImport.class)
                    .importJournal(in, file.getFileName().toString(), DatabaseOptions.user());
            PrintWriter out = spec.commandLine().getOut();
            out.println(result.summary() + " into " + database.database().describe());
            out.flush();
            return 0;
        }
    }
}
