package ledger.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import ledger.api.statement.StatementService;
import ledger.projections.statement.PublishedFigures;
import ledger.projections.statement.Reconciliation;
import ledger.projections.statement.ReconciliationReport;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTemplate;
import ledger.reportreader.ReportReading;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger reconcile}: the ledger's statements against published figures. Exit 0 when the
 * publication's own contradictions account for every difference to the fen, 1 when any cell is not
 * explained (even by one fen).
 */
@Command(
        name = "reconcile",
        description =
                "Compare the statements with published figures; name every differing cell"
                        + " with how much of its difference the published figures' own contradictions explain and how much they"
                        + " do not, and every rule the published figures break among themselves. Exit 1 if any cell is not"
                        + " explained.")
public class ReconcileCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Mixin ServerOptions server;

    @Mixin StatementOptions which;

    @Option(
            names = "--published",
            paramLabel = "FILE.tsv",
            description = "published figures: table<TAB>row<TAB>column<TAB>value")
    Path published;

    @Option(
            names = "--report",
            paramLabel = "FILE.pdf|FILE.txt",
            description =
                    "the published report itself: its figures are read as `ledger read-report` reads them")
    Path report;

    @Override
    public Integer call() throws Exception {
        which.requireOne(spec);
        if ((published == null) == (report == null)) {
            throw Usage.error(spec, "cli.reconcileSource");
        }
        byte[] tsv;
        String template = which.template;
        if (report != null) {
            String builtIn =
                    template != null && StatementTemplate.BUILT_IN.contains(template.strip())
                            ? template.strip()
                            : null;
            Optional<ReportReading> reading = ReadReportCommand.read(spec, report, builtIn);
            if (reading.isEmpty()) {
                return LedgerCommandLine.REFUSED;
            }
            tsv =
                    reading.get()
                            .toTsv(report.getFileName().toString())
                            .getBytes(StandardCharsets.UTF_8);
            if (template == null) {
                // the figures are addressed in the template the report was read in: reconcile in
                // the same
                template = reading.get().template();
            }
        } else {
            tsv = Files.readAllBytes(published);
        }
        if (server.remote()) {
            // The server parses the figures: a bad line is refused there, line by line.
            LedgerClient client = server.client(database);
            JsonNode report =
                    client.post(
                            (which.department()
                                            ? LedgerClient.departmentYear(
                                                    which.department, which.year, "/reconciliation")
                                            : LedgerClient.unitYear(
                                                    which.unit, which.year, "/reconciliation"))
                                    + LedgerClient.query(
                                            "asOf",
                                            which.asOf == null ? null : which.asOf.toString(),
                                            "template",
                                            StatementOptions.remoteTemplate(
                                                    spec.commandLine(), template)),
                            "text/tab-separated-values; charset=UTF-8",
                            tsv);
            PrintWriter out = spec.commandLine().getOut();
            report.path("findings").forEach(line -> out.println(line.asText()));
            out.flush();
            return report.path("ledgerAgrees").asBoolean() ? 0 : LedgerCommandLine.REFUSED;
        }
        StatementTemplate format = StatementTemplate.resolve(template, which.year);
        PublishedFigures figures;
        try (Reader reader = new StringReader(new String(tsv, StandardCharsets.UTF_8))) {
            figures = PublishedFigures.parse(reader, format);
        }
        try (ConfigurableApplicationContext context = database.start(false)) {
            StatementSet set =
                    which.department()
                            ? context.getBean(
                                            ledger.api.department.DepartmentStatementService.class)
                                    .statements(
                                            which.department,
                                            which.fiscalYear(),
                                            which.asOf(),
                                            format)
                                    .consolidated()
                            : context.getBean(StatementService.class)
                                    .statements(
                                            which.unitCode(),
                                            which.fiscalYear(),
                                            which.asOf(),
                                            format);
            ReconciliationReport report = Reconciliation.reconcile(set, figures);
            PrintWriter out = spec.commandLine().getOut();
            report.lines().forEach(out::println);
            out.flush();
            return report.ledgerAgrees() ? 0 : LedgerCommandLine.REFUSED;
        }
    }
}
