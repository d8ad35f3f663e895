package ledger.reportreader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The official 2024 template (empty tables) is recognised and read as an empty report, from its PDF and its text alike. */
class Template2024Test {

    private static final Path TEMPLATE = Path.of("../samples/2024-shanghai-template");

    @Test
    void theTemplatePdfIsReadWithoutErrorAsAnEmptyReportOfTheTwentyFourLeiTemplate() {
        ReportReading reading = ReportReader.read(TEMPLATE.resolve("shanghai-2024-juesuan-template.pdf"), Optional.empty());

        assertThat(reading.figures()).isEmpty();
        assertThat(reading.unplaced()).isEmpty();
        assertThat(reading.template()).isEqualTo("2024");
        assertThat(reading.templateReason()).contains("表1 有 24 个功能分类类级支出行");
        assertThat(reading.headings()).extracting(TableHeading::table).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(reading.year()).isEqualTo(2024);
        assertThat(reading.unitName()).isEqualTo("上海市XX局");
    }

    @Test
    void thePdfAndTheTextGiveTheSameReading() {
        ReportReading pdf = ReportReader.read(TEMPLATE.resolve("shanghai-2024-juesuan-template.pdf"), Optional.empty());
        ReportReading text = ReportReader.read(TEMPLATE.resolve("shanghai-2024-juesuan-template.txt"), Optional.empty());

        assertThat(text.figures()).isEqualTo(pdf.figures());
        assertThat(text.template()).isEqualTo(pdf.template());
        assertThat(text.unitName()).isEqualTo(pdf.unitName());
        assertThat(text.headings()).extracting(TableHeading::title)
                .containsExactlyElementsOf(pdf.headings().stream().map(TableHeading::title).toList());
    }

    @Test
    void checkReportFindsThePlaceholderUnitInEveryHeadingAndNothingElse() {
        ReportReading reading = ReportReader.read(TEMPLATE.resolve("shanghai-2024-juesuan-template.txt"), Optional.empty());

        assertThat(ReportChecks.check(reading)).extracting(ReportFinding::rule)
                .hasSize(9).containsOnly("document.placeholder");
    }

    @Test
    void theTemplateCanBeForced() {
        ReportReading reading = ReportReader.read(TEMPLATE.resolve("shanghai-2024-juesuan-template.txt"),
                Optional.of("2024-26"));

        assertThat(reading.template()).isEqualTo("2024-26");
        assertThat(reading.templateReason()).isEqualTo("由 --template 指定");
    }
}
