package ledger.projections.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.projections.statement.Finding.RuleKind;
import ledger.projections.statement.Finding.Severity;
import org.junit.jupiter.api.Test;

/**
 * Goal: the checks find injected inconsistencies in published-style figures and tell the kinds
 * apart — an identity must match exactly, a sum may be off by a rounding tail (a NOTE), more is an
 * ERROR. Method: small hand-made figure sets, each breaking one rule.
 */
class StatementChecksTest {

    /** Figures from "T1/38/2=140.10" entries; rows present are the rows given. */
    private static Figures figures(String... entries) {
        Map<CellAddress, BigDecimal> values = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] parts = entry.split("=");
            values.put(CellAddress.parse(parts[0]), new BigDecimal(parts[1]));
        }
        return Figures.of(values);
    }

    private static List<Finding> ofRule(List<Finding> findings, String rule) {
        return findings.stream().filter(finding -> finding.rule().equals(rule)).toList();
    }

    @Test
    void theSameExpenditurePrintedTwiceMustMatchExactly() {
        List<Finding> findings =
                StatementChecks.evaluate(
                        figures(
                                "T1/38/2=140.10",
                                "T1/57/2=140.10",
                                "T1/59/2=-140.10",
                                "T3/total/1=140.09",
                                "T3/total/2=140.09",
                                "T3/208/1=140.09",
                                "T3/208/2=140.09"));

        List<Finding> identity = ofRule(findings, "T1-T3.lei");
        assertThat(identity)
                .singleElement()
                .satisfies(
                        finding -> {
                            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                            assertThat(finding.kind()).isEqualTo(RuleKind.IDENTITY);
                            assertThat(finding.message())
                                    .isEqualTo(
                                            "T1/38/2 (140.10) should equal T3/208/1"
                                                    + " (140.09): the same expenditure of 社会保障和就业支出 printed twice differs"
                                                    + " by 0.01");
                            assertThat(finding.cells())
                                    .containsExactly(
                                            CellAddress.parse("T1/38/2"),
                                            CellAddress.parse("T3/208/1"));
                        });
        assertThat(findings).hasSize(1);
    }

    @Test
    void aTotalOffByATailOfItsRoundedPartsIsANote() {
        List<Finding> findings =
                StatementChecks.evaluate(
                        figures(
                                "T3/total/1=140.09",
                                "T3/208/1=140.09",
                                "T3/20805/1=122.60",
                                "T3/20808/1=17.48"));

        assertThat(ofRule(findings, "T3.hierarchy"))
                .singleElement()
                .satisfies(
                        finding -> {
                            assertThat(finding.severity()).isEqualTo(Severity.NOTE);
                            assertThat(finding.kind()).isEqualTo(RuleKind.SUM);
                            assertThat(finding.message())
                                    .startsWith(
                                            "类 208 is the sum of its 款 rows: T3/208/1"
                                                    + " (140.09) should equal T3/20805/1 (122.60) + T3/20808/1 (17.48) = 140.08;"
                                                    + " it differs by 0.01")
                                    .contains("尾差");
                            assertThat(finding.cells())
                                    .extracting(CellAddress::toString)
                                    .containsExactly("T3/208/1", "T3/20805/1", "T3/20808/1");
                        });
    }

    @Test
    void aTotalOffByMoreThanRoundingIsAnError() {
        List<Finding> findings =
                StatementChecks.evaluate(
                        figures(
                                "T3/total/1=140.09",
                                "T3/208/1=140.09",
                                "T3/20805/1=122.60",
                                "T3/20808/1=17.39"));

        assertThat(ofRule(findings, "T3.hierarchy"))
                .singleElement()
                .satisfies(
                        finding -> {
                            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                            assertThat(finding.message())
                                    .contains("differs by 0.10", "more than rounding");
                        });
    }

    @Test
    void toleranceGrowsWithTheNumberOfRoundedParts() {
        // two parts: up to 0.015 is rounding, so 0.02 is an error
        List<Finding> twoParts =
                StatementChecks.evaluate(
                        figures("T5/2010301/1=10.02", "T5/2010301/2=5.00", "T5/2010301/3=5.00"));
        // six parts (表2 columns 2–7): up to 0.035 is rounding, so 0.03 is a note
        List<Finding> sixParts =
                StatementChecks.evaluate(
                        figures(
                                "T2/2010301/1=0.06",
                                "T2/2010301/3=0.01",
                                "T2/2010301/4=0.01",
                                "T2/2010301/5=0.01"));

        assertThat(ofRule(twoParts, "T5.columns"))
                .singleElement()
                .extracting(Finding::severity)
                .isEqualTo(Severity.ERROR);
        assertThat(ofRule(sixParts, "T2.columns"))
                .singleElement()
                .extracting(Finding::severity)
                .isEqualTo(Severity.NOTE);
    }

    @Test
    void grandTotalsOfTable1AreAnIdentityNotATail() {
        List<Finding> findings =
                StatementChecks.evaluate(
                        figures(
                                "T1/1/1=100.00",
                                "T1/27/1=100.00",
                                "T1/30/1=100.00",
                                "T1/59/2=100.00",
                                "T1/60/2=100.01",
                                "T4/1/1=100.00"));

        assertThat(ofRule(findings, "T1.grand-totals-agree"))
                .singleElement()
                .satisfies(
                        finding -> {
                            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                            assertThat(finding.kind()).isEqualTo(RuleKind.IDENTITY);
                        });
        assertThat(ofRule(findings, "T1.expenditure-grand-total"))
                .singleElement()
                .extracting(Finding::severity)
                .isEqualTo(Severity.NOTE);
    }

    @Test
    void table4GrandTotalsAndSourceLinesAreChecked() {
        List<Finding> findings =
                StatementChecks.evaluate(
                        figures(
                                "T4/1/1=10.00",
                                "T4/27/1=10.00",
                                "T4/32/1=10.00",
                                "T4/60/2=10.00",
                                "T4/60/3=10.00",
                                "T4/64/2=10.00",
                                "T4/64/3=10.00",
                                "T1/1/1=10.00"));

        assertThat(ofRule(findings, "T4.closing-total"))
                .hasSize(2)
                .allSatisfy(finding -> assertThat(finding.isError()).isTrue())
                .anySatisfy(
                        finding ->
                                assertThat(finding.cells()).contains(CellAddress.parse("T4/61/2")));
        assertThat(findings)
                .extracting(Finding::rule)
                .doesNotContain("T4.grand-totals-agree", "T1-T4.general-income");
    }

    @Test
    void table7SubtotalsAndTheSeedsBlankColumnAreFound() {
        List<Finding> findings =
                StatementChecks.evaluate(
                        figures(
                                "T7/1/1=12.9",
                                "T7/1/3=10",
                                "T7/1/6=2.9",
                                "T7/1/7=4.55",
                                "T7/1/9=4.55",
                                "T7/1/11=4.55",
                                "T6/30231/1=4.55"));

        assertThat(findings)
                .filteredOn(finding -> finding.rule().startsWith("T7"))
                .singleElement()
                .satisfies(
                        finding -> {
                            assertThat(finding.rule()).isEqualTo("T7.budget-vehicles");
                            assertThat(finding.isError()).isTrue();
                            assertThat(finding.message())
                                    .contains("T7/1/3 (10.00)", "differs by 10.00");
                        });
    }

    @Test
    void table7ActualBelowTable6IsAnErrorAndAboveIsANote() {
        List<Finding> below =
                StatementChecks.evaluate(
                        figures("T7/1/7=4.00", "T7/1/9=4.00", "T7/1/11=4.00", "T6/30231/1=4.55"));
        List<Finding> above =
                StatementChecks.evaluate(
                        figures("T7/1/7=5.00", "T7/1/9=5.00", "T7/1/11=5.00", "T6/30231/1=4.55"));

        assertThat(ofRule(below, "T7-T6.actual"))
                .singleElement()
                .satisfies(
                        finding -> {
                            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                            assertThat(finding.kind()).isEqualTo(RuleKind.AT_LEAST);
                            assertThat(finding.message())
                                    .startsWith(
                                            "T7/1/11 (4.00) should be at least"
                                                    + " T6/30231/1 (4.55)");
                        });
        assertThat(ofRule(above, "T7-T6.actual"))
                .singleElement()
                .extracting(Finding::severity)
                .isEqualTo(Severity.NOTE);
    }

    @Test
    void table6TotalsAreCheckedAgainstItsClassesAndTable5() {
        List<Finding> findings =
                StatementChecks.evaluate(
                        figures(
                                "T6/301/1=836.53",
                                "T6/30101/1=836.53",
                                "T6/303/1=100.65",
                                "T6/30302/1=100.65",
                                "T6/302/1=74.06",
                                "T6/30201/1=74.06",
                                "T6/310/1=0.08",
                                "T6/31002/1=0.08",
                                "T6/personnel-total/1=937.28",
                                "T6/public-total/1=74.14",
                                "T5/total/1=1011.32",
                                "T5/total/2=1011.32"));

        assertThat(findings)
                .extracting(Finding::rule)
                .containsExactlyInAnyOrder("T6.personnel-total", "T6-T5.basic");
        assertThat(findings).allSatisfy(finding -> assertThat(finding.isError()).isTrue());
    }

    @Test
    void aParentLeftBlankWhileItsChildrenHaveFiguresIsAnError() {
        List<Finding> findings =
                StatementChecks.evaluate(figures("T3/201/1=5.00", "T3/201/2=5.00"));

        assertThat(findings).extracting(Finding::rule).containsOnly("T3.hierarchy", "T1-T3.lei");
        assertThat(ofRule(findings, "T3.hierarchy"))
                .hasSize(2)
                .allSatisfy(
                        finding ->
                                assertThat(finding.message())
                                        .startsWith("合计 is the sum of the 类 rows: T3/total/"));
    }

    @Test
    void hierarchyOnlyComparesRowsThatArePresent() {
        // a 类 printed without its 款 and 项 breaks no hierarchy rule
        List<Finding> findings =
                StatementChecks.evaluate(
                        figures(
                                "T2/total/1=5.00",
                                "T2/total/2=5.00",
                                "T2/201/1=5.00",
                                "T2/201/2=5.00"));

        assertThat(findings).isEmpty();
    }

    @Test
    void table8ClosingBalanceIsOpeningPlusIncomeMinusExpenditure() {
        List<Finding> findings =
                StatementChecks.evaluate(
                        figures(
                                "T8/2120801/1=1.00",
                                "T8/2120801/2=5.00",
                                "T8/2120801/3=2.00",
                                "T8/2120801/5=2.00",
                                "T8/2120801/6=3.00"));

        assertThat(ofRule(findings, "T8.closing-balance"))
                .singleElement()
                .satisfies(
                        finding ->
                                assertThat(finding.message())
                                        .contains(
                                                "T8/2120801/6 (3.00) should equal"
                                                        + " T8/2120801/1 (1.00) + T8/2120801/2 (5.00) − T8/2120801/3 (2.00)"
                                                        + " = 4.00"));
    }
}
