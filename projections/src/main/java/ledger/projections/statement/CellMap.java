package ledger.projections.statement;

import java.util.List;
import ledger.core.account.TransactionKind;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.projections.posting.Posting;

/**
 * The single definition of which cells a posting feeds, totals and subtotals included: what each
 * cell of the {@link StatementTemplate} sums, asked of the posting. Every cell of every table is Σ
 * sign × amountFen over the postings this map sends to it, and nothing else: the engine sums by it,
 * a trace filters by it, so a cell and its trace agree by construction, and the report's own
 * formulas (27 = 1+…+8, 64 = 59+60, …) hold exactly in fen.
 *
 * <p>Contributions to one cell are merged; a cell whose signs cancel (表1 总计 of expenditure for an
 * expenditure: +1 through 本年支出合计, −1 through 年末结转和结余) is left out.
 */
public final class CellMap {

    private CellMap() {}

    /** Every cell the posting feeds in the 2020 format, with its sign. */
    public static List<Contribution> contributionsOf(Posting posting) {
        return contributionsOf(StatementTemplate.standard(), posting);
    }

    /** Every cell the posting feeds in the template's format, with its sign. */
    public static List<Contribution> contributionsOf(StatementTemplate template, Posting posting) {
        return template.contributionsOf(
                posting.account().fund(),
                posting.account().functional(),
                posting.account().economic(),
                posting.kind(),
                posting.nature());
    }

    /**
     * Every cell a posting with these keys feeds in the 2020 format.
     *
     * @throws IllegalArgumentException for an expenditure without nature, or a 类 with no 表1 line
     */
    public static List<Contribution> contributionsOf(
            FundSource fund,
            FunctionalCode functional,
            EconomicCode economic,
            TransactionKind kind,
            ExpenditureNature nature) {
        return StatementTemplate.standard()
                .contributionsOf(fund, functional, economic, kind, nature);
    }
}
