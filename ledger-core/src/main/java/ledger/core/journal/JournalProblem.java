package ledger.core.journal;

import java.util.Locale;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;

/**
 * One reason a journal file is refused: the line it is on (as a text editor counts, header = 1),
 * the column at fault (empty when the whole row or file is), and why — in Chinese, and as a {@link
 * Reason} code when it has one, so an API client asking for English gets English.
 */
public record JournalProblem(int line, String column, String reason, Reason code) {

    public JournalProblem(int line, String column, String reason) {
        this(line, column, reason, null);
    }

    public JournalProblem(int line, String column, Reason code) {
        this(line, column, code.chinese(), code);
    }

    /** The reason in {@code locale}'s language where the catalog has it, else as given. */
    public String reason(Locale locale) {
        return code == null ? reason : code.render(locale);
    }

    /** Where and why, in Chinese: {@code 第 2 行，金额（amount）：…}. */
    @Override
    public String toString() {
        return (line > 0 ? "第 " + line + " 行" : "")
                + (column == null || column.isEmpty()
                        ? ""
                        : (line > 0 ? "，" : "")
                                + FieldName.of(column).chinese()
                                + (FieldName.of(column).chinese().equals(column)
                                        ? ""
                                        : "（" + column + "）"))
                + "："
                + reason;
    }
}
