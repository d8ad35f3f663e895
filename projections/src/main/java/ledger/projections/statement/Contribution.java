package ledger.projections.statement;

/**
 * That a posting feeds one cell, with the sign it counts with there (+1, or −1 where it lowers a
 * balance, e.g. an expenditure on 年末结转和结余). A cell's value is Σ sign × amountFen over the postings
 * that feed it; keeping the sign here is what lets a trace add up to the cell exactly.
 */
public record Contribution(CellAddress cell, int sign) {

    public Contribution {
        if (cell == null) {
            throw new IllegalArgumentException("cell is missing");
        }
        if (sign == 0) {
            throw new IllegalArgumentException("a contribution with sign 0 feeds nothing: " + cell);
        }
    }

    /** The signed amount this contribution adds to its cell for a posting of {@code amountFen}. */
    public long signedFen(long amountFen) {
        return Math.multiplyExact(amountFen, (long) sign);
    }
}
