package ledger.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import ledger.benchmarks.SyntheticYear;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger generate}: a synthetic year for benchmarks. Needs no database: it writes files
 * only.
 */
@Command(
        name = "generate",
        description =
                "Write a synthetic year valid under every rule: journal.csv, the same"
                        + " money movements as journal.ledger (ledger-cli) and journal.hledger (hledger), and commands.csv"
                        + " (single expenditures valid after the journal). The same seed gives the same files.")
public class GenerateCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--transactions",
            required = true,
            paramLabel = "N",
            description = "journal rows (1 … 2,000,000)")
    int transactions;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "directory to write the files into")
    Path out;

    @Option(
            names = "--year",
            defaultValue = "2020",
            description = "fiscal year (default ${DEFAULT-VALUE})")
    int year;

    @Option(
            names = "--units",
            paramLabel = "K",
            description = "units the rows spread over (default: one per 3,000 rows)")
    Integer units;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "S",
            description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--commands",
            paramLabel = "M",
            description = "rows of commands.csv (default: a tenth of the rows, 2,000 … 50,000)")
    Integer commands;

    @Override
    public Integer call() {
        SyntheticYear.Settings settings =
                SyntheticYear.Settings.of(transactions, year, units, seed, commands);
        long started = System.nanoTime();
        SyntheticYear.Summary summary = new SyntheticYear(settings).write(out);
        PrintWriter printed = spec.commandLine().getOut();
        printed.printf(
                "generated %,d rows (%s) for %d units on %,d budget lines covering %,d functional × economic"
                        + " pairs, and %,d commands, into %s in %.1f s%n",
                summary.rows(),
                summary.rowsByKind(),
                summary.units().size(),
                summary.accounts(),
                summary.pairs(),
                summary.commands(),
                out,
                (System.nanoTime() - started) / 1e9);
        printed.flush();
        return 0;
    }
}
