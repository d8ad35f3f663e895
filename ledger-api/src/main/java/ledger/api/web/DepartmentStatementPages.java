package ledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ledger.api.department.DepartmentDocuments;
import ledger.api.department.DepartmentStatementService;
import ledger.api.statement.TraceFilters;
import ledger.api.statement.TracePaging;
import ledger.api.statement.TraceQueries;
import ledger.core.account.FiscalYear;
import ledger.core.department.DepartmentUnit;
import ledger.core.money.Money;
import ledger.projections.posting.PostingFilter;
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
 * A department's consolidated statements as a working view (汇总 / 抵销 / 合并 of every cell, each a link
 * to its trace) and the trace of a department cell, unit by unit with the eliminated transfer legs
 * marked. For auditors and approvers granted the department (the security configuration).
 */
@Controller
class DepartmentStatementPages {

    private final DepartmentStatementService departments;
    private final TraceQueries traces;
    private final ClosedYears closedYears;

    DepartmentStatementPages(
            DepartmentStatementService departments, TraceQueries traces, ClosedYears closedYears) {
        this.departments = departments;
        this.traces = traces;
        this.closedYears = closedYears;
    }

    /** One event of a unit's part of a department trace, as the page prints it. */
    record EventLine(
            boolean eliminated,
            String date,
            String transactionId,
            String kind,
            String contributesYuan,
            String memo,
            String account,
            String eventType) {

        public String accountLink() {
            return Links.account(account);
        }
    }

    /** One unit's part of a department trace. */
    record UnitPart(
            String unit,
            String name,
            String yuan,
            String eliminatedYuan,
            String keptYuan,
            long matching,
            String traceLink,
            List<EventLine> events) {}

    /** One line of the working view, as the page prints it. */
    record Line(
            String cell, String sum, String eliminated, String consolidated, String traceLink) {}

    @GetMapping("/departments/{department}/years/{year}")
    String statements(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template,
            Model model,
            HttpServletResponse response) {
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
        List<Line> lines =
                statements.workingView().stream()
                        .map(
                                cell ->
                                        new Line(
                                                cell.cell().toString(),
                                                DepartmentDocuments.wanYuan(cell.sumFen()),
                                                DepartmentDocuments.wanYuan(cell.eliminatedFen()),
                                                DepartmentDocuments.wanYuan(cell.consolidatedFen()),
                                                base + "/trace?cell=" + cell.cell() + kept))
                        .toList();
        model.addAttribute("department", department);
        model.addAttribute("name", statements.consolidated().unitName());
        model.addAttribute("year", year);
        model.addAttribute("units", statements.units());
        model.addAttribute(
                "yearClosed",
                closedYears.department(departments.units(department, fiscalYear), year));
        model.addAttribute("lines", lines);
        return "department";
    }

    /**
     * Events of each unit shown on a department's trace; the rest are a link away, on the unit's
     * own trace.
     */
    static final int EVENTS_PER_UNIT = 100;

    /**
     * A department cell's trace, read from the database unit by unit: each unit's sums by key, its
     * transfer legs' sum, and its first {@link #EVENTS_PER_UNIT} events (within the filter), with a
     * link to the unit's own trace, where the rest is paged, searched and exported.
     */
    @GetMapping("/departments/{department}/years/{year}/trace")
    String trace(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam String cell,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template,
            TraceFilters filters,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("page", "departments");
        FiscalYear fiscalYear = fiscalYear(year);
        StatementTemplate format = Page.template(template, year);
        CellAddress address;
        try {
            address = CellAddress.parse(cell);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound("没有这个单元格：" + malformed.getMessage());
        }
        if (format.problemWith(address).isPresent()) {
            throw new NotFound("没有这个单元格：" + format.problemWith(address).get());
        }
        List<DepartmentUnit> members;
        try {
            members = departments.units(department, fiscalYear);
        } catch (DepartmentStatementService.NoSuchDepartment none) {
            throw new NotFound(none.getMessage());
        }
        PostingFilter filter = filters.toFilter();
        String asked = format == StatementTemplate.forYear(year) ? null : format.name();
        long sum = 0;
        long eliminated = 0;
        long events = 0;
        List<UnitPart> parts = new ArrayList<>();
        for (DepartmentUnit member : members) {
            TraceQueries.UnitOfDepartment unit =
                    traces.unitOfDepartment(
                            member.unit(),
                            fiscalYear,
                            address,
                            asOf,
                            format,
                            filter,
                            new TracePaging(0, EVENTS_PER_UNIT));
            TraceQueries.TracePage page = unit.page();
            sum = Math.addExact(sum, page.cellFen());
            eliminated = Math.addExact(eliminated, unit.eliminatedFen());
            events += page.cellCount();
            TraceTools tools =
                    new TraceTools(
                            new Links(member.unit().code(), year, null)
                                    .trace(address)
                                    .replaceFirst("\\?.*", ""),
                            TraceTools.keep(address.toString(), asOf, asked),
                            filters);
            parts.add(
                    new UnitPart(
                            member.unit().code(),
                            unit.name(),
                            Money.ofFen(page.cellFen()).toYuanString(),
                            Money.ofFen(unit.eliminatedFen()).toYuanString(),
                            Money.ofFen(unit.keptFen()).toYuanString(),
                            page.eventCount(),
                            tools.page(0, TracePaging.DEFAULT_SIZE),
                            page.rows().stream()
                                    .map(
                                            traced ->
                                                    new EventLine(
                                                            DepartmentStatements.eliminated(
                                                                    traced.posting()),
                                                            String.valueOf(traced.posting().date()),
                                                            traced.posting()
                                                                    .transactionId()
                                                                    .value(),
                                                            traced.posting().kind().code(),
                                                            Money.ofFen(traced.signedFen())
                                                                    .toYuanString(),
                                                            traced.posting().memo(),
                                                            traced.posting().account().id(),
                                                            traced.posting().eventType()))
                                    .toList()));
        }
        long consolidated = Math.subtractExact(sum, eliminated);
        model.addAttribute("department", department);
        model.addAttribute("yearClosed", closedYears.department(members, year));
        model.addAttribute("year", year);
        model.addAttribute("cell", address.toString());
        model.addAttribute("figure", DepartmentDocuments.wanYuan(consolidated));
        model.addAttribute("eventCount", events);
        model.addAttribute("parts", parts);
        model.addAttribute("perUnit", EVENTS_PER_UNIT);
        model.addAttribute("sumYuan", Money.ofFen(sum).toYuanString());
        model.addAttribute("eliminatedYuan", Money.ofFen(eliminated).toYuanString());
        model.addAttribute("consolidatedYuan", Money.ofFen(consolidated).toYuanString());
        Map<String, String> keep = TraceTools.keep(address.toString(), asOf, asked);
        model.addAttribute(
                "tools",
                new TraceTools(
                        "/departments/" + department + "/years/" + year + "/trace", keep, filters));
        model.addAttribute("filters", filters);
        model.addAttribute("kinds", TraceFilters.KINDS);
        model.addAttribute("filtered", filter.narrows());
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
