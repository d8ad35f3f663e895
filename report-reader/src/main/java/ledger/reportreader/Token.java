package ledger.reportreader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of a table line: a number (a figure, a 行次 or a code) or the text between numbers. The
 * extraction may glue a figure to the next label ({@code 2,493.03一、一般公共服务支出}), so a line is split
 * wherever digits start or end. {@code column} is where the token starts on its line (in
 * characters, a PDF's lines padded by position, {@link PdfLines}): it orders figures of one row
 * printed on neighbouring lines, left to right.
 */
record Token(String text, boolean number, ReportLine source, int column) {

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern NUMBER_RUN = Pattern.compile("-?\\d+(?:,\\d+)*(?:\\.\\d+)?");

    /** Thousands separators only in groups of three: 2,493.03 yes, 1,2,3 no. */
    private static final Pattern WELL_FORMED =
            Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");

    /**
     * Splits one line.
     *
     * @throws ReportRefusal for a number with misplaced thousands separators such as {@code 1,2,3}:
     *     it could be one figure or three, and the reader does not guess
     */
    static List<Token> split(ReportLine line) {
        List<Token> tokens = new ArrayList<>();
        Matcher numbers = NUMBER_RUN.matcher(line.text());
        int textStart = 0;
        while (numbers.find()) {
            addText(line, textStart, numbers.start(), tokens);
            String number = numbers.group();
            if (!WELL_FORMED.matcher(number).matches()) {
                throw new ReportRefusal(
                        line.where()
                                + "：数字“"
                                + number
                                + "”的千分位分隔符位置不对，"
                                + "无法判断是一个数还是几个数，未读取任何数据。/ malformed number '"
                                + number
                                + "' at page "
                                + line.page()
                                + " line "
                                + line.line());
            }
            tokens.add(new Token(number, true, line, numbers.start()));
            textStart = numbers.end();
        }
        addText(line, textStart, line.text().length(), tokens);
        return tokens;
    }

    private static void addText(ReportLine line, int from, int to, List<Token> tokens) {
        Matcher words = WORD.matcher(line.text()).region(from, to);
        while (words.find()) {
            tokens.add(new Token(words.group(), false, line, words.start()));
        }
    }

    /** A number printed without separators or decimals: a 行次, a code, or an integer figure. */
    boolean plainInteger() {
        return number && text.chars().allMatch(Character::isDigit);
    }

    /** The figure as printed, without thousands separators. */
    String printed() {
        return text.replace(",", "");
    }

    BigDecimal value() {
        return new BigDecimal(printed());
    }
}
