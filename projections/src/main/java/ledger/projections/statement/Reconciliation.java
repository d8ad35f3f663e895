package ledger.projections.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sets a published 部门决算 beside the ledger's statements of the same unit and year. A published
 * figure the ledger does not regenerate is either a contradiction in the publication (it breaks
 * one of the report's own rules, and the ledger cannot print both sides of a contradiction) or a
 * fault of the ledger; the report tells the two apart cell by cell.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    public static ReconciliationReport reconcile(StatementSet ledger, PublishedFigures published) {
        List<Finding> publishedFindings = StatementChecks.evaluate(published);
        List<Finding> contradictions = publishedFindings.stream().filter(Finding::isError).toList();
        List<CellDifference> differences = new ArrayList<>();
        int regeneratedExactly = 0;
        for (CellAddress cell : cellsToCompare(ledger, published)) {
            BigDecimal ledgerValue = ledger.displayed().getOrDefault(cell, BigDecimal.ZERO);
            BigDecimal publishedValue = published.published(cell).orElse(null);
            BigDecimal comparable = publishedValue == null ? BigDecimal.ZERO : publishedValue;
            if (comparable.compareTo(ledgerValue) == 0) {
                regeneratedExactly += publishedValue == null ? 0 : 1;
            } else {
                differences.add(new CellDifference(cell, publishedValue, ledgerValue,
                        involving(cell, contradictions)));
            }
        }
        return new ReconciliationReport(published.size(), regeneratedExactly, differences,
                publishedFindings);
    }

    /** Every published cell and every cell the ledger prints, in report order. */
    private static Set<CellAddress> cellsToCompare(StatementSet ledger, PublishedFigures published) {
        Set<CellAddress> cells = new TreeSet<>(ledger.displayed().keySet());
        published.figures().forEach(figure -> cells.add(figure.cell()));
        return cells;
    }

    private static List<Finding> involving(CellAddress cell, List<Finding> contradictions) {
        return contradictions.stream().filter(finding -> finding.involves(cell)).toList();
    }
}
