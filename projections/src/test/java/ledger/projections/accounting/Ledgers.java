package ledger.projections.accounting;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ledger.core.account.AccountEvent;
import ledger.core.account.InMemoryLedgerRegistry;
import ledger.core.journal.JournalPosting;
import ledger.core.journal.JournalPosting.KnownNames;
import ledger.journal.JournalParse;
import ledger.journal.JournalReader;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingProjection;

/**
 * Journals run through the real reader and account rules in memory, turned into postings as the
 * projection does.
 */
final class Ledgers {

    static final Path SAMPLE = Path.of("..", "samples", "2020-jianghan-gov-office", "journal.csv");

    private Ledgers() {}

    static List<Posting> sample() {
        return postings(sampleJournal());
    }

    static List<Posting> postings(String journal) {
        List<Posting> postings = new ArrayList<>();
        long index = 0;
        for (AccountEvent event : events(journal)) {
            index++;
            postings.add(
                    PostingProjection.toPosting(
                            event, "event-" + index, index, "test", Instant.EPOCH));
        }
        return postings;
    }

    /** The account events the journal's rows cause, in order. */
    static List<AccountEvent> events(String journal) {
        JournalParse parse = new JournalReader().read(new StringReader(journal));
        if (!parse.ok()) {
            throw new IllegalStateException("journal refused: " + parse.problems());
        }
        JournalPosting.Outcome outcome =
                new JournalPosting(
                                new InMemoryLedgerRegistry(),
                                keys -> Map.of(),
                                new KnownNames(Map.of(), Map.of()))
                        .post(parse.rows());
        if (!outcome.ok()) {
            throw new IllegalStateException("journal refused: " + outcome.problems());
        }
        List<AccountEvent> events = new ArrayList<>();
        for (JournalPosting.PendingEvent event : outcome.events()) {
            if (event.payload() instanceof AccountEvent accountEvent) {
                events.add(accountEvent);
            }
        }
        return events;
    }

    static String sampleJournal() {
        try {
            return Files.readString(SAMPLE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
