package ledger.projections.statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.TransactionId;
import ledger.core.account.UnitCode;
import ledger.core.classification.ClassificationCatalog;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingKey;

/**
 * A trace worked out from postings counted and summed by {@link PostingKey} in the database rather
 * than from the postings themselves: which cells a posting feeds depends on its key alone, so a
 * cell's postings are those of the keys that feed it, with the key's sign, and a cell's figure is Σ
 * sign × the key's sum. This is what lets a page of a trace read only that page's rows.
 */
public final class KeyedTrace {

    private final Map<PostingKey, Integer> signs;

    private KeyedTrace(Map<PostingKey, Integer> signs) {
        this.signs = signs;
    }

    /** The keys among {@code keys} that feed the cell in the template, with their signs. */
    public static KeyedTrace of(
            StatementTemplate template, CellAddress cell, List<PostingKey> keys) {
        Map<PostingKey, Integer> signs = new LinkedHashMap<>();
        for (PostingKey key : keys) {
            for (Contribution contribution :
                    template.contributionsOf(
                            key.fund(),
                            key.functional(),
                            key.economic(),
                            key.kind(),
                            key.nature())) {
                if (contribution.cell().equals(cell)) {
                    signs.put(key.bare(), contribution.sign());
                }
            }
        }
        return new KeyedTrace(signs);
    }

    /** The keys feeding the cell, to ask the database for their postings. */
    public List<PostingKey> keys() {
        return List.copyOf(signs.keySet());
    }

    /** The sign a posting counts with in the cell; 0 when it does not feed it. */
    public int signOf(Posting posting) {
        return signs.getOrDefault(
                new PostingKey(
                        posting.account().fund(),
                        posting.account().functional(),
                        posting.account().economic(),
                        posting.kind(),
                        posting.nature(),
                        0,
                        0),
                0);
    }

    /** The posting with its sign in the cell. */
    public TracedPosting traced(Posting posting) {
        return new TracedPosting(posting, signOf(posting));
    }

    /** How many postings of these counted keys feed the cell. */
    public long count(List<PostingKey> counted) {
        return counted.stream()
                .filter(key -> signs.containsKey(key.bare()))
                .mapToLong(PostingKey::count)
                .sum();
    }

    /** What the postings of these counted keys add to the cell, in fen. */
    public long fen(List<PostingKey> counted) {
        long fen = 0;
        for (PostingKey key : counted) {
            Integer sign = signs.get(key.bare());
            if (sign != null) {
                fen = Math.addExact(fen, Math.multiplyExact(key.sumFen(), (long) sign));
            }
        }
        return fen;
    }

    /**
     * The statements of a unit-year from its postings summed by key: each key stands for its
     * postings as one posting of their sum, which feeds the same cells with the same signs.
     *
     * @param keys the unit-year's keys, already limited to the as-of date
     */
    public static StatementSet statements(
            UnitCode unit,
            String unitName,
            FiscalYear year,
            LocalDate asOf,
            List<PostingKey> keys,
            ClassificationCatalog catalog,
            StatementTemplate template) {
        List<Posting> sums = new ArrayList<>(keys.size());
        for (PostingKey key : keys) {
            sums.add(
                    new Posting(
                            0,
                            null,
                            "",
                            new AccountKey(
                                    year, unit, key.fund(), key.functional(), key.economic()),
                            key.kind(),
                            key.sumFen(),
                            null,
                            key.nature(),
                            null,
                            null,
                            null,
                            TransactionId.of("sum"),
                            null,
                            "",
                            "",
                            "",
                            null));
        }
        return StatementEngine.compute(unit, unitName, year, asOf, sums, catalog, template);
    }
}
