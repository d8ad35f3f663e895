package ledger.projections.statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.posting.Posting;

/**
 * Drill-down in both directions: from a cell to the postings behind it, and from a posting to every
 * cell it feeds. Both use {@link CellMap}, the definition the engine sums by, so a trace always
 * adds up to the figure it explains.
 *
 * <p>An instance keeps the postings in scope and the cells of each account, for tracing many cells
 * of one statement; it is not thread-safe. The static methods trace a single cell.
 */
public final class CellTrace {

    private final List<Posting> postings;
    private final ContributionCache cache;

    private CellTrace(List<Posting> postings, StatementTemplate template) {
        this.postings = postings;
        this.cache = new ContributionCache(template);
    }

    /** A tracer over the postings a statement set of this unit, year and date counts. */
    public static CellTrace over(
            UnitCode unit, FiscalYear year, Iterable<Posting> postings, LocalDate asOfOrNull) {
        return over(unit, year, postings, asOfOrNull, StatementTemplate.standard());
    }

    /** As above, in the cells of the given template. */
    public static CellTrace over(
            UnitCode unit,
            FiscalYear year,
            Iterable<Posting> postings,
            LocalDate asOfOrNull,
            StatementTemplate template) {
        PostingScope scope = new PostingScope(unit, year, asOfOrNull);
        List<Posting> inScope = new ArrayList<>();
        postings.forEach(
                posting -> {
                    if (scope.includes(posting)) {
                        inScope.add(posting);
                    }
                });
        return new CellTrace(inScope, template);
    }

    /**
     * The postings feeding a cell, in the order given, and their signed sum.
     *
     * @param postingsOfUnitYear the postings of the statement's unit and year
     * @param asOfOrNull skip postings dated after this day; {@code null} for the year
     */
    public static Trace trace(
            CellAddress cell, Iterable<Posting> postingsOfUnitYear, LocalDate asOfOrNull) {
        return trace(cell, postingsOfUnitYear, asOfOrNull, StatementTemplate.standard());
    }

    /** As above, in the cells of the given template. */
    public static Trace trace(
            CellAddress cell,
            Iterable<Posting> postingsOfUnitYear,
            LocalDate asOfOrNull,
            StatementTemplate template) {
        List<Posting> inRange = new ArrayList<>();
        for (Posting posting : postingsOfUnitYear) {
            if (asOfOrNull == null
                    || posting.date() == null
                    || !posting.date().isAfter(asOfOrNull)) {
                inRange.add(posting);
            }
        }
        return new CellTrace(inRange, template).trace(cell);
    }

    /** As above, keeping only the unit's postings of the year, exactly as the engine does. */
    public static Trace trace(
            UnitCode unit,
            FiscalYear year,
            CellAddress cell,
            Iterable<Posting> postings,
            LocalDate asOfOrNull) {
        return over(unit, year, postings, asOfOrNull).trace(cell);
    }

    /** Every cell one posting feeds, with its sign. */
    public static List<Contribution> contributionsOf(Posting posting) {
        return CellMap.contributionsOf(posting);
    }

    /** Every cell one posting feeds in the template's format, with its sign. */
    public static List<Contribution> contributionsOf(StatementTemplate template, Posting posting) {
        return CellMap.contributionsOf(template, posting);
    }

    /** The postings in scope that feed the cell, with their signs, and their exact sum. */
    public Trace trace(CellAddress cell) {
        List<TracedPosting> traced = new ArrayList<>();
        long fen = 0L;
        for (Posting posting : postings) {
            int sign = signIn(cell, cache.of(posting));
            if (sign != 0) {
                TracedPosting entry = new TracedPosting(posting, sign);
                traced.add(entry);
                fen = Math.addExact(fen, entry.signedFen());
            }
        }
        return new Trace(cell, traced, fen);
    }

    private static int signIn(CellAddress cell, List<Contribution> contributions) {
        for (Contribution contribution : contributions) {
            if (contribution.cell().equals(cell)) {
                return contribution.sign();
            }
        }
        return 0;
    }
}
