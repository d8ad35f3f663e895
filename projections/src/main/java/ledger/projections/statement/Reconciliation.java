package ledger.projections.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sets a published 部门决算 beside the ledger's statements of the same unit and year. A published
 * figure the ledger does not regenerate is either a contradiction in the publication (the ledger
 * cannot print both sides of one) or a fault of the ledger; the report tells the two apart cell by
 * cell, so that "the ledger is wrong" is never hidden among the publication's own slips.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    public static ReconciliationReport reconcile(StatementSet ledger, PublishedFigures published) {
        RuleRecorder checks = StatementChecks.run(published);
        List<Finding> contradictions = checks.findings().stream().filter(Finding::isError)
                .toList();
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
        Explanations explanations = new Explanations(differences, contradictions,
                checks.relations());
        List<CellDifference> result = new ArrayList<>();
        for (CellAddress cell : differences.keySet()) {
            result.add(explanations.of(cell, published.published(cell).orElse(null),
                    ledger.displayed().getOrDefault(cell, BigDecimal.ZERO)));
        }
        return new ReconciliationReport(published.size(), regeneratedExactly, result,
                checks.findings());
    }

    /** Every published cell and every cell the ledger prints, in report order. */
    private static Set<CellAddress> cellsToCompare(StatementSet ledger,
            PublishedFigures published) {
        Set<CellAddress> cells = new TreeSet<>(ledger.displayed().keySet());
        published.figures().forEach(figure -> cells.add(figure.cell()));
        return cells;
    }

    /**
     * Which differing cells the published report explains: first those in a rule it breaks,
     * then, repeatedly, those a rule it keeps derives wholly from explained differences.
     */
    private static final class Explanations {
        private final Map<CellAddress, BigDecimal> differences;
        private final Map<CellAddress, List<Finding>> direct = new HashMap<>();
        private final Map<CellAddress, Relation> carriedBy = new HashMap<>();
        private final Map<CellAddress, List<Relation>> relationsOf = new HashMap<>();

        Explanations(Map<CellAddress, BigDecimal> differences, List<Finding> contradictions,
                List<Relation> relations) {
            this.differences = differences;
            for (CellAddress cell : differences.keySet()) {
                List<Finding> involving = contradictions.stream()
                        .filter(finding -> finding.involves(cell)).toList();
                if (!involving.isEmpty()) {
                    direct.put(cell, involving);
                }
            }
            for (Relation relation : relations) {
                relation.terms().forEach(term -> relationsOf
                        .computeIfAbsent(term.cell(), cell -> new ArrayList<>()).add(relation));
            }
            // the narrowest rule is the most telling explanation: 表4 col 2 = 3+4+5 before line 59
            relationsOf.values().forEach(list ->
                    list.sort(Comparator.comparingInt(relation -> relation.terms().size())));
            propagate();
        }

        private void propagate() {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (CellAddress cell : differences.keySet()) {
                    if (!isExplained(cell) && carry(cell)) {
                        changed = true;
                    }
                }
            }
        }

        private boolean carry(CellAddress cell) {
            for (Relation relation : relationsOf.getOrDefault(cell, List.of())) {
                List<CellAddress> others = othersDiffering(relation, cell);
                if (!others.isEmpty() && others.stream().allMatch(this::isExplained)
                        && relation.balances(differences)) {
                    carriedBy.put(cell, relation);
                    return true;
                }
            }
            return false;
        }

        private List<CellAddress> othersDiffering(Relation relation, CellAddress cell) {
            List<CellAddress> others = new ArrayList<>();
            relation.terms().forEach(term -> {
                if (!term.cell().equals(cell) && differences.containsKey(term.cell())) {
                    others.add(term.cell());
                }
            });
            return others;
        }

        private boolean isExplained(CellAddress cell) {
            return direct.containsKey(cell) || carriedBy.containsKey(cell);
        }

        CellDifference of(CellAddress cell, BigDecimal published, BigDecimal ledger) {
            Relation relation = carriedBy.get(cell);
            return new CellDifference(cell, published, ledger,
                    direct.getOrDefault(cell, List.of()),
                    relation == null ? null : relation.rule(),
                    relation == null ? List.of() : othersDiffering(relation, cell));
        }
    }
}
