package ledger.projections.statement;

import java.util.List;
import ledger.core.money.Money;

/**
 * Why a cell shows what it shows: every posting feeding it, with its sign, and their exact sum,
 * which equals the cell's fen in the statement set computed from the same postings.
 */
public record Trace(CellAddress cell, List<TracedPosting> postings, long fen) {

    public Trace {
        postings = List.copyOf(postings);
    }

    public Money value() {
        return Money.ofFen(fen);
    }
}
