package ledger.api.report;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ledger.api.statement.ProjectionStatus;
import ledger.api.statement.StatementService;
import ledger.core.account.FiscalYear;
import ledger.core.account.ProjectCode;
import ledger.core.account.UnitCode;
import ledger.projections.explanation.Explanation;
import ledger.projections.explanation.ExplanationGenerator;
import ledger.projections.explanation.ExplanationInput;
import ledger.projections.explanation.PriorYearFigures;
import ledger.projections.explanation.StatedFigures;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingRepository;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.CellTrace;
import ledger.projections.statement.StatementEngine;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTemplate;
import ledger.projections.statement.Trace;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * What people read besides the bare tables: the 情况说明, its charts and the workbook, for a unit and
 * year. Last year's figures come from the ledger's own previous year when it holds one, else from a
 * prior-year figures file given by the user, else from one shipped with the application under
 * {@code samples/} for that unit and year (the 2020 sample ships its 2019 figures).
 */
@Service
public class ReportService {

    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    private final StatementService statements;
    private final PostingRepository postings;
    private final ProjectionStatus projections;

    public ReportService(
            StatementService statements, PostingRepository postings, ProjectionStatus projections) {
        this.statements = statements;
        this.postings = postings;
        this.projections = projections;
    }

    /** The 科目 names of the year (its 科目表). */
    public ledger.core.classification.ClassificationCatalog catalogOf(FiscalYear year) {
        return statements.catalogOf(year);
    }

    /**
     * @throws IllegalArgumentException for a unit the ledger does not know
     */
    public StatementSet statements(UnitCode unit, FiscalYear year, LocalDate asOf) {
        unitName(unit);
        return statements.statements(unit, year, asOf);
    }

    /** As above, in the given template's format. */
    public StatementSet statements(
            UnitCode unit, FiscalYear year, LocalDate asOf, StatementTemplate template) {
        unitName(unit);
        return statements.statements(unit, year, asOf, template);
    }

    /**
     * @throws IllegalArgumentException for a unit the ledger does not know
     */
    public String unitName(UnitCode unit) {
        return postings.unitName(unit)
                .orElseThrow(() -> new IllegalArgumentException("账簿中没有单位 " + unit));
    }

    /**
     * Last year's figures: the ledger's previous year, else {@code given}, else a shipped file.
     *
     * @param given a prior-year figures file the user gave, or null
     */
    public PriorYearFigures priorYear(UnitCode unit, FiscalYear year, PriorYearFigures given) {
        FiscalYear previous = FiscalYear.of(year.value() - 1);
        projections.awaitReadable(CATCH_UP);
        List<Posting> last = postings.postingsOf(unit, previous);
        if (!last.isEmpty()) {
            return PriorYearFigures.fromStatements(
                    StatementEngine.compute(
                            unit,
                            unitName(unit),
                            previous,
                            null,
                            last,
                            statements.catalogOf(previous),
                            StatementTemplate.forYear(previous.value())));
        }
        if (given != null) {
            return given.requireFor(unit, year);
        }
        return shipped(unit, year).orElseGet(() -> PriorYearFigures.none(previous));
    }

    /** A prior-year figures file shipped under {@code samples/} for this unit and year. */
    static Optional<PriorYearFigures> shipped(UnitCode unit, FiscalYear year) {
        String pattern = "classpath*:samples/*/prior-year-" + (year.value() - 1) + ".tsv";
        try {
            for (Resource resource :
                    new PathMatchingResourcePatternResolver().getResources(pattern)) {
                PriorYearFigures figures;
                try (Reader reader =
                        new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    figures =
                            PriorYearFigures.parse(
                                    reader,
                                    "samples/"
                                            + parentName(resource)
                                            + "/"
                                            + resource.getFilename());
                }
                if (figures.unit().filter(unit::equals).isPresent()) {
                    return Optional.of(figures.requireFor(unit, year));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String parentName(Resource resource) throws IOException {
        String url = resource.getURL().toString();
        String[] parts = url.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : "";
    }

    /**
     * The 情况说明 of a unit and year.
     *
     * @param prior from {@link #priorYear}
     * @param stated figures of a published 情况说明 to compare with, or null
     */
    public Explanation explanation(
            UnitCode unit,
            FiscalYear year,
            LocalDate asOf,
            PriorYearFigures prior,
            StatedFigures stated) {
        return explanation(
                unit, year, asOf, prior, stated, StatementTemplate.forYear(year.value()));
    }

    /** As above, speaking of statements in the given template's format. */
    public Explanation explanation(
            UnitCode unit,
            FiscalYear year,
            LocalDate asOf,
            PriorYearFigures prior,
            StatedFigures stated,
            StatementTemplate template) {
        String name = unitName(unit);
        projections.awaitReadable(CATCH_UP);
        List<Posting> ofYear = postings.postingsOf(unit, year);
        return ExplanationGenerator.generate(
                new ExplanationInput(
                        unit,
                        name,
                        year,
                        asOf,
                        ofYear,
                        statements.catalogOf(year),
                        projectNames(unit),
                        prior,
                        stated,
                        template));
    }

    /** A figure's statements and trace, from one read of the postings. */
    public record TracedFigure(StatementSet statements, Trace trace) {}

    /** The statements of a unit-year and the trace of one of their cells, which adds up to it. */
    public TracedFigure trace(UnitCode unit, FiscalYear year, CellAddress cell, LocalDate asOf) {
        return trace(unit, year, cell, asOf, StatementTemplate.forYear(year.value()));
    }

    /** As above, in the given template's cells. */
    public TracedFigure trace(
            UnitCode unit,
            FiscalYear year,
            CellAddress cell,
            LocalDate asOf,
            StatementTemplate template) {
        String name = unitName(unit);
        projections.awaitReadable(CATCH_UP);
        List<Posting> ofYear = postings.postingsOf(unit, year);
        return new TracedFigure(
                StatementEngine.compute(
                        unit, name, year, asOf, ofYear, statements.catalogOf(year), template),
                CellTrace.over(unit, year, ofYear, asOf, template).trace(cell));
    }

    /** 图1–图4 of a statement set. */
    public List<Chart> charts(StatementSet set, PriorYearFigures prior) {
        return ReportCharts.of(set, prior);
    }

    public Map<ProjectCode, String> projectNames(UnitCode unit) {
        return postings.projectNames(unit);
    }
}
