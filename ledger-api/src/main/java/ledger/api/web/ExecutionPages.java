package ledger.api.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ledger.api.department.DepartmentStatementService;
import ledger.api.report.Amounts;
import ledger.api.report.StatementWorkbook;
import ledger.api.statement.ExecutionService;
import ledger.api.statement.ExecutionService.Execution;
import ledger.core.account.FiscalYear;
import ledger.core.account.ProjectCode;
import ledger.projections.accounting.AccountingGrids;
import ledger.projections.accounting.BudgetExecution;
import ledger.projections.accounting.BudgetJournal;
import ledger.projections.accounting.Grid;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingRepository;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The 预算执行进度 page of a unit or a department: 类/款/项 and budget lines indented, every figure a link
 * to the events behind it (with who recorded each and when), and the same table as a workbook.
 */
@Controller
class ExecutionPages {

    private final ExecutionService executions;
    private final PostingRepository postings;

    ExecutionPages(ExecutionService executions, PostingRepository postings) {
        this.executions = executions;
        this.postings = postings;
    }

    /** A figure as the page shows it, with the link to its events. */
    record FigureView(String text, String link) {}

    /** A row as the page shows it: level (for the indent), its labels and its figures. */
    record RowView(
            String level,
            String levelName,
            String key,
            String label,
            String economic,
            List<FigureView> figures,
            String executed,
            boolean total) {}

    @GetMapping("/units/{unit}/years/{year}/execution")
    String unit(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            Model model) {
        Execution execution = unitExecution(unit, year, asOf);
        unitContext(model, execution, unit, year, asOf);
        return page(model, execution, base(unit, year, false), asOf);
    }

    @GetMapping("/units/{unit}/years/{year}/execution.xlsx")
    ResponseEntity<byte[]> unitWorkbook(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf) {
        return workbook(unitExecution(unit, year, asOf), unit, year, asOf);
    }

    @GetMapping("/units/{unit}/years/{year}/execution/events")
    String unitEvents(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam String row,
            @RequestParam String figure,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            Model model) {
        Execution execution = unitExecution(unit, year, asOf);
        unitContext(model, execution, unit, year, asOf);
        return events(model, execution, base(unit, year, false), row, figure, asOf);
    }

    @GetMapping("/departments/{department}/years/{year}/execution")
    String department(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            Model model) {
        Execution execution = departmentExecution(department, year, asOf);
        departmentContext(model, execution, department, year, asOf);
        return page(model, execution, base(department, year, true), asOf);
    }

    @GetMapping("/departments/{department}/years/{year}/execution.xlsx")
    ResponseEntity<byte[]> departmentWorkbook(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf) {
        return workbook(departmentExecution(department, year, asOf), department, year, asOf);
    }

    @GetMapping("/departments/{department}/years/{year}/execution/events")
    String departmentEvents(
            @PathVariable String department,
            @PathVariable int year,
            @RequestParam String row,
            @RequestParam String figure,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            Model model) {
        Execution execution = departmentExecution(department, year, asOf);
        departmentContext(model, execution, department, year, asOf);
        return events(model, execution, base(department, year, true), row, figure, asOf);
    }

    private String page(Model model, Execution execution, String base, LocalDate asOf) {
        Grid grid = execution.grid();
        List<RowView> rows = new ArrayList<>();
        int first = 3; // 级次, 功能分类 / 资金来源, 经济分类, then the figures
        for (int i = 0; i < grid.rows().size(); i++) {
            Grid.Row row = grid.rows().get(i);
            BudgetExecution.Row figures = execution.execution().rows().get(i);
            List<FigureView> views = new ArrayList<>();
            for (int f = 0; f < AccountingGrids.EXECUTION_FIGURES.size(); f++) {
                BudgetExecution.Figure figure = AccountingGrids.EXECUTION_FIGURES.get(f);
                views.add(
                        new FigureView(
                                Grid.text(row.cells().get(first + f)),
                                link(
                                        base + "/events",
                                        asOf,
                                        "row",
                                        figures.key(),
                                        "figure",
                                        figure.code())));
            }
            rows.add(
                    new RowView(
                            figures.level().name().toLowerCase(java.util.Locale.ROOT),
                            figures.level().chineseName(),
                            figures.key(),
                            Grid.text(row.cells().get(1)).strip(),
                            Grid.text(row.cells().get(2)),
                            views,
                            Grid.text(row.cells().get(row.cells().size() - 1)),
                            row.total()));
        }
        model.addAttribute("grid", grid);
        model.addAttribute("rows", rows);
        model.addAttribute("figures", AccountingGrids.EXECUTION_FIGURES);
        model.addAttribute("action", base);
        model.addAttribute("workbookLink", link(base + ".xlsx", asOf));
        model.addAttribute("wholeYear", base);
        return "execution";
    }

    private String events(
            Model model,
            Execution execution,
            String base,
            String row,
            String figureText,
            LocalDate asOf) {
        BudgetExecution.Figure figure;
        List<Posting> behind;
        try {
            figure = BudgetExecution.Figure.parse(figureText);
            behind = execution.behind(row, figure);
        } catch (IllegalArgumentException noSuch) {
            throw new NotFound(noSuch.getMessage());
        }
        BudgetExecution.Row shown = execution.execution().row(row);
        Map<UnitAndProject, String> projects = new java.util.HashMap<>();
        List<PostingView> views = new ArrayList<>();
        List<String> contributions = new ArrayList<>();
        for (Posting p : behind) {
            String projectName =
                    p.project() == null
                            ? null
                            : projects.computeIfAbsent(
                                    new UnitAndProject(p.account().unit(), p.project()),
                                    k -> postings.projectName(k.unit(), k.project()).orElse(null));
            views.add(PostingView.of(p, execution.names(), projectName));
            contributions.add(Amounts.yuan(figure.contribution(p)));
        }
        model.addAttribute("figure", figure);
        model.addAttribute("rowLabel", label(shown, execution));
        model.addAttribute("total", Amounts.yuan(shown.fen(figure)));
        model.addAttribute("postings", views);
        model.addAttribute("contributions", contributions);
        model.addAttribute("back", link(base, asOf));
        return "execution-events";
    }

    private record UnitAndProject(ledger.core.account.UnitCode unit, ProjectCode project) {}

    private static String label(BudgetExecution.Row row, Execution execution) {
        return switch (row.level()) {
            case TOTAL -> "合计";
            case LINE -> row.account().id() + " " + row.account().fund().chineseName();
            default ->
                    row.functional()
                            + " "
                            + execution
                                    .names()
                                    .functionalName(
                                            ledger.core.classification.FunctionalCode.of(
                                                    row.functional()))
                                    .orElse("");
        };
    }

    private ResponseEntity<byte[]> workbook(
            Execution execution, String code, int year, LocalDate asOf) {
        String name = "预算执行-" + code + "-" + year + (asOf == null ? "" : "-" + asOf) + ".xlsx";
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(
                        org.springframework.http.MediaType.parseMediaType(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(StatementWorkbook.write(List.of(execution.grid())));
    }

    private Execution unitExecution(String unit, int year, LocalDate asOf) {
        FiscalYear fiscalYear = inYear(year, asOf);
        try {
            return executions.unit(Page.unit(unit), fiscalYear, asOf);
        } catch (IllegalArgumentException unknown) {
            throw new NotFound(unknown.getMessage());
        }
    }

    private Execution departmentExecution(String department, int year, LocalDate asOf) {
        FiscalYear fiscalYear = inYear(year, asOf);
        try {
            return executions.department(department, fiscalYear, asOf);
        } catch (DepartmentStatementService.NoSuchDepartment none) {
            throw new NotFound(none.getMessage());
        }
    }

    /** The year, and a date in it: 400 naming 截至日期 otherwise, as the other pages say it. */
    private static FiscalYear inYear(int year, LocalDate asOf) {
        FiscalYear fiscalYear = Page.year(year);
        try {
            BudgetJournal.requireInYear(fiscalYear, asOf);
        } catch (IllegalArgumentException outside) {
            throw new IllegalArgumentException("截至日期（asOf）：" + outside.getMessage(), outside);
        }
        return fiscalYear;
    }

    private static void unitContext(
            Model model, Execution execution, String unit, int year, LocalDate asOf) {
        model.addAttribute("links", new Links(unit, year, asOf));
        model.addAttribute("unit", unit);
        model.addAttribute("unitName", execution.execution().name());
        model.addAttribute("year", year);
        model.addAttribute("asOf", asOf);
        model.addAttribute("page", "execution");
        model.addAttribute("scope", "单位");
    }

    private static void departmentContext(
            Model model, Execution execution, String department, int year, LocalDate asOf) {
        model.addAttribute("page", "departments");
        model.addAttribute("department", department);
        model.addAttribute("departmentName", execution.execution().name());
        model.addAttribute("year", year);
        model.addAttribute("asOf", asOf);
        model.addAttribute("scope", "部门");
    }

    private static String base(String code, int year, boolean department) {
        return UriComponentsBuilder.fromPath(
                        (department ? "/departments/" : "/units/")
                                + "{code}/years/{year}/execution")
                .buildAndExpand(code, year)
                .encode()
                .toUriString();
    }

    private static String link(String path, LocalDate asOf, String... params) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i < params.length; i += 2) {
            link.queryParam(params[i], params[i + 1]);
        }
        if (asOf != null) {
            link.queryParam("asOf", asOf.toString());
        }
        return link.encode().toUriString();
    }
}
