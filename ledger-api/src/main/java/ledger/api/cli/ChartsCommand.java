package ledger.api.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import ledger.api.report.Chart;
import ledger.api.report.ChartImages;
import ledger.api.report.ReportService;
import ledger.projections.explanation.PriorYearFigures;
import ledger.projections.statement.StatementSet;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ledger charts}: 图1–图4 of the 情况说明 as PNG files. */
@Command(
        name = "charts",
        description = "Draw the 情况说明's charts (图1–图4) as PNG files into a directory.")
public class ChartsCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Mixin StatementOptions which;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "directory to write fig1.png … into")
    Path out;

    @Option(
            names = "--prior-year",
            paramLabel = "FILE.tsv",
            description =
                    "last year's figures (key<TAB>value, 万元) when the ledger does not hold last year")
    Path priorYear;

    @Override
    public Integer call() throws Exception {
        which.requireUnit(spec);
        PriorYearFigures given = priorYear == null ? null : readPriorYear(priorYear);
        Files.createDirectories(out);
        try (ConfigurableApplicationContext context = database.start(false)) {
            ReportService reports = context.getBean(ReportService.class);
            StatementSet set =
                    reports.statements(which.unitCode(), which.fiscalYear(), which.asOf());
            PriorYearFigures prior = reports.priorYear(which.unitCode(), which.fiscalYear(), given);
            if (ChartImages.cjkFont().isEmpty()) {
                System.err.println(
                        "warning: no CJK font is installed (e.g. Debian's fonts-noto-cjk);"
                                + " Chinese labels will not be legible");
            }
            System.err.println("上年数 prior year: " + prior.source());
            for (Chart chart : reports.charts(set, prior)) {
                Path file = out.resolve(chart.id() + ".png");
                Files.write(file, ChartImages.png(chart));
                System.out.println(file + "  " + chart.caption());
            }
            return 0;
        }
    }

    static PriorYearFigures readPriorYear(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return PriorYearFigures.parse(reader, file.getFileName().toString());
        }
    }
}
