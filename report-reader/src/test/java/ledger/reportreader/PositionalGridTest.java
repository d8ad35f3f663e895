package ledger.reportreader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The 2024 layouts the 普陀 report does not show, on small texts. */
class PositionalGridTest {

    private static ReportReading read(String text) {
        List<ReportLine> lines = ReportSource.textLines(text);
        return ReportReader.read(lines, Optional.empty());
    }

    private static List<String> cells(ReportReading reading) {
        return reading.figures().stream()
                .map(figure -> figure.cell() + "=" + figure.printed())
                .toList();
    }

    @Test
    void
            codesAsOneStringNoSeparatorsZeroKeptBlankLeftOutNamesOverThreeLinesTotalAtTheBottomNumberedTitle() {
        ReportReading reading =
                read(
                        """
                第二部分 某区某局2024年度部门决算表
                          一般公共预算财政拨款支出决算表（表 5）
                                                  单位：万元
                  科目编码  科目名称            合计      基本支出   项目支出
                201      一般公共服务支出      1200.00   1000.00    200.00
                20106    财政事务              1200.00   1000.00    200.00
                2010601  行政运行              1000.00   1000.00      0.00
                2010602  一般行政管理           200.00                200.00
                         事务（名称
                         跨三行）
                         合计                  1200.00   1000.00    200.00
                """);

        assertThat(reading.unplaced()).isEmpty();
        assertThat(reading.headings())
                .extracting(TableHeading::title)
                .containsExactly("一般公共预算财政拨款支出决算表");
        assertThat(cells(reading))
                .containsExactlyInAnyOrder(
                        "T5/201/1=1200.00",
                        "T5/201/2=1000.00",
                        "T5/201/3=200.00",
                        "T5/20106/1=1200.00",
                        "T5/20106/2=1000.00",
                        "T5/20106/3=200.00",
                        "T5/2010601/1=1000.00",
                        "T5/2010601/2=1000.00",
                        "T5/2010601/3=0.00",
                        "T5/2010602/1=200.00",
                        "T5/2010602/3=200.00",
                        "T5/total/1=1200.00",
                        "T5/total/2=1000.00",
                        "T5/total/3=200.00");
    }

    @Test
    void aFigurePrintedAfterTheLastRowOfACodeTableIsReportedNotGuessed() {
        ReportReading reading =
                read(
                        """
                第二部分 某区某局2024年度部门决算表
                          一般公共预算财政拨款支出决算表
                201      一般公共服务支出      1200.00   1000.00    200.00
                                               55.00
                """);

        assertThat(reading.unplaced())
                .singleElement()
                .asString()
                .contains("第 1 页第 4 行", "55.00", "后面没有任何科目编码或合计");
    }

    @Test
    void aTableWithOnlyItsNoteHasNoFigures() {
        ReportReading reading =
                read(
                        """
                第二部分 某区某局2024年度部门决算表
                          政府性基金预算财政拨款收入支出决算表
                                                  单位：万元
                        合计
                注：某区某局无政府性基金预算财政拨款支出，故本表无数据。2024 年
                """);

        assertThat(reading.figures()).isEmpty();
        assertThat(reading.unplaced()).isEmpty();
    }

    @Test
    void ordinalsAreReadUpToTwentySix() {
        assertThat(PositionalGrid.ordinal("二十六、抗疫特别国债安排的支出")).isEqualTo(26);
        assertThat(PositionalGrid.ordinal("十、节能环保支出")).isEqualTo(10);
        assertThat(PositionalGrid.ordinal("十九、住房保障支出")).isEqualTo(19);
        assertThat(PositionalGrid.ordinal("八、其他收入")).isEqualTo(8);
        assertThat(PositionalGrid.ordinal("本年支出合计")).isZero();
    }
}
