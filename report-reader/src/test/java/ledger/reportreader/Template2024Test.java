package ledger.reportreader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The official 2024 template (empty tables) is recognised and read as an empty report, from its PDF
 * and its text alike.
 */
class Template2024Test {

    private static final Path TEMPLATE = Path.of("../samples/2024-shanghai-template");

    @Test
    void theTemplatePdfIsReadWithoutErrorAsAnEmptyReportOfTheTwentyFourLeiTemplate() {
        ReportReading reading =
                ReportReader.read(
                        TEMPLATE.resolve("shanghai-2024-juesuan-template.pdf"), Optional.empty());

        assertThat(reading.figures()).isEmpty();
        assertThat(reading.unplaced()).isEmpty();
        assertThat(reading.template()).isEqualTo("2024");
        assertThat(reading.templateReason()).contains("表1 有 24 个功能分类类级支出行");
        assertThat(reading.headings())
                .extracting(TableHeading::table)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(reading.year()).isEqualTo(2024);
        assertThat(reading.unitName()).isEqualTo("上海市XX局");
    }

    @Test
    void thePdfAndTheTextGiveTheSameReading() {
        ReportReading pdf =
                ReportReader.read(
                        TEMPLATE.resolve("shanghai-2024-juesuan-template.pdf"), Optional.empty());
        ReportReading text =
                ReportReader.read(
                        TEMPLATE.resolve("shanghai-2024-juesuan-template.txt"), Optional.empty());

        assertThat(text.figures()).isEqualTo(pdf.figures());
        assertThat(text.template()).isEqualTo(pdf.template());
        assertThat(text.unitName()).isEqualTo(pdf.unitName());
        assertThat(text.headings())
                .extracting(TableHeading::title)
                .containsExactlyElementsOf(
                        pdf.headings().stream().map(TableHeading::title).toList());
    }

    @Test
    void checkReportFindsThePlaceholderUnitInEveryHeadingAndNothingElse() {
        ReportReading reading =
                ReportReader.read(
                        TEMPLATE.resolve("shanghai-2024-juesuan-template.txt"), Optional.empty());

        List<ReportFinding> findings = ReportChecks.check(reading);

        // one for each table heading, one for the cover and part headings, one for the 情况说明
        assertThat(findings)
                .extracting(ReportFinding::rule)
                .hasSize(11)
                .containsOnly("document.placeholder");
        assertThat(findings)
                .anyMatch(
                        finding ->
                                finding.message().startsWith("各部分标题中有模板占位符")
                                        && finding.message().contains("第 2 页第 4 行"));
        assertThat(findings)
                .anyMatch(
                        finding ->
                                finding.message().startsWith("情况说明中有")
                                        && finding.message().contains("处模板占位符"));
    }

    @Test
    void theTemplateCanBeForced() {
        ReportReading reading =
                ReportReader.read(
                        TEMPLATE.resolve("shanghai-2024-juesuan-template.txt"),
                        Optional.of("2024-26"));

        assertThat(reading.template()).isEqualTo("2024-26");
        assertThat(reading.templateReason()).isEqualTo("由 --template 指定");
    }
}
