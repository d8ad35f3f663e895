package ledger.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import ledger.api.report.StatementWorkbook;
import ledger.api.statement.ExecutionDocuments;
import ledger.api.statement.ExecutionService;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.accounting.BudgetJournal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger execution}: 预算执行进度 of a unit or a department, as of a date. */
@Command(
        name = "execution",
        description = {
            "预算执行进度：按预算行及功能分类类、款、项汇总的年初预算、调整后预算、年初结转、已拨、已支、可用和执行率，可截至任一日期。",
            "Budget execution: per budget line and by 功能分类 类/款/项, the budget, adjusted budget, opening balance,"
                    + " received, spent, available and % executed, as of any date."
        },
        footer = {
            "",
            "示例 / Examples:",
            "  ledger execution --unit jianghan-gov-office --year 2020",
            "  ledger execution --unit jianghan-gov-office --year 2020 --as-of 2020-06-30",
            "  ledger execution --department demo-street --year 2020 --xlsx 预算执行.xlsx",
            "  ledger execution --unit jianghan-gov-office --year 2020 --format json --server http://localhost:8080"
        })
public class ExecutionCommand implements Callable<Integer> {

    enum Format {
        text,
        json
    }

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Mixin ServerOptions server;

    @Option(names = "--year", required = true, description = "预算年度，例如 2020 / fiscal year")
    int year;

    @Option(names = "--unit", description = "单位编码 / unit code, e.g. jianghan-gov-office")
    String unit;

    @Option(
            names = "--department",
            description =
                    "部门编码：各单位合计，扣除部门内单位间划转 / department code"
                            + " (its units less the transfers between them)")
    String department;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "截至日期（含当日，yyyy-mm-dd），默认全年 / only what is" + " dated up to this day")
    LocalDate asOf;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text 或 json；默认 ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "写入文件而不是标准输出 / write to FILE")
    Path out;

    @Option(
            names = "--xlsx",
            paramLabel = "FILE",
            description = "另存为 Excel 工作簿 / also write the table as a workbook")
    Path xlsx;

    @Override
    public Integer call() throws Exception {
        if ((unit == null) == (department == null)) {
            throw Usage.error(spec, "cli.unitOrDepartment");
        }
        FiscalYear fiscalYear = FiscalYear.of(year);
        try {
            BudgetJournal.requireInYear(fiscalYear, asOf);
        } catch (IllegalArgumentException outside) {
            throw new IllegalArgumentException("--as-of: " + outside.getMessage(), outside);
        }
        if (server.remote()) {
            return remote();
        }
        // The light start of a read command; the whole application if the read models are behind.
        return database.read(
                context -> {
                    ExecutionService service = context.getBean(ExecutionService.class);
                    ExecutionService.Execution execution =
                            unit != null
                                    ? service.unit(UnitCode.of(unit), fiscalYear, asOf)
                                    : service.department(department, fiscalYear, asOf);
                    if (xlsx != null) {
                        Files.write(xlsx, StatementWorkbook.write(List.of(execution.grid())));
                        wrote(xlsx);
                    }
                    String text =
                            format == Format.json
                                    ? json().writeValueAsString(
                                                    ExecutionDocuments.document(
                                                            unit != null ? "unit" : "department",
                                                            execution))
                                    : execution.grid().render();
                    Output.write(spec, text, out);
                    return 0;
                });
    }

    /** Through the API as the signed-in user. */
    private int remote() throws Exception {
        LedgerClient client = server.client(database);
        String path =
                (unit != null
                                ? LedgerClient.unitYear(unit, year, "/execution")
                                : LedgerClient.departmentYear(department, year, "/execution"))
                        + LedgerClient.query("asOf", asOf == null ? null : asOf.toString());
        String separator = path.contains("?") ? "&" : "?";
        if (xlsx != null) {
            Files.write(
                    xlsx,
                    client.get(
                            path + separator + "format=xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            wrote(xlsx);
        }
        String text =
                format == Format.json
                        ? client.getJson(path).toPrettyString()
                        : new String(
                                client.get(path + separator + "format=text", "text/plain"),
                                StandardCharsets.UTF_8);
        Output.write(spec, text, out);
        return 0;
    }

    private void wrote(Path file) {
        spec.commandLine().getErr().println("已写出 " + file + " (wrote " + file + ")");
        spec.commandLine().getErr().flush();
    }

    private static ObjectMapper json() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
