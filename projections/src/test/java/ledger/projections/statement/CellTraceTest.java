package ledger.projections.statement;

import static ledger.core.classification.ExpenditureNature.PERSONNEL;
import static ledger.core.classification.FundSource.GENERAL;
import static ledger.projections.statement.PostingFixtures.appropriation;
import static ledger.projections.statement.PostingFixtures.expenditure;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import ledger.projections.posting.Posting;
import org.junit.jupiter.api.Test;

/**
 * Goal: a trace lists the postings behind a cell with their signs and adds up to the cell exactly.
 */
class CellTraceTest {

    private final Posting income =
            appropriation(GENERAL, "2010301", "30101", "300.00").date("2020-02-01").build();
    private final Posting spent =
            expenditure(GENERAL, "2010301", "30101", PERSONNEL, "120.00")
                    .date("2020-03-01")
                    .build();
    private final Posting late =
            expenditure(GENERAL, "2010301", "30101", PERSONNEL, "50.00").date("2020-12-01").build();
    private final List<Posting> postings = List.of(income, spent, late);

    @Test
    void closingBalanceIsTracedToIncomeAddedAndSpendingTakenAway() {
        CellAddress closing = CellAddress.parse("T1/59/2");

        Trace trace = CellTrace.trace(closing, postings, null);

        assertThat(trace.postings())
                .extracting(TracedPosting::posting)
                .containsExactly(income, spent, late);
        assertThat(trace.postings()).extracting(TracedPosting::sign).containsExactly(1, -1, -1);
        assertThat(trace.fen()).isEqualTo(13_000L);
        assertThat(trace.fen()).isEqualTo(PostingFixtures.compute(postings).fen(closing));
    }

    @Test
    void asOfLeavesOutLaterPostings() {
        Trace trace =
                CellTrace.trace(
                        CellAddress.parse("T3/2010301/1"), postings, LocalDate.of(2020, 6, 30));

        assertThat(trace.postings()).extracting(TracedPosting::posting).containsExactly(spent);
        assertThat(trace.value().fen()).isEqualTo(12_000L);
    }

    @Test
    void aBlankCellHasAnEmptyTrace() {
        Trace trace = CellTrace.trace(CellAddress.parse("T8/total/1"), postings, null);

        assertThat(trace.postings()).isEmpty();
        assertThat(trace.fen()).isZero();
    }

    @Test
    void contributionsOfAPostingNameEveryCellItFeeds() {
        assertThat(CellTrace.contributionsOf(spent))
                .extracting(c -> c.cell().toString())
                .contains(
                        "T1/31/2",
                        "T3/2010301/2",
                        "T5/total/1",
                        "T6/30101/1",
                        "T6/personnel-total/1")
                .doesNotContain("T1/60/2");
    }

    @Test
    void tracingByUnitAndYearLeavesOutOtherUnitsAsTheEngineDoes() {
        Posting otherUnit =
                appropriation(GENERAL, "2010301", "30101", "7.00").unit("other").build();
        List<Posting> mixed = List.of(income, otherUnit, spent);

        Trace trace =
                CellTrace.trace(
                        PostingFixtures.UNIT,
                        PostingFixtures.YEAR,
                        CellAddress.parse("T1/1/1"),
                        mixed,
                        null);

        assertThat(trace.postings()).extracting(TracedPosting::posting).containsExactly(income);
        assertThat(trace.fen())
                .isEqualTo(PostingFixtures.compute(mixed).fen(CellAddress.parse("T1/1/1")));
    }
}
