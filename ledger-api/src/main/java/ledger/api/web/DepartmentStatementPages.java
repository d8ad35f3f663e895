package ledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import ledger.api.department.DepartmentDocuments;
import ledger.api.department.DepartmentStatementService;
import ledger.core.account.FiscalYear;
import ledger.core.money.Money;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.DepartmentStatements;
import ledger.projections.statement.StatementTemplate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A department's consolidated statements as a working view (汇总 / 抵销 / 合并 of every cell, each a
 * link to its trace) and the trace of a department cell, unit by unit with the eliminated transfer
 * legs marked. For auditors and approvers granted the department (the security configuration).
 */
@Controller
class DepartmentStatementPages {

    private final DepartmentStatementService departments;

    DepartmentStatementPages(DepartmentStatementService departments) {
        this.departments = departments;
    }

    /** One event of a unit's part of a department trace, as the page prints it. */
    record EventLine(boolean eliminated, String date, String transactionId, String kind, String contributesYuan,
                     String memo, String account, String eventType) {

        public String accountLink() {
            return Links.account(account);
        }
    }

    /** One unit's part of a department trace. */
    record UnitPart(String unit, String name, String yuan, String eliminatedYuan, String keptYuan,
                    List<EventLine> events) {
    }

    /** One line of the working view, as the page prints it. */
    record Line(String cell, String sum, String eliminated, String consolidated, String traceLink) {
    }

    @GetMapping("/departments/{department}/years/{year}")
    String statements(@PathVariable String department, @PathVariable int year,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                      @RequestParam(required = false) String template,
                      Model model, HttpServletResponse response) {
        model.addAttribute("page", "departments");
        FiscalYear fiscalYear = fiscalYear(year);
        StatementTemplate format = Page.template(template, year);
        DepartmentStatements statements;
        try {
            statements = departments.statements(department, fiscalYear, asOf, format);
        } catch (DepartmentStatementService.NoSuchDepartment none) {
            throw new NotFound(none.getMessage());
        }
        String base = "/departments/" + department + "/years/" + year;
        // a template other than the year's is kept in the trace links, so each cell traces as shown
        String kept = format == StatementTemplate.forYear(year) ? "" : "&template=" + format.name();
        List<Line> lines = statements.workingView().stream().map(cell -> new Line(cell.cell().toString(),
                DepartmentDocuments.wanYuan(cell.sumFen()), DepartmentDocuments.wanYuan(cell.eliminatedFen()),
                DepartmentDocuments.wanYuan(cell.consolidatedFen()), base + "/trace?cell=" + cell.cell() + kept))
                .toList();
        model.addAttribute("department", department);
        model.addAttribute("name", statements.consolidated().unitName());
        model.addAttribute("year", year);
        model.addAttribute("units", statements.units());
        model.addAttribute("lines", lines);
        return "department";
    }

    @GetMapping("/departments/{department}/years/{year}/trace")
    String trace(@PathVariable String department, @PathVariable int year, @RequestParam String cell,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 @RequestParam(required = false) String template,
                 Model model, HttpServletResponse response) {
        model.addAttribute("page", "departments");
        FiscalYear fiscalYear = fiscalYear(year);
        StatementTemplate format = Page.template(template, year);
        CellAddress address;
        try {
            address = CellAddress.parse(cell);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound("没有这个单元格 (no such cell): " + malformed.getMessage());
        }
        if (format.problemWith(address).isPresent()) {
            throw new NotFound("没有这个单元格 (no such cell): " + format.problemWith(address).get());
        }
        DepartmentDocuments.TraceOfDepartment trace;
        try {
            trace = DepartmentDocuments.TraceOfDepartment.of(departments.trace(department, fiscalYear, address,
                    asOf, format));
        } catch (DepartmentStatementService.NoSuchDepartment none) {
            throw new NotFound(none.getMessage());
        }
        model.addAttribute("department", department);
        model.addAttribute("year", year);
        model.addAttribute("trace", trace);
        model.addAttribute("parts", trace.units().stream().map(u -> new UnitPart(u.unit(), u.name(),
                Money.ofFen(u.fen()).toYuanString(), Money.ofFen(u.eliminatedFen()).toYuanString(),
                Money.ofFen(u.keptFen()).toYuanString(), u.trace().events().stream().map(e -> new EventLine(
                        u.eliminatedEventIds().contains(e.eventId()), String.valueOf(e.date()), e.transactionId(),
                        e.kind(), Money.ofFen(e.contributesFen()).toYuanString(), e.memo(), e.account(),
                        e.eventType())).toList())).toList());
        model.addAttribute("sumYuan", Money.ofFen(trace.sumFen()).toYuanString());
        model.addAttribute("eliminatedYuan", Money.ofFen(trace.eliminatedFen()).toYuanString());
        model.addAttribute("consolidatedYuan", Money.ofFen(trace.fen()).toYuanString());
        return "department-trace";
    }

    private static FiscalYear fiscalYear(int year) {
        try {
            return FiscalYear.of(year);
        } catch (IllegalArgumentException outOfRange) {
            throw new NotFound("年度须在 " + FiscalYear.FIRST + "–" + FiscalYear.LAST + " 之间");
        }
    }
}
