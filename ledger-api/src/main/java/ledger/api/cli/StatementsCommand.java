package ledger.api.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import ledger.api.statement.StatementService;
import ledger.projections.statement.StatementJson;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementText;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ledger statements}: 表1–表9 of a unit and year. */
@Command(name = "statements", description = "Print the nine tables of the 部门决算 (表1–表9) for a unit and year.")
public class StatementsCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    DatabaseOptions database;

    @Mixin
    StatementOptions which;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext context = database.start(false)) {
            StatementSet set = context.getBean(StatementService.class)
                    .statements(which.unitCode(), which.fiscalYear(), which.asOf());
            Output.write(format == Format.json ? StatementJson.writePretty(set) : StatementText.render(set), out);
            return 0;
        }
    }
}
