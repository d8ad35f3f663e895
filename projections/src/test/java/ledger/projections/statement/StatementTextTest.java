package ledger.projections.statement;

import static ledger.core.classification.ExpenditureNature.PERSONNEL;
import static ledger.core.classification.FundSource.GENERAL;
import static ledger.projections.statement.PostingFixtures.appropriation;
import static ledger.projections.statement.PostingFixtures.compute;
import static ledger.projections.statement.PostingFixtures.expenditure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Goal: the text rendering reads like the published report and its columns line up. */
class StatementTextTest {

    private final StatementSet set =
            compute(
                    List.of(
                            appropriation(GENERAL, "2010301", "30101", "24930300.00").build(),
                            expenditure(GENERAL, "2080501", "30302", PERSONNEL, "1400900.00")
                                    .build()));

    @Test
    void eachTableHasItsTitleUnitAndAmountUnit() {
        String text = StatementText.render(set);

        assertThat(text)
                .contains("2020 年度收入支出决算总表（表 1）\n部门：武汉市江汉区人民政府办公室" + "    单位：万元\n", "（表 9）", "栏次");
        assertThat(text).contains("2,493.03", "140.09").doesNotContain("0.00 ");
    }

    @Test
    void amountsLineUpUnderTheirHeadingsCountingChineseAsDoubleWidth() {
        String table1 = StatementText.render(set, set.table("T1"));
        List<String> lines = Arrays.asList(table1.split("\n"));
        String lineOne =
                lines.stream().filter(line -> line.startsWith("一、")).findFirst().orElseThrow();
        String lineTwentySeven =
                lines.stream().filter(line -> line.startsWith("本年收入合计")).findFirst().orElseThrow();

        assertThat(endOf(lineOne, "2,493.03")).isEqualTo(endOf(lineTwentySeven, "2,493.03"));
        assertThat(lineOne).contains("一、一般公共服务支出");
    }

    @Test
    void codeTablesPrintCodesAndNamesAndLeaveZeroCellsBlank() {
        String table3 = StatementText.render(set, set.table("T3"));
        String row =
                Arrays.stream(table3.split("\n"))
                        .filter(line -> line.startsWith("2080501"))
                        .findFirst()
                        .orElseThrow();

        assertThat(row).startsWith("2080501   行政单位离退休").endsWith("140.09");
        assertThat(row.trim().split("\\s+"))
                .containsExactly("2080501", "行政单位离退休", "140.09", "140.09");
    }

    @Test
    void displayWidthCountsChineseCharactersTwice() {
        assertThat(TextGrid.width("合计")).isEqualTo(4);
        assertThat(TextGrid.width("（表 1）")).isEqualTo(8);
        assertThat(TextGrid.width("2,493.03")).isEqualTo(8);
    }

    private static int endOf(String line, String text) {
        int index = line.indexOf(text);
        assertThat(index).isNotNegative();
        return TextGrid.width(line.substring(0, index + text.length()));
    }
}
