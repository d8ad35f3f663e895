package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ledger.projections.statement.PublishedFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ledger read-report}: figures out, or a Chinese refusal and nothing written. */
class ReadReportCommandTest {

    private static final Path SEED = Path.of("../samples/2020-jianghan-gov-office/report.txt");

    @TempDir Path files;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = LedgerCommandLine.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void theSeedIsReadIntoTheSamplesFiguresWithUnitYearAndTemplate() throws IOException {
        Path tsv = files.resolve("published.tsv");

        int exit = run("read-report", SEED.toString(), "--out", tsv.toString());

        assertThat(exit).isZero();
        assertThat(err.toString()).contains("单位：武汉市江汉区人民政府办公室", "年度：2020", "模板：2020", "读出 249 个数字");
        PublishedFigures read = PublishedFigures.parse(Files.newBufferedReader(tsv));
        PublishedFigures sample =
                PublishedFigures.parse(
                        Files.newBufferedReader(
                                Path.of("../samples/2020-jianghan-gov-office/published.tsv")));
        assertThat(read.figures())
                .extracting(figure -> figure.cell() + "=" + figure.value().toPlainString())
                .containsExactlyInAnyOrderElementsOf(
                        sample.figures().stream()
                                .map(figure -> figure.cell() + "=" + figure.value().toPlainString())
                                .toList());
    }

    @Test
    void aFigureThatCannotBePlacedIsNamedWithItsLineAndNothingIsWritten() throws IOException {
        // 表9 has two value columns after 合计; a row printing one figure twice fits either, and the
        // total cannot tell them apart when it prints the same two figures.
        Path report = files.resolve("ambiguous.txt");
        Files.writeString(
                report,
                """
                2020 年度国有资本经营预算财政拨款支出决算表（表 9）
                部门：某单位 单位：万元
                栏次 1 2 3
                合计 5.00 5.00
                223 国有资本经营预算支出 5.00 5.00
                """,
                StandardCharsets.UTF_8);
        Path tsv = files.resolve("out.tsv");

        int exit = run("read-report", report.toString(), "--out", tsv.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("无法确定单元格", "第 1 页第 4 行", "栏次 1、2 或 栏次 1、3", "不作猜测");
        assertThat(tsv).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aTextWithoutTablesIsRefusedInChinese() throws IOException {
        Path report = files.resolve("letter.txt");
        Files.writeString(report, "关于 2020 年度部门决算的说明\n本单位收入 100 万元。\n", StandardCharsets.UTF_8);

        int exit = run("read-report", report.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("已拒绝：文件中没有找到任何决算表");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theStandardOutputIsThePublishedFiguresTsvWhenNoFileIsNamed() {
        int exit = run("read-report", SEED.toString());

        assertThat(exit).isZero();
        assertThat(PublishedFigures.parse(new StringReader(out.toString())).size()).isEqualTo(249);
    }

    @Test
    void checkReportNamesTheSeedsContradictionsAndExitsOne() {
        int exit = run("check-report", SEED.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains(
                        "错误 ERROR T1-T3.lei：不符。T1/38/2 = 140.10（第 1 页第 134 行）",
                        "错误 ERROR T7.budget-vehicles",
                        "武汉市江汉区人民政府办公室 2020 年度：10 处不符，5 条提示（尾差）");
    }

    @Test
    void checkReportOnAReportMissingTablesNamesThemAndExitsOne() throws IOException {
        Path report = files.resolve("only-table-1.txt");
        Files.writeString(
                report,
                """
                2020 年度收入支出决算总表（表 1）
                部门：某单位 单位：万元
                栏次 1 栏次 2
                """,
                StandardCharsets.UTF_8);

        int exit = run("check-report", report.toString());

        assertThat(out.toString()).contains("缺少表2");
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void checkReportNamesThePutuoReportsContradictionsInItsTablesAndItsExplanationAndExitsOne() {
        int exit =
                run("check-report", "../samples/2024-putuo-caizhengju/putuo-caizhengju-2024.pdf");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains(
                        "错误 ERROR T6.上级=下级之和：不符。T6/302/1 = 171.07（第 16 页第 8 行）",
                        "错误 ERROR explanation.amount：不符。情况说明写“财政拨款收入支出总计 0.3 万元”（第 21 页第 14 行） ≠ T4/32/1 = 2961.68",
                        "错误 ERROR explanation.share：不符。情况说明写“一般公共服务支出（类）”占一般公共预算财政拨款支出的比重 71.73%",
                        "提示 NOTE explanation.sum：差 0.01，属尾差。情况说明写政府采购金额 251.25 万元",
                        "上海市普陀区财政局 2024 年度：5 处不符，11 条提示（尾差）");
    }

    @Test
    void checkReportRefusesAFileNamedPdfThatIsNotOneInChinese() throws IOException {
        Path fake = Files.writeString(files.resolve("report.pdf"), "<html>404</html>");

        int exit = run("check-report", fake.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("已拒绝：文件 report.pdf 不是 PDF 文件");
        assertThat(out.toString()).isEmpty();
    }
}
