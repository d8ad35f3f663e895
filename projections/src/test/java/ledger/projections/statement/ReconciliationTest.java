package ledger.projections.statement;

import static ledger.core.classification.ExpenditureNature.PERSONNEL;
import static ledger.core.classification.ExpenditureNature.PROJECT;
import static ledger.core.classification.FundSource.GENERAL;
import static ledger.projections.statement.PostingFixtures.appropriation;
import static ledger.projections.statement.PostingFixtures.compute;
import static ledger.projections.statement.PostingFixtures.expenditure;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import ledger.projections.posting.Posting;
import org.junit.jupiter.api.Test;

/**
 * Goal: reconciliation finds every differing cell, counts correctly, and tells a difference the
 * published report's own contradictions explain from one that means the ledger is wrong. Method:
 * publish the ledger's own figures (consistent), then change the ledger or the publication.
 */
class ReconciliationTest {

    private static final List<Posting> POSTINGS =
            List.of(
                    appropriation(GENERAL, "2010301", "30101", "1000000.00").build(),
                    appropriation(GENERAL, "2080501", "30302", "200000.00").build(),
                    expenditure(GENERAL, "2010301", "30101", PERSONNEL, "600000.00").build(),
                    expenditure(GENERAL, "2080501", "30302", PERSONNEL, "150000.00").build());

    /** The set's own printed figures as a TSV, with an optional line changed or left out. */
    private static PublishedFigures publish(StatementSet set, String cell, String value) {
        return publish(set, Map.of(cell == null ? "" : cell, value == null ? "" : value));
    }

    /** The set's own printed figures with some cells reprinted ("" leaves a cell out). */
    private static PublishedFigures publish(StatementSet set, Map<String, String> changes) {
        StringBuilder tsv = new StringBuilder("# published\n");
        for (Map.Entry<CellAddress, BigDecimal> entry : set.displayed().entrySet()) {
            CellAddress address = entry.getKey();
            String printed =
                    changes.getOrDefault(address.toString(), entry.getValue().toPlainString());
            if (!printed.isEmpty()) {
                tsv.append(address.table())
                        .append('\t')
                        .append(address.row())
                        .append('\t')
                        .append(address.column())
                        .append('\t')
                        .append(printed)
                        .append('\n');
            }
        }
        return PublishedFigures.parse(new StringReader(tsv.toString()));
    }

    @Test
    void aLedgerThatRegeneratesEveryFigureHasNoDifference() {
        StatementSet ledger = compute(POSTINGS);
        PublishedFigures published = publish(ledger, null, null);

        ReconciliationReport report = Reconciliation.reconcile(ledger, published);

        assertThat(report.publishedCount()).isEqualTo(ledger.displayed().size());
        assertThat(report.regeneratedExactly()).isEqualTo(report.publishedCount());
        assertThat(report.differingCount()).isZero();
        assertThat(report.publishedFindings()).noneMatch(Finding::isError);
        assertThat(report.ledgerAgrees()).isTrue();
        assertThat(report.lines().get(0))
                .isEqualTo(
                        "对账：公布数 "
                                + published.size()
                                + " 个，账簿完全重现 "
                                + published.size()
                                + " 个；不一致 0 格，其中已解释 0 格"
                                + "（差额恰为公布报表自身矛盾之数）、未解释 0 格。 | Published figures: "
                                + published.size()
                                + "; regenerated exactly: "
                                + published.size()
                                + "; differing cells: 0, of which 0 explained (to the fen) by contradictions"
                                + " within the published report and 0 NOT EXPLAINED.");
    }

    @Test
    void aLedgerDifferenceTheReportDoesNotContradictIsNotExplained() {
        PublishedFigures published = publish(compute(POSTINGS), null, null);
        List<Posting> more = new java.util.ArrayList<>(POSTINGS);
        more.add(expenditure(GENERAL, "2010302", "30201", PROJECT, "100.00").build());
        StatementSet ledger = compute(more);

        ReconciliationReport report = Reconciliation.reconcile(ledger, published);

        assertThat(report.differingCount()).isPositive();
        assertThat(report.explainedCount()).isZero();
        assertThat(report.ledgerAgrees()).isFalse();
        CellDifference newRow =
                report.differences().stream()
                        .filter(difference -> difference.cell().toString().equals("T3/2010302/3"))
                        .findFirst()
                        .orElseThrow();
        assertThat(newRow.published()).isNull();
        assertThat(newRow.ledger()).isEqualByComparingTo("0.01");
        assertThat(newRow.unexplained()).isEqualByComparingTo("-0.01");
        assertThat(report.lines())
                .contains(
                        "未解释 T3/2010302/3：公布 空白，账簿 0.01，差额 -0.01"
                                + "（公布 − 账簿），其中公布报表自身矛盾解释 0.00，未解释 -0.01：账簿与公布报表支持的最接近数"
                                + " 0.00 仍不相符，账簿（或其日记账）有误。 | NOT EXPLAINED T3/2010302/3: published"
                                + " blank, ledger 0.01, differs by -0.01 (published − ledger); explained 0.00;"
                                + " unexplained -0.01 — the nearest value the published report supports here is"
                                + " 0.00, so the ledger (or its journal) is wrong");
        assertThat(
                        report.regeneratedExactly()
                                + report.differences().stream()
                                        .filter(difference -> difference.published() != null)
                                        .count())
                .isEqualTo(report.publishedCount());
    }

    @Test
    void aPublishedTypingSlipIsADifferenceExplainedByTheReportsOwnContradiction() {
        StatementSet ledger = compute(POSTINGS);
        PublishedFigures published = publish(ledger, "T1/38/2", "15.01");

        ReconciliationReport report = Reconciliation.reconcile(ledger, published);

        assertThat(report.differingCount()).isEqualTo(1);
        assertThat(report.explainedCount()).isEqualTo(1);
        assertThat(report.regeneratedExactly()).isEqualTo(report.publishedCount() - 1);
        CellDifference slip = report.differences().get(0);
        assertThat(slip.cell()).isEqualTo(CellAddress.parse("T1/38/2"));
        assertThat(slip.published()).isEqualByComparingTo("15.01");
        assertThat(slip.ledger()).isEqualByComparingTo("15.00");
        assertThat(slip.contradictions()).extracting(Finding::rule).containsExactly("T1-T3.lei");
        // 0.01 off a total of 26 rounded lines is a tail: noted, but it explains nothing
        assertThat(report.publishedFindings())
                .filteredOn(finding -> finding.rule().equals("T1.expenditure-total"))
                .singleElement()
                .extracting(Finding::severity)
                .isEqualTo(Finding.Severity.NOTE);
        assertThat(report.ledgerAgrees()).isTrue();
        assertThat(slip.explained()).isEqualByComparingTo("0.01");
        assertThat(slip.unexplained()).isZero();
        assertThat(report.lines())
                .anyMatch(
                        line ->
                                line.startsWith(
                                        "已解释 T1/38/2：公布 15.01，账簿"
                                                + " 15.00，差额 0.01（公布 − 账簿），其中公布报表自身矛盾解释 0.01（公布报表在此自相矛盾，规则"
                                                + " T1-T3.lei 使它也支持 15.00），未解释 0.00。 | explained T1/38/2: published 15.01,"
                                                + " ledger 15.00, differs by 0.01"));
        assertThat(report.lines())
                .anyMatch(
                        line ->
                                line.startsWith(
                                        "公布报表自身违反审核公式"
                                                + " T1-T3.lei（错误） | The published report breaks T1-T3.lei [ERROR]: T1/38/2"
                                                + " (15.01) should equal T3/208/1 (15.00)"));
    }

    @Test
    void aFigureLeftBlankInTheReportIsExplainedWhenItsTotalNeedsIt() {
        StatementSet ledger = compute(POSTINGS);
        PublishedFigures published = publish(ledger, "T4/61/3", null);

        ReconciliationReport report = Reconciliation.reconcile(ledger, published);

        assertThat(report.differences())
                .singleElement()
                .satisfies(
                        difference -> {
                            assertThat(difference.cell()).isEqualTo(CellAddress.parse("T4/61/3"));
                            assertThat(difference.published()).isNull();
                            assertThat(difference.isExplained()).isTrue();
                        });
        assertThat(report.publishedCount()).isEqualTo(ledger.displayed().size() - 1);
    }

    @Test
    void aContradictedFigureTheReportCarriesIntoAnotherCellExplainsThatCellToo() {
        StatementSet ledger = compute(POSTINGS);
        // 表4 line 40 (社会保障和就业) prints 15.01 in col 3 and, consistently, in col 2;
        // only col 3 is in a broken rule (it should equal 表5 208 = 15.00)
        PublishedFigures published =
                publish(ledger, Map.of("T4/40/2", "15.01", "T4/40/3", "15.01"));

        ReconciliationReport report = Reconciliation.reconcile(ledger, published);

        assertThat(report.differingCount()).isEqualTo(2);
        assertThat(report.ledgerAgrees()).isTrue();
        CellDifference carried = report.differences().get(0);
        assertThat(carried.cell()).isEqualTo(CellAddress.parse("T4/40/2"));
        assertThat(carried.contradictions()).isEmpty();
        assertThat(carried.carriedThrough()).isEqualTo("T4.source-columns");
        assertThat(carried.carriedFrom()).containsExactly(CellAddress.parse("T4/40/3"));
        assertThat(carried.explained()).isEqualByComparingTo("0.01");
        assertThat(carried.isExplained()).isTrue();
        assertThat(carried.sentence())
                .contains(
                        "经规则 T4.source-columns 把 T4/40/3 处的矛盾数带入此格",
                        "contradicted figure at T4/40/3, carried into this cell through T4.source-columns");
    }

    @Test
    void aDifferenceOnlyPartlyCarriedFromAContradictionStaysUnexplained() {
        PublishedFigures published =
                publish(compute(POSTINGS), Map.of("T4/40/2", "15.01", "T4/40/3", "15.01"));
        List<Posting> more = new java.util.ArrayList<>(POSTINGS);
        more.add(
                expenditure(
                                ledger.core.classification.FundSource.GOV_FUND,
                                "2080501",
                                "30302",
                                PERSONNEL,
                                "10000.00")
                        .build());
        StatementSet ledger = compute(more);

        ReconciliationReport report = Reconciliation.reconcile(ledger, published);

        assertThat(report.unexplained())
                .extracting(difference -> difference.cell().toString())
                .contains("T4/40/2", "T4/40/4", "T3/208/1")
                .doesNotContain("T4/40/3");
        // col 2 (16.00 in the ledger) could take col 3's contradicted cent, 15.00, but that is
        // farther from the ledger than the printed 15.01: the whole 0.99 is left unexplained
        CellDifference total =
                report.differences().stream()
                        .filter(difference -> difference.cell().toString().equals("T4/40/2"))
                        .findFirst()
                        .orElseThrow();
        assertThat(total.explained()).isZero();
        assertThat(total.unexplained()).isEqualByComparingTo("-0.99");
        assertThat(total.carriedFrom()).isEmpty();
    }

    @Test
    void aBlankFigureEqualToWhatTheTotalImpliesButOffByAFenIsNotExplained() {
        // 表4 line 60 col 3 (年末结转和结余, 45.00) with line 61 left blank implies 45.00 there
        PublishedFigures published =
                publish(compute(POSTINGS), Map.of("T4/61/3", "", "T4/61/2", ""));
        List<Posting> more = new java.util.ArrayList<>(POSTINGS);
        more.add(appropriation(GENERAL, "2010301", "30101", "100.00").build());
        StatementSet ledger = compute(more);

        ReconciliationReport report = Reconciliation.reconcile(ledger, published);

        CellDifference blank =
                report.differences().stream()
                        .filter(difference -> difference.cell().toString().equals("T4/61/3"))
                        .findFirst()
                        .orElseThrow();
        assertThat(blank.published()).isNull();
        assertThat(blank.ledger()).isEqualByComparingTo("45.01");
        assertThat(blank.explained()).isEqualByComparingTo("-45.00");
        assertThat(blank.unexplained()).isEqualByComparingTo("-0.01");
        assertThat(blank.contradictions())
                .extracting(Finding::rule)
                .containsExactly("T4.closing-total");
        assertThat(blank.isExplained()).isFalse();
        assertThat(report.ledgerAgrees()).isFalse();
    }

    @Test
    void aContradictionsAmountExplainsOneCellOnlyNotEveryCellThatCouldTakeIt() {
        List<Posting> postings = new java.util.ArrayList<>(POSTINGS);
        postings.add(
                PostingFixtures.posting()
                        .kind(ledger.core.account.TransactionKind.BUDGET)
                        .economic("31013")
                        .yuan("100000.00")
                        .build());
        postings.add(
                PostingFixtures.posting()
                        .kind(ledger.core.account.TransactionKind.BUDGET)
                        .economic("30231")
                        .yuan("100000.00")
                        .build());
        StatementSet ledger = compute(postings);
        // 公务用车购置及运行费 预算 printed as 10.00 with both its columns blank: 表7's 3 = 4 + 5
        // then implies 10.00 for col 4 or for col 5 — once, not for both
        PublishedFigures published =
                publish(ledger, Map.of("T7/1/3", "10.00", "T7/1/4", "", "T7/1/5", ""));

        ReconciliationReport report = Reconciliation.reconcile(ledger, published);

        assertThat(report.differences())
                .extracting(difference -> difference.cell().toString())
                .contains("T7/1/4", "T7/1/5");
        assertThat(report.differences())
                .filteredOn(
                        difference ->
                                difference.cell().row().equals("1")
                                        && List.of(4, 5).contains(difference.cell().column()))
                .extracting(CellDifference::isExplained)
                .containsExactlyInAnyOrder(true, false);
        assertThat(report.unexplained())
                .filteredOn(difference -> difference.cell().toString().equals("T7/1/5"))
                .singleElement()
                .satisfies(
                        difference ->
                                assertThat(difference.unexplained())
                                        .isEqualByComparingTo("-10.00"));
        assertThat(report.ledgerAgrees()).isFalse();
    }

    /** POSTINGS with 年初预算 of 公务用车购置费 (31013) and 运行费 (30231), yuan each. */
    private static StatementSet withVehicleBudgets(String purchase, String running) {
        List<Posting> postings = new java.util.ArrayList<>(POSTINGS);
        postings.add(
                PostingFixtures.posting()
                        .kind(ledger.core.account.TransactionKind.BUDGET)
                        .economic("31013")
                        .yuan(purchase)
                        .build());
        postings.add(
                PostingFixtures.posting()
                        .kind(ledger.core.account.TransactionKind.BUDGET)
                        .economic("30231")
                        .yuan(running)
                        .build());
        return compute(postings);
    }

    @Test
    void blankPartsTheLedgerFillsWithExactlyWhatTheirTotalLacksAreExplainedTogether() {
        StatementSet ledger = withVehicleBudgets("40000.00", "60000.00");
        // 表7 prints 公务用车购置及运行费 预算 10.00 and leaves both its columns (4.00, 6.00) blank
        PublishedFigures published = publish(ledger, Map.of("T7/1/4", "", "T7/1/5", ""));

        ReconciliationReport report = Reconciliation.reconcile(ledger, published);

        assertThat(report.differences())
                .extracting(difference -> difference.cell().toString())
                .containsExactly("T7/1/4", "T7/1/5");
        assertThat(report.differences())
                .allSatisfy(
                        difference -> {
                            assertThat(difference.isExplained()).as(difference.sentence()).isTrue();
                            assertThat(difference.contradictions())
                                    .extracting(Finding::rule)
                                    .containsExactly("T7.budget-vehicles");
                        });
        assertThat(report.ledgerAgrees()).isTrue();
    }

    @Test
    void blankPartsThatTogetherMissTheirTotalByAFenAreNotExplained() {
        PublishedFigures published =
                publish(
                        withVehicleBudgets("40000.00", "60000.00"),
                        Map.of("T7/1/4", "", "T7/1/5", ""));
        StatementSet ledger = withVehicleBudgets("40000.00", "60100.00");

        ReconciliationReport report = Reconciliation.reconcile(ledger, published);

        assertThat(report.unexplained())
                .extracting(difference -> difference.cell().toString())
                .contains("T7/1/3", "T7/1/4", "T7/1/5");
        assertThat(report.explainedCount()).isZero();
        assertThat(report.ledgerAgrees()).isFalse();
    }
}
