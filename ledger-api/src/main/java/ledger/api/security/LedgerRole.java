package ledger.api.security;

import java.util.Locale;

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
            throw new IllegalArgumentException(
                    "unknown role '" + text + "' (recorder, approver or auditor)");
        }
    }
}
