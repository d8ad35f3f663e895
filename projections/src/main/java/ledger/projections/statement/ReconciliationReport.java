package ledger.projections.statement;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of setting a published report beside the ledger's statements: the cells that differ,
 * the rules the published report breaks by itself, how much of each difference those breaks
 * explain, and counts of the three kinds of cell — regenerated exactly, explained, not explained.
 * Its {@link #lines()} read as a checklist, unexplained differences first, since each of those
 * means the ledger is wrong.
 */
public record ReconciliationReport(
        int publishedCount,
        int regeneratedExactly,
        List<CellDifference> differences,
        List<Finding> publishedFindings) {

    public ReconciliationReport {
        differences = List.copyOf(differences);
        publishedFindings = List.copyOf(publishedFindings);
    }

    public int differingCount() {
        return differences.size();
    }

    /** Differing cells the published report's contradictions account for to the fen. */
    public int explainedCount() {
        return (int) differences.stream().filter(CellDifference::isExplained).count();
    }

    public int unexplainedCount() {
        return differingCount() - explainedCount();
    }

    public List<CellDifference> unexplained() {
        return differences.stream().filter(difference -> !difference.isExplained()).toList();
    }

    /** The published report's own contradictions (ERROR findings). */
    public List<Finding> publishedContradictions() {
        return publishedFindings.stream().filter(Finding::isError).toList();
    }

    /** True when every difference is wholly explained by contradictions in the published report. */
    public boolean ledgerAgrees() {
        return unexplained().isEmpty();
    }

    /** The counts, in Chinese and then in English. */
    public String summary() {
        return "对账：公布数 "
                + publishedCount
                + " 个，账簿完全重现 "
                + regeneratedExactly
                + " 个；不一致 "
                + differingCount()
                + " 格，其中已解释 "
                + explainedCount()
                + " 格（差额恰为公布报表自身矛盾之数）、未解释 "
                + unexplainedCount()
                + " 格。"
                + " | Published figures: "
                + publishedCount
                + "; regenerated exactly: "
                + regeneratedExactly
                + "; differing cells: "
                + differingCount()
                + ", of which "
                + explainedCount()
                + " explained (to the fen) by contradictions within the"
                + " published report and "
                + unexplainedCount()
                + " NOT EXPLAINED.";
    }

    /** Plain sentences, one finding a line: summary, unexplained, explained, published breaks. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(summary());
        unexplained().forEach(difference -> lines.add(difference.sentence()));
        differences.stream()
                .filter(CellDifference::isExplained)
                .forEach(difference -> lines.add(difference.sentence()));
        for (Finding finding : publishedFindings) {
            String what =
                    finding.isError()
                            ? "公布报表自身违反审核公式 "
                                    + finding.rule()
                                    + "（错误） | The published report breaks "
                                    + finding.rule()
                            : "公布报表的尾差 "
                                    + finding.rule()
                                    + "（提示） | Published rounding note "
                                    + finding.rule();
            lines.add(what + " [" + finding.severity() + "]: " + finding.message());
        }
        return List.copyOf(lines);
    }
}
