package ledger.core.account;

import java.util.Locale;
import ledger.core.text.Reason;

/**
 * A command broke a rule of the ledger. It names the field at fault (as the journal and the API
 * call it: {@code amount}, {@code reverses}, …) and the reason, in words a finance clerk can act
 * on: Chinese by default, English for a client that asks (a {@link Reason} from the one catalog).
 */
public class RuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final transient Reason code;

    public RuleViolation(String field, String reason) {
        super(reason);
        this.field = field;
        this.code = null;
    }

    public RuleViolation(String field, Reason reason) {
        super(reason.chinese());
        this.field = field;
        this.code = reason;
    }

    public String field() {
        return field;
    }

    /** The reason in Chinese. */
    public String reason() {
        return getMessage();
    }

    /** The reason as a code and arguments, when it has one (null for a reason given as text). */
    public Reason code() {
        return code;
    }

    /** The reason in {@code locale}'s language where the catalog has it, else as given. */
    public String reason(Locale locale) {
        return code == null ? getMessage() : code.render(locale);
    }
}
