package ledger.projections.posting;

import ledger.core.account.TransactionKind;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;

/**
 * Everything that decides which statement cells a posting feeds: its budget line's fund and codes,
 * the kind it counts as and its nature. Postings with one key feed the same cells with the same
 * signs, so the database can sum and count them by key, and a cell's postings are those whose key
 * feeds it.
 *
 * @param count how many postings have this key (within the query's conditions)
 * @param sumFen their amounts added up
 */
public record PostingKey(
        FundSource fund,
        FunctionalCode functional,
        EconomicCode economic,
        TransactionKind kind,
        ExpenditureNature nature,
        long count,
        long sumFen) {

    /** Whether the other key names the same postings, whatever the counts. */
    public boolean sameKey(PostingKey other) {
        return fund == other.fund
                && functional.equals(other.functional)
                && economic.equals(other.economic)
                && kind == other.kind
                && nature == other.nature;
    }

    /** The key without counts, for maps. */
    public PostingKey bare() {
        return new PostingKey(fund, functional, economic, kind, nature, 0, 0);
    }
}
