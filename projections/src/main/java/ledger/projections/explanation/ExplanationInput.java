package ledger.projections.explanation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ledger.core.account.FiscalYear;
import ledger.core.account.ProjectCode;
import ledger.core.account.UnitCode;
import ledger.core.classification.ClassificationCatalog;
import ledger.projections.posting.Posting;
import ledger.projections.statement.StatementTemplate;

/**
 * What a 情况说明 is written from: one unit-year's postings (budgets included), the names the ledger
 * knows (catalog, projects), last year's figures and, optionally, the figures a published 情况说明
 * states, to name where they contradict the ledger.
 *
 * @param asOf count only postings dated up to this day; null for the whole year
 * @param postings the unit's postings of the year; others are skipped
 * @param catalog names of functional and economic codes; null for the standard catalog
 * @param projectNames project names by code; a project without a name is shown by its code
 * @param prior last year's figures; null when there are none
 * @param stated a published 情况说明's figures; null when there is nothing to compare
 * @param template the format of the statements it speaks of; null for the year's
 */
public record ExplanationInput(
        UnitCode unit,
        String unitName,
        FiscalYear year,
        LocalDate asOf,
        List<Posting> postings,
        ClassificationCatalog catalog,
        Map<ProjectCode, String> projectNames,
        PriorYearFigures prior,
        StatedFigures stated,
        StatementTemplate template) {

    /** In the year's format: {@code 2020} up to 2023, {@code 2024} from 2024. */
    public ExplanationInput(
            UnitCode unit,
            String unitName,
            FiscalYear year,
            LocalDate asOf,
            List<Posting> postings,
            ClassificationCatalog catalog,
            Map<ProjectCode, String> projectNames,
            PriorYearFigures prior,
            StatedFigures stated) {
        this(unit, unitName, year, asOf, postings, catalog, projectNames, prior, stated, null);
    }

    public ExplanationInput {
        if (unit == null || year == null || postings == null) {
            throw new IllegalArgumentException("unit, year and postings are required");
        }
        unitName = unitName == null || unitName.isBlank() ? unit.code() : unitName;
        catalog = catalog == null ? ClassificationCatalog.standard() : catalog;
        projectNames = projectNames == null ? Map.of() : Map.copyOf(projectNames);
        prior = prior == null ? PriorYearFigures.none(FiscalYear.of(year.value() - 1)) : prior;
        stated = stated == null ? StatedFigures.none() : stated;
        template = template == null ? StatementTemplate.forYear(year.value()) : template;
    }

    public ExplanationInput withTemplate(StatementTemplate format) {
        return new ExplanationInput(
                unit, unitName, year, asOf, postings, catalog, projectNames, prior, stated, format);
    }

    /** The whole year, standard catalog, no names, no prior year, nothing to compare. */
    public static ExplanationInput of(
            UnitCode unit, String unitName, FiscalYear year, List<Posting> postings) {
        return new ExplanationInput(unit, unitName, year, null, postings, null, null, null, null);
    }

    public ExplanationInput withProjectNames(Map<ProjectCode, String> names) {
        return new ExplanationInput(
                unit, unitName, year, asOf, postings, catalog, names, prior, stated, template);
    }

    public ExplanationInput withPrior(PriorYearFigures figures) {
        return new ExplanationInput(
                unit,
                unitName,
                year,
                asOf,
                postings,
                catalog,
                projectNames,
                figures,
                stated,
                template);
    }

    public ExplanationInput withStated(StatedFigures figures) {
        return new ExplanationInput(
                unit,
                unitName,
                year,
                asOf,
                postings,
                catalog,
                projectNames,
                prior,
                figures,
                template);
    }

    public ExplanationInput asOf(LocalDate date) {
        return new ExplanationInput(
                unit,
                unitName,
                year,
                date,
                postings,
                catalog,
                projectNames,
                prior,
                stated,
                template);
    }
}
