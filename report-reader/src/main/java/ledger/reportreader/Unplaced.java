package ledger.reportreader;

/**
 * A figure the reader found but could not put in a cell, with where it is and why: the reader never
 * guesses, so such a figure makes {@code read-report} fail.
 */
public record Unplaced(ReportLine source, String figures, String reason) {

    @Override
    public String toString() {
        return source.where() + "：" + figures + "——" + reason;
    }
}
