package ledger.projections.statement;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of setting a published report beside the ledger's statements: the cells that
 * differ, the rules the published report breaks by itself, which differences those breaks
 * explain, and counts. Its {@link #lines()} read as a checklist, unexplained differences first,
 * since each of those means the ledger is wrong.
 */
public record ReconciliationReport(int publishedCount, int regeneratedExactly,
        List<CellDifference> differences, List<Finding> publishedFindings) {

    public ReconciliationReport {
        differences = List.copyOf(differences);
        publishedFindings = List.copyOf(publishedFindings);
    }

    public int differingCount() {
        return differences.size();
    }

    public int explainedCount() {
        return (int) differences.stream().filter(CellDifference::isExplained).count();
    }

    public List<CellDifference> unexplained() {
        return differences.stream().filter(difference -> !difference.isExplained()).toList();
    }

    /** The published report's own contradictions (ERROR findings). */
    public List<Finding> publishedContradictions() {
        return publishedFindings.stream().filter(Finding::isError).toList();
    }

    /** True when every difference is explained by a contradiction in the published report. */
    public boolean ledgerAgrees() {
        return unexplained().isEmpty();
    }

    /** Plain sentences, one finding a line: summary, unexplained, explained, published breaks. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Published figures: " + publishedCount + "; regenerated exactly: "
                + regeneratedExactly + "; differing cells: " + differingCount() + ", of which "
                + explainedCount() + " explained by contradictions within the published report and "
                + (differingCount() - explainedCount()) + " NOT explained.");
        unexplained().forEach(difference -> lines.add(difference.sentence()));
        differences.stream().filter(CellDifference::isExplained)
                .forEach(difference -> lines.add(difference.sentence()));
        for (Finding finding : publishedFindings) {
            String what = finding.isError() ? "The published report breaks " + finding.rule()
                    : "Published rounding note " + finding.rule();
            lines.add(what + " [" + finding.severity() + "]: " + finding.message());
        }
        return List.copyOf(lines);
    }
}
