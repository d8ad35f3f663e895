package ledger.reportreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The 情况说明 of a small 2024-format report against its 表1: year-on-year change, share, its year. */
class ExplanationChecksTest {

    private static final String REPORT =
            """
            上海市某局
            2024年度部门决算
                              目 录
            第二部分 上海市某局2024年度部门决算表
             一、收入支出决算总表
             二、收入决算表
            第二部分 上海市某局2024年度部门决算表
                               收入支出决算总表
            一、一般公共预算财政拨款收入      90.00   一、一般公共服务支出        100.00
            八、其他收入                      10.00
            本年收入合计                     100.00   本年支出合计               100.00
            总计                             100.00   总计                       100.00
            第三部分 上海市某局2024年度部门决算情况说明
            一、收入支出决算总体情况说明
            上海市某局2024年度收入支出总计100.00万元。与2023年度相比，收入支出总计增加20.00万
            元，增长CHANGE%。
            二、收入决算情况说明
            本年收入合计100.00万元，其中：财政拨款收入90.00万元，占SHARE%；其他收入10.00万元，占10.00%。
            """;

    @Test
    void aYearOnYearPercentageAndAShareThatTheTablesDoNotGiveAreErrorsNamingTheirArithmetic() {
        List<ReportFinding> findings = explanationFindings("20.00", "90.00");

        // 20.00 on a prior year of 100.00 − 20.00 = 80.00 is 25.00%
        assertThat(findings)
                .extracting(ReportFinding::error, ReportFinding::rule)
                .containsExactly(tuple(true, "explanation.year-on-year"));
        assertThat(findings.get(0).message())
                .contains(
                        "20.00%",
                        "第 1 页第 16 行", "增加 20.00 ÷ 上年 80.00", "T1/28/1 = 100.00", "= 25.00%");
    }

    @Test
    void aShareOffByWhatRoundingCannotExplainIsAnErrorAndOneItCanIsANote() {
        assertThat(explanationFindings("25.00", "91.00"))
                .extracting(ReportFinding::error, ReportFinding::rule)
                .containsExactly(tuple(true, "explanation.share"));
        // 90.00 ÷ 100.00 = 90.00%; figures within half a cent reach 90.0095…%, so 90.01% is a
        // rounding tail
        assertThat(explanationFindings("25.00", "90.01"))
                .extracting(ReportFinding::error, ReportFinding::rule)
                .containsExactly(tuple(false, "explanation.share"));
        assertThat(explanationFindings("25.00", "90.00")).isEmpty();
    }

    @Test
    void theContentsListATableTheBodyLacksAndTheExplanationComparesWithTheWrongYear() {
        String text =
                REPORT.replace("CHANGE", "25.00")
                        .replace("SHARE", "90.00")
                        .replace("与2023年度相比", "与2022年度相比");
        ReportReading reading =
                ReportReader.read(ReportSource.textLines(text), Optional.of("2024"));

        List<ReportFinding> findings = ReportChecks.check(reading);

        assertThat(findings)
                .filteredOn(finding -> finding.message().startsWith("缺少表2"))
                .singleElement()
                .extracting(ReportFinding::message)
                .asString()
                .contains("目录也列出了它（第 1 页第 6 行）");
        assertThat(findings)
                .filteredOn(finding -> finding.rule().equals("document.year"))
                .singleElement()
                .extracting(ReportFinding::message)
                .asString()
                .contains("比较的上年是 2022 年，应为 2023 年", "第 1 页第 15 行");
    }

    private static List<ReportFinding> explanationFindings(String change, String share) {
        String text = REPORT.replace("CHANGE", change).replace("SHARE", share);
        ReportReading reading =
                ReportReader.read(ReportSource.textLines(text), Optional.of("2024"));
        assertThat(reading.unplaced()).isEmpty();
        return ReportChecks.check(reading).stream()
                .filter(finding -> finding.rule().startsWith("explanation."))
                .toList();
    }
}
