package ledger.api.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import ledger.journal.JournalTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger template}: the journal template, with Chinese headers and one example row of each
 * kind.
 */
@Command(
        name = "template",
        description = {
            "日记账模板：中文列名，每种交易一行示例（CSV 或 xlsx）。",
            "The journal template: Chinese headers and one example row of each kind (CSV or xlsx)."
        },
        footer = {
            "",
            "示例 / Examples:",
            "  ledger template --format xlsx --out 日记账模板.xlsx",
            "  ledger template > 日记账模板.csv"
        })
public class TemplateCommand implements Callable<Integer> {

    enum Format {
        csv,
        xlsx
    }

    @Spec CommandSpec spec;

    @Option(
            names = "--format",
            paramLabel = "csv|xlsx",
            defaultValue = "csv",
            description = "csv（UTF-8，带 BOM，Excel 可直接打开）或 xlsx；默认 csv / the file format")
    Format format;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "写入文件（默认标准输出；xlsx 必须给出）/ the file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (out == null) {
            if (format == Format.xlsx) {
                throw Usage.error(spec, "cli.templateXlsxOut");
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            JournalTemplate.writeCsv(bytes);
            PrintWriter writer = spec.commandLine().getOut();
            writer.print(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
            writer.flush();
            return 0;
        }
        try (OutputStream file = Files.newOutputStream(out)) {
            if (format == Format.xlsx) {
                JournalTemplate.writeXlsx(file);
            } else {
                JournalTemplate.writeCsv(file);
            }
        }
        spec.commandLine().getErr().println("已写出日记账模板 " + out + " (template written)");
        spec.commandLine().getErr().flush();
        return 0;
    }
}
