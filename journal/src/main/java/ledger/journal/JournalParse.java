package ledger.journal;

import java.util.List;
import ledger.core.journal.JournalProblem;
import ledger.core.journal.JournalRow;

/**
 * What reading a journal file gave: its well-formed rows, every problem found, and what the file
 * was read as ({@code UTF-8}, {@code GB18030}, or {@code xlsx 工作表「Sheet1」}), which the import tells
 * the clerk.
 */
public record JournalParse(List<JournalRow> rows, List<JournalProblem> problems, String readAs) {

    public JournalParse(List<JournalRow> rows, List<JournalProblem> problems) {
        this(rows, problems, "");
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
