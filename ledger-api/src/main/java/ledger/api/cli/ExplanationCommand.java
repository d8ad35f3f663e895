package ledger.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import ledger.api.report.ReportService;
import ledger.projections.explanation.Explanation;
import ledger.projections.explanation.PriorYearFigures;
import ledger.projections.explanation.StatedFigures;
import ledger.projections.statement.StatementTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger explanation}: the 部门决算情况说明 written from the ledger, blanks marked where a person
 * writes; with {@code --published}, where a published 情况说明 contradicts the ledger.
 */
@Command(
        name = "explanation",
        description =
                "Write the 情况说明 (part 三 of the 部门决算) from the ledger;"
                        + " with --published, name where a published 情况说明 contradicts it (exit 1 when it does).")
public class ExplanationCommand implements Callable<Integer> {

    @Mixin DatabaseOptions database;

    @Mixin ServerOptions server;

    @Mixin StatementOptions which;

    @Option(
            names = "--prior-year",
            paramLabel = "FILE.tsv",
            description =
                    "last year's figures (key<TAB>value, 万元) when the ledger does not hold last year")
    Path priorYear;

    @Option(
            names = "--published",
            paramLabel = "FILE.tsv",
            description = "figures a published 情况说明 states: key<TAB>printed<TAB>where")
    Path published;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "write to FILE instead of standard output")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        which.requireOne(spec);
        if (which.department() && server.remote()) {
            if (priorYear != null || published != null) {
                throw Usage.error(spec, "cli.explanationRemoteDepartment");
            }
            JsonNode explanation =
                    server.client(database)
                            .getJson(
                                    LedgerClient.departmentYear(
                                                    which.department, which.year, "/explanation")
                                            + LedgerClient.query(
                                                    "asOf",
                                                    which.asOf == null
                                                            ? null
                                                            : which.asOf.toString(),
                                                    "template",
                                                    which.remoteTemplate(spec.commandLine())));
            Output.write(explanation.path("text").asText(), out);
            return explanation.path("contradictions").isEmpty() ? 0 : LedgerCommandLine.REFUSED;
        }
        if (server.remote()) {
            // The server reads the files: a bad line is refused there, naming the part.
            LedgerClient client = server.client(database);
            String path =
                    LedgerClient.unitYear(which.unit, which.year, "/explanation")
                            + LedgerClient.query(
                                    "asOf",
                                    which.asOf == null ? null : which.asOf.toString(),
                                    "template",
                                    which.remoteTemplate(spec.commandLine()));
            Map<String, Path> files = new LinkedHashMap<>();
            files.put("priorYear", priorYear);
            files.put("published", published);
            JsonNode explanation =
                    priorYear == null && published == null
                            ? client.getJson(path)
                            : client.postFiles(path, files);
            Output.write(explanation.path("text").asText(), out);
            return explanation.path("contradictions").isEmpty() ? 0 : LedgerCommandLine.REFUSED;
        }
        StatementTemplate template = which.template();
        PriorYearFigures given = priorYear == null ? null : ChartsCommand.readPriorYear(priorYear);
        StatedFigures stated = StatedFigures.none();
        if (published != null) {
            try (Reader reader = Files.newBufferedReader(published, StandardCharsets.UTF_8)) {
                stated = StatedFigures.parse(reader);
            }
        }
        try (ConfigurableApplicationContext context = database.start(false)) {
            if (which.department()) {
                Explanation explanation =
                        context.getBean(ledger.api.department.DepartmentStatementService.class)
                                .explanation(
                                        which.department,
                                        which.fiscalYear(),
                                        which.asOf(),
                                        given,
                                        stated,
                                        template);
                Output.write(explanation.toText(), out);
                return explanation.contradictions().isEmpty() ? 0 : LedgerCommandLine.REFUSED;
            }
            ReportService reports = context.getBean(ReportService.class);
            PriorYearFigures prior = reports.priorYear(which.unitCode(), which.fiscalYear(), given);
            Explanation explanation =
                    reports.explanation(
                            which.unitCode(),
                            which.fiscalYear(),
                            which.asOf(),
                            prior,
                            stated,
                            template);
            Output.write(explanation.toText(), out);
            return explanation.contradictions().isEmpty() ? 0 : LedgerCommandLine.REFUSED;
        }
    }
}
