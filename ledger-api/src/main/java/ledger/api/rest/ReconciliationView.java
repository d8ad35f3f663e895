package ledger.api.rest;

import java.math.BigDecimal;
import java.util.List;
import ledger.projections.statement.CellDifference;
import ledger.projections.statement.ReconciliationReport;

/**
 * A reconciliation as JSON: the counts of the three kinds of cell (regenerated exactly, explained,
 * not explained), each differing cell with how much of its difference the published report's own
 * contradictions explain, and every finding as a plain sentence (Chinese, then English).
 */
record ReconciliationView(
        int publishedFigures,
        int regeneratedExactly,
        int differing,
        int differingExplained,
        int differingUnexplained,
        boolean ledgerAgrees,
        String summary,
        List<DifferenceView> differences,
        List<String> findings) {

    static ReconciliationView of(ReconciliationReport report) {
        return new ReconciliationView(
                report.publishedCount(),
                report.regeneratedExactly(),
                report.differingCount(),
                report.explainedCount(),
                report.unexplainedCount(),
                report.ledgerAgrees(),
                report.summary(),
                report.differences().stream().map(DifferenceView::of).toList(),
                report.lines());
    }

    /**
     * One differing cell in 万元: amounts are published − ledger ({@code published} null where the
     * report is blank); {@code explained} is true only when {@code unexplainedAmount} is zero.
     */
    record DifferenceView(
            String cell,
            BigDecimal published,
            BigDecimal ledger,
            BigDecimal difference,
            BigDecimal explainedAmount,
            BigDecimal unexplainedAmount,
            boolean explained,
            String sentence) {

        static DifferenceView of(CellDifference difference) {
            return new DifferenceView(
                    difference.cell().toString(),
                    difference.published(),
                    difference.ledger(),
                    difference.difference(),
                    difference.explained(),
                    difference.unexplained(),
                    difference.isExplained(),
                    difference.sentence());
        }
    }
}
