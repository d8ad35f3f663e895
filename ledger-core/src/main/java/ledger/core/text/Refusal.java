package ledger.core.text;

import java.util.Locale;

/**
 * A value refused with a {@link Reason}: an {@link IllegalArgumentException} whose message is the
 * reason in Chinese, so every path that reports a bad value as before now reports it in Chinese,
 * and a path that knows its reader's language can ask for {@link #reason(Locale)}.
 */
public class Refusal extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Reason reason;

    public Refusal(Reason reason) {
        super(reason.chinese());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String reason(Locale locale) {
        return reason.render(locale);
    }
}
