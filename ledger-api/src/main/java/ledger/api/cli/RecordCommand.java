package ledger.api.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.TransactionRecorder;
import ledger.core.journal.JournalParse;
import ledger.core.journal.JournalReader;
import ledger.core.journal.JournalRow;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ledger record FILE.csv}: records rows one at a time, each its own transaction, as a
 * clerk's form would, acknowledging each on standard output once it is stored. Unlike
 * {@code import}, a refused row does not stop the others; the exit code is 1 if any was refused.
 */
@Command(name = "record", description = "Record journal rows one at a time (each acknowledged when stored);"
        + " refused rows are reported and skipped.")
public class RecordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "rows in the journal format")
    Path file;

    @Override
    public Integer call() throws Exception {
        JournalParse parse;
        try (InputStream in = Files.newInputStream(file)) {
            parse = new JournalReader().read(in);
        }
        if (!parse.ok()) {
            throw new JournalRefused(parse.problems());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int refused = 0;
        try (ConfigurableApplicationContext context = database.start(false)) {
            TransactionRecorder recorder = context.getBean(TransactionRecorder.class);
            for (JournalRow row : parse.rows()) {
                try {
                    TransactionRecorder.Recorded recorded = recorder.record(row, DatabaseOptions.user());
                    out.println((recorded.repeated() ? "repeated " : "recorded ") + recorded.transactionId()
                            + " " + recorded.accountId());
                    out.flush();
                } catch (JournalRefused refusal) {
                    refused++;
                    refusal.problems().forEach(problem -> err.println("refused line " + row.line() + " ("
                            + row.entry().transactionId() + "): " + problem.column() + ": " + problem.reason()));
                }
            }
        }
        err.printf("%d rows: %d recorded or repeated, %d refused%n", parse.rows().size(),
                parse.rows().size() - refused, refused);
        err.flush();
        return refused == 0 ? 0 : LedgerCommandLine.REFUSED;
    }
}
