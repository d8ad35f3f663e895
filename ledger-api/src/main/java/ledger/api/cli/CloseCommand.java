package ledger.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import ledger.api.recording.ClosePreview;
import ledger.api.recording.YearCloser;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.year.FiscalYearClosed;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger close --year Y --unit U}: 结转. */
@Command(
        name = "close",
        description = "Close a unit's year (结转): carry every balance into the next year.")
public class CloseCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Mixin ServerOptions server;

    @Option(names = "--year", required = true, description = "fiscal year to close")
    int year;

    @Option(names = "--unit", description = "unit code")
    String unit;

    @Option(
            names = "--department",
            description = "close every unit of the department: all of them or none")
    String department;

    @Option(
            names = "--date",
            description = "date of the close (default: the year's last day, or today if later)")
    LocalDate date;

    @Option(
            names = "--preview",
            description = "show what the close would carry, line by line, and write nothing")
    boolean preview;

    @Option(
            names = {"-y", "--yes"},
            description = "close without asking, as scripts do")
    boolean yes;

    @Option(
            names = "--confirm",
            description =
                    "show the preview and ask before closing even without a terminal"
                            + " (the answer is read from standard input)")
    boolean confirm;

    /** Answers typed at the question; standard input unless a test gives its own. */
    BufferedReader answers =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    /** Every unit of the department, in one transaction: all closed or none. */
    private int closeDepartment(FiscalYear fiscalYear) {
        PrintWriter out = spec.commandLine().getOut();
        if (asks()
                && !confirmed(
                        out, "将结转部门 " + department + " 全部单位的 " + fiscalYear + " 年度，结账后不能重新打开。")) {
            return CANCELLED;
        }
        if (server.remote()) {
            LedgerClient client = server.client(database);
            JsonNode closed =
                    client.post(
                            LedgerClient.departmentYear(department, year, "/close")
                                    + LedgerClient.query(
                                            "date", date == null ? null : date.toString()),
                            "application/json",
                            new byte[0]);
            for (JsonNode unitClosed : closed) {
                printClosed(
                        out,
                        unitClosed.path("unit").asText(),
                        fiscalYear,
                        unitClosed.path("accountsCarried").asInt(),
                        fen(unitClosed.path("carriedTotal")));
            }
            out.flush();
            return 0;
        }
        LocalDate closedOn = date != null ? date : YearCloser.defaultClosedOn(fiscalYear);
        try (ConfigurableApplicationContext context = database.start(false)) {
            List<UnitCode> units =
                    context
                            .getBean(ledger.api.department.DepartmentStatementService.class)
                            .units(department, fiscalYear)
                            .stream()
                            .map(ledger.core.department.DepartmentUnit::unit)
                            .toList();
            List<FiscalYearClosed> closed =
                    context.getBean(YearCloser.class)
                            .closeAll(units, fiscalYear, closedOn, DatabaseOptions.user());
            for (FiscalYearClosed one : closed) {
                printClosed(
                        out,
                        one.unit().toString(),
                        fiscalYear,
                        one.accountsCarried(),
                        one.carriedTotal().fen());
            }
            out.printf(
                    "部门 %s 的 %d 个单位已结转 %s 年 (closed %d units of department %s)%n",
                    department, closed.size(), fiscalYear, closed.size(), department);
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
            throw Usage.error(spec, "cli.unitOrDepartment");
        }
        FiscalYear fiscalYear = FiscalYear.of(year);
        if (department != null) {
            if (preview) {
                throw Usage.error(spec, "cli.previewUnitOnly");
            }
            return closeDepartment(fiscalYear);
        }
        UnitCode unitCode = UnitCode.of(unit);
        if (preview) {
            printPreview(preview(unitCode, fiscalYear));
            spec.commandLine()
                    .getOut()
                    .printf("确认后结账：去掉 --preview 再运行 (to close, run again without --preview)%n");
            spec.commandLine().getOut().flush();
            return 0;
        }
        if (server.remote()) {
            if (asks() && !confirmed(preview(unitCode, fiscalYear))) {
                return CANCELLED;
            }
            // Without --date the server picks the date, by the same rule, on its own clock.
            LedgerClient client = server.client(database);
            JsonNode closed =
                    client.post(
                            LedgerClient.unitYear(unit, year, "/close")
                                    + LedgerClient.query(
                                            "date", date == null ? null : date.toString()),
                            "application/json",
                            new byte[0]);
            PrintWriter out = spec.commandLine().getOut();
            printClosed(
                    out,
                    unitCode.toString(),
                    fiscalYear,
                    closed.path("accountsCarried").asInt(),
                    fen(closed.path("carriedTotal")));
            out.flush();
            return 0;
        }
        LocalDate closedOn = date != null ? date : YearCloser.defaultClosedOn(fiscalYear);
        try (ConfigurableApplicationContext context = database.start(false)) {
            YearCloser closer = context.getBean(YearCloser.class);
            if (asks()
                    && !confirmed(
                            ClosePreview.of(closer.preview(unitCode, fiscalYear, closedOn)))) {
                return CANCELLED;
            }
            FiscalYearClosed closed =
                    closer.close(unitCode, fiscalYear, closedOn, DatabaseOptions.user());
            PrintWriter out = spec.commandLine().getOut();
            printClosed(
                    out,
                    unitCode.toString(),
                    fiscalYear,
                    closed.accountsCarried(),
                    closed.carriedTotal().fen());
            out.flush();
            return 0;
        }
    }

    /**
     * 结转预览: what the close would carry, computed by the same closer on the same books (locally, or
     * by the server with {@code --server}); nothing is written.
     */
    private ClosePreview preview(UnitCode unitCode, FiscalYear fiscalYear) {
        ClosePreview shown;
        if (server.remote()) {
            JsonNode answer =
                    server.client(database)
                            .getJson(
                                    LedgerClient.unitYear(unit, year, "/close")
                                            + LedgerClient.query(
                                                    "date", date == null ? null : date.toString()));
            shown = LedgerClient.JSON.convertValue(answer, ClosePreview.class);
        } else {
            LocalDate closedOn = date != null ? date : YearCloser.defaultClosedOn(fiscalYear);
            try (ConfigurableApplicationContext context = database.start(false)) {
                shown =
                        ClosePreview.of(
                                context.getBean(YearCloser.class)
                                        .preview(unitCode, fiscalYear, closedOn));
            }
        }
        return shown;
    }

    private void printPreview(ClosePreview shown) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "结转预览，未写入任何内容 (preview, nothing written): %s %d → %d，结账日期 %s%n",
                shown.unit(), shown.year(), shown.nextYear(), shown.closedOn());
        for (ClosePreview.Line line : shown.lines()) {
            out.printf(
                    "  %-14s %-8s %-6s %18s%n",
                    line.fund(),
                    line.functional(),
                    line.economic(),
                    ledger.api.report.Amounts.yuan(line.fen()));
        }
        out.printf(
                "合计 (total): %d 个预算行 (lines), %s 元 (yuan)%n",
                shown.lines().size(), ledger.api.report.Amounts.yuan(shown.totalFen()));
        out.flush();
    }

    /** Exit status of a close the user declined at the question: nothing was written. */
    static final int CANCELLED = 1;

    /**
     * Whether to ask before closing: on a terminal, or with {@code --confirm}; never with {@code
     * --yes}. A script without a terminal is not asked, so existing jobs keep running.
     */
    private boolean asks() {
        return !yes && (confirm || System.console() != null);
    }

    /** Shows what the close carries and asks whether to close. */
    private boolean confirmed(ClosePreview shown) {
        printPreview(shown);
        return confirmed(
                spec.commandLine().getOut(),
                "将以上 "
                        + shown.lines().size()
                        + " 个预算行共 "
                        + ledger.api.report.Amounts.yuan(shown.totalFen())
                        + " 元结转到 "
                        + shown.nextYear()
                        + " 年度，"
                        + shown.year()
                        + " 年度结账后不能重新打开。");
    }

    /** Asks the question; only 是, y or yes closes. Anything else, or no answer, writes nothing. */
    private boolean confirmed(PrintWriter out, String what) {
        out.printf("%s%n确认结转请输入 是 或 y，其他任何回答都会取消 (type y to close): ", what);
        out.flush();
        String answer;
        try {
            answer = answers.readLine();
        } catch (IOException unreadable) {
            answer = null;
        }
        if (answer != null
                && List.of("是", "y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        out.printf("%n已取消，没有写入任何内容 (cancelled, nothing written)%n");
        out.flush();
        return false;
    }

    /** The line a finished close prints, one per unit. */
    private static void printClosed(
            PrintWriter out, String unit, FiscalYear year, int accounts, long carriedFen) {
        out.printf(
                "已结转：单位 %s 的 %s 年度，%d 个预算行共 %s 元转入 %s 年度%n",
                unit, year, accounts, ledger.api.report.Amounts.yuan(carriedFen), year.next());
    }
}
