package ledger.projections.statement;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Summing summing = new Summing(unit, year, asOfOrNull, template);
        postings.forEach(summing::add);
        return summing.statements(unitName, catalog);
    }

    /**
     * A unit-year's statements summed as its postings stream by, for a pass over more postings than
     * fit in memory (the statements straight from the event store): the same sums as {@link
     * #compute}, which is this over a list.
     */
    public static final class Summing {

        private final PostingScope scope;
        private final StatementTemplate template;
        private final CellSums sums;

        /**
         * @param asOfOrNull count only postings dated up to this day; {@code null} for the whole
         *     year
         */
        public Summing(
                UnitCode unit, FiscalYear year, LocalDate asOfOrNull, StatementTemplate template) {
            this.scope = new PostingScope(unit, year, asOfOrNull);
            this.template = template;
            this.sums = new CellSums(template);
        }

        /** Counts the posting if it is the unit's, of the year and not later than the day. */
        public void add(Posting posting) {
            if (scope.includes(posting)) {
                sums.add(posting);
            }
        }

        /** The statement set of what was added. */
        public StatementSet statements(String unitName, ClassificationCatalog catalog) {
            return statements(List.of(this), unitName, catalog);
        }

        /**
         * The statement set of what was added to any of these, which sum the same unit-year in the
         * same template (one per core, each fed part of the postings): sums do not depend on order.
         */
        public static StatementSet statements(
                List<Summing> parts, String unitName, ClassificationCatalog catalog) {
            Summing first = parts.get(0);
            Map<CellAddress, Long> fen = new LinkedHashMap<>();
            for (Summing part : parts) {
                if (!part.scope.equals(first.scope) || part.template != first.template) {
                    throw new IllegalArgumentException(
                            "parts of one statement set sum one unit-year in one template");
                }
                part.sums.nonZero().forEach((cell, sum) -> fen.merge(cell, sum, Math::addExact));
            }
            fen.values().removeIf(sum -> sum == 0L);
            return StatementSet.of(
                    first.scope.unit(),
                    unitName,
                    first.scope.year(),
                    first.scope.asOf(),
                    fen,
                    catalog,
                    first.template);
        }
    }
}
