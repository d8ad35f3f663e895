package ledger.projections.statement;

import java.math.BigDecimal;

/**
 * One figure of a published report, typed in from paper: its cell, its printed value in 万元, and the
 * line of the TSV it came from, so a reconciliation finding can send the reader back to it.
 */
public record PublishedFigure(int line, CellAddress cell, BigDecimal value) {

    public PublishedFigure {
        if (cell == null || value == null) {
            throw new IllegalArgumentException("cell and value are required");
        }
    }
}
