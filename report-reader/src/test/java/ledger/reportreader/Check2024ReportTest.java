package ledger.reportreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * check-report on a 2024-format report: the positional rules of {@link Rules2024}. The 普陀 report
 * breaks them in the places found by hand: 表6 302 商品和服务支出 171.07 while its 款 add up to
 * 171.09, and one-cent tails where the 类 rows of 表2/3/5 and the 款 of 表6 301 add up to 0.01 more
 * than their total.
 */
class Check2024ReportTest {

    @Test
    void thePutuoReportBreaksExactlyTheRulesFoundByHandFromItsPdfAndItsText() {
        for (String file : List.of("putuo-caizhengju-2024.pdf", "putuo-caizhengju-2024.txt")) {
            ReportReading reading = ReportReader.read(Read2024ReportTest.SAMPLE.resolve(file), Optional.empty());

            List<ReportFinding> findings = ReportChecks.check(reading);

            assertThat(findings).extracting(ReportFinding::error, ReportFinding::rule).containsExactlyInAnyOrder(
                    tuple(false, "T2.合计=各类之和"), tuple(false, "T2.合计=各类之和"),
                    tuple(false, "T3.合计=各类之和"), tuple(false, "T3.合计=各类之和"),
                    tuple(false, "T5.合计=各类之和"), tuple(false, "T5.合计=各类之和"),
                    tuple(false, "T6.上级=下级之和"),
                    tuple(true, "T6.上级=下级之和"));
            assertThat(findings.stream().filter(ReportFinding::error).findFirst().orElseThrow().message())
                    .contains("T6/302/1 = 171.07", "T6/30207/1 = 4.88", "= 171.09，差 -0.02", "第 16 页");
            assertThat(findings).filteredOn(finding -> !finding.error()).extracting(ReportFinding::message)
                    .allMatch(message -> message.startsWith("差 0.01，属尾差"))
                    .anyMatch(message -> message.contains("T2/total/1 = 2946.25") && message.contains("= 2946.26"));
        }
    }

    @Test
    void unequalTotalsOfTable1AreAnError() {
        ReportReading reading = ReportReader.read(ReportSource.textLines("""
                第二部分 某区某局2024年度部门决算表
                                   收入支出决算总表
                一、一般公共预算财政拨款收入      100.00   一、一般公共服务支出        100.00
                本年收入合计                     100.00   本年支出合计               100.00
                总计                             100.00   总计                       90.00
                """), Optional.of("2024"));

        assertThat(ReportChecks.check(reading)).filteredOn(finding -> !finding.rule().startsWith("document."))
                .extracting(ReportFinding::error, ReportFinding::rule)
                .containsExactlyInAnyOrder(tuple(true, "T1.收入总计=支出总计"), tuple(true, "T1.支出总计"));
        assertThat(reading.figures()).extracting(figure -> figure.cell().toString())
                .contains("T1/28/1", "T1/56/2", "T1/29/2", "T1/53/2");
    }
}
