package ledger.api.cli;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import ledger.api.recording.ImportResult;
import ledger.api.recording.JournalImport;
import ledger.api.statement.StatementService;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.statement.PublishedFigures;
import ledger.projections.statement.Reconciliation;
import ledger.projections.statement.ReconciliationReport;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementText;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ledger demo}: loads the 2020 reference ledger of 武汉市江汉区人民政府办公室 (shipped inside
 * the application), prints 表1–表9 and reconciles them with the published report.
 */
@Command(name = "demo", description = "Load the 2020 sample ledger, print 表1–表9 and the reconciliation with the"
        + " published report.")
public class DemoCommand implements Callable<Integer> {

    static final String SAMPLE = "samples/2020-jianghan-gov-office/";

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        UnitCode unit = UnitCode.of("jianghan-gov-office");
        FiscalYear year = FiscalYear.of(2020);
        try (ConfigurableApplicationContext context = database.start(false)) {
            ImportResult imported;
            try (InputStream journal = resource(SAMPLE + "journal.csv")) {
                imported = context.getBean(JournalImport.class).importJournal(journal, "journal.csv (2020 sample)",
                        DatabaseOptions.user());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(imported.summary() + "，记入 " + database.database().describe());
            StatementSet set = context.getBean(StatementService.class).statements(unit, year, null);
            out.println(StatementText.render(set));
            PublishedFigures published;
            try (Reader reader = new InputStreamReader(resource(SAMPLE + "published.tsv"), StandardCharsets.UTF_8)) {
                published = PublishedFigures.parse(reader);
            }
            ReconciliationReport report = Reconciliation.reconcile(set, published);
            out.println("对账 Reconciliation with the published 2020 report:");
            report.lines().forEach(line -> out.println("  " + line));
            out.flush();
            return report.ledgerAgrees() ? 0 : LedgerCommandLine.REFUSED;
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
