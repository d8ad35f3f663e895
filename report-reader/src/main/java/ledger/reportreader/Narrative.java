package ledger.reportreader;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The 情况说明 of a report as one string: the lines from the body's 第三部分 heading up to the next part
 * (名词解释), whitespace dropped (the extraction breaks sentences across lines and spaces figures
 * apart: {@code 年初预算为 1560.05 万元}), every character remembering the line it was printed on.
 */
final class Narrative {

    private static final Pattern PART_THREE = Pattern.compile("^第三部分");
    private static final Pattern NEXT_PART = Pattern.compile("^第[四五六七]部分");

    private final String text;
    private final List<ReportLine> lineAt;

    private Narrative(String text, List<ReportLine> lineAt) {
        this.text = text;
        this.lineAt = lineAt;
    }

    /** The 情况说明 of the document; empty when it has none (the 目录's entry does not count). */
    static Narrative of(List<ReportLine> lines) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (PART_THREE.matcher(lines.get(i).text().strip()).find()) {
                start = i; // the last one: the 目录 names the part before the body prints it
            }
        }
        StringBuilder text = new StringBuilder();
        List<ReportLine> lineAt = new ArrayList<>();
        if (start < 0) {
            return new Narrative("", lineAt);
        }
        for (int i = start + 1; i < lines.size(); i++) {
            ReportLine line = lines.get(i);
            if (NEXT_PART.matcher(line.text().strip()).find()) {
                break;
            }
            line.text()
                    .codePoints()
                    .filter(c -> !Character.isWhitespace(c) && c != '\u3000')
                    .forEach(
                            c -> {
                                text.appendCodePoint(c);
                                for (int unit = 0; unit < Character.charCount(c); unit++) {
                                    lineAt.add(line);
                                }
                            });
        }
        return new Narrative(text.toString(), lineAt);
    }

    String text() {
        return text;
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** The line the character at {@code offset} was printed on. */
    ReportLine lineAt(int offset) {
        return lineAt.get(Math.max(0, Math.min(offset, lineAt.size() - 1)));
    }

    /** {@code 第 21 页第 14 行}, where the text at {@code offset} starts. */
    String where(int offset) {
        return lineAt(offset).where();
    }
}
