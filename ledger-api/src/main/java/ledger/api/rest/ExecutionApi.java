package ledger.api.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import ledger.api.department.DepartmentStatementService;
import ledger.api.report.StatementWorkbook;
import ledger.api.statement.ExecutionDocuments;
import ledger.api.statement.ExecutionService;
import ledger.api.statement.ExecutionService.Execution;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.FiscalYear;
import ledger.projections.accounting.BudgetExecution;
import ledger.projections.accounting.BudgetJournal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 预算执行进度 over the API, of a unit or a department, as of a date: JSON, text or xlsx, and the events
 * behind any figure. Reads only; who may ask is decided before anything is read (the {@code
 * /api/units/{unit}/**} and {@code /api/departments/{department}/**} rules).
 */
@RestController
@RequestMapping("/api")
class ExecutionApi {

    private static final String UNIT = "/units/{unit}/years/{year}/execution";
    private static final String DEPARTMENT = "/departments/{department}/years/{year}/execution";

    private final ExecutionService executions;
    private final JdbcLedgerRegistry registry;

    ExecutionApi(ExecutionService executions, JdbcLedgerRegistry registry) {
        this.executions = executions;
        this.registry = registry;
    }

    @Operation(
            summary =
                    "预算执行进度 of a unit: per budget line and by 功能分类 类/款/项, 年初预算, 调整后预算, 年初结转, 已拨,"
                            + " 已支, 可用 and 执行率, as of a date (asOf, inclusive)")
    @GetMapping(value = UNIT, produces = MediaType.APPLICATION_JSON_VALUE)
    ExecutionDocuments.ExecutionDocument unit(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String format) {
        requireJson(format);
        return ExecutionDocuments.document("unit", unitExecution(unit, year, asOf));
    }

    @Operation(summary = "预算执行进度 of a unit as text, as `ledger execution` prints it")
    @GetMapping(value = UNIT, params = "format=text", produces = "text/plain;charset=UTF-8")
    String unitText(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf) {
        return unitExecution(unit, year, asOf).grid().render();
    }

    @Operation(summary = "预算执行进度 of a unit as a workbook")
    @GetMapping(value = UNIT, params = "format=xlsx", produces = LedgerController.XLSX)
    byte[] unitWorkbook(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf) {
        return StatementWorkbook.write(List.of(unitExecution(unit, year, asOf).grid()));
    }

    @Operation(
            summary =
                    "The events behind one figure of a unit's 预算执行进度: row=total, a 功能分类 code or a budget line's"
                            + " account id; figure=initial, adjusted, opening, appropriated, spent or available")
    @GetMapping(UNIT + "/events")
    ExecutionDocuments.EventsDocument unitEvents(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam String row,
            @RequestParam String figure,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf) {
        return events(unitExecution(unit, year, asOf), row, figure);
    }

    @Operation(
            summary = "预算执行进度 of a department: its units' figures less the transfers between them")
    @GetMapping(value = DEPARTMENT, produces = MediaType.APPLICATION_JSON_VALUE)
    ExecutionDocuments.ExecutionDocument department(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String format) {
        requireJson(format);
        return ExecutionDocuments.document(
                "department", departmentExecution(department, year, asOf));
    }

    @Operation(summary = "预算执行进度 of a department as text")
    @GetMapping(value = DEPARTMENT, params = "format=text", produces = "text/plain;charset=UTF-8")
    String departmentText(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf) {
        return departmentExecution(department, year, asOf).grid().render();
    }

    @Operation(summary = "预算执行进度 of a department as a workbook")
    @GetMapping(value = DEPARTMENT, params = "format=xlsx", produces = LedgerController.XLSX)
    byte[] departmentWorkbook(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf) {
        return StatementWorkbook.write(List.of(departmentExecution(department, year, asOf).grid()));
    }

    @Operation(summary = "The events behind one figure of a department's 预算执行进度")
    @GetMapping(DEPARTMENT + "/events")
    ExecutionDocuments.EventsDocument departmentEvents(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam String row,
            @RequestParam String figure,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf) {
        return events(departmentExecution(department, year, asOf), row, figure);
    }

    private Execution unitExecution(String unit, int year, LocalDate asOf) {
        FiscalYear fiscalYear = PathParameters.fiscalYear(year);
        var code = PathParameters.knownUnit(unit, registry);
        requireInYear(fiscalYear, asOf);
        return executions.unit(code, fiscalYear, asOf);
    }

    private Execution departmentExecution(String department, int year, LocalDate asOf) {
        FiscalYear fiscalYear = PathParameters.fiscalYear(year);
        requireInYear(fiscalYear, asOf);
        try {
            return executions.department(department, fiscalYear, asOf);
        } catch (DepartmentStatementService.NoSuchDepartment none) {
            throw BadRequest.notFound("department", none);
        }
    }

    private static void requireInYear(FiscalYear year, LocalDate asOf) {
        try {
            BudgetJournal.requireInYear(year, asOf);
        } catch (IllegalArgumentException outside) {
            throw BadRequest.malformed("asOf", outside.getMessage());
        }
    }

    private static void requireJson(String format) {
        if (format != null && !format.equals("json")) {
            throw BadRequest.malformed(
                    "format",
                    "format 应为 json、text 或 xlsx，不是 '"
                            + format
                            + "' (format must be json, text or xlsx)");
        }
    }

    private static ExecutionDocuments.EventsDocument events(
            Execution execution, String row, String figureText) {
        BudgetExecution.Figure figure;
        try {
            figure = BudgetExecution.Figure.parse(figureText);
        } catch (IllegalArgumentException malformed) {
            throw BadRequest.malformed("figure", malformed.getMessage());
        }
        try {
            return ExecutionDocuments.events(execution, row, figure);
        } catch (IllegalArgumentException noSuchRow) {
            throw BadRequest.malformed("row", noSuchRow.getMessage());
        }
    }
}
