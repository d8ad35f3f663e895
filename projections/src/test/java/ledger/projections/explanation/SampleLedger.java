package ledger.projections.explanation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ledger.core.account.AccountEvent;
import ledger.core.account.InMemoryLedgerRegistry;
import ledger.core.account.ProjectCode;
import ledger.core.account.ProjectRegistered;
import ledger.core.account.UnitRegistered;
import ledger.core.journal.JournalPosting;
import ledger.core.journal.JournalPosting.KnownNames;
import ledger.core.journal.JournalPosting.PendingEvent;
import ledger.journal.JournalParse;
import ledger.journal.JournalReader;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingProjection;

/**
 * A journal run through the real reader and account rules in memory, its events turned into
 * postings exactly as the postings projection does: the ledger the 情况说明 is written from, without a
 * database.
 */
final class SampleLedger {

    static final Path DIRECTORY = Path.of("..", "samples", "2020-jianghan-gov-office");

    final List<Posting> postings = new ArrayList<>();
    final Map<ProjectCode, String> projectNames = new HashMap<>();
    String unitName = "";

    private SampleLedger() {}

    static String journal2020() {
        try {
            return Files.readString(DIRECTORY.resolve("journal.csv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path priorYear2019() {
        return DIRECTORY.resolve("prior-year-2019.tsv");
    }

    static SampleLedger of(String journal) {
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
        SampleLedger ledger = new SampleLedger();
        long index = 0;
        for (PendingEvent event : outcome.events()) {
            index++;
            if (event.payload() instanceof AccountEvent accountEvent) {
                ledger.postings.add(
                        PostingProjection.toPosting(
                                accountEvent, "event-" + index, index, "test", Instant.EPOCH));
            } else if (event.payload() instanceof ProjectRegistered project) {
                ledger.projectNames.put(project.project(), project.name());
            } else if (event.payload() instanceof UnitRegistered unit) {
                ledger.unitName = unit.name();
            }
        }
        return ledger;
    }
}
