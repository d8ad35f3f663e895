package ledger.api.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ledger.projections.accounting.BudgetJournal;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The output of a 预算会计 report ({@code ledger indicators}, {@code ledger trial-balance}): its
 * format, where it goes, and the checks both make before reading anything.
 */
public class AccountingReportOutput {

    enum Format {
        text,
        json,
        xlsx
    }

    @Option(
            names = "--format",
            descriptionKey = "report-output.format",
            defaultValue = "text",
            description = "text, json or xlsx (needs --out);" + " default ${DEFAULT-VALUE}")
    Format format;

    @Option(
            names = "--out",
            descriptionKey = "report-output.out",
            paramLabel = "FILE",
            description = "write to FILE instead of standard output")
    Path out;

    /** A workbook needs a file to go to, and {@code --as-of} must fall within the year. */
    void check(CommandSpec spec, StatementOptions which) {
        if (format == Format.xlsx && out == null) {
            throw Usage.error(spec, "cli.xlsxNeedsOut");
        }
        try {
            BudgetJournal.requireInYear(which.fiscalYear(), which.asOf());
        } catch (IllegalArgumentException outside) {
            throw new IllegalArgumentException("--as-of: " + outside.getMessage(), outside);
        }
    }

    /** Writes the workbook to {@code --out} and says so on standard error. */
    void writeWorkbook(CommandSpec spec, byte[] workbook) throws IOException {
        Files.write(out, workbook);
        spec.commandLine().getErr().println("wrote " + out);
        spec.commandLine().getErr().flush();
    }

    /** Writes text (or JSON) to standard output, or to {@code --out} when given. */
    void write(CommandSpec spec, String text) throws IOException {
        Output.write(spec, text, out);
    }
}
