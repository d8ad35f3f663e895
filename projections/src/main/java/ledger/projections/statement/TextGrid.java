package ledger.projections.statement;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose columns line up on a terminal even with Chinese text: CJK and full-width
 * characters take two columns, everything else one. Text columns are left-aligned, amount columns
 * right-aligned.
 */
public final class TextGrid {

    private static final String GAP = "  ";

    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    public TextGrid(boolean... rightAligned) {
        this.rightAligned = rightAligned.clone();
    }

    public void add(String... cells) {
        if (cells.length != rightAligned.length) {
            throw new IllegalArgumentException(
                    "expected " + rightAligned.length + " cells, got " + cells.length);
        }
        rows.add(cells.clone());
    }

    public String render() {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : GAP).append(pad(row[i], widths[i], rightAligned[i]));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** Display width: two columns for wide (East Asian) characters, one for the rest. */
    static int width(String text) {
        return text.codePoints().map(TextGrid::widthOf).sum();
    }

    private static int widthOf(int codePoint) {
        boolean wide =
                (codePoint >= 0x1100 && codePoint <= 0x115F)
                        || (codePoint >= 0x2E80 && codePoint <= 0xA4CF)
                        || (codePoint >= 0xAC00 && codePoint <= 0xD7A3)
                        || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                        || (codePoint >= 0xFE30 && codePoint <= 0xFE4F)
                        || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
                        || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6)
                        || codePoint == 0x201C
                        || codePoint == 0x201D;
        return wide ? 2 : 1;
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - width(text)));
        return right ? spaces + text : text + spaces;
    }
}
