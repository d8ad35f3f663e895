package ledger.api.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import ledger.api.report.Amounts;
import ledger.api.report.PublishedUpload;
import ledger.api.report.ReportService;
import ledger.api.report.StatementLayout;
import ledger.api.report.StatementWorkbook;
import ledger.api.statement.AccountingService;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.CellDifference;
import ledger.projections.statement.Finding;
import ledger.projections.statement.PublishedFigures;
import ledger.projections.statement.Reconciliation;
import ledger.projections.statement.ReconciliationReport;
import ledger.projections.statement.StatementChecks;
import ledger.projections.statement.StatementSet;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The statement pages: choose a unit, year and date; 表1–表9 laid out as published, every figure a
 * link to its trace; the 审核公式 with the offending cells marked; the reconciliation with a published
 * report (uploaded TSV); and the workbook to download.
 */
@Controller
class StatementPages {

    private final ReportService reports;
    private final WebDirectory directory;
    private final AccountingService accounting;

    StatementPages(ReportService reports, WebDirectory directory, AccountingService accounting) {
        this.accounting = accounting;
        this.reports = reports;
        this.directory = directory;
    }

    @GetMapping("/")
    String home(Model model) {
        List<WebDirectory.UnitYears> units = directory.units();
        model.addAttribute("units", units);
        model.addAttribute(
                "allYears",
                units.stream()
                        .flatMap(u -> u.years().stream())
                        .distinct()
                        .sorted(java.util.Comparator.reverseOrder())
                        .toList());
        model.addAttribute("page", "home");
        return "home";
    }

    /** The home page's form: to the statements of the chosen unit, year and date. */
    @GetMapping("/open")
    String open(
            @RequestParam String unit,
            @RequestParam int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        Page.unit(unit);
        Page.year(year);
        return "redirect:"
                + new Links(
                                unit,
                                year,
                                asOf,
                                template == null || template.isBlank() ? null : template.strip())
                        .statements();
    }

    @GetMapping("/units/{unit}/years/{year}")
    String statements(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template,
            Model model) {
        StatementSet set =
                reports.statements(
                        Page.unit(unit), Page.year(year), asOf, Page.template(template, year));
        List<Finding> findings = StatementChecks.evaluate(set);
        Page.context(model, set, asOf, "statements");
        model.addAttribute("tables", StatementLayout.layOut(set));
        model.addAttribute("marks", CellMarks.ofFindings(findings));
        model.addAttribute("errors", findings.stream().filter(Finding::isError).count());
        model.addAttribute(
                "notes", findings.stream().filter(finding -> !finding.isError()).count());
        model.addAttribute(
                "years",
                directory.units().stream()
                        .filter(u -> u.code().equals(unit))
                        .findFirst()
                        .map(WebDirectory.UnitYears::years)
                        .orElse(List.of()));
        return "statements";
    }

    @GetMapping("/units/{unit}/years/{year}/statements.xlsx")
    ResponseEntity<byte[]> workbook(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        StatementSet set =
                reports.statements(
                        Page.unit(unit), Page.year(year), asOf, Page.template(template, year));
        String name = unit + "-" + year + "-部门决算" + (asOf == null ? "" : "-截至" + asOf) + ".xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(StatementWorkbook.CONTENT_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(
                        StatementWorkbook.write(
                                set, accounting.sheets(set.unit(), set.year(), asOf)));
    }

    @GetMapping("/units/{unit}/years/{year}/checks")
    String checks(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template,
            Model model) {
        StatementSet set =
                reports.statements(
                        Page.unit(unit), Page.year(year), asOf, Page.template(template, year));
        // the statements' own rules and their ties to the 预算会计 科目余额表
        List<Finding> findings = accounting.checks(set, asOf);
        Page.context(model, set, asOf, "checks");
        model.addAttribute("tables", StatementLayout.layOut(set));
        model.addAttribute("marks", CellMarks.ofFindings(findings));
        model.addAttribute("findings", findings.stream().map(FindingView::of).toList());
        return "checks";
    }

    @GetMapping("/units/{unit}/years/{year}/reconciliation")
    String reconciliationForm(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) String template,
            Model model) {
        StatementSet set =
                reports.statements(
                        Page.unit(unit), Page.year(year), null, Page.template(template, year));
        Page.context(model, set, null, "reconciliation");
        return "reconciliation";
    }

    /**
     * Reconciles with published figures uploaded as a file or pasted as text: a published-figures
     * TSV, or the published report itself (its PDF or text), whose figures are read from it.
     */
    @PostMapping("/units/{unit}/years/{year}/reconciliation")
    String reconcile(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(name = "published", required = false) MultipartFile file,
            @RequestParam(name = "text", required = false) String text,
            @RequestParam(required = false) String template,
            Model model)
            throws IOException {
        boolean uploaded = file != null && !file.isEmpty();
        byte[] content =
                uploaded
                        ? file.getBytes()
                        : (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        String source = uploaded ? file.getOriginalFilename() : "粘贴的内容";
        PublishedUpload upload = null;
        String problem = null;
        if (new String(content, StandardCharsets.UTF_8).isBlank()) {
            problem = "请选择公布数文件（TSV：表<TAB>行<TAB>栏<TAB>数值）或公布的决算报告（PDF 或文本），或粘贴其内容。";
        } else {
            try {
                upload =
                        PublishedUpload.of(
                                content, source == null ? "上传的文件" : source, template, year);
            } catch (IllegalArgumentException refused) {
                problem = refused.getMessage();
            }
        }
        StatementSet set =
                reports.statements(
                        Page.unit(unit),
                        Page.year(year),
                        null,
                        Page.template(upload == null ? template : upload.template(), year));
        Page.context(model, set, null, "reconciliation");
        if (problem != null) {
            model.addAttribute("problem", problem);
            return "reconciliation";
        }
        PublishedFigures published;
        try {
            published = upload.figures(set.template());
        } catch (IllegalArgumentException refused) {
            model.addAttribute("problem", "公布数文件有误：" + refused.getMessage());
            return "reconciliation";
        }
        model.addAttribute("readNote", upload.note());
        ReconciliationReport report = Reconciliation.reconcile(set, published);
        model.addAttribute("report", report);
        model.addAttribute("source", source);
        model.addAttribute(
                "differences", report.differences().stream().map(DifferenceView::of).toList());
        model.addAttribute(
                "publishedFindings",
                report.publishedFindings().stream().map(FindingView::of).toList());
        model.addAttribute("tables", StatementLayout.layOut(set));
        model.addAttribute("marks", CellMarks.ofReconciliation(report));
        return "reconciliation";
    }

    /** A finding as the checks page lists it. */
    record FindingView(
            boolean error,
            String severity,
            String rule,
            String text,
            String original,
            List<CellAddress> cells) {
        static FindingView of(Finding finding) {
            return new FindingView(
                    finding.isError(),
                    FindingText.severity(finding),
                    finding.rule(),
                    FindingText.finding(finding),
                    finding.message(),
                    finding.cells());
        }
    }

    /** A differing cell as the reconciliation lists it; amounts are published − ledger. */
    record DifferenceView(
            CellAddress cell,
            String published,
            String ledger,
            String difference,
            String explainedAmount,
            String unexplainedAmount,
            boolean explained,
            String text) {
        static DifferenceView of(CellDifference difference) {
            return new DifferenceView(
                    difference.cell(),
                    difference.published() == null ? "空白" : Amounts.format(difference.published()),
                    Amounts.format(difference.ledger()),
                    Amounts.format(difference.difference()),
                    Amounts.format(difference.explained()),
                    Amounts.format(difference.unexplained()),
                    difference.isExplained(),
                    FindingText.difference(difference));
        }
    }
}
