package ledger.core.account;

/** Checks on the free-text fields people type: vouchers, memos and names. */
public final class Text {

    public static final int VOUCHER_MAX = 64;
    public static final int MEMO_MAX = 500;
    public static final int NAME_MAX = 200;

    private Text() {
    }

    /**
     * Empty stays empty; otherwise the text, stripped, within {@code max} characters and free of
     * control characters. Line breaks and tabs (a spreadsheet cell typed with Alt+Enter) become
     * single spaces, the same way every time, so a re-import still matches.
     */
    public static String clean(String field, String text, int max) {
        if (text == null) {
            return "";
        }
        String stripped = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isISOControl(c) || c == '\uFEFF' || c == '\uFFFD') {
                throw new IllegalArgumentException(field + " contains a control or replacement character"
                        + " at position " + (i + 1) + " (wrong encoding?)");
            }
        }
        return stripped;
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
