package ledger.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import ledger.api.statement.AccountingService;
import ledger.api.statement.StatementService;
import ledger.projections.statement.Finding;
import ledger.projections.statement.StatementChecks;
import ledger.projections.statement.StatementSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ledger check}: every 审核公式 on the statement set. Exit 1 when a rule is broken. */
@Command(
        name = "check",
        description =
                "Evaluate every rule a statement set must satisfy (审核公式), and its ties to"
                        + " the 预算会计 科目余额表; rounding tails are notes.")
public class CheckCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Mixin ServerOptions server;

    @Mixin StatementOptions which;

    @Override
    public Integer call() throws Exception {
        which.requireOne(spec);
        if (server.remote()) {
            LedgerClient client = server.client(database);
            JsonNode findings =
                    client.getJson(
                            (which.department()
                                            ? LedgerClient.departmentYear(
                                                    which.department, which.year, "/checks")
                                            : LedgerClient.unitYear(
                                                    which.unit, which.year, "/checks"))
                                    + LedgerClient.query(
                                            "asOf",
                                            which.asOf == null ? null : which.asOf.toString(),
                                            "template",
                                            which.remoteTemplate(spec.commandLine())));
            PrintWriter out = spec.commandLine().getOut();
            long errors = 0;
            for (JsonNode finding : findings) {
                errors += "ERROR".equals(finding.path("severity").asText()) ? 1 : 0;
                out.println(
                        finding.path("severity").asText()
                                + " "
                                + finding.path("rule").asText()
                                + ": "
                                + finding.path("message").asText());
            }
            return summary(out, errors, findings.size());
        }
        return database.read(
                context -> {
                    StatementSet set =
                            which.department()
                                    ? context.getBean(
                                                    ledger.api.department.DepartmentStatementService
                                                            .class)
                                            .statements(
                                                    which.department,
                                                    which.fiscalYear(),
                                                    which.asOf(),
                                                    which.template())
                                            .consolidated()
                                    : context.getBean(StatementService.class)
                                            .statements(
                                                    which.unitCode(),
                                                    which.fiscalYear(),
                                                    which.asOf(),
                                                    which.template());
                    // The ties to the 科目余额表 are a unit's books; a department's consolidated set has
                    // its
                    // 审核公式.
                    List<Finding> findings =
                            which.department()
                                    ? StatementChecks.evaluate(set)
                                    : context.getBean(AccountingService.class)
                                            .checks(set, which.asOf());
                    long errors = findings.stream().filter(Finding::isError).count();
                    PrintWriter out = spec.commandLine().getOut();
                    findings.forEach(out::println);
                    return summary(out, errors, findings.size());
                });
    }

    private int summary(PrintWriter out, long errors, int findingCount) {
        out.printf(
                "%s %s: %d rule%s broken, %d note%s%n",
                which.department() ? which.department : which.unit,
                which.fiscalYear(),
                errors,
                errors == 1 ? "" : "s",
                findingCount - errors,
                findingCount - errors == 1 ? "" : "s");
        out.flush();
        return errors == 0 ? 0 : LedgerCommandLine.REFUSED;
    }
}
