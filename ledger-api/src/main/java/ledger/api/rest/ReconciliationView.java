package ledger.api.rest;

import java.util.List;
import ledger.projections.statement.ReconciliationReport;

/** A reconciliation as JSON: the counts, and every finding as a plain sentence. */
record ReconciliationView(int publishedFigures, int regeneratedExactly, int differing, int differingExplained,
                          boolean ledgerAgrees, List<String> findings) {

    static ReconciliationView of(ReconciliationReport report) {
        return new ReconciliationView(report.publishedCount(), report.regeneratedExactly(), report.differingCount(),
                report.explainedCount(), report.ledgerAgrees(), report.lines());
    }
}
