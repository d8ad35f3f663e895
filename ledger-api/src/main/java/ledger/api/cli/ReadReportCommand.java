package ledger.api.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import ledger.reportreader.ReportReader;
import ledger.reportreader.ReportReading;
import ledger.reportreader.ReportRefusal;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ledger read-report}: a published 部门决算 (PDF or text) to published figures, each with the
 * page and line it came from. No ledger is needed. Exit 1, writing nothing, when the file is
 * refused or any figure cannot be placed.
 */
@Command(
        name = "read-report",
        description =
                "读取公开的部门决算（PDF 或文本），写出公开数据 TSV（每个数字注明页码和行号）。"
                        + " Read a published 部门决算 (PDF or text) into published figures; exit 1 if any figure cannot be placed.")
public class ReadReportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.pdf|FILE.txt", description = "the published report")
    Path report;

    @Option(
            names = "--template",
            paramLabel = "NAME",
            description = "force the template (default: recognised from the grid)")
    String template;

    @Option(
            names = "--out",
            paramLabel = "FILE.tsv",
            description = "write the figures here instead of standard output")
    Path out;

    @Override
    public Integer call() throws Exception {
        Optional<ReportReading> reading = read(spec, report, template);
        if (reading.isEmpty()) {
            return LedgerCommandLine.REFUSED;
        }
        Output.write(spec, reading.get().toTsv(report.getFileName().toString()), out);
        return 0;
    }

    /**
     * Reads the report, telling the user on stderr what was recognised; empty (reasons printed,
     * nothing written) when it is refused or a figure cannot be placed.
     */
    static Optional<ReportReading> read(CommandSpec spec, Path report, String template) {
        PrintWriter err = spec.commandLine().getErr();
        quietPdfLibrary();
        try {
            ReportReading reading = ReportReader.read(report, Optional.ofNullable(template));
            err.println(
                    "单位："
                            + reading.unitName()
                            + "；年度："
                            + reading.year()
                            + "；模板："
                            + reading.template()
                            + "（"
                            + reading.templateReason()
                            + "）；读出 "
                            + reading.figures().size()
                            + " 个数字");
            if (!reading.complete()) {
                err.println(
                        LedgerCommandLine.REFUSED_PREFIX
                                + reading.unplaced().size()
                                + " 个数字无法确定单元格，未写出任何数据：");
                reading.unplaced().forEach(problem -> err.println("  " + problem));
                err.flush();
                return Optional.empty();
            }
            err.flush();
            return Optional.of(reading);
        } catch (ReportRefusal refusal) {
            err.println(LedgerCommandLine.REFUSED_PREFIX + refusal.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    /**
     * Standard output carries only the figures: log to stderr, and drop PDFBox's font warnings
     * (e.g. "Format 14 cmap table is not supported"), which say nothing about the report's figures.
     */
    private static void quietPdfLibrary() {
        ConsoleLogging.toStandardError();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("org.apache.fontbox").setLevel(Level.ERROR);
            context.getLogger("org.apache.pdfbox").setLevel(Level.ERROR);
        }
    }
}
