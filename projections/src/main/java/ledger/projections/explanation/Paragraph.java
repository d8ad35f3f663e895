package ledger.projections.explanation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A paragraph of a 情况说明 section: a sub-heading such as （二）财政拨款支出决算结构情况, a body paragraph, or an
 * item of a numbered list (the project list, the 类 one by one).
 */
public record Paragraph(Style style, List<Fragment> fragments) {

    /** How a paragraph is set. */
    public enum Style {
        HEADING,
        BODY,
        ITEM
    }

    public Paragraph {
        fragments = List.copyOf(fragments);
    }

    /** The paragraph as plain text, blanks marked. */
    public String plain() {
        return fragments.stream().map(Fragment::plain).collect(Collectors.joining());
    }
}
