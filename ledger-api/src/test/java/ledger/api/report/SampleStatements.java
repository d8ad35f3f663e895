package ledger.api.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ledger.api.support.Samples;
import ledger.core.account.AccountEvent;
import ledger.core.account.FiscalYear;
import ledger.core.account.InMemoryLedgerRegistry;
import ledger.core.account.UnitCode;
import ledger.core.journal.JournalPosting;
import ledger.journal.JournalParse;
import ledger.journal.JournalReader;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingProjection;
import ledger.projections.statement.StatementEngine;
import ledger.projections.statement.StatementSet;

/**
 * The 2020 sample's statements without a database: the journal through the real reader and account
 * rules in memory, each event a posting as the projection makes it.
 */
final class SampleStatements {

    static final UnitCode UNIT = UnitCode.of("jianghan-gov-office");
    static final FiscalYear YEAR = FiscalYear.of(2020);

    private SampleStatements() {}

    static List<Posting> postings() {
        JournalParse parse;
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            parse = new JournalReader().read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JournalPosting.Outcome outcome =
                new JournalPosting(
                                new InMemoryLedgerRegistry(),
                                keys -> Map.of(),
                                new JournalPosting.KnownNames(Map.of(), Map.of()))
                        .post(parse.rows());
        List<Posting> postings = new ArrayList<>();
        long index = 0;
        for (JournalPosting.PendingEvent event : outcome.events()) {
            index++;
            if (event.payload() instanceof AccountEvent accountEvent) {
                postings.add(
                        PostingProjection.toPosting(
                                accountEvent, "e" + index, index, "test", Instant.EPOCH));
            }
        }
        return postings;
    }

    static StatementSet statements() {
        return StatementEngine.compute(UNIT, "武汉市江汉区人民政府办公室", YEAR, null, postings());
    }
}
