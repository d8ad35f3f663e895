package ledger.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import ledger.api.recording.YearCloser;
import ledger.api.recording.ClosePreview;
import ledger.core.account.FiscalYear;
import ledger.core.money.Money;
import ledger.core.account.UnitCode;
import ledger.core.year.FiscalYearClosed;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ledger close --year Y --unit U}: 结转. */
@Command(name = "close", description = "Close a unit's year (结转): carry every balance into the next year.")
public class CloseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Mixin
    ServerOptions server;

    @Option(names = "--year", required = true, description = "fiscal year to close")
    int year;

    @Option(names = "--unit", description = "unit code")
    String unit;

    @Option(names = "--department", description = "close every unit of the department: all of them or none")
    String department;

    @Option(names = "--date", description = "date of the close (default: the year's last day, or today if later)")
    LocalDate date;

    @Option(names = "--preview", description = "show what the close would carry, line by line, and write nothing")
    boolean preview;

    /** Every unit of the department, in one transaction: all closed or none. */
    private int closeDepartment(FiscalYear fiscalYear) {
        PrintWriter out = spec.commandLine().getOut();
        if (server.remote()) {
            LedgerClient client = server.client(database);
            JsonNode closed = client.post(LedgerClient.departmentYear(department, year, "/close")
                    + LedgerClient.query("date", date == null ? null : date.toString()), "application/json", new byte[0]);
            for (JsonNode unitClosed : closed) {
                out.printf("closed %s %s: %d accounts carried %s yuan into %s%n", unitClosed.path("unit").asText(),
                        fiscalYear, unitClosed.path("accountsCarried").asInt(),
                        Money.ofFen(fen(unitClosed.path("carriedTotal"))).toYuanString(), fiscalYear.next());
            }
            out.flush();
            return 0;
        }
        LocalDate closedOn = date != null ? date : YearCloser.defaultClosedOn(fiscalYear);
        try (ConfigurableApplicationContext context = database.start(false)) {
            List<UnitCode> units = context.getBean(ledger.api.department.DepartmentStatementService.class)
                    .units(department, fiscalYear).stream().map(ledger.core.department.DepartmentUnit::unit).toList();
            List<FiscalYearClosed> closed = context.getBean(YearCloser.class)
                    .closeAll(units, fiscalYear, closedOn, DatabaseOptions.user());
            for (FiscalYearClosed one : closed) {
                out.printf("closed %s %s: %d accounts carried %s yuan into %s%n", one.unit(), fiscalYear,
                        one.accountsCarried(), one.carriedTotal().toYuanString(), fiscalYear.next());
            }
            out.printf("部门 %s 的 %d 个单位已结转 %s 年 (closed %d units of department %s)%n", department, closed.size(),
                    fiscalYear, closed.size(), department);
            out.flush();
            return 0;
        }
    }

    /** Money as the API writes it: a number of fen, or an object holding {@code fen}. */
    private static long fen(JsonNode money) {
        return money.isNumber() ? money.asLong() : money.path("fen").asLong();
    }

    @Override
    public Integer call() {
        if ((unit == null) == (department == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give either --unit U or --department D");
        }
        FiscalYear fiscalYear = FiscalYear.of(year);
        if (department != null) {
            if (preview) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--preview works with --unit");
            }
            return closeDepartment(fiscalYear);
        }
        UnitCode unitCode = UnitCode.of(unit);
        if (preview) {
            return preview(unitCode, fiscalYear);
        }
        if (server.remote()) {
            // Without --date the server picks the date, by the same rule, on its own clock.
            LedgerClient client = server.client(database);
            JsonNode closed = client.post(LedgerClient.unitYear(unit, year, "/close")
                    + LedgerClient.query("date", date == null ? null : date.toString()), "application/json", new byte[0]);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("closed %s %s: %d accounts carried %s yuan into %s%n", unitCode, fiscalYear,
                    closed.path("accountsCarried").asInt(), Money.ofFen(fen(closed.path("carriedTotal")))
                            .toYuanString(), fiscalYear.next());
            out.flush();
            return 0;
        }
        LocalDate closedOn = date != null ? date : YearCloser.defaultClosedOn(fiscalYear);
        try (ConfigurableApplicationContext context = database.start(false)) {
            FiscalYearClosed closed = context.getBean(YearCloser.class)
                    .close(unitCode, fiscalYear, closedOn, DatabaseOptions.user());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("closed %s %s: %d accounts carried %s yuan into %s%n", unitCode, fiscalYear,
                    closed.accountsCarried(), closed.carriedTotal().toYuanString(), fiscalYear.next());
            out.flush();
            return 0;
        }
    }

    /**
     * 结转预览: what the close would carry, computed by the same closer on the same books (locally, or by
     * the server with {@code --server}), printed line by line; nothing is written, exit 0.
     */
    private int preview(UnitCode unitCode, FiscalYear fiscalYear) {
        ClosePreview shown;
        if (server.remote()) {
            JsonNode answer = server.client(database).getJson(LedgerClient.unitYear(unit, year, "/close")
                    + LedgerClient.query("date", date == null ? null : date.toString()));
            shown = LedgerClient.JSON.convertValue(answer, ClosePreview.class);
        } else {
            LocalDate closedOn = date != null ? date : YearCloser.defaultClosedOn(fiscalYear);
            try (ConfigurableApplicationContext context = database.start(false)) {
                shown = ClosePreview.of(context.getBean(YearCloser.class).preview(unitCode, fiscalYear, closedOn));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("结转预览，未写入任何内容 (preview, nothing written): %s %d → %d，结账日期 %s%n", shown.unit(),
                shown.year(), shown.nextYear(), shown.closedOn());
        for (ClosePreview.Line line : shown.lines()) {
            out.printf("  %-14s %-8s %-6s %18s%n", line.fund(), line.functional(), line.economic(),
                    ledger.api.report.Amounts.yuan(line.fen()));
        }
        out.printf("合计 (total): %d 个预算行 (lines), %s 元 (yuan)%n", shown.lines().size(),
                ledger.api.report.Amounts.yuan(shown.totalFen()));
        out.printf("确认后结账：去掉 --preview 再运行 (to close, run again without --preview)%n");
        out.flush();
        return 0;
    }
}
