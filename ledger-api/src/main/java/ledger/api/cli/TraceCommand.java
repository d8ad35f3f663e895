package ledger.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import ledger.api.config.AxonStorageConfiguration;
import ledger.api.statement.StatementService;
import ledger.api.statement.TraceDocument;
import ledger.projections.statement.CellAddress;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ledger trace CELL}: the events behind one figure. */
@Command(name = "trace", description = "List the events that make up one figure, e.g. T3/2010302/3.")
public class TraceCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    DatabaseOptions database;

    @Mixin
    StatementOptions which;

    @Parameters(index = "0", paramLabel = "CELL", description = "table/row/column, e.g. T3/2010302/3 or T1/59/2")
    String cell;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})")
    Format format;

    @Override
    public Integer call() throws Exception {
        CellAddress address = CellAddress.parse(cell);
        try (ConfigurableApplicationContext context = database.start(false)) {
            TraceDocument trace = TraceDocument.of(context.getBean(StatementService.class)
                    .trace(which.unitCode(), which.fiscalYear(), address, which.asOf()));
            ObjectMapper json = AxonStorageConfiguration.eventObjectMapper();
            System.out.print(format == Format.json
                    ? json.writerWithDefaultPrettyPrinter().writeValueAsString(trace) + "\n" : trace.toText());
            return 0;
        }
    }
}
