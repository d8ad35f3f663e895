package ledger.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import ledger.api.report.StatementWorkbook;
import ledger.api.statement.StatementService;
import ledger.projections.statement.StatementJson;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementText;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ledger statements}: 表1–表9 of a unit and year. */
@Command(name = "statements", description = "Print the nine tables of the 部门决算 (表1–表9) for a unit and year.")
public class StatementsCommand implements Callable<Integer> {

    enum Format { text, json, xlsx }

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Mixin
    ServerOptions server;

    @Mixin
    StatementOptions which;

    @Option(names = "--format", defaultValue = "text",
            description = "text, json or xlsx (a workbook, one sheet per table; needs --out) (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (format == Format.xlsx && out == null) {
            throw new ParameterException(spec.commandLine(), "--format xlsx writes a workbook: give --out FILE.xlsx");
        }
        if (server.remote()) {
            LedgerClient client = server.client(database);
            String path = LedgerClient.unitYear(which.unit, which.year, "/statements")
                    + LedgerClient.query("format", format.name(), "asOf", which.asOf == null ? null : which.asOf.toString());
            if (format == Format.xlsx) {
                Files.write(out, client.get(path, LedgerClient.XLSX));
                System.err.println("wrote " + out);
            } else if (format == Format.json) {
                Object tree = LedgerClient.JSON.readTree(client.get(path, "application/json"));
                Output.write(LedgerClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree), out);
            } else {
                Output.write(new String(client.get(path, "text/plain"), java.nio.charset.StandardCharsets.UTF_8), out);
            }
            return 0;
        }
        try (ConfigurableApplicationContext context = database.start(false)) {
            StatementSet set = context.getBean(StatementService.class)
                    .statements(which.unitCode(), which.fiscalYear(), which.asOf());
            if (format == Format.xlsx) {
                Files.write(out, StatementWorkbook.write(set));
                System.err.println("wrote " + out);
            } else {
                Output.write(format == Format.json ? StatementJson.writePretty(set) : StatementText.render(set), out);
            }
            return 0;
        }
    }
}
