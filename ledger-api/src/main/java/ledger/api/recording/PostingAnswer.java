package ledger.api.recording;

import java.util.List;
import ledger.core.journal.JournalProblem;

/**
 * What posting one transaction came to. Exactly one of three, so a caller (the API, the web form,
 * {@code ledger record}) handles each by name instead of testing flags or exception types.
 */
public sealed interface PostingAnswer {

    String transactionId();

    /** New events were stored and committed, on this account. */
    record Recorded(String transactionId, String accountId) implements PostingAnswer {}

    /** The same id with the same content was recorded before: nothing was written. */
    record AlreadyRecorded(String transactionId, String accountId) implements PostingAnswer {}

    /** A rule refused it, for these reasons (each naming its field); nothing was written. */
    record Refused(String transactionId, List<JournalProblem> problems) implements PostingAnswer {
        public Refused {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one reason");
            }
            problems = List.copyOf(problems);
        }
    }
}
