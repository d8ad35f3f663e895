package ledger.api.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that loads one file of rows, the whole file or nothing ({@code ledger catalog import},
 * {@code ledger department register}): posted to the server with {@code --server}, else read here
 * before the database is opened, so a file that cannot be read opens nothing.
 *
 * @param <L> the file's lines as read
 */
abstract class FileUpload<L> implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Mixin ServerOptions server;

    /** The file named on the command line. */
    abstract Path file();

    /** Where the API takes the file; also checks the command's other options. */
    abstract String apiPath();

    abstract L read(byte[] bytes, String fileName);

    /** Loads the lines and answers the one-line summary printed. */
    abstract String load(ConfigurableApplicationContext context, L lines, String fileName);

    @Override
    public Integer call() throws Exception {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            throw new ledger.core.text.Refusal(ledger.core.text.Reason.of("file.missing", file));
        }
        String apiPath = apiPath();
        PrintWriter out = spec.commandLine().getOut();
        if (server.remote()) {
            LedgerClient client = server.client(database);
            var loaded = client.postFiles(apiPath, Map.of("file", file));
            out.println(loaded.path("summary").asText() + " into " + client.describe());
            out.flush();
            return 0;
        }
        String fileName = file.getFileName().toString();
        L lines = read(Files.readAllBytes(file), fileName);
        try (ConfigurableApplicationContext context = database.start(false)) {
            out.println(load(context, lines, fileName) + " into " + database.database().describe());
            out.flush();
            return 0;
        }
    }

    /** A listing's {@code --format}: text or tsv, else a usage error (exit 2). */
    static void requireTextOrTsv(CommandSpec spec, String format) {
        if (!format.equals("text") && !format.equals("tsv")) {
            throw Usage.error(spec, "cli.uploadFormat", format);
        }
    }
}
