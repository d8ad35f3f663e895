package ledger.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import ledger.api.catalog.CatalogFile;
import ledger.api.catalog.CatalogListing;
import ledger.api.catalog.YearCatalogs;
import ledger.api.recording.ImportResult;
import ledger.api.recording.JournalImport;
import ledger.api.statement.StatementService;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.catalog.CatalogLine;
import ledger.core.classification.ClassificationCatalog;
import ledger.projections.statement.PublishedFigures;
import ledger.projections.statement.Reconciliation;
import ledger.projections.statement.ReconciliationReport;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTemplate;
import ledger.projections.statement.StatementText;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger demo [--sample NAME]}: loads one of the reference ledgers shipped inside the
 * application (by default the 2020 ledger of 武汉市江汉区人民政府办公室), with its year's 科目表 first when it
 * brings one, prints 表1–表9 and reconciles them with the published report.
 */
@Command(
        name = "demo",
        description =
                "Load a sample ledger (default 2020-jianghan-gov-office; or"
                        + " 2024-putuo-caizhengju), print 表1–表9 and the reconciliation with the published report.")
public class DemoCommand implements Callable<Integer> {

    /**
     * A reference ledger under {@code samples/NAME/}: its unit, its year, and whether it brings a
     * 科目表.
     */
    record Sample(String name, String unit, int year, boolean catalog) {

        String file(String file) {
            return "samples/" + name + "/" + file;
        }
    }

    static final List<Sample> SAMPLES =
            List.of(
                    new Sample("2020-jianghan-gov-office", "jianghan-gov-office", 2020, false),
                    new Sample("2024-putuo-caizhengju", "putuo-caizhengju", 2024, true));

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(
            names = "--sample",
            defaultValue = "2020-jianghan-gov-office",
            paramLabel = "NAME",
            description = "2020-jianghan-gov-office (default) or 2024-putuo-caizhengju")
    String sampleName;

    @Override
    public Integer call() throws Exception {
        List<String> names = SAMPLES.stream().map(Sample::name).toList();
        Sample sample =
                SAMPLES.stream()
                        .filter(s -> s.name().equals(sampleName))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        Usage.error(
                                                spec,
                                                "cli.noSample",
                                                sampleName,
                                                new ledger.core.text.FieldName(
                                                        String.join(", ", names),
                                                        String.join("、", names))));
        UnitCode unit = UnitCode.of(sample.unit());
        FiscalYear year = FiscalYear.of(sample.year());
        try (ConfigurableApplicationContext context = database.start(false)) {
            PrintWriter out = spec.commandLine().getOut();
            if (sample.catalog()) {
                byte[] catalog;
                try (InputStream in = resource(sample.file("catalog.csv"))) {
                    catalog = in.readAllBytes();
                }
                List<CatalogLine> lines = CatalogFile.read(catalog, "catalog.csv");
                YearCatalogs catalogs = context.getBean(YearCatalogs.class);
                ClassificationCatalog current = catalogs.forYear(year);
                if (lines.stream()
                        .allMatch(
                                line ->
                                        line.name()
                                                        .equals(
                                                                current.functionalCodes()
                                                                        .get(line.code()))
                                                || line.name()
                                                        .equals(
                                                                current.economicCodes()
                                                                        .get(line.code())))) {
                    out.println(
                            year
                                    + " 年科目表已含样例的 "
                                    + lines.size()
                                    + " 个科目 (the "
                                    + year
                                    + " catalog already holds the sample's "
                                    + lines.size()
                                    + " codes)");
                } else {
                    out.println(
                            CatalogListing.summary(
                                    catalogs.load(
                                            year,
                                            lines,
                                            "catalog.csv (" + sample.name() + ")",
                                            DatabaseOptions.user())));
                }
            }
            ImportResult imported;
            try (InputStream journal = resource(sample.file("journal.csv"))) {
                imported =
                        context.getBean(JournalImport.class)
                                .importJournal(
                                        journal,
                                        "journal.csv (" + sample.year() + " sample)",
                                        DatabaseOptions.user());
            }
            out.println(imported.summary() + "，记入 " + database.database().describe());
            StatementTemplate template = template(sample);
            StatementSet set =
                    context.getBean(StatementService.class).statements(unit, year, null, template);
            out.println(StatementText.render(set));
            PublishedFigures published;
            try (Reader reader =
                    new InputStreamReader(
                            resource(sample.file("published.tsv")), StandardCharsets.UTF_8)) {
                published = PublishedFigures.parse(reader, template);
            }
            ReconciliationReport report = Reconciliation.reconcile(set, published);
            out.println("对账 Reconciliation with the published " + sample.year() + " report:");
            report.lines().forEach(line -> out.println("  " + line));
            out.flush();
            return report.ledgerAgrees() ? 0 : LedgerCommandLine.REFUSED;
        }
    }

    /**
     * The sample's own template file (its report's variant, e.g. 2024 with 26 类 lines), else its
     * year's.
     */
    private static StatementTemplate template(Sample sample) throws IOException {
        String name = sample.file("template.json");
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(name)) {
            return in == null
                    ? StatementTemplate.forYear(sample.year())
                    : StatementTemplate.parse(
                            new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the application was built without " + name);
        }
        return in;
    }
}
