package ledger.projections.statement;

import static ledger.core.classification.ExpenditureNature.BUSINESS_OP;
import static ledger.core.classification.ExpenditureNature.PERSONNEL;
import static ledger.core.classification.ExpenditureNature.PROJECT;
import static ledger.core.classification.ExpenditureNature.PUBLIC;
import static ledger.core.classification.ExpenditureNature.REMIT;
import static ledger.core.classification.ExpenditureNature.SUBSIDY;
import static ledger.core.classification.FundSource.AFFILIATED;
import static ledger.core.classification.FundSource.BUSINESS;
import static ledger.core.classification.FundSource.GENERAL;
import static ledger.core.classification.FundSource.GOV_FUND;
import static ledger.core.classification.FundSource.OPERATING;
import static ledger.core.classification.FundSource.OTHER;
import static ledger.core.classification.FundSource.SOE_CAPITAL;
import static ledger.core.classification.FundSource.SUPERIOR;
import static ledger.projections.statement.PostingFixtures.appropriation;
import static ledger.projections.statement.PostingFixtures.expenditure;
import static ledger.projections.statement.PostingFixtures.posting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import ledger.core.account.TransactionKind;
import ledger.core.classification.FundSource;
import ledger.projections.posting.Posting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Goal: each kind of posting feeds exactly the cells DOMAIN.md assigns it, with the right sign, and
 * nothing else. Method: list every expected cell by hand and compare the whole set.
 */
class CellMapTest {

    /** The T2/T3/… code rows of 项 2010301: the 项, its 款, its 类 and the total. */
    private static List<String> rows(String table, String xiang, int column, String sign) {
        return List.of(
                table + "/" + xiang + "/" + column + sign,
                table + "/" + xiang.substring(0, 5) + "/" + column + sign,
                table + "/" + xiang.substring(0, 3) + "/" + column + sign,
                table + "/total/" + column + sign);
    }

    private static Set<String> cellsOf(Posting posting) {
        Set<String> cells = new TreeSet<>();
        for (Contribution contribution : CellMap.contributionsOf(posting)) {
            cells.add(contribution.cell() + (contribution.sign() > 0 ? "+" : "-"));
        }
        return cells;
    }

    private static Set<String> expected(List<String> plain, List<List<String>> rowGroups) {
        Set<String> all = new TreeSet<>(plain);
        rowGroups.forEach(all::addAll);
        return all;
    }

    @Test
    void generalAppropriationFeedsIncomeLinesOfTable1Table2AndTable4Only() {
        Posting posting = appropriation(GENERAL, "2010301", "30101", "100.00").build();

        assertThat(cellsOf(posting))
                .isEqualTo(
                        expected(
                                List.of(
                                        "T1/1/1+",
                                        "T1/27/1+",
                                        "T1/30/1+",
                                        "T1/59/2+",
                                        "T1/60/2+",
                                        "T4/1/1+",
                                        "T4/27/1+",
                                        "T4/32/1+",
                                        "T4/60/2+",
                                        "T4/60/3+",
                                        "T4/61/2+",
                                        "T4/61/3+",
                                        "T4/64/2+",
                                        "T4/64/3+"),
                                List.of(
                                        rows("T2", "2010301", 1, "+"),
                                        rows("T2", "2010301", 2, "+"))));
    }

    @ParameterizedTest
    @CsvSource({"SUPERIOR,4,3", "BUSINESS,5,4", "OPERATING,6,5", "AFFILIATED,7,6", "OTHER,8,7"})
    void otherSourcesAppropriationFeedTheirTable1LineAndTable2ColumnButNotTable4(
            FundSource fund, int line, int column) {
        Posting posting = appropriation(fund, "2080501", "30302", "1.00").build();

        assertThat(cellsOf(posting))
                .isEqualTo(
                        expected(
                                List.of(
                                        "T1/" + line + "/1+",
                                        "T1/27/1+",
                                        "T1/30/1+",
                                        "T1/59/2+",
                                        "T1/60/2+"),
                                List.of(
                                        rows("T2", "2080501", 1, "+"),
                                        rows("T2", "2080501", column, "+"))));
        assertThat(List.of(SUPERIOR, BUSINESS, OPERATING, AFFILIATED, OTHER)).contains(fund);
    }

    @Test
    void generalPersonnelExpenditureFeedsTables1345And6() {
        Posting posting = expenditure(GENERAL, "2080501", "30302", PERSONNEL, "5.00").build();

        assertThat(cellsOf(posting))
                .isEqualTo(
                        expected(
                                List.of(
                                        "T1/38/2+",
                                        "T1/57/2+",
                                        "T1/59/2-",
                                        "T4/40/2+",
                                        "T4/40/3+",
                                        "T4/59/2+",
                                        "T4/59/3+",
                                        "T4/60/2-",
                                        "T4/60/3-",
                                        "T4/61/2-",
                                        "T4/61/3-",
                                        "T6/30302/1+",
                                        "T6/303/1+",
                                        "T6/personnel-total/1+"),
                                List.of(
                                        rows("T3", "2080501", 1, "+"),
                                                rows("T3", "2080501", 2, "+"),
                                        rows("T5", "2080501", 1, "+"),
                                                rows("T5", "2080501", 2, "+"))));
    }

    @Test
    void generalPublicExpenditureGoesToPublicTotalOfTable6() {
        Posting posting = expenditure(GENERAL, "2010301", "30201", PUBLIC, "5.00").build();

        assertThat(cellsOf(posting))
                .contains("T6/30201/1+", "T6/302/1+", "T6/public-total/1+")
                .doesNotContain("T6/personnel-total/1+");
    }

    @Test
    void generalProjectExpenditureOnThreePublicCostCodeFeedsTable7ActualButNotTable6() {
        Posting posting = expenditure(GENERAL, "2010302", "30231", PROJECT, "5.00").build();

        assertThat(cellsOf(posting))
                .isEqualTo(
                        expected(
                                List.of(
                                        "T1/31/2+",
                                        "T1/57/2+",
                                        "T1/59/2-",
                                        "T4/33/2+",
                                        "T4/33/3+",
                                        "T4/59/2+",
                                        "T4/59/3+",
                                        "T4/60/2-",
                                        "T4/60/3-",
                                        "T4/61/2-",
                                        "T4/61/3-",
                                        "T7/1/11+",
                                        "T7/1/9+",
                                        "T7/1/7+"),
                                List.of(
                                        rows("T3", "2010302", 1, "+"),
                                                rows("T3", "2010302", 3, "+"),
                                        rows("T5", "2010302", 1, "+"),
                                                rows("T5", "2010302", 3, "+"))));
    }

    @ParameterizedTest
    @CsvSource({
        "30212,'2,1','8,7'",
        "31013,'4,3,1','10,9,7'",
        "30231,'5,3,1','11,9,7'",
        "30217,'6,1','12,7'"
    })
    void threePublicCostCodesFeedTheirBudgetAndActualColumns(
            String economic, String budget, String actual) {
        Posting initial = posting().kind(TransactionKind.BUDGET).economic(economic).build();
        Posting spent = expenditure(GENERAL, "2010301", economic, PUBLIC, "1.00").build();

        assertThat(table7Columns(initial)).isEqualTo(budget);
        assertThat(table7Columns(spent)).isEqualTo(actual);
    }

    private static String table7Columns(Posting posting) {
        List<String> columns = new ArrayList<>();
        for (Contribution contribution : CellMap.contributionsOf(posting)) {
            if (contribution.cell().table().equals("T7")) {
                columns.add(Integer.toString(contribution.cell().column()));
            }
        }
        return String.join(",", columns);
    }

    @Test
    void onlyTheInitialBudgetOfGeneralFundCountsInTable7() {
        for (TransactionKind kind : List.of(TransactionKind.SUPPLEMENT, TransactionKind.REDUCE)) {
            assertThat(cellsOf(posting().kind(kind).economic("30212").build())).isEmpty();
        }
        assertThat(
                        cellsOf(
                                posting()
                                        .kind(TransactionKind.BUDGET)
                                        .fund(GOV_FUND)
                                        .economic("30212")
                                        .build()))
                .isEmpty();
        assertThat(cellsOf(posting().kind(TransactionKind.BUDGET).economic("30201").build()))
                .isEmpty();
        assertThat(cellsOf(posting().kind(TransactionKind.BUDGET).economic("30212").build()))
                .containsExactly("T7/1/1+", "T7/1/2+");
    }

    @Test
    void carryForwardFeedsNoCell() {
        assertThat(cellsOf(posting().kind(TransactionKind.CARRY_FORWARD).build())).isEmpty();
    }

    @Test
    void govFundOpeningFeedsOpeningLinesAndTable8() {
        Posting posting =
                posting()
                        .kind(TransactionKind.OPENING)
                        .fund(GOV_FUND)
                        .functional("2120801")
                        .economic("31005")
                        .build();

        assertThat(cellsOf(posting))
                .isEqualTo(
                        expected(
                                List.of(
                                        "T1/29/1+",
                                        "T1/30/1+",
                                        "T1/59/2+",
                                        "T1/60/2+",
                                        "T4/30/1+",
                                        "T4/28/1+",
                                        "T4/32/1+",
                                        "T4/60/2+",
                                        "T4/60/4+",
                                        "T4/62/2+",
                                        "T4/62/4+",
                                        "T4/64/2+",
                                        "T4/64/4+"),
                                List.of(
                                        rows("T8", "2120801", 1, "+"),
                                        rows("T8", "2120801", 6, "+"))));
    }

    @Test
    void govFundExpenditureFeedsTable8ExpenditureAndLowersClosing() {
        Posting posting = expenditure(GOV_FUND, "2120801", "31005", PROJECT, "3.00").build();

        assertThat(cellsOf(posting))
                .isEqualTo(
                        expected(
                                List.of(
                                        "T1/41/2+",
                                        "T1/57/2+",
                                        "T1/59/2-",
                                        "T4/43/2+",
                                        "T4/43/4+",
                                        "T4/59/2+",
                                        "T4/59/4+",
                                        "T4/60/2-",
                                        "T4/60/4-",
                                        "T4/62/2-",
                                        "T4/62/4-"),
                                List.of(
                                        rows("T3", "2120801", 1, "+"),
                                        rows("T3", "2120801", 3, "+"),
                                        rows("T8", "2120801", 3, "+"),
                                        rows("T8", "2120801", 5, "+"),
                                        rows("T8", "2120801", 6, "-"))));
    }

    @Test
    void govFundAppropriationFeedsTable8IncomeAndClosing() {
        Posting posting = appropriation(GOV_FUND, "2120801", "31005", "3.00").build();

        assertThat(cellsOf(posting))
                .contains("T1/2/1+", "T4/2/1+", "T4/62/4+")
                .containsAll(rows("T8", "2120801", 2, "+"))
                .containsAll(rows("T8", "2120801", 6, "+"))
                .containsAll(rows("T2", "2120801", 2, "+"));
    }

    @Test
    void soeCapitalCarryInAndBasicExpenditureFeedTable4SourceColumn5AndTable9() {
        Posting carriedIn =
                posting()
                        .kind(TransactionKind.CARRY_IN)
                        .fund(SOE_CAPITAL)
                        .functional("2230105")
                        .economic("31204")
                        .build();
        Posting spent = expenditure(SOE_CAPITAL, "2230105", "30201", PUBLIC, "1.00").build();

        assertThat(cellsOf(carriedIn))
                .isEqualTo(
                        expected(
                                List.of(
                                        "T1/29/1+",
                                        "T1/30/1+",
                                        "T1/59/2+",
                                        "T1/60/2+",
                                        "T4/31/1+",
                                        "T4/28/1+",
                                        "T4/32/1+",
                                        "T4/60/2+",
                                        "T4/60/5+",
                                        "T4/63/2+",
                                        "T4/63/5+",
                                        "T4/64/2+",
                                        "T4/64/5+"),
                                List.of()));
        assertThat(cellsOf(spent))
                .containsAll(rows("T9", "2230105", 1, "+"))
                .containsAll(rows("T9", "2230105", 2, "+"))
                .contains("T4/53/5+", "T4/63/5-")
                .noneMatch(cell -> cell.startsWith("T5") || cell.startsWith("T6"));
    }

    @ParameterizedTest
    @CsvSource({"REMIT,4", "BUSINESS_OP,5", "SUBSIDY,6"})
    void otherNaturesOfNonFiscalFundsFeedTable1AndTheirTable3Column(String nature, int column) {
        Posting posting =
                expenditure(
                                OTHER,
                                "2010301",
                                "30201",
                                ledger.core.classification.ExpenditureNature.valueOf(nature),
                                "1.00")
                        .build();

        assertThat(cellsOf(posting))
                .isEqualTo(
                        expected(
                                List.of("T1/31/2+", "T1/57/2+", "T1/59/2-"),
                                List.of(
                                        rows("T3", "2010301", 1, "+"),
                                        rows("T3", "2010301", column, "+"))));
        assertThat(List.of(REMIT, BUSINESS_OP, SUBSIDY)).extracting(Enum::name).contains(nature);
    }

    @Test
    void aReversalFeedsTheSameCellsWithTheSameSigns() {
        Posting original = expenditure(GENERAL, "2080501", "30302", PERSONNEL, "5.00").build();
        Posting reversal = PostingFixtures.reversalOf(original, original.date());

        assertThat(CellMap.contributionsOf(reversal)).isEqualTo(CellMap.contributionsOf(original));
        assertThat(reversal.amountFen()).isEqualTo(-original.amountFen());
    }

    @Test
    void lines28And58NeverGetAnything() {
        for (TransactionKind kind : TransactionKind.values()) {
            for (FundSource fund : FundSource.values()) {
                Posting posting =
                        posting().kind(kind).fund(fund).nature(PUBLIC).economic("30201").build();
                assertThat(cellsOf(posting))
                        .noneMatch(cell -> cell.startsWith("T1/28/") || cell.startsWith("T1/58/"));
            }
        }
    }

    @Test
    void anExpenditureWithoutNatureIsRefused() {
        Posting posting = posting().kind(TransactionKind.EXPENDITURE).build();

        assertThatThrownBy(() -> CellMap.contributionsOf(posting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nature");
    }

    @Test
    void aFunctionalClassWithoutTable1LineIsRefusedNamingIt() {
        Posting posting = appropriation(GENERAL, "2300101", "30101", "1.00").build();

        assertThatThrownBy(() -> CellMap.contributionsOf(posting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("230");
    }
}
