package ledger.projections.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import ledger.projections.statement.Finding.RuleKind;
import ledger.projections.statement.Finding.Severity;

/**
 * Evaluates single rules on printed figures and words their breaks. Knows the one judgement the
 * checks rest on: a total compared with n separately rounded parts may be off by up to 0.005 × (n +
 * 1) through rounding alone (a 尾差, a note); more is an error; and the same quantity printed twice
 * must match to the fen of its rounding, exactly.
 */
final class RuleRecorder {

    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");

    private final Figures figures;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Relation> relations = new ArrayList<>();

    RuleRecorder(Figures figures) {
        this.figures = figures;
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Every sum and identity evaluated, broken or not, each with its ERROR finding if broken. */
    List<Relation> relations() {
        return List.copyOf(relations);
    }

    BigDecimal value(CellAddress cell) {
        return figures.value(cell);
    }

    /** {@code total} should equal Σ sign × part, within the rounding of the figures involved. */
    void sum(String rule, String what, CellAddress total, List<Term> parts) {
        List<Term> terms = new ArrayList<>(parts.size() + 1);
        terms.add(Term.plus(total));
        parts.forEach(part -> terms.add(new Term(part.cell(), -part.sign())));
        BigDecimal expected = BigDecimal.ZERO;
        for (Term part : parts) {
            BigDecimal value = value(part.cell());
            expected = part.sign() > 0 ? expected.add(value) : expected.subtract(value);
        }
        BigDecimal difference = value(total).subtract(expected).abs();
        if (difference.signum() == 0) {
            relations.add(new Relation(rule, RuleKind.SUM, terms, null));
            return;
        }
        BigDecimal tolerance = HALF_CENT.multiply(BigDecimal.valueOf(parts.size() + 1L));
        boolean tail = difference.compareTo(tolerance) <= 0;
        String verdict =
                tail
                        ? "within what rounding "
                                + (parts.size() + 1)
                                + " separately rounded figures can"
                                + " cause: a rounding tail (尾差)"
                        : "more than rounding can explain (at most " + show(tolerance) + ")";
        String message =
                what
                        + ": "
                        + described(total)
                        + " should equal "
                        + expression(parts)
                        + " = "
                        + show(expected)
                        + "; it differs by "
                        + show(difference)
                        + ", "
                        + verdict;
        Finding finding =
                record(
                        tail ? Severity.NOTE : Severity.ERROR,
                        RuleKind.SUM,
                        rule,
                        message,
                        cellsOf(total, parts));
        relations.add(new Relation(rule, RuleKind.SUM, terms, tail ? null : finding));
    }

    /** The same quantity printed in two places: must be equal. */
    void identity(String rule, String what, CellAddress left, CellAddress right) {
        List<Term> terms = List.of(Term.plus(left), Term.minus(right));
        BigDecimal difference = value(left).subtract(value(right)).abs();
        if (difference.signum() == 0) {
            relations.add(new Relation(rule, RuleKind.IDENTITY, terms, null));
            return;
        }
        String message =
                described(left)
                        + " should equal "
                        + described(right)
                        + ": "
                        + what
                        + " printed twice differs by "
                        + show(difference);
        relations.add(
                new Relation(
                        rule,
                        RuleKind.IDENTITY,
                        terms,
                        record(
                                Severity.ERROR,
                                RuleKind.IDENTITY,
                                rule,
                                message,
                                List.of(left, right))));
    }

    /**
     * {@code larger} includes {@code smaller}: smaller is an error; larger is a note, since it is
     * right only for the reason given in {@code whenLarger}.
     */
    void atLeast(
            String rule, String what, CellAddress larger, CellAddress smaller, String whenLarger) {
        int comparison = value(larger).compareTo(value(smaller));
        if (comparison == 0) {
            return;
        }
        BigDecimal difference = value(larger).subtract(value(smaller)).abs();
        if (comparison < 0) {
            record(
                    Severity.ERROR,
                    RuleKind.AT_LEAST,
                    rule,
                    described(larger)
                            + " should be at least "
                            + described(smaller)
                            + ": "
                            + what
                            + ", yet it is smaller by "
                            + show(difference),
                    List.of(larger, smaller));
        } else {
            record(
                    Severity.NOTE,
                    RuleKind.AT_LEAST,
                    rule,
                    described(larger)
                            + " exceeds "
                            + described(smaller)
                            + " by "
                            + show(difference)
                            + ": "
                            + whenLarger,
                    List.of(larger, smaller));
        }
    }

    private Finding record(
            Severity severity,
            RuleKind kind,
            String rule,
            String message,
            List<CellAddress> cells) {
        Finding finding = new Finding(severity, kind, rule, message, cells);
        findings.add(finding);
        return finding;
    }

    private String described(CellAddress cell) {
        return cell + " (" + show(value(cell)) + ")";
    }

    /** The non-blank parts with their values; blank parts are counted, not listed. */
    private String expression(List<Term> parts) {
        StringBuilder text = new StringBuilder();
        int blanks = 0;
        for (Term part : parts) {
            if (value(part.cell()).signum() == 0) {
                blanks++;
                continue;
            }
            if (text.length() > 0 || part.sign() < 0) {
                text.append(part.sign() > 0 ? " + " : " − ");
            }
            text.append(described(part.cell()));
        }
        if (text.length() == 0) {
            return "the sum of " + cellList(parts) + " (all blank)";
        }
        if (blanks > 0) {
            text.append(" (")
                    .append(blanks)
                    .append(" more of ")
                    .append(cellList(parts))
                    .append(" blank)");
        }
        return text.toString();
    }

    private static String cellList(List<Term> parts) {
        if (parts.size() <= 3) {
            List<String> names = new ArrayList<>();
            parts.forEach(part -> names.add(part.cell().toString()));
            return String.join(", ", names);
        }
        return parts.get(0).cell() + " … " + parts.get(parts.size() - 1).cell();
    }

    private static List<CellAddress> cellsOf(CellAddress total, List<Term> parts) {
        List<CellAddress> cells = new ArrayList<>(parts.size() + 1);
        cells.add(total);
        parts.forEach(part -> cells.add(part.cell()));
        return cells;
    }

    /** At least two decimals, as printed: {@code 140.10}; a tolerance may show three. */
    static String show(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }
}
