package ledger.projections.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ledger.core.classification.FundSource;
import org.junit.jupiter.api.Test;

/** The cells the reports name are cells of their table's layout, each named once. */
class NamedCellTest {

    @Test
    void everyNamedCellIsACellOfItsTablesLayout() {
        for (NamedCell cell : NamedCell.values()) {
            assertThat(TableLayout.problemWith(cell.address())).as(cell.name()).isEmpty();
            assertThat(cell.address().table()).as(cell.name()).isEqualTo(cell.table().id());
            assertThat(cell.table().namedCells()).as(cell.name()).contains(cell);
        }
    }

    @Test
    void noTwoNamesShareACellOrALabel() {
        Set<CellAddress> addresses = new HashSet<>();
        Set<String> labels = new HashSet<>();
        for (NamedCell cell : NamedCell.values()) {
            assertThat(addresses.add(cell.address()))
                    .as("%s names a cell named before", cell)
                    .isTrue();
            assertThat(labels.add(cell.label())).as("%s repeats a label", cell).isTrue();
        }
    }

    @Test
    void theLayoutsTogetherHoldEveryNamedCellOnce() {
        List<NamedCell> fromLayouts = new ArrayList<>();
        for (TableLayout layout : TableLayout.values()) {
            fromLayouts.addAll(layout.namedCells());
        }
        assertThat(fromLayouts).containsExactlyInAnyOrder(NamedCell.values());
    }

    @Test
    void table7BudgetNamesSitUnderThePlannedColumnsAndActualNamesUnderTheSpentOnes() {
        for (NamedCell cell : NamedCell.of(TableLayout.T7)) {
            StatementColumn column = TableLayout.T7.columns().get(cell.address().column() - 1);
            assertThat(column.group())
                    .as(cell.name())
                    .isEqualTo(cell.label().endsWith("年初预算") ? "预算数" : "决算数");
        }
    }

    @Test
    void table1IncomeLinesFollowTheFundSourcesAndTheTotalsCloseBothHalves() {
        assertThat(NamedCell.incomeFrom(FundSource.GENERAL)).isEqualTo(CellAddress.of("T1", 1, 1));
        assertThat(NamedCell.incomeFrom(FundSource.OTHER)).isEqualTo(CellAddress.of("T1", 8, 1));
        assertThat(NamedCell.TOTAL_INCOME.address()).isEqualTo(CellAddress.parse("T1/30/1"));
        assertThat(NamedCell.TOTAL_EXPENDITURE.address()).isEqualTo(CellAddress.parse("T1/60/2"));
        for (FundSource fund : FundSource.values()) {
            assertThat(TableLayout.problemWith(NamedCell.incomeFrom(fund)))
                    .as(fund.name())
                    .isEmpty();
        }
    }
}
