package ledger.api.security;

import java.util.Locale;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;

/**
 * What a user may do. A recorder records transactions for their units; an approver also closes
 * years (and manages units, projects and the catalog); an auditor reads, traces, reconciles and
 * checks, and writes nothing.
 */
public enum LedgerRole {
    RECORDER,
    APPROVER,
    AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }

    public static LedgerRole parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new Refusal(
                    Reason.of(
                            "value.unknown",
                            new FieldName("role", "角色"),
                            text,
                            new FieldName(
                                    "recorder, approver, auditor",
                                    "recorder（记账）、approver（审批、结账）、auditor（审计，只读）")));
        }
    }
}
