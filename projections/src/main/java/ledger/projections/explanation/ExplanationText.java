package ledger.projections.explanation;

/**
 * The 情况说明 as plain text for a terminal or a file: the title, each section under its heading, the
 * place of each chart (图 1 … 图 4) as the report has it, blanks marked 【…：＿＿＿＿】, and at the end what
 * was found against a published 情况说明 and among the figures themselves.
 */
public final class ExplanationText {

    private static final String[] CHART_CAPTIONS = {
        "图 1：收、支决算总计变动情况", "图 2：收入决算结构", "图 3：支出决算结构", "图 4：财政拨款收、支决算总计变动情况"
    };

    private ExplanationText() {}

    public static String render(Explanation explanation) {
        StringBuilder text = new StringBuilder();
        text.append("第三部分 ").append(explanation.title()).append('\n');
        explanation.asOf().ifPresent(date -> text.append("（截至 ").append(date).append("）\n"));
        text.append("上年数来源：").append(explanation.prior().source()).append("\n\n");
        for (Section section : explanation.sections()) {
            text.append(section.heading()).append('\n');
            for (Paragraph paragraph : section.paragraphs()) {
                text.append(paragraph.style() == Paragraph.Style.BODY ? "    " : "")
                        .append(paragraph.plain())
                        .append('\n');
            }
            if (!section.chart().isEmpty()) {
                text.append(caption(section.chart())).append('\n');
            }
            text.append('\n');
        }
        if (!explanation.findings().isEmpty()) {
            text.append("核对：\n");
            for (ExplanationFinding finding : explanation.findings()) {
                text.append("  [")
                        .append(finding.kind().chineseName())
                        .append("] ")
                        .append(finding.message())
                        .append('\n');
            }
        }
        return text.toString();
    }

    /** {@code 图 1：收、支决算总计变动情况} for {@code fig1}. */
    public static String caption(String chart) {
        int index = Integer.parseInt(chart.substring(3)) - 1;
        return CHART_CAPTIONS[index];
    }
}
