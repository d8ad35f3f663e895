package ledger.api.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.api.report.Chart;
import ledger.api.report.ChartImages;
import ledger.api.report.EChartsOptions;
import ledger.api.report.ReportService;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.explanation.Explanation;
import ledger.projections.explanation.PriorYearFigures;
import ledger.projections.explanation.StatedFigures;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTemplate;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The 情况说明 written from the ledger, with its charts (图1–图4) where the report places them, every
 * figure that is a statement cell linking to its trace, the blanks a person fills in marked;
 * optionally with last year's figures and a published 情况说明's figures uploaded, to compare. Also the
 * charts on a page of their own and as PNG.
 */
@Controller
class ExplanationPages {

    private final ReportService reports;

    ExplanationPages(ReportService reports) {
        this.reports = reports;
    }

    /** A chart for the page: its ECharts option as JSON. */
    record ChartView(String id, String caption, String options, boolean empty) {
        static ChartView of(Chart chart) {
            return new ChartView(
                    chart.id(), chart.caption(), EChartsOptions.of(chart), chart.isEmpty());
        }
    }

    @GetMapping("/units/{unit}/years/{year}/explanation")
    String explanation(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template,
            Model model) {
        return show(
                Page.unit(unit),
                Page.year(year),
                asOf,
                null,
                StatedFigures.none(),
                Page.template(template, year),
                model);
    }

    @PostMapping("/units/{unit}/years/{year}/explanation")
    String explanationWith(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template,
            @RequestParam(name = "priorYear", required = false) MultipartFile priorYear,
            @RequestParam(name = "published", required = false) MultipartFile published,
            Model model)
            throws IOException {
        List<String> problems = new ArrayList<>();
        PriorYearFigures given = null;
        StatedFigures stated = StatedFigures.none();
        if (priorYear != null && !priorYear.isEmpty()) {
            try (Reader reader = reader(priorYear)) {
                given =
                        PriorYearFigures.parse(
                                reader, String.valueOf(priorYear.getOriginalFilename()));
            } catch (IllegalArgumentException refused) {
                problems.add(refused.getMessage());
            }
        }
        if (published != null && !published.isEmpty()) {
            try (Reader reader = reader(published)) {
                stated = StatedFigures.parse(reader);
            } catch (IllegalArgumentException refused) {
                problems.add(refused.getMessage());
            }
        }
        model.addAttribute("uploadProblems", problems);
        model.addAttribute("compared", !stated.isEmpty());
        return show(
                Page.unit(unit),
                Page.year(year),
                asOf,
                given,
                stated,
                Page.template(template, year),
                model);
    }

    private String show(
            UnitCode unit,
            FiscalYear year,
            LocalDate asOf,
            PriorYearFigures given,
            StatedFigures stated,
            StatementTemplate template,
            Model model) {
        PriorYearFigures prior;
        try {
            prior = reports.priorYear(unit, year, given);
        } catch (IllegalArgumentException wrongYearOrUnit) {
            model.addAttribute("priorProblem", wrongYearOrUnit.getMessage());
            prior = reports.priorYear(unit, year, null);
        }
        Explanation explanation = reports.explanation(unit, year, asOf, prior, stated, template);
        StatementSet set = explanation.statements();
        Page.context(model, set, asOf, "explanation");
        model.addAttribute("explanation", explanation);
        model.addAttribute("chartsBySection", chartsBySection(reports.charts(set, prior)));
        return "explanation";
    }

    /** fig1 → [图1], fig3 → [图3, 图3（续）], …: the charts under each section. */
    private static Map<String, List<ChartView>> chartsBySection(List<Chart> charts) {
        Map<String, List<ChartView>> bySection = new LinkedHashMap<>();
        for (Chart chart : charts) {
            String section =
                    chart.id().contains("-")
                            ? chart.id().substring(0, chart.id().indexOf('-'))
                            : chart.id();
            bySection.computeIfAbsent(section, key -> new ArrayList<>()).add(ChartView.of(chart));
        }
        return bySection;
    }

    @GetMapping("/units/{unit}/years/{year}/charts")
    String charts(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template,
            Model model) {
        StatementSet set =
                reports.statements(
                        Page.unit(unit), Page.year(year), asOf, Page.template(template, year));
        PriorYearFigures prior = reports.priorYear(set.unit(), set.year(), null);
        Page.context(model, set, asOf, "charts");
        model.addAttribute(
                "charts", reports.charts(set, prior).stream().map(ChartView::of).toList());
        model.addAttribute("priorSource", prior.source());
        return "charts";
    }

    @GetMapping("/units/{unit}/years/{year}/charts/{id}.png")
    ResponseEntity<byte[]> chartPng(
            @PathVariable String unit,
            @PathVariable int year,
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        StatementSet set =
                reports.statements(
                        Page.unit(unit), Page.year(year), asOf, Page.template(template, year));
        PriorYearFigures prior = reports.priorYear(set.unit(), set.year(), null);
        Chart chart =
                reports.charts(set, prior).stream()
                        .filter(c -> c.id().equals(id))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new NotFound(
                                                "没有图表 " + id + "（有 fig1、fig2、fig3、fig3-lei、fig4）"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(ChartImages.png(chart));
    }

    private static Reader reader(MultipartFile file) throws IOException {
        return new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
    }
}
