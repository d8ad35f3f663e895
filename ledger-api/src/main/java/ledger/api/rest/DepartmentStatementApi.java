package ledger.api.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ledger.api.department.DepartmentDocuments;
import ledger.api.department.DepartmentStatementService;
import ledger.api.recording.YearCloser;
import ledger.api.report.StatementWorkbook;
import ledger.core.account.FiscalYear;
import ledger.core.department.DepartmentUnit;
import ledger.core.year.FiscalYearClosed;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.DepartmentStatements;
import ledger.projections.statement.Finding;
import ledger.projections.statement.StatementChecks;
import ledger.projections.statement.StatementTemplate;
import ledger.projections.statement.StatementText;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department's consolidated statements, checks, traces and year close. Who may ask is decided
 * before anything is read (the security configuration: auditors and approvers granted the
 * department, approvers to close), so a department not granted answers 403 whether or not it
 * exists.
 */
@RestController
@RequestMapping("/api/departments/{department}/years/{year}")
class DepartmentStatementApi {

    private final DepartmentStatementService departments;
    private final YearCloser closer;

    DepartmentStatementApi(DepartmentStatementService departments, YearCloser closer) {
        this.departments = departments;
        this.closer = closer;
    }

    @Operation(
            summary =
                    "A department's consolidated 表1–表9 (view=published: 合并; view=working: 汇总/抵销/合并 of every cell)")
    @GetMapping(value = "/statements", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode statements(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "published") String view,
            @RequestParam(required = false) String template) {
        if (format != null && !format.equals("json")) {
            throw BadRequest.malformed(
                    "format", "format must be json, text or xlsx, got '" + format + "'");
        }
        return DepartmentDocuments.json(
                statementsOf(department, year, asOf, template), working(view));
    }

    @Operation(summary = "A department's consolidated statements as text (view=working: 汇总/抵销/合并)")
    @GetMapping(
            value = "/statements",
            params = "format=text",
            produces = "text/plain;charset=UTF-8")
    String statementsText(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(defaultValue = "published") String view,
            @RequestParam(required = false) String template) {
        DepartmentStatements statements = statementsOf(department, year, asOf, template);
        return working(view)
                ? DepartmentDocuments.workingText(statements)
                : StatementText.render(statements.consolidated());
    }

    @Operation(
            summary =
                    "A department's consolidated statements as the workbook to submit (published view)")
    @GetMapping(value = "/statements", params = "format=xlsx", produces = LedgerController.XLSX)
    byte[] statementsWorkbook(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        return StatementWorkbook.write(
                statementsOf(department, year, asOf, template).consolidated());
    }

    @Operation(summary = "Every 审核公式 evaluated on the department's consolidated statements")
    @GetMapping("/checks")
    List<Finding> checks(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        return StatementChecks.evaluate(
                statementsOf(department, year, asOf, template).consolidated());
    }

    @Operation(
            summary =
                    "The events behind one department figure, grouped by unit, transfer legs marked as eliminated")
    @GetMapping("/trace")
    DepartmentDocuments.TraceOfDepartment trace(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam String cell,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        StatementTemplate format = LedgerController.template(template, year);
        CellAddress address = cellAddress(cell, format);
        FiscalYear fiscalYear = PathParameters.fiscalYear(year);
        try {
            return DepartmentDocuments.TraceOfDepartment.of(
                    departments.trace(department, fiscalYear, address, asOf, format));
        } catch (DepartmentStatementService.NoSuchDepartment none) {
            throw BadRequest.notFound("department", none);
        }
    }

    @Operation(
            summary =
                    "Reconcile the department's consolidated statements with published figures (body: TSV"
                            + " table<TAB>row<TAB>column<TAB>value)")
    @PostMapping(
            value = "/reconciliation",
            consumes = {"text/tab-separated-values", MediaType.TEXT_PLAIN_VALUE})
    ReconciliationView reconcile(
            @PathVariable String department,
            @PathVariable int year,
            @org.springframework.web.bind.annotation.RequestBody String tsv,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        var set = statementsOf(department, year, asOf, template).consolidated();
        var published = LedgerController.publishedFigures(tsv, set.template());
        return ReconciliationView.of(
                ledger.projections.statement.Reconciliation.reconcile(set, published));
    }

    @Operation(summary = "The department's 情况说明, written from its consolidated figures")
    @GetMapping("/explanation")
    java.util.Map<String, Object> explanation(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        FiscalYear fiscalYear = PathParameters.fiscalYear(year);
        StatementTemplate format = LedgerController.template(template, year);
        try {
            var explanation =
                    departments.explanation(
                            department,
                            fiscalYear,
                            asOf,
                            null,
                            ledger.projections.explanation.StatedFigures.none(),
                            format);
            return java.util.Map.of(
                    "department",
                    department,
                    "year",
                    year,
                    "text",
                    explanation.toText(),
                    "contradictions",
                    explanation.contradictions().stream().map(Object::toString).toList());
        } catch (DepartmentStatementService.NoSuchDepartment none) {
            throw BadRequest.notFound("department", none);
        }
    }

    @Operation(summary = "Close the year (结转) of every unit of the department: all of them or none")
    @PostMapping("/close")
    List<FiscalYearClosed> close(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date,
            Principal user) {
        FiscalYear fiscalYear = PathParameters.fiscalYear(year);
        List<DepartmentUnit> units;
        try {
            units = departments.units(department, fiscalYear);
        } catch (DepartmentStatementService.NoSuchDepartment none) {
            throw BadRequest.notFound("department", none);
        }
        LocalDate closedOn =
                date != null
                        ? date
                        : LocalDate.now().isAfter(fiscalYear.lastDay())
                                ? LocalDate.now()
                                : fiscalYear.lastDay();
        return closer.closeAll(
                units.stream().map(DepartmentUnit::unit).toList(),
                fiscalYear,
                closedOn,
                LedgerController.userOf(user));
    }

    /**
     * @param template a built-in template's name, or null for the year's (400 naming {@code
     *     template} else)
     */
    private DepartmentStatements statementsOf(
            String department, int year, LocalDate asOf, String template) {
        FiscalYear fiscalYear = PathParameters.fiscalYear(year);
        StatementTemplate format = LedgerController.template(template, year);
        try {
            return departments.statements(department, fiscalYear, asOf, format);
        } catch (DepartmentStatementService.NoSuchDepartment none) {
            throw BadRequest.notFound("department", none);
        }
    }

    private static boolean working(String view) {
        if (!view.equals("published") && !view.equals("working")) {
            throw BadRequest.malformed(
                    "view", ledger.core.text.Reason.of("view.publishedOrWorking"));
        }
        return view.equals("working");
    }

    private static CellAddress cellAddress(String cell, StatementTemplate template) {
        CellAddress address;
        try {
            address = CellAddress.parse(cell);
        } catch (IllegalArgumentException malformed) {
            throw BadRequest.malformed("cell", malformed.getMessage());
        }
        Optional<String> noSuchCell = template.problemWith(address);
        if (noSuchCell.isPresent()) {
            throw BadRequest.malformed("cell", noSuchCell.get());
        }
        return address;
    }
}
