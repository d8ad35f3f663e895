package ledger.projections.statement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import ledger.projections.statement.Finding.RuleKind;

/**
 * One evaluated rule written as Σ sign × cell = 0 (a total with +1 and its parts with the
 * opposite of their sign; an identity as left − right). Reconciliation uses the rules the
 * published report satisfies to follow a contradicted figure into the cells the report derives
 * from it.
 */
record Relation(String rule, RuleKind kind, List<Term> terms) {

    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");

    Relation {
        terms = List.copyOf(terms);
    }

    boolean contains(CellAddress cell) {
        return terms.stream().anyMatch(term -> term.cell().equals(cell));
    }

    /**
     * Whether the differences of its cells (published − ledger) cancel out: true when each cell's
     * difference is carried over from the others — exactly for an identity, to within one cent
     * of rounding for a sum (a wider slack could hide a fault of the ledger).
     */
    boolean balances(Map<CellAddress, BigDecimal> differences) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Term term : terms) {
            BigDecimal difference = differences.getOrDefault(term.cell(), BigDecimal.ZERO);
            sum = term.sign() > 0 ? sum.add(difference) : sum.subtract(difference);
        }
        BigDecimal tolerance = kind == RuleKind.IDENTITY ? BigDecimal.ZERO
                : ONE_CENT;
        return sum.abs().compareTo(tolerance) <= 0;
    }
}
