package ledger.projections.statement;

import static ledger.core.classification.ExpenditureNature.PERSONNEL;
import static ledger.core.classification.ExpenditureNature.PROJECT;
import static ledger.core.classification.FundSource.GENERAL;
import static ledger.projections.statement.PostingFixtures.UNIT;
import static ledger.projections.statement.PostingFixtures.YEAR;
import static ledger.projections.statement.PostingFixtures.appropriation;
import static ledger.projections.statement.PostingFixtures.compute;
import static ledger.projections.statement.PostingFixtures.expenditure;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ledger.core.account.TransactionKind;
import ledger.core.classification.FundSource;
import ledger.projections.posting.Posting;
import org.junit.jupiter.api.Test;

/**
 * Goal: the engine sums exactly the postings of its unit, year and date range through the cell map,
 * rounds each cell on its own, and lays the tables out as the report does.
 */
class StatementEngineTest {

    private static CellAddress cell(String address) {
        return CellAddress.parse(address);
    }

    @Test
    void aSinglePostingLandsExactlyInTheCellsOfTheCellMap() {
        Posting posting = expenditure(GENERAL, "2080501", "30302", PERSONNEL, "1234.56").build();

        StatementSet set = compute(List.of(posting));

        Map<CellAddress, Long> expected = new HashMap<>();
        CellMap.contributionsOf(posting)
                .forEach(
                        contribution ->
                                expected.put(
                                        contribution.cell(),
                                        contribution.signedFen(posting.amountFen())));
        Map<CellAddress, Long> actual = new HashMap<>();
        set.tables().forEach(table -> actual.putAll(table.cellsFen()));
        assertThat(actual).isEqualTo(expected);
        assertThat(set.fen(cell("T1/59/2"))).isEqualTo(-123_456L);
    }

    @Test
    void aReversalCancelsItsOriginalInEveryCell() {
        Posting kept = expenditure(GENERAL, "2010301", "30101", PERSONNEL, "10.00").build();
        Posting mistaken = expenditure(GENERAL, "2010302", "30231", PROJECT, "99.00").build();
        Posting reversal = PostingFixtures.reversalOf(mistaken, LocalDate.of(2020, 4, 1));

        StatementSet withReversal = compute(List.of(kept, mistaken, reversal));
        StatementSet keptOnly = compute(List.of(kept));

        assertThat(withReversal.displayed()).isEqualTo(keptOnly.displayed());
        assertThat(withReversal.fen(cell("T7/1/11"))).isZero();
        assertThat(withReversal.fen(cell("T3/total/1"))).isEqualTo(1_000L);
    }

    @Test
    void asOfCountsPostingsDatedUpToThatDayOnly() {
        Posting june =
                appropriation(GENERAL, "2010301", "30101", "100.00").date("2020-06-30").build();
        Posting july =
                appropriation(GENERAL, "2010301", "30101", "50.00").date("2020-07-01").build();

        StatementSet midYear =
                StatementEngine.compute(
                        UNIT, "u", YEAR, LocalDate.of(2020, 6, 30), List.of(june, july));
        StatementSet wholeYear =
                StatementEngine.compute(UNIT, "u", YEAR, null, List.of(june, july));

        assertThat(midYear.fen(cell("T1/1/1"))).isEqualTo(10_000L);
        assertThat(midYear.asOf()).contains(LocalDate.of(2020, 6, 30));
        assertThat(wholeYear.fen(cell("T1/1/1"))).isEqualTo(15_000L);
        assertThat(wholeYear.asOf()).isEmpty();
    }

    @Test
    void postingsOfOtherUnitsAndYearsAreLeftOut() {
        Posting ours = appropriation(GENERAL, "2010301", "30101", "1.00").build();
        Posting otherUnit =
                appropriation(GENERAL, "2010301", "30101", "2.00").unit("other").build();
        Posting otherYear = appropriation(GENERAL, "2010301", "30101", "4.00").year(2021).build();

        StatementSet set = compute(List.of(ours, otherUnit, otherYear));

        assertThat(set.fen(cell("T1/1/1"))).isEqualTo(100L);
    }

    @Test
    void eachCellIsRoundedHalfUpFromItsOwnExactSum() {
        Posting first = expenditure(GENERAL, "2010301", "30101", PERSONNEL, "136350.00").build();
        Posting second = expenditure(GENERAL, "2010302", "30101", PERSONNEL, "495650.00").build();

        StatementSet set = compute(List.of(first, second));

        assertThat(set.displayed().get(cell("T3/2010301/1"))).isEqualByComparingTo("13.64");
        assertThat(set.displayed().get(cell("T3/2010302/1"))).isEqualByComparingTo("49.57");
        assertThat(set.displayed().get(cell("T3/20103/1"))).isEqualByComparingTo("63.20");
        List<Finding> findings = StatementChecks.evaluate(set);
        assertThat(findings).noneMatch(Finding::isError);
        assertThat(findings)
                .anySatisfy(
                        finding -> {
                            assertThat(finding.rule()).isEqualTo("T3.hierarchy");
                            assertThat(finding.severity()).isEqualTo(Finding.Severity.NOTE);
                            assertThat(finding.cells()).contains(cell("T3/20103/1"));
                            assertThat(finding.message()).contains("尾差");
                        });
    }

    @Test
    void aCellThatRoundsToZeroIsNotDisplayedButKeepsItsFen() {
        Posting tiny = appropriation(GENERAL, "2010301", "30101", "49.99").build();

        StatementSet set = compute(List.of(tiny));

        assertThat(set.fen(cell("T1/1/1"))).isEqualTo(4_999L);
        assertThat(set.displayed()).isEmpty();
        assertThat(set.value(cell("T1/1/1")).toWanYuan()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void tablesComeInOrderWithTheReportsTitles() {
        StatementSet set = compute(List.of());

        assertThat(set.tables())
                .extracting(StatementTable::id)
                .containsExactly("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9");
        assertThat(set.tables())
                .extracting(StatementTable::title)
                .containsExactly(
                        "收入支出决算总表",
                        "收入决算表",
                        "支出决算表",
                        "财政拨款收入支出决算总表",
                        "一般公共预算财政拨款支出决算表",
                        "一般公共预算财政拨款基本支出决算表",
                        "一般公共预算财政拨款“三公”经费支出决算表",
                        "政府性基金预算财政拨款收入支出决算表",
                        "国有资本经营预算财政拨款支出决算表");
        assertThat(set.table("T3").columns())
                .extracting(StatementColumn::heading)
                .containsExactly("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出");
    }

    @Test
    void lineTablesHaveEveryLineWithTheReportsLabels() {
        StatementSet set = compute(List.of());

        List<StatementRow> t1 = set.table("T1").rows();
        assertThat(t1).hasSize(60);
        assertThat(t1.get(0).label()).isEqualTo("一、一般公共预算财政拨款收入");
        assertThat(t1.get(29)).isEqualTo(new StatementRow("30", "总计", 0));
        assertThat(t1.get(37).label()).isEqualTo("八、社会保障和就业支出");
        assertThat(t1.get(55).label()).isEqualTo("二十六、抗疫特别国债安排的支出");
        assertThat(t1.get(58).label()).isEqualTo("年末结转和结余");
        List<StatementRow> t4 = set.table("T4").rows();
        assertThat(t4).hasSize(64);
        assertThat(t4.get(28)).isEqualTo(new StatementRow("29", "一般公共预算财政拨款", 1));
        assertThat(t4.get(32).label()).isEqualTo("一、一般公共服务支出");
        assertThat(t4.get(63).label()).isEqualTo("总计");
    }

    @Test
    void codeTablesShowTotalThenEachClassWithItsItemsThatHaveFigures() {
        StatementSet set =
                compute(
                        List.of(
                                expenditure(GENERAL, "2210201", "30113", PERSONNEL, "1.00").build(),
                                expenditure(GENERAL, "2010302", "30201", PROJECT, "1.00").build(),
                                expenditure(GENERAL, "2010301", "30101", PERSONNEL, "1.00")
                                        .build()));

        assertThat(set.table("T3").rows())
                .extracting(StatementRow::row)
                .containsExactly(
                        "total", "201", "20103", "2010301", "2010302", "221", "22102", "2210201");
        assertThat(set.table("T3").rows())
                .extracting(StatementRow::level)
                .containsExactly(0, 1, 2, 3, 3, 1, 2, 3);
        assertThat(set.table("T3").rows().get(2).label()).isEqualTo("政府办公厅（室）及相关机构事务");
        assertThat(set.table("T2").rows()).extracting(StatementRow::row).containsExactly("total");
    }

    @Test
    void table6ListsEveryEconomicCodeOfTheCatalogThenItsTwoTotals() {
        StatementTable t6 = compute(List.of()).table("T6");

        assertThat(t6.rows().get(0)).isEqualTo(new StatementRow("301", "工资福利支出", 1));
        assertThat(t6.rows()).extracting(StatementRow::row).contains("30212", "399");
        assertThat(t6.rows().subList(t6.rows().size() - 2, t6.rows().size()))
                .extracting(StatementRow::label)
                .containsExactly("人员经费合计", "公用经费合计");
    }

    @Test
    void aLargeLedgerSumsToTheSameFiguresEveryTimeAndToTheExactTotals() {
        // Speed is measured by the benchmark suite (benchmarks/), never asserted here.
        List<Posting> postings = RandomLedger.generate(42L, 50_000, false);
        StatementSet first = compute(postings);
        StatementSet again = compute(postings);
        assertThat(again.displayed()).isEqualTo(first.displayed());
        long income =
                postings.stream()
                        .filter(
                                p ->
                                        p.kind() == TransactionKind.APPROPRIATION
                                                || p.kind() == TransactionKind.OPENING
                                                || p.kind() == TransactionKind.CARRY_IN)
                        .mapToLong(Posting::amountFen)
                        .sum();
        assertThat(first.fen(cell("T1/30/1"))).isEqualTo(income).isNotZero();
    }

    @Test
    void kindsOtherThanMoneyMovementsLeaveTheTablesBlankExceptTable7() {
        StatementSet set =
                compute(
                        List.of(
                                PostingFixtures.posting()
                                        .kind(TransactionKind.BUDGET)
                                        .economic("30217")
                                        .build(),
                                PostingFixtures.posting().kind(TransactionKind.SUPPLEMENT).build(),
                                PostingFixtures.posting()
                                        .kind(TransactionKind.CARRY_FORWARD)
                                        .fund(FundSource.OTHER)
                                        .build()));

        assertThat(set.displayed().keySet())
                .extracting(CellAddress::toString)
                .containsExactly("T7/1/1", "T7/1/6");
    }
}
