package ledger.core.account;

import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;

/** Checks on the free-text fields people type: vouchers, memos and names. */
public final class Text {

    public static final int VOUCHER_MAX = 64;
    public static final int MEMO_MAX = 500;
    public static final int NAME_MAX = 200;

    /** 指标文号 or 指标 id of a 年初预算 row. */
    public static final int INDICATOR_MAX = 64;

    private static final java.util.regex.Pattern LINE_BREAKS =
            java.util.regex.Pattern.compile("[\\r\\n\\t]+");

    private Text() {}

    /**
     * Empty stays empty; otherwise the text, stripped, within {@code max} characters and free of
     * control characters. Line breaks and tabs (a spreadsheet cell typed with Alt+Enter) become
     * single spaces, the same way every time, so a re-import still matches. Unicode format
     * characters (category Cf, such as U+202E) are refused too. Every path that takes a voucher,
     * memo or name (a journal row, an API request, an {@link Entry}) comes through here.
     */
    public static String clean(String field, String text, int max) {
        if (text == null) {
            return "";
        }
        String stripped =
                (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0
                                ? LINE_BREAKS.matcher(text).replaceAll(" ")
                                : text)
                        .strip();
        // Counting code points walks the string; a string no longer than max chars cannot exceed
        // it.
        if (stripped.length() > max && stripped.codePointCount(0, stripped.length()) > max) {
            throw new Refusal(Reason.of("text.tooLong", FieldName.of(field), max));
        }
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isISOControl(c) || c == '\uFEFF' || c == '\uFFFD') {
                throw new Refusal(Reason.of("text.control", FieldName.of(field), i + 1));
            }
            if (Character.getType(stripped.codePointAt(i)) == Character.FORMAT) {
                // Invisible format characters (U+202E turns the text after it around, U+200B hides
                // a break) make what an auditor reads differ from what is stored.
                throw new IllegalArgumentException(
                        field
                                + " 含有不可见的格式字符 U+"
                                + String.format("%04X", stripped.codePointAt(i))
                                + "（第 "
                                + (i + 1)
                                + " 个字符），可能使显示的文字与记录的不同，请删除"
                                + " ("
                                + field
                                + " contains an invisible format character at position "
                                + (i + 1)
                                + ")");
            }
        }
        return stripped;
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
