package ledger.projections.statement;

import java.math.BigDecimal;
import java.util.List;

/**
 * A cell where the published report and the ledger print different figures, and the published
 * contradictions (if any) that involve the cell. A difference no contradiction explains means the
 * ledger disagrees with a figure the report itself supports: the ledger is what is wrong.
 *
 * @param published   the published value, or {@code null} where the report leaves the cell blank
 * @param ledger      the ledger's printed value (0.00 when it has nothing)
 * @param explainedBy published ERROR findings that involve this cell
 */
public record CellDifference(CellAddress cell, BigDecimal published, BigDecimal ledger,
        List<Finding> explainedBy) {

    public CellDifference {
        if (cell == null || ledger == null) {
            throw new IllegalArgumentException("cell and ledger value are required");
        }
        explainedBy = List.copyOf(explainedBy);
    }

    public boolean isExplained() {
        return !explainedBy.isEmpty();
    }

    /** Published minus ledger (a blank counts as 0). */
    public BigDecimal difference() {
        return (published == null ? BigDecimal.ZERO : published).subtract(ledger);
    }

    /** One sentence naming the cell, both values and whether a contradiction explains it. */
    public String sentence() {
        String values = cell + ": published " + (published == null ? "blank"
                : RuleRecorder.show(published)) + ", ledger " + RuleRecorder.show(ledger)
                + " (differs by " + RuleRecorder.show(difference().abs()) + ")";
        if (!isExplained()) {
            return "NOT EXPLAINED " + values + " — the published report does not contradict"
                    + " itself here, so the ledger (or its journal) is wrong";
        }
        Finding first = explainedBy.get(0);
        return "explained " + values + " — the published report contradicts itself here ("
                + first.rule() + ": " + first.message() + ")"
                + (explainedBy.size() > 1 ? " and in " + (explainedBy.size() - 1) + " more rule(s)"
                : "");
    }
}
