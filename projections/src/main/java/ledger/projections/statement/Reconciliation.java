package ledger.projections.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sets a published 部门决算 beside the ledger's statements of the same unit and year. A published
 * figure the ledger does not regenerate is either a contradiction in the publication (the ledger
 * cannot print both sides of one) or a fault of the ledger; the report tells the two apart cell by
 * cell, and to the amount, so that "the ledger is wrong" is never hidden among the publication's
 * own slips.
 *
 * <p>A rule the published report breaks makes it support a second value for each cell of the rule:
 * the value that would make the rule hold (the other printed version of an identity; for a sum, the
 * total its parts give, or the part its total implies — a blank part included; several blanks the
 * ledger fills with exactly what their total lacks are explained together). A rule it keeps carries
 * such a value, with its own amount, into the cells it derives: a total moves by exactly what its
 * contradicted part moves. A differing cell's difference (published − ledger) is explained up to
 * the value the report supports nearest to the ledger's; whatever is left is not explained, and one
 * fen left is enough to make the cell {@code NOT EXPLAINED}.
 */
public final class Reconciliation {

    /** Rounds of carrying through kept rules; the rule graph is shallow (项 → 款 → 类 → 合计). */
    private static final int MAX_CARRY_ROUNDS = 50;

    private Reconciliation() {}

    public static ReconciliationReport reconcile(StatementSet ledger, PublishedFigures published) {
        RuleRecorder checks = StatementChecks.run(published, ledger.template());
        Map<CellAddress, BigDecimal> differences = new LinkedHashMap<>();
        int regeneratedExactly = 0;
        for (CellAddress cell : cellsToCompare(ledger, published)) {
            BigDecimal printed = published.value(cell);
            BigDecimal computed = ledger.displayed().getOrDefault(cell, BigDecimal.ZERO);
            if (printed.compareTo(computed) != 0) {
                differences.put(cell, printed.subtract(computed));
            } else if (published.published(cell).isPresent()) {
                regeneratedExactly++;
            }
        }
        Explanations explanations = new Explanations(differences, published, checks.relations());
        List<CellDifference> result = new ArrayList<>();
        for (CellAddress cell : differences.keySet()) {
            result.add(
                    explanations.of(
                            cell,
                            published.published(cell).orElse(null),
                            ledger.displayed().getOrDefault(cell, BigDecimal.ZERO)));
        }
        return new ReconciliationReport(
                published.size(), regeneratedExactly, result, checks.findings());
    }

    /** Every published cell and every cell the ledger prints, in report order. */
    private static Set<CellAddress> cellsToCompare(
            StatementSet ledger, PublishedFigures published) {
        Set<CellAddress> cells = new TreeSet<>(ledger.displayed().keySet());
        published.figures().forEach(figure -> cells.add(figure.cell()));
        return cells;
    }

    /** A value a broken rule implies for one of its cells, as a change to the printed figure. */
    private record Alternative(BigDecimal change, Finding finding) {}

    /**
     * The value the report supports for a differing cell instead of its printed figure, as a change
     * to that figure (never zero), and where it comes from: the broken rules that imply it here, or
     * the kept rule that carries it from the listed cells.
     */
    private record Choice(
            BigDecimal change,
            List<Finding> contradictions,
            Relation carriedThrough,
            List<CellAddress> carriedFrom) {}

    /**
     * Which part of each differing cell's difference the published report's own contradictions
     * account for. Each broken rule's implied values are used by one cell at most (the
     * contradiction is there once, whichever side of it is wrong); cells the ledger matches exactly
     * get first claim, in report order.
     */
    private static final class Explanations {
        private final Map<CellAddress, BigDecimal> differences;
        private final Map<CellAddress, List<Alternative>> implied = new HashMap<>();
        private final Map<CellAddress, Choice> direct = new HashMap<>();
        private final Map<CellAddress, List<Relation>> derivingRules = new HashMap<>();
        private Map<CellAddress, Choice> chosen = new HashMap<>();

        Explanations(
                Map<CellAddress, BigDecimal> differences,
                PublishedFigures published,
                List<Relation> relations) {
            this.differences = differences;
            List<Relation> broken = new ArrayList<>();
            for (Relation relation : relations) {
                if (relation.kept()) {
                    relation.derived()
                            .forEach(
                                    term ->
                                            derivingRules
                                                    .computeIfAbsent(
                                                            term.cell(), cell -> new ArrayList<>())
                                                    .add(relation));
                } else {
                    addImplied(relation, published);
                    broken.add(relation);
                }
            }
            chooseDirect(true);
            broken.forEach(relation -> shareAmongBlankParts(relation, published));
            chooseDirect(false);
            chosen = new HashMap<>(direct);
            carry();
        }

        /** Σ sign × value ≠ 0: changing one cell alone by −sign × residual makes the rule hold. */
        private void addImplied(Relation relation, Figures published) {
            BigDecimal residual = relation.residual(published);
            for (Term term : relation.terms()) {
                implied.computeIfAbsent(term.cell(), cell -> new ArrayList<>())
                        .add(new Alternative(signed(-term.sign(), residual), relation.error()));
            }
        }

        /**
         * A broken sum whose parts left blank in the report hold, in the ledger, exactly what the
         * sum lacks: the total implies those blanks together, so each is explained by its own
         * ledger value. Only blanks (a printed part is a figure the report stands by), only two or
         * more (one is the exact single value already), and only all of the rule's differing blanks
         * together, to the fen.
         */
        private void shareAmongBlankParts(Relation relation, PublishedFigures published) {
            if (relation.kind() != Finding.RuleKind.SUM
                    || direct.values().stream()
                            .anyMatch(
                                    choice -> choice.contradictions().contains(relation.error()))) {
                return;
            }
            BigDecimal filled = BigDecimal.ZERO;
            List<Term> blanks = new ArrayList<>();
            for (Term term : relation.terms()) {
                boolean part = term != relation.terms().get(0);
                BigDecimal difference = differences.get(term.cell());
                if (part && difference != null && published.published(term.cell()).isEmpty()) {
                    if (direct.containsKey(term.cell())) {
                        return;
                    }
                    blanks.add(term);
                    // a blank's difference is minus the ledger's value; filling it adds sign × that
                    filled = filled.add(signed(term.sign(), difference.negate()));
                }
            }
            if (blanks.size() < 2 || filled.add(relation.residual(published)).signum() != 0) {
                return;
            }
            for (Term blank : blanks) {
                direct.put(
                        blank.cell(),
                        new Choice(
                                differences.get(blank.cell()).negate(),
                                List.of(relation.error()),
                                null,
                                List.of()));
            }
        }

        /**
         * Gives each differing cell the implied value nearest the ledger, among the broken rules
         * not yet claimed: first only values the ledger equals, then any value nearer than the
         * printed one.
         */
        private void chooseDirect(boolean exactOnly) {
            Set<Finding> claimed = new HashSet<>();
            direct.values().forEach(choice -> claimed.addAll(choice.contradictions()));
            for (Map.Entry<CellAddress, BigDecimal> entry : differences.entrySet()) {
                if (direct.containsKey(entry.getKey())) {
                    continue;
                }
                BigDecimal difference = entry.getValue();
                BigDecimal best = null;
                for (Alternative alternative : implied.getOrDefault(entry.getKey(), List.of())) {
                    if (claimed.contains(alternative.finding())) {
                        continue;
                    }
                    BigDecimal left = difference.add(alternative.change()).abs();
                    boolean acceptable =
                            exactOnly ? left.signum() == 0 : left.compareTo(difference.abs()) < 0;
                    if (acceptable
                            && (best == null || left.compareTo(difference.add(best).abs()) < 0)) {
                        best = alternative.change();
                    }
                }
                if (best != null) {
                    List<Finding> findings = new ArrayList<>();
                    for (Alternative alternative : implied.get(entry.getKey())) {
                        if (alternative.change().compareTo(best) == 0
                                && !claimed.contains(alternative.finding())) {
                            findings.add(alternative.finding());
                        }
                    }
                    claimed.addAll(findings);
                    direct.put(entry.getKey(), new Choice(best, findings, null, List.of()));
                }
            }
        }

        /**
         * Carries the chosen changes through the rules the report keeps until nothing moves: a
         * derived cell may take the exact sum of its sources' changes when that is nearer the
         * ledger than what it has.
         */
        private void carry() {
            for (int round = 0; round < MAX_CARRY_ROUNDS; round++) {
                Map<CellAddress, Choice> next = new HashMap<>();
                for (Map.Entry<CellAddress, BigDecimal> entry : differences.entrySet()) {
                    CellAddress cell = entry.getKey();
                    Choice best = direct.get(cell);
                    for (Relation relation : derivingRules.getOrDefault(cell, List.of())) {
                        Choice carried = carriedThrough(relation, cell);
                        if (carried != null && nearer(carried, best, entry.getValue())) {
                            best = carried;
                        }
                    }
                    if (best != null) {
                        next.put(cell, best);
                    }
                }
                if (next.equals(chosen)) {
                    return;
                }
                chosen = next;
            }
        }

        /** A choice is taken only when it leaves less of the difference unexplained. */
        private static boolean nearer(Choice candidate, Choice current, BigDecimal difference) {
            BigDecimal left = difference.add(candidate.change()).abs();
            BigDecimal now =
                    difference.add(current == null ? BigDecimal.ZERO : current.change()).abs();
            return left.compareTo(now) < 0;
        }

        /** The change the kept rule implies for {@code cell} from its other cells' changes. */
        private Choice carriedThrough(Relation relation, CellAddress cell) {
            int cellSign = 0;
            for (Term term : relation.terms()) {
                if (term.cell().equals(cell)) {
                    cellSign = term.sign();
                }
            }
            BigDecimal change = BigDecimal.ZERO;
            List<CellAddress> from = new ArrayList<>();
            for (Term term : relation.terms()) {
                Choice source = term.cell().equals(cell) ? null : chosen.get(term.cell());
                if (source != null) {
                    change = change.add(signed(-cellSign * term.sign(), source.change()));
                    from.add(term.cell());
                }
            }
            return from.isEmpty() || change.signum() == 0
                    ? null
                    : new Choice(change, List.of(), relation, from);
        }

        private static BigDecimal signed(int sign, BigDecimal value) {
            return sign > 0 ? value : value.negate();
        }

        CellDifference of(CellAddress cell, BigDecimal published, BigDecimal ledger) {
            Choice choice = chosen.get(cell);
            if (choice == null) {
                return new CellDifference(
                        cell, published, ledger, BigDecimal.ZERO, List.of(), null, List.of());
            }
            return new CellDifference(
                    cell,
                    published,
                    ledger,
                    choice.change().negate(),
                    choice.contradictions(),
                    choice.carriedThrough() == null ? null : choice.carriedThrough().rule(),
                    choice.carriedFrom());
        }
    }
}
