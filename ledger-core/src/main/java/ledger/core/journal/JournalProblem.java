package ledger.core.journal;

/**
 * One reason a journal file is refused: the line it is on (as a text editor counts, header = 1),
 * the column at fault (empty when the whole row or file is), and why.
 */
public record JournalProblem(int line, String column, String reason) {

    @Override
    public String toString() {
        return "line " + line + (column == null || column.isEmpty() ? "" : ", column " + column) + ": " + reason;
    }
}
