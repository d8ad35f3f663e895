package ledger.reportreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import ledger.projections.statement.CellAddress;
import org.junit.jupiter.api.Test;

/**
 * The 2024 rules of 表7, 表8/表9 and across tables, on figures set by hand (2024 positions, 24 类
 * lines).
 */
class Rules2024Test {

    @Test
    void table7sTotalsTable8sColumnsAndTheThreePublicCostsAgainstTable6() {
        List<ReadFigure> figures = new ArrayList<>();
        // 表7: 合计 预算数 0.95 = 公务接待费 0.95; 合计 决算数 1.00 but 公务接待费 决算数 0.50
        figures.add(figure("T7", "1", 1, "0.95", 30));
        figures.add(figure("T7", "1", 11, "0.95", 30));
        figures.add(figure("T7", "1", 2, "1.00", 30));
        figures.add(figure("T7", "1", 12, "0.50", 30));
        // 表6: 30217 公务接待费 0.80 of basic spending, more than 表7's 决算数 0.50
        figures.add(figure("T6", "302", 1, "0.80", 20));
        figures.add(figure("T6", "30217", 1, "0.80", 21));
        figures.add(figure("T6", "public-total", 1, "0.80", 22));
        // 表8 合计: 年初 1 + 收入 2 − 支出 2 should leave 1, printed 2
        figures.add(figure("T8", "total", 1, "1.00", 40));
        figures.add(figure("T8", "total", 2, "2.00", 40));
        figures.add(figure("T8", "total", 3, "2.00", 40));
        figures.add(figure("T8", "total", 4, "2.00", 40));
        figures.add(figure("T8", "total", 6, "2.00", 40));
        // its one 类 row, 212, the same as the total
        int[] columns = {1, 2, 3, 4, 6};
        String[] values = {"1.00", "2.00", "2.00", "2.00", "2.00"};
        for (int i = 0; i < columns.length; i++) {
            figures.add(figure("T8", "212", columns[i], values[i], 41));
        }
        ReportReading reading =
                new ReportReading("某局", 2024, "2024", "test", headings(), figures, List.of());

        List<ReportFinding> findings = Rules2024.check(reading);

        assertThat(findings)
                .extracting(ReportFinding::error, ReportFinding::rule)
                .containsExactlyInAnyOrder(
                        tuple(true, "T7.合计决算数"),
                        tuple(true, "T7-T6.actual"),
                        tuple(true, "T8.年末=年初+收入-支出"),
                        tuple(true, "T8.年末=年初+收入-支出"),
                        // 表4 prints no 政府性基金 figures, and 表5 no 基本支出 beside 表6's
                        tuple(true, "T4-T8.total"),
                        tuple(true, "T4-T8.total"),
                        tuple(true, "T4-T8.total"),
                        tuple(true, "T4-T8.total"),
                        tuple(true, "T4-T8.lei"),
                        tuple(true, "T6-T5.basic"));
        assertThat(findings)
                .extracting(ReportFinding::message)
                .anyMatch(
                        message ->
                                message.contains(
                                        "T7/1/2 = 1.00（第 1 页第 30 行） ≠ T7/1/4 = 空白 + T7/1/6 = 空白 + T7/1/12 = 0.50"))
                .anyMatch(
                        message ->
                                message.contains("T7/1/12 = 0.50")
                                        && message.contains("< T6/30217/1 = 0.80")
                                        && message.contains("公务接待费"))
                .anyMatch(
                        message ->
                                message.contains("T8/total/6 = 2.00")
                                        && message.contains("− T8/total/3 = 2.00")
                                        && message.contains("= 1.00，差 1.00"));
    }

    @Test
    void aRuleAcrossTablesIsNotAppliedToATableTheReportLeavesOut() {
        List<ReadFigure> figures =
                List.of(figure("T1", 29, 2, "5.00", 10), figure("T1", 53, 2, "5.00", 11));
        List<TableHeading> onlyTable1 =
                List.of(new TableHeading(1, "收入支出决算总表", 2024, "某局", new ReportLine(1, 1, "")));
        ReportReading reading =
                new ReportReading("某局", 2024, "2024", "test", onlyTable1, figures, List.of());

        // 表1 ↔ 表3 would find 表3 blank: 表3 is not printed at all, which the document check names
        // instead
        assertThat(Rules2024.check(reading))
                .extracting(ReportFinding::rule)
                .doesNotContain("T1-T3.lei", "T1-T3.total")
                .contains("T1.年末结转和结余");
    }

    @Test
    void withNoOpeningBalanceEveryCodeSpendsNoMoreThanItReceived() {
        List<ReadFigure> figures =
                List.of(
                        figure("T2", "2010101", 1, "10.00", 50),
                                figure("T3", "2010101", 1, "12.00", 60),
                        figure("T2", "2010102", 1, "5.00", 51),
                                figure("T3", "2010102", 1, "5.00", 61));
        ReportReading reading = new ReportReader2024(figures).reading();

        assertThat(Rules2024.check(reading))
                .filteredOn(finding -> finding.rule().equals("T2-T3.source"))
                .singleElement()
                .extracting(ReportFinding::message)
                .asString()
                .contains(
                        "T2/2010101/1 = 10.00（第 1 页第 50 行） < T3/2010101/1 = 12.00（第 1 页第 60 行）",
                        "差 -2.00",
                        "年初结转和结余为空");
        List<ReadFigure> withOpening = new ArrayList<>(figures);
        withOpening.add(figure("T1", 27, 1, "3.00", 5));
        assertThat(Rules2024.check(new ReportReader2024(withOpening).reading()))
                .extracting(ReportFinding::rule)
                .doesNotContain("T2-T3.source");
    }

    /** A 2024 reading (24 类 lines) of every table with the given figures. */
    private record ReportReader2024(List<ReadFigure> figures) {
        ReportReading reading() {
            return new ReportReading("某局", 2024, "2024", "test", headings(), figures, List.of());
        }
    }

    private static List<TableHeading> headings() {
        List<TableHeading> headings = new ArrayList<>();
        for (int table = 1; table <= 9; table++) {
            headings.add(
                    new TableHeading(
                            table,
                            Template2024Reader.TITLES.get(table - 1),
                            2024,
                            "某局",
                            new ReportLine(table, 1, Template2024Reader.TITLES.get(table - 1))));
        }
        return headings;
    }

    private static ReadFigure figure(
            String table, String row, int column, String printed, int line) {
        return new ReadFigure(
                CellAddress.of(table, row, column), printed, new ReportLine(1, line, printed));
    }

    private static ReadFigure figure(String table, int row, int column, String printed, int line) {
        return new ReadFigure(
                CellAddress.of(table, row, column), printed, new ReportLine(1, line, printed));
    }
}
