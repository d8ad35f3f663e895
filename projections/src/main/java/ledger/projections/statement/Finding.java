package ledger.projections.statement;

import java.util.List;

/**
 * One break of the report's rules (审核公式), in words a finance officer can act on: which rule, how
 * serious, a sentence naming the cells with their values, and the cells themselves so a user
 * interface can highlight them and a reconciliation can tell which differences it explains.
 *
 * @param severity {@link Severity#ERROR} for a real inconsistency, {@link Severity#NOTE} for a
 *     rounding tail (尾差) or an observation that is allowed
 * @param kind what sort of rule was broken
 * @param rule a stable rule id such as {@code T1.income-total} or {@code T1-T3.lei}
 * @param message a plain English sentence naming the cells and their values
 * @param cells every cell the rule compares
 */
public record Finding(
        Severity severity, RuleKind kind, String rule, String message, List<CellAddress> cells) {

    /** How serious a finding is. */
    public enum Severity {
        /** The figures contradict each other beyond rounding. */
        ERROR,
        /** Within rounding (尾差), or allowed but worth knowing. */
        NOTE
    }

    /** The sort of rule a finding breaks. */
    public enum RuleKind {
        /** A total against the sum of separately rounded parts: may differ by rounding. */
        SUM,
        /** The same quantity printed in two places: must match exactly. */
        IDENTITY,
        /** One figure includes another (表7 actual ≥ 表6). */
        AT_LEAST
    }

    public Finding {
        if (severity == null || kind == null || rule == null || message == null) {
            throw new IllegalArgumentException("severity, kind, rule and message are required");
        }
        cells = List.copyOf(cells);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public boolean involves(CellAddress cell) {
        return cells.contains(cell);
    }

    @Override
    public String toString() {
        return severity + " " + rule + ": " + message;
    }
}
