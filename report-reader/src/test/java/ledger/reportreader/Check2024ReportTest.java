package ledger.reportreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * check-report on a 2024-format report: the positional rules of {@link Rules2024} and the 情况说明
 * against the tables ({@link ExplanationChecks}). The 普陀 report breaks them in the places found by
 * hand (samples/2024-putuo-caizhengju/README.md): 表6 302 商品和服务支出 171.07 while its 款 add up to
 * 171.09; the 情况说明's 财政拨款收入支出总计 0.3 万元 (表4: 2,961.68) and 一般公共服务支出 占 71.73% (2,106.66 ÷ 2,940.05 =
 * 71.65%), 一般行政管理事务 called 基本支出 (表5: all 项目支出) and 个人农业生产补贴 listed among 人员经费 (表6 30310 blank);
 * one-cent tails (notes) in the 合计 of 表2/3/5, 表6 301, 表1/表4 社会保障和就业 326.71 against 表3/表5 326.72,
 * the 项 budgets of 五（三） and the 政府采购 total.
 */
class Check2024ReportTest {

    @Test
    void thePutuoReportBreaksExactlyTheRulesFoundByHandFromItsPdfAndItsText() {
        for (String file : List.of("putuo-caizhengju-2024.pdf", "putuo-caizhengju-2024.txt")) {
            ReportReading reading =
                    ReportReader.read(Read2024ReportTest.SAMPLE.resolve(file), Optional.empty());

            List<ReportFinding> findings = ReportChecks.check(reading);

            // samples/2024-putuo-caizhengju/README.md "Contradictions of the published report"
            assertThat(findings)
                    .as(file)
                    .extracting(ReportFinding::error, ReportFinding::rule)
                    .containsExactlyInAnyOrder(
                            tuple(false, "T2.合计=各类之和"),
                            tuple(false, "T2.合计=各类之和"),
                            tuple(false, "T3.合计=各类之和"),
                            tuple(false, "T3.合计=各类之和"),
                            tuple(false, "T5.合计=各类之和"),
                            tuple(false, "T5.合计=各类之和"),
                            tuple(false, "T6.上级=下级之和"),
                            tuple(true, "T6.上级=下级之和"),
                            tuple(false, "T1-T3.lei"),
                            tuple(false, "T4-T5.lei"),
                            tuple(true, "explanation.amount"),
                            tuple(true, "explanation.share"),
                            tuple(true, "explanation.nature"),
                            tuple(true, "explanation.listed-blank"),
                            tuple(false, "explanation.sum"),
                            tuple(false, "explanation.sum"));
            assertThat(
                            findings.stream()
                                    .filter(f -> f.rule().equals("T6.上级=下级之和") && f.error())
                                    .findFirst()
                                    .orElseThrow()
                                    .message())
                    .contains(
                            "T6/302/1 = 171.07", "T6/30207/1 = 4.88", "= 171.09，差 -0.02", "第 16 页");
            assertThat(findings)
                    .filteredOn(finding -> !finding.error() && finding.rule().startsWith("T"))
                    .extracting(ReportFinding::message)
                    .allMatch(message -> message.startsWith("差 0.01，属尾差"))
                    .anyMatch(
                            message ->
                                    message.contains("T2/total/1 = 2946.25")
                                            && message.contains("= 2946.26"))
                    .anyMatch(
                            message ->
                                    message.contains("T1/38/2 = 326.71")
                                            && message.contains("T3/208/1 = 326.72"))
                    .anyMatch(
                            message ->
                                    message.contains("T4/40/3 = 326.71")
                                            && message.contains("T5/208/1 = 326.72"));
            assertThat(message(findings, "explanation.amount"))
                    .contains(
                            "财政拨款收入支出总计 0.3 万元",
                            "第 21 页第",
                            "T4/32/1 = 2961.68（第 13 页第 27 行）",
                            "差 -2961.38");
            assertThat(message(findings, "explanation.share"))
                    .contains(
                            "一般公共服务支出（类）",
                            "71.73%",
                            "第 21 页第",
                            "T5/201/1 = 2106.66",
                            "÷ T5/total/1 = 2940.05",
                            "= 71.65%");
            assertThat(message(findings, "explanation.nature"))
                    .contains(
                            "2010602 一般行政管理事务",
                            "基本支出",
                            "T5/2010602/2 = 空白",
                            "T5/2010602/3 = 10.00");
            assertThat(message(findings, "explanation.listed-blank"))
                    .contains("个人农业生产补贴", "人员经费", "第 23 页", "T6/30310/1 = 空白");
            assertThat(findings)
                    .filteredOn(finding -> finding.rule().equals("explanation.sum"))
                    .extracting(ReportFinding::message)
                    .anyMatch(
                            message ->
                                    message.contains("年初预算 2993.92 万元")
                                            && message.contains("11 个项")
                                            && message.contains("= 2993.93，差 -0.01"))
                    .anyMatch(
                            message ->
                                    message.contains("政府采购金额 251.25 万元")
                                            && message.contains("第 24 页第")
                                            && message.contains(
                                                    "货物 4.79 + 工程 0 + 服务 246.47 = 251.26"));
        }
    }

    @Test
    void thePdfAndTheTextGiveTheSameFindings() {
        List<ReportFinding> pdf =
                ReportChecks.check(
                        ReportReader.read(
                                Read2024ReportTest.SAMPLE.resolve("putuo-caizhengju-2024.pdf"),
                                Optional.empty()));
        List<ReportFinding> text =
                ReportChecks.check(
                        ReportReader.read(
                                Read2024ReportTest.SAMPLE.resolve("putuo-caizhengju-2024.txt"),
                                Optional.empty()));

        // the same rules and figures; only the line numbers differ (pdftotext spaces lines
        // differently)
        assertThat(text)
                .extracting(
                        finding -> finding.rule() + finding.message().replaceAll("第 \\d+ 行", ""))
                .containsExactlyElementsOf(
                        pdf.stream()
                                .map(
                                        finding ->
                                                finding.rule()
                                                        + finding.message()
                                                                .replaceAll("第 \\d+ 行", ""))
                                .toList());
    }

    static String message(List<ReportFinding> findings, String rule) {
        return findings.stream()
                .filter(finding -> finding.rule().equals(rule))
                .findFirst()
                .orElseThrow()
                .message();
    }

    @Test
    void unequalTotalsOfTable1AreAnError() {
        ReportReading reading =
                ReportReader.read(
                        ReportSource.textLines(
                                """
                第二部分 某区某局2024年度部门决算表
                                   收入支出决算总表
                一、一般公共预算财政拨款收入      100.00   一、一般公共服务支出        100.00
                本年收入合计                     100.00   本年支出合计               100.00
                总计                             100.00   总计                       90.00
                """),
                        Optional.of("2024"));

        assertThat(ReportChecks.check(reading))
                .filteredOn(finding -> !finding.rule().startsWith("document."))
                .extracting(ReportFinding::error, ReportFinding::rule)
                .containsExactlyInAnyOrder(tuple(true, "T1.收入总计=支出总计"), tuple(true, "T1.支出总计"));
        assertThat(reading.figures())
                .extracting(figure -> figure.cell().toString())
                .contains("T1/28/1", "T1/56/2", "T1/29/2", "T1/53/2");
    }
}
