package ledger.journal;

import java.util.List;
import ledger.core.journal.JournalProblem;
import ledger.core.journal.JournalRow;

/** What reading a journal file gave: its well-formed rows, and every problem found. */
public record JournalParse(List<JournalRow> rows, List<JournalProblem> problems) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
