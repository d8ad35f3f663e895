package ledger.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import ledger.reportreader.ReportChecks;
import ledger.reportreader.ReportFinding;
import ledger.reportreader.ReportReading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ledger check-report}: a published report against its own rules, with no ledger. Exit 1
 * when a rule is broken (a 0.01 rounding tail is a note) or the report cannot be read.
 */
@Command(
        name = "check-report",
        description =
                "按模板的审核公式（表内、类/款/项、表间）、情况说明（金额、占比、完成预算、同比、"
                        + "比较用语，2024 格式）和文档检查（表格齐全、目录与正文一致、单位和年度一致、无模板占位符）检查公开的部门决算；"
                        + "尾差只作提示。Check a published report against its own rules; exit 1 when any is broken.")
public class CheckReportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.pdf|FILE.txt", description = "the published report")
    Path report;

    @Option(
            names = "--template",
            paramLabel = "NAME",
            description = "force the template (default: recognised from the grid)")
    String template;

    @Override
    public Integer call() {
        Optional<ReportReading> reading = ReadReportCommand.read(spec, report, template);
        if (reading.isEmpty()) {
            return LedgerCommandLine.REFUSED;
        }
        List<ReportFinding> findings = ReportChecks.check(reading.get());
        long errors = findings.stream().filter(ReportFinding::error).count();
        PrintWriter out = spec.commandLine().getOut();
        findings.forEach(out::println);
        out.printf(
                "%s %d 年度：%d 处不符，%d 条提示（尾差）。/ %d rule%s broken, %d note%s%n",
                reading.get().unitName(),
                reading.get().year(),
                errors,
                findings.size() - errors,
                errors,
                errors == 1 ? "" : "s",
                findings.size() - errors,
                findings.size() - errors == 1 ? "" : "s");
        out.flush();
        return errors == 0 ? 0 : LedgerCommandLine.REFUSED;
    }
}
