package ledger.projections.explanation;

/**
 * A piece of a 情况说明 paragraph: words, a computed figure, or a marked blank where a person must
 * write (the reasons behind a change, a project's purpose, things the ledger does not hold).
 *
 * @param kind what the piece is
 * @param text the words; for a figure its display; for a blank the prompt
 * @param figure the figure, for {@link Kind#FIGURE} only
 */
public record Fragment(Kind kind, String text, Figure figure) {

    /** What a fragment is. */
    public enum Kind {
        TEXT,
        FIGURE,
        BLANK
    }

    public Fragment {
        if (kind == null || text == null) {
            throw new IllegalArgumentException("a fragment needs a kind and text");
        }
        if ((kind == Kind.FIGURE) != (figure != null)) {
            throw new IllegalArgumentException("a figure fragment, and only one, carries a figure");
        }
    }

    static Fragment text(String text) {
        return new Fragment(Kind.TEXT, text, null);
    }

    static Fragment figure(Figure figure) {
        return new Fragment(Kind.FIGURE, figure.display(), figure);
    }

    static Fragment blank(String prompt) {
        return new Fragment(Kind.BLANK, prompt, null);
    }

    /** As plain text: a blank reads {@code 【主要原因：＿＿＿＿】}. */
    public String plain() {
        return kind == Kind.BLANK ? blankMark(text) : text;
    }

    static String blankMark(String prompt) {
        return "【" + prompt + "：＿＿＿＿】";
    }
}
