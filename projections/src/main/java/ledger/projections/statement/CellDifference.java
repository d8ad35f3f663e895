package ledger.projections.statement;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A cell where the published report and the ledger print different figures, and what in the
 * published report explains it, if anything. A difference nothing explains means the ledger
 * disagrees with a figure the report itself supports: the ledger is what is wrong.
 *
 * <p>Two kinds of explanation: the cell is part of a rule the published report breaks
 * ({@code contradictions}); or the report carries such a contradicted figure into this cell
 * through a rule it keeps ({@code carriedThrough} / {@code carriedFrom}) — 表4 line 40 col 2 of
 * the seed prints 140.10 because its col 3 does, and col 3 contradicts 表5.
 *
 * @param published      the published value, or {@code null} where the report leaves it blank
 * @param ledger         the ledger's printed value (0.00 when it has nothing)
 * @param contradictions published ERROR findings that involve this cell
 * @param carriedThrough the rule that carries a contradicted figure here, or {@code null}
 * @param carriedFrom    the explained differing cells it is carried from (empty if none)
 */
public record CellDifference(CellAddress cell, BigDecimal published, BigDecimal ledger,
        List<Finding> contradictions, String carriedThrough, List<CellAddress> carriedFrom) {

    public CellDifference {
        if (cell == null || ledger == null) {
            throw new IllegalArgumentException("cell and ledger value are required");
        }
        contradictions = List.copyOf(contradictions);
        carriedFrom = List.copyOf(carriedFrom);
    }

    public boolean isExplained() {
        return !contradictions.isEmpty() || !carriedFrom.isEmpty();
    }

    /** Published minus ledger (a blank counts as 0). */
    public BigDecimal difference() {
        return (published == null ? BigDecimal.ZERO : published).subtract(ledger);
    }

    /** One sentence naming the cell, both values and whether the report explains it. */
    public String sentence() {
        String values = cell + ": published " + (published == null ? "blank"
                : RuleRecorder.show(published)) + ", ledger " + RuleRecorder.show(ledger)
                + " (differs by " + RuleRecorder.show(difference().abs()) + ")";
        if (!contradictions.isEmpty()) {
            Finding first = contradictions.get(0);
            return "explained " + values + " — the published report contradicts itself here ("
                    + first.rule() + ": " + first.message() + ")" + (contradictions.size() > 1
                    ? " and in " + (contradictions.size() - 1) + " more rule(s)" : "");
        }
        if (!carriedFrom.isEmpty()) {
            return "explained " + values + " — the published report carries its contradicted"
                    + " figure at " + carriedFrom.stream().map(CellAddress::toString)
                    .collect(Collectors.joining(", ")) + " into this cell through "
                    + carriedThrough;
        }
        return "NOT EXPLAINED " + values + " — the published report does not contradict"
                + " itself here, so the ledger (or its journal) is wrong";
    }
}
