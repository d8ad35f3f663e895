package ledger.projections.statement;

import java.math.BigDecimal;
import java.util.List;
import ledger.projections.statement.Finding.RuleKind;

/**
 * One evaluated rule written as Σ sign × cell = 0 (a total with +1 and its parts with the opposite
 * of their sign; an identity as left − right), with the ERROR finding it gave on the figures it was
 * evaluated on, if any. Reconciliation takes the exact values a broken rule implies for its cells
 * as the report's own alternatives, and follows them through the rules the report keeps into the
 * cells derived from them.
 *
 * @param error the ERROR finding when the figures break the rule, {@code null} when they keep it
 *     (exactly or within a rounding tail)
 */
record Relation(String rule, RuleKind kind, List<Term> terms, Finding error) {

    Relation {
        terms = List.copyOf(terms);
    }

    /** Σ sign × value on the given figures: zero when they keep the rule exactly. */
    BigDecimal residual(Figures figures) {
        BigDecimal residual = BigDecimal.ZERO;
        for (Term term : terms) {
            BigDecimal value = figures.value(term.cell());
            residual = term.sign() > 0 ? residual.add(value) : residual.subtract(value);
        }
        return residual;
    }

    boolean kept() {
        return error == null;
    }

    /**
     * The cells this rule derives from its other cells: a sum's total (its first term); either side
     * of an identity.
     */
    List<Term> derived() {
        return kind == RuleKind.IDENTITY ? terms : List.of(terms.get(0));
    }
}
