package ledger.projections.statement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.ProjectCode;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.core.money.Money;
import ledger.projections.posting.Posting;

/**
 * Reads the shipped sample journal straight into postings, as the event store would produce them,
 * so the statements can be checked against the sample's published figures without the command side.
 * Deliberately minimal: no quoting (the sample has none), no validation beyond the types'.
 */
final class SampleJournal {

    static final Path DIRECTORY = Path.of("..", "samples", "2020-jianghan-gov-office");

    private SampleJournal() {}

    static List<Posting> read(Path journal) throws IOException {
        List<Posting> postings = new ArrayList<>();
        Map<String, Posting> byId = new HashMap<>();
        String[] header = null;
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (header == null) {
                header = fields;
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i].strip(), i < fields.length ? fields[i].strip() : "");
            }
            Posting posting = toPosting(postings.size() + 1, row, byId);
            byId.put(row.get("id"), posting);
            postings.add(posting);
        }
        return postings;
    }

    private static Posting toPosting(
            long index, Map<String, String> row, Map<String, Posting> byId) {
        LocalDate date = LocalDate.parse(row.get("date"));
        TransactionId id = TransactionId.of(row.get("id"));
        if (row.get("kind").equals("reversal")) {
            Posting original = byId.get(row.get("reverses"));
            return new Posting(
                    index,
                    null,
                    "TransactionReversed",
                    original.account(),
                    original.kind(),
                    -original.amountFen(),
                    date,
                    original.nature(),
                    original.project(),
                    null,
                    null,
                    id,
                    original.transactionId(),
                    null,
                    null,
                    "sample",
                    Instant.EPOCH);
        }
        AccountKey account =
                new AccountKey(
                        FiscalYear.of(date),
                        UnitCode.of(row.get("unit")),
                        FundSource.parse(row.get("fund")),
                        FunctionalCode.of(row.get("functional")),
                        EconomicCode.of(row.get("economic")));
        String nature = row.getOrDefault("nature", "");
        String project = row.getOrDefault("project", "");
        return new Posting(
                index,
                null,
                row.get("kind"),
                account,
                TransactionKind.parse(row.get("kind")),
                Money.parseYuan(row.get("amount")).fen(),
                date,
                nature.isEmpty() ? null : ExpenditureNature.parse(nature),
                project.isEmpty() ? null : ProjectCode.of(project),
                null,
                null,
                id,
                null,
                null,
                null,
                "sample",
                Instant.EPOCH);
    }
}
