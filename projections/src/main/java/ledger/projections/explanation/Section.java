package ledger.projections.explanation;

import java.util.List;

/**
 * A numbered section of the 情况说明 (一、收入支出决算总体情况说明 …), its paragraphs, and the chart the published
 * report places under it ({@code fig1} … {@code fig4}, or empty).
 */
public record Section(String number, String title, List<Paragraph> paragraphs, String chart) {

    public Section {
        paragraphs = List.copyOf(paragraphs);
        chart = chart == null ? "" : chart;
    }

    /** {@code 一、收入支出决算总体情况说明}; a sub-section {@code （一）机关运行经费支出情况}. */
    public String heading() {
        return number.startsWith("（") ? number + title : number + "、" + title;
    }
}
