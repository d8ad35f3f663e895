package ledger.projections.statement;

import ledger.projections.posting.Posting;

/** A posting behind a cell, with the sign it counts with there. */
public record TracedPosting(Posting posting, int sign) {

    /** What this posting adds to the cell, in fen. */
    public long signedFen() {
        return Math.multiplyExact(posting.amountFen(), (long) sign);
    }
}
