package ledger.api.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import ledger.api.recording.JournalRefused;
import ledger.api.report.ReportService;
import ledger.api.statement.StatementService;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.journal.JournalProblem;
import ledger.projections.explanation.Explanation;
import ledger.projections.explanation.PriorYearFigures;
import ledger.projections.explanation.StatedFigures;
import ledger.projections.statement.StatementTemplate;
import ledger.projections.statement.TemplateRefused;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The 情况说明 as text over the API (what {@code ledger explanation} prints), with the published 情况说明's
 * figures and last year's figures as optional uploads. Reads only.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "ledger")
class ExplanationApi {

    /** The 情况说明 and where a published one contradicts the ledger (empty when none was given). */
    record ExplanationView(String text, List<String> contradictions) {}

    private final ReportService reports;
    private final JdbcLedgerRegistry registry;

    ExplanationApi(ReportService reports, JdbcLedgerRegistry registry) {
        this.reports = reports;
        this.registry = registry;
    }

    @Operation(summary = "The 情况说明 written from the ledger, reasons left as marked blanks")
    @GetMapping("/units/{unit}/years/{year}/explanation")
    ExplanationView explanation(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) String template) {
        return write(unit, year, asOf, null, StatedFigures.none(), template);
    }

    @Operation(
            summary =
                    "The 情况说明, with last year's figures (part 'priorYear', key<TAB>value) and a published"
                            + " 情况说明's figures (part 'published', key<TAB>printed<TAB>where) to compare with")
    @PostMapping(
            value = "/units/{unit}/years/{year}/explanation",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ExplanationView explanationWith(
            @PathVariable String unit,
            @PathVariable int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestPart(name = "priorYear", required = false) MultipartFile priorYear,
            @RequestPart(name = "published", required = false) MultipartFile published,
            @RequestParam(required = false) String template)
            throws IOException {
        PriorYearFigures given = null;
        if (priorYear != null && !priorYear.isEmpty()) {
            try (Reader reader = reader(priorYear)) {
                given =
                        PriorYearFigures.parse(
                                reader, String.valueOf(priorYear.getOriginalFilename()));
            } catch (IllegalArgumentException refused) {
                throw refused("priorYear", refused);
            }
        }
        StatedFigures stated = StatedFigures.none();
        if (published != null && !published.isEmpty()) {
            try (Reader reader = reader(published)) {
                stated = StatedFigures.parse(reader);
            } catch (IllegalArgumentException refused) {
                throw refused("published", refused);
            }
        }
        return write(unit, year, asOf, given, stated, template);
    }

    private ExplanationView write(
            String unit,
            int year,
            LocalDate asOf,
            PriorYearFigures given,
            StatedFigures stated,
            String template) {
        FiscalYear fiscalYear = PathParameters.fiscalYear(year);
        StatementTemplate format;
        try {
            format = StatementService.builtInTemplate(template, fiscalYear);
        } catch (TemplateRefused refusedTemplate) {
            throw BadRequest.malformed("template", String.join("; ", refusedTemplate.problems()));
        }
        UnitCode code = PathParameters.knownUnit(unit, registry);
        PriorYearFigures prior;
        try {
            prior = reports.priorYear(code, fiscalYear, given);
        } catch (IllegalArgumentException wrongYearOrUnit) {
            throw refused("priorYear", wrongYearOrUnit);
        }
        Explanation explanation =
                reports.explanation(code, fiscalYear, asOf, prior, stated, format);
        return new ExplanationView(
                explanation.toText(),
                explanation.contradictions().stream().map(finding -> finding.message()).toList());
    }

    private static JournalRefused refused(String part, IllegalArgumentException reason) {
        return new JournalRefused(List.of(new JournalProblem(0, part, reason.getMessage())));
    }

    private static Reader reader(MultipartFile file) throws IOException {
        return new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
    }
}
