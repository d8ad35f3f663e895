package ledger.api.cli;

import java.util.List;
import java.util.concurrent.Callable;
import ledger.api.report.StatementWorkbook;
import ledger.api.statement.AccountingService;
import ledger.api.statement.AccountingService.TrialBalanceReport;
import ledger.projections.accounting.AccountingGrids;
import ledger.projections.accounting.AccountingJson;
import ledger.projections.accounting.BudgetTies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger trial-balance}: the unit's 预算会计 科目余额表 for a year, as of a date, with its ties to
 * the 部门决算. Exit 1 when a tie is broken.
 */
@Command(
        name = "trial-balance",
        description =
                "The 预算会计 科目余额表 (期初余额, 本期借方, 本期贷方, 期末余额 by 科目"
                        + " and 明细) and its ties to 表1/表3/表4; exit 1 if a tie is broken.")
public class TrialBalanceCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Mixin ServerOptions server;

    @Mixin StatementOptions which;

    @Mixin AccountingOptions accounting;

    @Mixin AccountingReportOutput output;

    @Option(
            names = "--pro-forma-close",
            description =
                    "when the year is not closed, include the closing entries"
                            + " 结转 would write (预结账), so 预算收入 and 支出 stand at zero and 结转 shows the year-end balance")
    boolean proForma;

    @Override
    public Integer call() throws Exception {
        output.check(spec, which);
        if (server.remote()) {
            return remote();
        }
        // The light start of a read command; the whole application if the read models are behind.
        return database.read(
                context -> {
                    AccountingService service = context.getBean(AccountingService.class);
                    TrialBalanceReport report =
                            service.trialBalance(
                                    which.unitCode(),
                                    which.fiscalYear(),
                                    which.asOf(),
                                    accounting.kind(),
                                    proForma);
                    var names = service.names(which.fiscalYear());
                    switch (output.format) {
                        case xlsx ->
                                output.writeWorkbook(
                                        spec,
                                        StatementWorkbook.write(
                                                List.of(
                                                        AccountingGrids.trialBalance(
                                                                report.balance(),
                                                                report.unitName(),
                                                                names),
                                                        AccountingGrids.ties(report.ties()))));
                        case json ->
                                output.write(
                                        spec,
                                        AccountingJson.trialBalance(
                                                        report.balance(),
                                                        report.unitName(),
                                                        report.ties())
                                                .toPrettyString());
                        default ->
                                output.write(
                                        spec,
                                        AccountingGrids.trialBalance(
                                                                report.balance(),
                                                                report.unitName(),
                                                                names)
                                                        .render()
                                                + "\n"
                                                + AccountingGrids.ties(report.ties()).render());
                    }
                    return report.ties().stream().allMatch(BudgetTies.Tie::holds)
                            ? 0
                            : LedgerCommandLine.REFUSED;
                });
    }

    /** Through the API as the signed-in user; the server checks the user's units and the date. */
    private int remote() throws Exception {
        LedgerClient client = server.client(database);
        String query =
                LedgerClient.query(
                        "asOf",
                        which.asOf() == null ? null : which.asOf().toString(),
                        "unitKind",
                        accounting.kind().code(),
                        "proFormaClose",
                        Boolean.toString(proForma));
        String path = LedgerClient.unitYear(which.unit, which.year, "/trial-balance");
        com.fasterxml.jackson.databind.JsonNode json = client.getJson(path + query);
        switch (output.format) {
            case xlsx ->
                    output.writeWorkbook(
                            spec, client.get(path + query + "&format=xlsx", LedgerClient.XLSX));
            case json -> output.write(spec, json.toPrettyString());
            default ->
                    output.write(
                            spec,
                            new String(
                                    client.get(path + query + "&format=text", "text/plain"),
                                    java.nio.charset.StandardCharsets.UTF_8));
        }
        boolean holds = true;
        for (com.fasterxml.jackson.databind.JsonNode tie : json.path("ties")) {
            holds &= tie.path("holds").asBoolean();
        }
        return holds ? 0 : LedgerCommandLine.REFUSED;
    }
}
