package ledger.api.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ledger.api.report.Amounts;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.CellDifference;
import ledger.projections.statement.Finding;
import ledger.projections.statement.ReconciliationReport;

/**
 * Which cells of the tables to mark, and how: cells in a broken 审核公式 (red for an error, amber for a
 * rounding tail), or cells where a published report differs from the ledger (amber when the
 * publication's own contradictions explain the whole difference, to the fen; red when any of it is
 * left unexplained), with the published figure.
 */
public final class CellMarks {

    private record Mark(String css, List<String> reasons, String published) {}

    private final Map<CellAddress, Mark> marks;

    private CellMarks(Map<CellAddress, Mark> marks) {
        this.marks = marks;
    }

    public static CellMarks none() {
        return new CellMarks(Map.of());
    }

    /** Cells of the ledger's own broken rules; an error outranks a note on the same cell. */
    public static CellMarks ofFindings(List<Finding> findings) {
        Map<CellAddress, Mark> marks = new HashMap<>();
        for (Finding finding : findings) {
            String css = finding.isError() ? "mark-error" : "mark-note";
            String reason = (finding.isError() ? "审核错误 " : "尾差 ") + finding.rule();
            for (CellAddress cell : finding.cells()) {
                Mark earlier = marks.get(cell);
                List<String> reasons =
                        new ArrayList<>(earlier == null ? List.of() : earlier.reasons());
                if (!reasons.contains(reason)) {
                    reasons.add(reason);
                }
                boolean error =
                        finding.isError() || earlier != null && earlier.css().equals("mark-error");
                marks.put(cell, new Mark(error ? "mark-error" : "mark-note", reasons, ""));
            }
        }
        return new CellMarks(marks);
    }

    /** Cells where the published figures differ from the ledger's. */
    public static CellMarks ofReconciliation(ReconciliationReport report) {
        Map<CellAddress, Mark> marks = new HashMap<>();
        for (CellDifference difference : report.differences()) {
            String published =
                    difference.published() == null
                            ? "公布：空白"
                            : "公布：" + Amounts.format(difference.published());
            marks.put(
                    difference.cell(),
                    new Mark(
                            difference.isExplained() ? "mark-explained" : "mark-unexplained",
                            List.of(FindingText.difference(difference)),
                            published));
        }
        return new CellMarks(marks);
    }

    public boolean has(CellAddress cell) {
        return cell != null && marks.containsKey(cell);
    }

    /** The CSS class of a marked cell, else empty. */
    public String css(CellAddress cell) {
        Mark mark = cell == null ? null : marks.get(cell);
        return mark == null ? "" : mark.css();
    }

    /** Why the cell is marked, for a tooltip. */
    public String title(CellAddress cell) {
        Mark mark = cell == null ? null : marks.get(cell);
        return mark == null ? "" : String.join("；", mark.reasons());
    }

    /** The published figure of a differing cell, e.g. {@code 公布：140.10}. */
    public String published(CellAddress cell) {
        Mark mark = cell == null ? null : marks.get(cell);
        return mark == null ? "" : mark.published();
    }
}
