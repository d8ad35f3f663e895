package ledger.api.recording;

import java.util.List;
import ledger.core.journal.JournalProblem;

/** Input was refused and nothing was written; every problem is listed. */
public class JournalRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<JournalProblem> problems;

    public JournalRefused(List<JournalProblem> problems) {
        super(
                problems.size() == 1
                        ? "1 problem: " + problems.get(0)
                        : problems.size() + " problems, first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<JournalProblem> problems() {
        return problems;
    }
}
