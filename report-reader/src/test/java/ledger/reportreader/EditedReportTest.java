package ledger.reportreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A copy of the 普陀 report's text edited to break one rule of each family gets exactly that finding
 * beside the ones the report has anyway (samples/2024-putuo-caizhengju/README.md): the figures
 * across tables, an amount of the 情况说明, a comparison word, the year in a heading, a table left out.
 */
class EditedReportTest {

    private static final List<String> ORIGINAL = lines();

    @Test
    void aFigureOfTable1MovedBetweenTwoLeiContradictsTable3() {
        // 表1: 1.00 moved from 社会保障和就业 to 卫生健康, so 表1 still adds up but no longer agrees with 表3
        List<ReportFinding> added =
                addedFindings(
                        edit(
                                142,
                                line -> line.replace("326.71", "325.71"),
                                143,
                                line -> line.replace("60.99", "61.99")));

        assertThat(added)
                .extracting(ReportFinding::error, ReportFinding::rule)
                .containsExactlyInAnyOrder(tuple(true, "T1-T3.lei"), tuple(true, "T1-T3.lei"));
        assertThat(added)
                .extracting(ReportFinding::message)
                .anyMatch(
                        message ->
                                message.contains("T1/38/2 = 325.71（第 6 页第 18 行）")
                                        && message.contains("T3/208/1 = 326.72"))
                .anyMatch(
                        message ->
                                message.contains("T1/39/2 = 61.99")
                                        && message.contains("T3/210/1 = 60.99"));
    }

    @Test
    void anAmountOfTheExplanationThatIsNotItsTablesFigure() {
        List<ReportFinding> added =
                addedFindings(edit(628, line -> line.replace("人员经费2152.26万元", "人员经费2125.26万元")));

        assertThat(added)
                .extracting(ReportFinding::error, ReportFinding::rule)
                .containsExactly(tuple(true, "explanation.amount"));
        assertThat(added.get(0).message())
                .contains("“人员经费 2125.26 万元”（第 23 页", "T6/personnel-total/1 = 2152.26", "差 -27.00");
    }

    @Test
    void aComparisonWordThatContradictsItsFigures() {
        List<ReportFinding> added =
                addedFindings(edit(578, line -> line.replace("决算数小于预算数", "决算数大于预算数")));

        assertThat(added)
                .extracting(ReportFinding::error, ReportFinding::rule)
                .containsExactly(tuple(true, "explanation.comparison-word"));
        assertThat(added.get(0).message())
                .contains("决算数大于预算数", "第 22 页", "T5/2010601/1 = 1511.89", "年初预算 1560.05");
    }

    @Test
    void anIncreaseWithADecreasingPercentage() {
        List<ReportFinding> added =
                addedFindings(edit(531, line -> line.replace("减少56.95万元", "增加56.95万元")));

        assertThat(added)
                .extracting(ReportFinding::error, ReportFinding::rule)
                .containsExactly(tuple(true, "explanation.comparison-word"));
        assertThat(added.get(0).message()).contains("增加56.95万元，下降1.87%", "增减方向相反");
    }

    @Test
    void aFigureTheExplanationStatesThatItsTableLeavesBlank() {
        // 表7 prints no 因公出国（境）费 决算数; the text now says 0.50 was spent
        List<ReportFinding> added =
                addedFindings(
                        edit(640, line -> line.replace("因公出国（境）费决算为0.00万元", "因公出国（境）费决算为0.50万元")));

        assertThat(added)
                .extracting(ReportFinding::error, ReportFinding::rule)
                .containsExactly(tuple(true, "explanation.table-blank"));
        assertThat(added.get(0).message()).contains("“因公出国（境）费决算 0.50 万元”（第 23 页", "T7/1/4 = 空白");
    }

    @Test
    void lastYearsYearInTheHeadingOfTheExplanation() {
        List<ReportFinding> added =
                addedFindings(edit(524, line -> line.replace("2024年度", "2023年度")));

        assertThat(added)
                .extracting(ReportFinding::error, ReportFinding::rule)
                .containsExactly(tuple(true, "document.year"));
        assertThat(added.get(0).message())
                .contains("第三部分上海市普陀区财政局2023年度部门决算情况", "2023", "报告年度是 2024", "第 21 页");
    }

    @Test
    void aTableLeftOutThatTheContentsList() {
        List<String> lines = new ArrayList<>(ORIGINAL);
        // from 表8's title (the first line of its page) to the line before 表9's, whose page break
        // stays
        int from = indexOf("政府性基金预算财政拨款收入支出决算表");
        int to = indexOf("国有资本经营预算财政拨款收入支出决算表");
        lines.set(to, "\f" + lines.get(to).replace("\f", ""));
        lines.subList(from, to).clear();

        List<ReportFinding> added = addedFindings(lines);

        assertThat(added)
                .extracting(ReportFinding::error, ReportFinding::rule)
                .containsExactly(tuple(true, "document.table-missing"));
        assertThat(added.get(0).message()).startsWith("缺少表8").contains("目录也列出了它（第 2 页第 24 行）");
    }

    @Test
    void theUneditedCopyHasTheReportsOwnFindingsOnly() {
        assertThat(addedFindings(ORIGINAL)).isEmpty();
    }

    /** The line (0-based) of a page starting with this title: a form feed, spaces, the title. */
    private static int indexOf(String title) {
        for (int i = 0; i < ORIGINAL.size(); i++) {
            if (ORIGINAL.get(i).startsWith("\f") && ORIGINAL.get(i).strip().equals(title)) {
                return i;
            }
        }
        throw new AssertionError("no page starts with " + title);
    }

    private static List<ReportFinding> addedFindings(List<String> edited) {
        List<ReportFinding> before = check(ORIGINAL);
        List<ReportFinding> after = new ArrayList<>(check(edited));
        // a finding the report has anyway, perhaps on another page now that lines are gone
        for (ReportFinding finding : before) {
            after.removeIf(candidate -> withoutPlace(candidate).equals(withoutPlace(finding)));
        }
        return after;
    }

    private static String withoutPlace(ReportFinding finding) {
        return finding.error()
                + finding.rule()
                + finding.message().replaceAll("第 \\d+ 页第 \\d+ 行", "");
    }

    private static List<ReportFinding> check(List<String> lines) {
        ReportReading reading =
                ReportReader.read(
                        ReportSource.textLines(String.join("\n", lines)), Optional.empty());
        assertThat(reading.unplaced()).isEmpty();
        return ReportChecks.check(reading);
    }

    /** The report with the given 1-based lines changed. */
    private static List<String> edit(int line, UnaryOperator<String> change) {
        List<String> lines = new ArrayList<>(ORIGINAL);
        String edited = change.apply(lines.get(line - 1));
        assertThat(edited).isNotEqualTo(lines.get(line - 1));
        lines.set(line - 1, edited);
        return lines;
    }

    private static List<String> edit(
            int first, UnaryOperator<String> change, int second, UnaryOperator<String> other) {
        List<String> lines = new ArrayList<>(edit(first, change));
        String edited = other.apply(lines.get(second - 1));
        assertThat(edited).isNotEqualTo(lines.get(second - 1));
        lines.set(second - 1, edited);
        return lines;
    }

    private static List<String> lines() {
        try {
            return List.copyOf(
                    Files.readAllLines(
                            Read2024ReportTest.SAMPLE.resolve("putuo-caizhengju-2024.txt")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
