package ledger.projections.statement;

import java.time.LocalDate;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.classification.ClassificationCatalog;
import ledger.projections.posting.Posting;

/**
 * Computes a unit's 部门决算 for a year from its postings. Pure and stateless: the same postings always
 * give the same figures, so statements can be recomputed at any time (as of any date) instead of
 * being maintained incrementally, and a million postings take a fraction of a second.
 */
public final class StatementEngine {

    private StatementEngine() {}

    /**
     * The statement set of one unit and year.
     *
     * @param unitName printed after 部门：
     * @param asOfOrNull count only postings dated up to this day; {@code null} for the whole year
     * @param postings any postings; those of other units, other years or later dates are skipped
     */
    public static StatementSet compute(
            UnitCode unit,
            String unitName,
            FiscalYear year,
            LocalDate asOfOrNull,
            Iterable<Posting> postings) {
        return compute(
                unit, unitName, year, asOfOrNull, postings, ClassificationCatalog.standard());
    }

    /**
     * As {@link #compute(UnitCode, String, FiscalYear, LocalDate, Iterable)}, naming rows from the
     * given catalog.
     */
    public static StatementSet compute(
            UnitCode unit,
            String unitName,
            FiscalYear year,
            LocalDate asOfOrNull,
            Iterable<Posting> postings,
            ClassificationCatalog catalog) {
        return compute(
                unit, unitName, year, asOfOrNull, postings, catalog, StatementTemplate.standard());
    }

    /** As above, laid out and summed in the given template's format. */
    public static StatementSet compute(
            UnitCode unit,
            String unitName,
            FiscalYear year,
            LocalDate asOfOrNull,
            Iterable<Posting> postings,
            ClassificationCatalog catalog,
            StatementTemplate template) {
        PostingScope scope = new PostingScope(unit, year, asOfOrNull);
        CellSums sums = new CellSums(template);
        for (Posting posting : postings) {
            if (scope.includes(posting)) {
                sums.add(posting);
            }
        }
        return StatementSet.of(unit, unitName, year, asOfOrNull, sums.nonZero(), catalog, template);
    }
}
