package ledger.core.account;

/**
 * A command broke a rule of the ledger. It names the field at fault (as the journal and the API
 * call it: {@code amount}, {@code reverses}, …) and the reason, in words a finance clerk can act on.
 */
public class RuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public RuleViolation(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
