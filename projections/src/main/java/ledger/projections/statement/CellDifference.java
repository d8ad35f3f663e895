package ledger.projections.statement;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A cell where the published report and the ledger print different figures, and how much of the
 * difference the published report's own contradictions account for. Whatever they do not account
 * for, to the fen of 万元, means the ledger disagrees with every value the report supports there: the
 * ledger is what is wrong.
 *
 * <p>Two kinds of explanation: the cell is part of a rule the published report breaks, and the
 * value that rule implies here ({@code contradictions}) is nearer the ledger than the printed one;
 * or the report carries such a contradicted value, with its own amount, into this cell through a
 * rule it keeps ({@code carriedThrough} / {@code carriedFrom}) — 表4 line 40 col 2 of the sample
 * prints 140.10 because its col 3 does, and col 3 contradicts 表5 by 0.01, so 0.01 of col 2's
 * difference is explained and nothing more.
 *
 * @param published the published value, or {@code null} where the report leaves it blank
 * @param ledger the ledger's printed value (0.00 when it has nothing)
 * @param explained the part of {@link #difference()} the contradictions account for: the published
 *     figure minus the value the report supports nearest the ledger
 * @param contradictions published ERROR findings that imply that value here (empty if carried)
 * @param carriedThrough the kept rule that carries it here, or {@code null}
 * @param carriedFrom the cells it is carried from (empty if none)
 */
public record CellDifference(
        CellAddress cell,
        BigDecimal published,
        BigDecimal ledger,
        BigDecimal explained,
        List<Finding> contradictions,
        String carriedThrough,
        List<CellAddress> carriedFrom) {

    public CellDifference {
        if (cell == null || ledger == null || explained == null) {
            throw new IllegalArgumentException(
                    "cell, ledger value and explained amount are" + " required");
        }
        contradictions = List.copyOf(contradictions);
        carriedFrom = List.copyOf(carriedFrom);
        if ((explained.signum() != 0) != (!contradictions.isEmpty() || !carriedFrom.isEmpty())) {
            throw new IllegalArgumentException(
                    "an explained amount needs the contradiction it"
                            + " comes from, and a contradiction named needs an amount: "
                            + cell);
        }
    }

    /** True when the contradictions account for the whole difference, to the fen. */
    public boolean isExplained() {
        return unexplained().signum() == 0;
    }

    /** Published minus ledger (a blank counts as 0). */
    public BigDecimal difference() {
        return (published == null ? BigDecimal.ZERO : published).subtract(ledger);
    }

    /** The part of the difference no contradiction of the published report accounts for. */
    public BigDecimal unexplained() {
        return difference().subtract(explained);
    }

    /** The value the published report supports nearest the ledger's (the printed one if none). */
    public BigDecimal supported() {
        return (published == null ? BigDecimal.ZERO : published).subtract(explained);
    }

    /**
     * One line naming the cell, both values, the difference and its two parts, in Chinese and then
     * in English for API clients.
     */
    public String sentence() {
        return inChinese() + " | " + english();
    }

    /** The Chinese half of {@link #sentence()}, for pages. */
    public String inChinese() {
        StringBuilder text =
                new StringBuilder(isExplained() ? "已解释 " : "未解释 ")
                        .append(cell)
                        .append("：公布 ")
                        .append(published == null ? "空白" : show(published))
                        .append("，账簿 ")
                        .append(show(ledger))
                        .append("，差额 ")
                        .append(show(difference()))
                        .append("（公布 − 账簿），其中公布报表自身矛盾解释 ")
                        .append(show(explained));
        if (!contradictions.isEmpty()) {
            text.append("（公布报表在此自相矛盾，规则 ")
                    .append(rules())
                    .append(" 使它也支持 ")
                    .append(show(supported()))
                    .append("）");
        } else if (!carriedFrom.isEmpty()) {
            text.append("（公布报表经规则 ")
                    .append(carriedThrough)
                    .append(" 把 ")
                    .append(cells("、"))
                    .append(" 处的矛盾数带入此格，它也支持 ")
                    .append(show(supported()))
                    .append("）");
        }
        text.append("，未解释 ").append(show(unexplained()));
        if (!isExplained()) {
            text.append("：账簿与公布报表支持的最接近数 ").append(show(supported())).append(" 仍不相符，账簿（或其日记账）有误");
        }
        return text.append("。").toString();
    }

    private String english() {
        StringBuilder text =
                new StringBuilder(isExplained() ? "explained " : "NOT EXPLAINED ")
                        .append(cell)
                        .append(": published ")
                        .append(published == null ? "blank" : show(published))
                        .append(", ledger ")
                        .append(show(ledger))
                        .append(", differs by ")
                        .append(show(difference()))
                        .append(" (published − ledger); explained ")
                        .append(show(explained));
        if (!contradictions.isEmpty()) {
            Finding first = contradictions.get(0);
            text.append(" by the published report's own contradiction here (")
                    .append(first.rule())
                    .append(": ")
                    .append(first.message())
                    .append(")");
            if (contradictions.size() > 1) {
                text.append(" and in ").append(contradictions.size() - 1).append(" more rule(s)");
            }
        } else if (!carriedFrom.isEmpty()) {
            text.append(" by the published report's contradicted figure at ")
                    .append(cells(", "))
                    .append(", carried into this cell through ")
                    .append(carriedThrough);
        }
        text.append("; unexplained ").append(show(unexplained()));
        if (!isExplained()) {
            text.append(" — the nearest value the published report supports here is ")
                    .append(show(supported()))
                    .append(", so the ledger (or its journal) is wrong");
        }
        return text.toString();
    }

    private String rules() {
        return contradictions.stream()
                .map(Finding::rule)
                .distinct()
                .collect(Collectors.joining("、"));
    }

    private String cells(String separator) {
        return carriedFrom.stream()
                .map(CellAddress::toString)
                .collect(Collectors.joining(separator));
    }

    private static String show(BigDecimal value) {
        return RuleRecorder.show(value);
    }
}
