package ledger.api.web;

import java.util.stream.Collectors;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.CellDifference;
import ledger.projections.statement.Finding;

/** Chinese wording for the checks' findings and the reconciliation's differences. */
final class FindingText {

    private FindingText() {}

    static String severity(Finding finding) {
        return finding.isError() ? "错误" : "尾差/提示";
    }

    static String kind(Finding finding) {
        switch (finding.kind()) {
            case SUM:
                return "合计关系";
            case IDENTITY:
                return "同一数字两处一致";
            default:
                return "包含关系";
        }
    }

    /** {@code 规则 T1.income-total（合计关系）不成立，涉及 T1/27/1、T1/1/1 …}. */
    static String finding(Finding finding) {
        String cells =
                finding.cells().stream()
                        .limit(8)
                        .map(CellAddress::toString)
                        .collect(Collectors.joining("、"));
        String more = finding.cells().size() > 8 ? " 等 " + finding.cells().size() + " 格" : "";
        return "规则 "
                + finding.rule()
                + "（"
                + kind(finding)
                + "）"
                + (finding.isError() ? "不成立" : "仅差尾数")
                + "，涉及 "
                + cells
                + more
                + "。";
    }

    /**
     * How much of a published figure's difference from the ledger the report's own contradictions
     * explain, and how much they do not, in a sentence.
     */
    static String difference(CellDifference difference) {
        return difference.inChinese();
    }
}
