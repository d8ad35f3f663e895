package ledger.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import ledger.api.catalog.CatalogFile;
import ledger.api.catalog.CatalogListing;
import ledger.api.catalog.YearCatalogs;
import ledger.core.account.FiscalYear;
import ledger.core.catalog.CatalogLine;
import ledger.core.catalog.CatalogLoaded;
import ledger.core.classification.CatalogEntry;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ledger catalog import|list}: the 科目表 each fiscal year accepts. */
@Command(
        name = "catalog",
        description = "The 科目表 of a fiscal year: load one (import) or print it (list).",
        subcommands = {CatalogCommand.Import.class, CatalogCommand.ListCodes.class})
public class CatalogCommand implements Runnable {

    @Spec CommandSpec spec;

    /** {@code ledger catalog} alone names no action: a usage error (exit 2). */
    @Override
    public void run() {
        throw Usage.error(spec, "cli.subcommandNeeded", "import, list");
    }

    /** {@code ledger catalog import FILE --year YYYY}: the whole file or nothing. */
    @Command(
            name = "import",
            description =
                    "Load a 科目表 (CSV or xlsx: columns code/编码 and name/名称, optional"
                            + " classification/分类) for a fiscal year: the whole file or nothing.")
    static class Import extends FileUpload<List<CatalogLine>> {

        @Parameters(
                index = "0",
                paramLabel = "FILE",
                description = "the 科目表, .csv (UTF-8) or .xlsx")
        Path file;

        @Option(names = "--year", required = true, description = "the fiscal year the 科目表 is for")
        int year;

        @Override
        Path file() {
            return file;
        }

        @Override
        String apiPath() {
            return "/api/catalog/" + FiscalYear.of(year);
        }

        @Override
        List<CatalogLine> read(byte[] bytes, String fileName) {
            return CatalogFile.read(bytes, fileName);
        }

        @Override
        String load(
                ConfigurableApplicationContext context, List<CatalogLine> lines, String fileName) {
            CatalogLoaded loaded =
                    context.getBean(YearCatalogs.class)
                            .load(FiscalYear.of(year), lines, fileName, DatabaseOptions.user());
            return CatalogListing.summary(loaded);
        }
    }

    /** {@code ledger catalog list --year YYYY [--format text|tsv]}. */
    @Command(
            name = "list",
            description = "Print the 科目 a fiscal year accepts, with the names it prints.")
    static class ListCodes implements Callable<Integer> {

        @Spec CommandSpec spec;

        @Mixin DatabaseOptions database;

        @Mixin ServerOptions server;

        @Option(names = "--year", required = true, description = "fiscal year")
        int year;

        @Option(names = "--format", defaultValue = "text", description = "text (default) or tsv")
        String format;

        @Override
        public Integer call() throws Exception {
            FileUpload.requireTextOrTsv(spec, format);
            PrintWriter out = spec.commandLine().getOut();
            if (server.remote()) {
                // The server writes the TSV; the text listing is made from its JSON, as locally.
                LedgerClient client = server.client(database);
                if (format.equals("tsv")) {
                    out.print(
                            new String(
                                    client.get(
                                            "/api/catalog/" + FiscalYear.of(year) + "?format=tsv",
                                            "text/tab-separated-values"),
                                    java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    var document = client.getJson("/api/catalog/" + FiscalYear.of(year));
                    java.util.List<CatalogEntry> entries = new java.util.ArrayList<>();
                    for (var entry : document.path("entries")) {
                        entries.add(LedgerClient.JSON.treeToValue(entry, CatalogEntry.class));
                    }
                    out.print(
                            CatalogListing.text(
                                    FiscalYear.of(year), entries, document.path("loads").size()));
                }
                out.flush();
                return 0;
            }
            try (ConfigurableApplicationContext context = database.start(false)) {
                var catalog = context.getBean(YearCatalogs.class).of(FiscalYear.of(year));
                out.print(
                        format.equals("tsv")
                                ? CatalogListing.tsv(catalog)
                                : CatalogListing.text(catalog));
                out.flush();
                return 0;
            }
        }
    }
}
