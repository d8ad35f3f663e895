package ledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ledger.api.department.DepartmentStatementService;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.YearCloser;
import ledger.api.report.Amounts;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.classification.ClassificationCatalog;
import ledger.core.department.DepartmentUnit;
import ledger.core.year.FiscalYearClosed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A department's year close in the browser, with the unit close page's confirmation: every line
 * each unit will carry forward and the totals, before anything is written. It closes the units
 * whose year is still open through {@link YearCloser#closeAll}, in one transaction: all of them or
 * none. Units already closed one by one are listed as such, so a partly closed department is
 * finished here. Approvers granted the department only (the security configuration).
 */
@Controller
class DepartmentClosePages {

    private final DepartmentStatementService departments;
    private final YearCloser closer;
    private final JdbcLedgerRegistry registry;

    DepartmentClosePages(
            DepartmentStatementService departments,
            YearCloser closer,
            JdbcLedgerRegistry registry) {
        this.departments = departments;
        this.closer = closer;
        this.registry = registry;
    }

    /** One line a unit's close carries forward, for the confirmation. */
    record CarriedView(
            String unit, String fund, String functional, String economic, String amount) {}

    /** A unit of the department and what its close carries (or that it is closed already). */
    record UnitView(String unit, String name, boolean closed, String carried) {}

    @GetMapping("/departments/{department}/years/{year}/close")
    String confirmation(@PathVariable String department, @PathVariable int year, Model model) {
        FiscalYear fiscalYear = Page.year(year);
        List<DepartmentUnit> units = context(model, department, year);
        List<UnitCode> open = open(units, fiscalYear);
        LocalDate closedOn = YearCloser.defaultClosedOn(fiscalYear);
        model.addAttribute("closedOn", closedOn);
        if (open.isEmpty()) {
            model.addAttribute("unitViews", unitViews(units, fiscalYear, List.of()));
            return "department-close";
        }
        try {
            List<YearCloser.UnitPreview> previews = closer.previewAll(open, fiscalYear, closedOn);
            ClassificationCatalog names = registry.catalog(fiscalYear);
            List<CarriedView> lines = new ArrayList<>();
            long total = 0;
            for (YearCloser.UnitPreview unit : previews) {
                for (YearCloser.CarriedLine line : unit.preview().lines()) {
                    AccountKey key = line.from();
                    lines.add(
                            new CarriedView(
                                    unit.unit().code(),
                                    key.fund().chineseName(),
                                    key.functional().code()
                                            + " "
                                            + names.functionalName(key.functional()).orElse(""),
                                    key.economic().code()
                                            + " "
                                            + names.economicName(key.economic()).orElse(""),
                                    Amounts.yuan(line.amount().fen())));
                }
                total = Math.addExact(total, unit.preview().closed().carriedTotal().fen());
            }
            model.addAttribute("unitViews", unitViews(units, fiscalYear, previews));
            model.addAttribute("openCount", open.size());
            model.addAttribute("carried", lines);
            model.addAttribute("carriedTotal", Amounts.yuan(total));
        } catch (JournalRefused refused) {
            model.addAttribute("unitViews", unitViews(units, fiscalYear, List.of()));
            model.addAttribute("problems", YearPages.problems(refused));
        }
        return "department-close";
    }

    @PostMapping("/departments/{department}/years/{year}/close")
    String close(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam(required = false) String confirm,
            Principal user,
            Model model,
            HttpServletResponse response) {
        if (!"yes".equals(confirm)) {
            // Only the confirmation's own button closes; anything else shows what would be carried.
            return confirmation(department, year, model);
        }
        FiscalYear fiscalYear = Page.year(year);
        List<DepartmentUnit> units = context(model, department, year);
        List<UnitCode> open = open(units, fiscalYear);
        try {
            List<FiscalYearClosed> closed =
                    closer.closeAll(
                            open,
                            fiscalYear,
                            YearCloser.defaultClosedOn(fiscalYear),
                            user == null ? "web:anonymous" : "web:" + user.getName());
            long total = 0;
            int accounts = 0;
            for (FiscalYearClosed one : closed) {
                total = Math.addExact(total, one.carriedTotal().fen());
                accounts += one.accountsCarried();
            }
            model.addAttribute("closedUnits", closed.size());
            model.addAttribute("accountsCarried", accounts);
            model.addAttribute("carriedTotal", Amounts.yuan(total));
        } catch (JournalRefused refused) {
            response.setStatus(422);
            model.addAttribute("problems", YearPages.problems(refused));
        }
        model.addAttribute("unitViews", unitViews(units, fiscalYear, List.of()));
        return "department-close";
    }

    private List<DepartmentUnit> context(Model model, String department, int year) {
        List<DepartmentUnit> units;
        try {
            units = departments.units(department, Page.year(year));
        } catch (DepartmentStatementService.NoSuchDepartment none) {
            throw new NotFound(none.getMessage());
        }
        model.addAttribute("page", "departments");
        model.addAttribute("department", department);
        model.addAttribute("name", units.get(0).departmentName());
        model.addAttribute("year", year);
        model.addAttribute("nextYear", year + 1);
        model.addAttribute("units", units);
        model.addAttribute("departmentLink", "/departments/" + department + "/years/" + year);
        return units;
    }

    private List<UnitCode> open(List<DepartmentUnit> units, FiscalYear year) {
        return units.stream()
                .map(DepartmentUnit::unit)
                .filter(unit -> !registry.isClosed(unit, year))
                .toList();
    }

    private List<UnitView> unitViews(
            List<DepartmentUnit> units, FiscalYear year, List<YearCloser.UnitPreview> previews) {
        return units.stream()
                .map(
                        unit ->
                                new UnitView(
                                        unit.unit().code(),
                                        unit.unitName(),
                                        registry.isClosed(unit.unit(), year),
                                        previews.stream()
                                                .filter(p -> p.unit().equals(unit.unit()))
                                                .map(
                                                        p ->
                                                                Amounts.yuan(
                                                                        p.preview()
                                                                                .closed()
                                                                                .carriedTotal()
                                                                                .fen()))
                                                .findFirst()
                                                .orElse("")))
                .toList();
    }
}
