package ledger.api.web;

import java.util.stream.Collectors;
import ledger.api.report.Amounts;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.CellDifference;
import ledger.projections.statement.Finding;

/** Chinese wording for the checks' findings and the reconciliation's differences. */
final class FindingText {

    private FindingText() {
    }

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
        String cells = finding.cells().stream().limit(8).map(CellAddress::toString)
                .collect(Collectors.joining("、"));
        String more = finding.cells().size() > 8 ? " 等 " + finding.cells().size() + " 格" : "";
        return "规则 " + finding.rule() + "（" + kind(finding) + "）"
                + (finding.isError() ? "不成立" : "仅差尾数") + "，涉及 " + cells + more + "。";
    }

    /** Why a published figure differs from the ledger's, in a sentence. */
    static String difference(CellDifference difference) {
        String values = difference.cell() + "：公布 " + (difference.published() == null ? "空白"
                : Amounts.format(difference.published())) + "，账簿 "
                + Amounts.format(difference.ledger()) + "，相差 "
                + Amounts.format(difference.difference().abs());
        if (!difference.contradictions().isEmpty()) {
            return values + "。已解释：公布报表在此自相矛盾（规则 " + difference.contradictions().stream()
                    .map(Finding::rule).distinct().collect(Collectors.joining("、")) + "）。";
        }
        if (!difference.carriedFrom().isEmpty()) {
            return values + "。已解释：公布报表把 " + difference.carriedFrom().stream()
                    .map(CellAddress::toString).collect(Collectors.joining("、"))
                    + " 的矛盾数经规则 " + difference.carriedThrough() + " 带入此格。";
        }
        return values + "。未解释：公布报表在此并不自相矛盾，账簿（或其日记账）有误。";
    }
}
