package ledger.reportreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code check-report} on the 2020 seed names the report's own contradictions, in its tables and in
 * its 情况说明, and nothing else.
 */
class CheckSeedReportTest {

    @Test
    void theSeedsContradictionsAreNamedWithTheirFiguresAndLinesAndNothingElse() {
        ReportReading reading =
                ReportReader.read(
                        ReadSeedReportTest.SAMPLE.resolve("report.txt"), Optional.empty());

        List<ReportFinding> findings = ReportChecks.check(reading);

        // samples/2020-jianghan-gov-office/README.md "Contradictions of the published report"
        assertThat(findings)
                .filteredOn(finding -> !finding.rule().startsWith("explanation."))
                .extracting(finding -> finding.rule() + " " + finding.message().split("。")[1])
                .containsExactlyInAnyOrder(
                        "T1-T3.lei T1/38/2 = 140.10（第 1 页第 134 行）；T3/208/1 = 140.09（第 1 页第 379 行）",
                        "T1-T3.lei T1/39/2 = 219.41（第 1 页第 136 行）；T3/210/1 = 219.42（第 1 页第 397 行）",
                        "T4-T5.lei T4/40/3 = 140.10（第 1 页第 475 行）；T5/208/1 = 140.09（第 1 页第 595 行）",
                        "T4-T5.lei T4/41/3 = 219.41（第 1 页第 477 行）；T5/210/1 = 219.42（第 1 页第 613 行）",
                        "T4.closing-total T4/60/2 = 31.94（第 1 页第 534 行）；T4/61/2 = 空白；T4/62/2 = 空白；T4/63/2 = 空白",
                        "T4.closing-total T4/60/3 = 31.94（第 1 页第 534 行）；T4/61/3 = 空白；T4/62/3 = 空白；T4/63/3 = 空白",
                        "T7.budget-vehicles T7/1/3 = 10（第 1 页第 821 行）；T7/1/4 = 空白；T7/1/5 = 空白");
        assertThat(findings)
                .filteredOn(finding -> !finding.rule().startsWith("explanation."))
                .allMatch(ReportFinding::error);
        assertThat(findings.get(0).toString()).startsWith("错误 ERROR ");
        assertThat(findings).anyMatch(finding -> finding.message().contains("differs by 31.94"));
        // the same README, "Other inconsistencies in the 情况说明"
        assertThat(findings)
                .filteredOn(finding -> finding.rule().startsWith("explanation."))
                .extracting(ReportFinding::error, ReportFinding::rule)
                .containsExactlyInAnyOrder(
                        tuple(false, "explanation.amount"),
                        tuple(false, "explanation.amount"),
                        tuple(false, "explanation.amount"),
                        tuple(true, "explanation.completion"),
                        tuple(true, "explanation.year-on-year"),
                        tuple(true, "explanation.sum"),
                        tuple(false, "explanation.sum"),
                        tuple(false, "explanation.percent-sign"));
        assertThat(messages(findings, "explanation.completion"))
                .singleElement()
                .asString()
                .contains("35.0%", "T7/1/7 = 4.55", "÷ T7/1/1 = 12.9", "= 35.3%");
        assertThat(messages(findings, "explanation.year-on-year"))
                .singleElement()
                .asString()
                .contains(
                        "机关运行经费",
                        "0.36%",
                        "增加 0.25 ÷ 上年 73.89",
                        "T6/public-total/1 = 74.14",
                        "= 0.34%");
        assertThat(messages(findings, "explanation.sum"))
                .anyMatch(
                        message ->
                                message.startsWith("不符。")
                                        && message.contains("年初预算 2232.51 万元")
                                        && message.contains(
                                                "1932.29 + 125.67 + 77.21 + 129.04 = 2264.21，差 -31.70"))
                .anyMatch(
                        message ->
                                message.startsWith("差 0.01，属尾差。")
                                        && message.contains("政府采购金额 63.20 万元")
                                        && message.contains("货物 13.64 + 服务 49.57 = 63.21"));
        assertThat(messages(findings, "explanation.amount"))
                .anyMatch(
                        message ->
                                message.contains("社会保障和就业(类)支出 140.10 万元")
                                        && message.contains("T5/208/1 = 140.09"))
                .anyMatch(
                        message ->
                                message.contains("卫生健康(类)支出 219.41 万元")
                                        && message.contains("T5/210/1 = 219.42"))
                .anyMatch(message -> message.contains("卫生健康支出（类）支出决算 219.41 万元"));
        assertThat(messages(findings, "explanation.percent-sign"))
                .singleElement()
                .asString()
                .contains("完成年初预算的111.5", "缺少 %");
    }

    static List<String> messages(List<ReportFinding> findings, String rule) {
        return findings.stream()
                .filter(finding -> finding.rule().equals(rule))
                .map(ReportFinding::message)
                .toList();
    }

    @Test
    void aPlaceholderUnitAnotherYearAndAMissingTableAreFindings() {
        List<ReportLine> lines =
                ReportSource.textLines(
                        """
                2020 年度收入支出决算总表（表 1）
                部门：某区 XX 局 单位：万元
                栏次 1 栏次 2
                2019 年度收入决算表（表 2）
                部门：某区财政局 单位：万元
                栏次 1 2 3 4 5 6 7
                """
                                .replace("某区 XX 局", "某区XX局"));
        ReportReading reading = ReportReader.read(lines, Optional.empty());

        List<ReportFinding> findings = ReportChecks.documentFindings(reading);

        assertThat(findings)
                .extracting(ReportFinding::rule)
                .containsExactlyInAnyOrder(
                        "document.table-missing",
                        "document.table-missing",
                        "document.table-missing",
                        "document.table-missing",
                        "document.table-missing",
                        "document.table-missing",
                        "document.table-missing",
                        "document.year",
                        "document.unit",
                        "document.placeholder");
        assertThat(findings).anyMatch(finding -> finding.message().startsWith("缺少表3"));
        assertThat(findings)
                .anyMatch(
                        finding ->
                                finding.message().contains("表2 标题的年度是 2019，而报告年度是 2020")
                                        && finding.message().contains("第 1 页第 4 行"));
        assertThat(findings).anyMatch(finding -> finding.message().contains("“某区XX局”是模板占位符"));
    }

    @Test
    void theSeedWithItsContradictionsCorrectedHasNoFindingAtAll() throws IOException {
        List<String> lines =
                new ArrayList<>(
                        Files.readAllLines(ReadSeedReportTest.SAMPLE.resolve("report.txt")));
        // 1-based line numbers of the seed, as the findings above name them
        lines.set(133, lines.get(133).replace("140.10", "140.09"));
        lines.set(135, lines.get(135).replace("219.41", "219.42"));
        lines.set(474, lines.get(474).replace("140.10 140.10", "140.09 140.09"));
        lines.set(476, lines.get(476).replace("219.41 219.41", "219.42 219.42"));
        lines.set(538, "29 10.30 61 31.94 31.94");
        lines.set(820, "12.9 10 10 2.9 4.55 4.55 4.55");
        ReportReading reading =
                ReportReader.read(
                        ReportSource.textLines(String.join("\n", lines)), Optional.empty());

        assertThat(reading.unplaced()).isEmpty();
        assertThat(reading.figures()).hasSize(249 + 3);
        // the tables now agree; what the 情况说明 states is unchanged, and so are its findings
        List<ReportFinding> findings = ReportChecks.check(reading);
        assertThat(findings)
                .allMatch(finding -> finding.rule().startsWith("explanation."))
                .hasSize(8);
    }
}
