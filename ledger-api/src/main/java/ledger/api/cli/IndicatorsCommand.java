package ledger.api.cli;

import java.util.List;
import java.util.concurrent.Callable;
import ledger.api.report.StatementWorkbook;
import ledger.api.statement.AccountingService;
import ledger.projections.accounting.AccountingGrids;
import ledger.projections.accounting.AccountingJson;
import ledger.projections.accounting.IndicatorAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ledger indicators}: the 预算指标 account of a unit and year, as of a date. */
@Command(
        name = "indicators",
        description =
                "The 预算指标 account: each 指标 with its source (年初/追加/调减/结转),"
                        + " amount, 已拨, 已支 and 可用, per budget line, and what each project spent.")
public class IndicatorsCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Mixin ServerOptions server;

    @Mixin StatementOptions which;

    @Mixin AccountingReportOutput output;

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
                    IndicatorAccount account =
                            service.indicators(which.unitCode(), which.fiscalYear(), which.asOf());
                    String unitName = service.unitName(which.unitCode());
                    switch (output.format) {
                        case xlsx ->
                                output.writeWorkbook(
                                        spec,
                                        StatementWorkbook.write(
                                                List.of(
                                                        AccountingGrids.indicators(
                                                                account,
                                                                unitName,
                                                                service.names(
                                                                        which.fiscalYear())))));
                        case json ->
                                output.write(
                                        spec,
                                        AccountingJson.indicators(account, unitName)
                                                .toPrettyString());
                        default ->
                                output.write(
                                        spec,
                                        AccountingGrids.indicators(
                                                        account,
                                                        unitName,
                                                        service.names(which.fiscalYear()))
                                                .render());
                    }
                    return 0;
                });
    }

    /**
     * Through the API as the signed-in user (text and json; the workbook is the statements' sheet).
     */
    private int remote() throws Exception {
        if (output.format == AccountingReportOutput.Format.xlsx) {
            throw Usage.error(spec, "cli.indicatorsXlsxRemote");
        }
        LedgerClient client = server.client(database);
        String path =
                LedgerClient.unitYear(which.unit, which.year, "/indicators")
                        + LedgerClient.query(
                                "asOf", which.asOf() == null ? null : which.asOf().toString());
        if (output.format == AccountingReportOutput.Format.json) {
            output.write(spec, client.getJson(path).toPrettyString());
        } else {
            output.write(
                    spec,
                    new String(
                            client.get(
                                    path + (path.contains("?") ? "&" : "?") + "format=text",
                                    "text/plain"),
                            java.nio.charset.StandardCharsets.UTF_8));
        }
        return 0;
    }
}
