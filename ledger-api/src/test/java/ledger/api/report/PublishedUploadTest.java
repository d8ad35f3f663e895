package ledger.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import ledger.api.support.Samples;
import ledger.projections.statement.StatementTemplate;
import org.junit.jupiter.api.Test;

class PublishedUploadTest {

    @Test
    void aFiguresTsvIsTakenAsTyped() {
        PublishedUpload upload =
                PublishedUpload.of(
                        "# 公布数\nT3\t2010302\t3\t1197.34\n".getBytes(StandardCharsets.UTF_8),
                        "published.tsv",
                        null,
                        2020);
        assertThat(upload.report()).isFalse();
        assertThat(upload.template()).isNull();
        assertThat(upload.figures(StatementTemplate.builtIn("2020")).figures()).hasSize(1);
    }

    @Test
    void theReportsTextIsReadIntoItsFiguresInTheTemplateItWasReadIn() throws Exception {
        PublishedUpload upload =
                PublishedUpload.of(
                        Files.readAllBytes(
                                Samples.path("2024-putuo-caizhengju/putuo-caizhengju-2024.txt")),
                        "putuo.txt",
                        null,
                        2024);
        assertThat(upload.report()).isTrue();
        assertThat(upload.template()).isEqualTo("2024-26");
        assertThat(upload.note()).contains("上海市普陀区财政局", "读出 195 个数字");
        assertThat(upload.figures(StatementTemplate.builtIn("2024-26")).figures()).hasSize(195);
    }

    @Test
    void theReportsPdfGivesTheSameFiguresAsItsText() throws Exception {
        PublishedUpload pdf =
                PublishedUpload.of(
                        Files.readAllBytes(
                                Samples.path("2024-putuo-caizhengju/putuo-caizhengju-2024.pdf")),
                        "putuo.pdf",
                        null,
                        2024);
        PublishedUpload text =
                PublishedUpload.of(
                        Files.readAllBytes(
                                Samples.path("2024-putuo-caizhengju/putuo-caizhengju-2024.txt")),
                        "putuo.txt",
                        null,
                        2024);
        StatementTemplate template = StatementTemplate.builtIn("2024-26");
        assertThat(pdf.figures(template).figures()).hasSize(195);
        assertThat(
                        pdf.figures(template).figures().stream()
                                .map(f -> f.cell() + "=" + f.value())
                                .toList())
                .containsExactlyInAnyOrderElementsOf(
                        text.figures(template).figures().stream()
                                .map(f -> f.cell() + "=" + f.value())
                                .toList());
    }

    @Test
    void aReportOfAnotherYearATruncatedPdfAndATextWithNoTablesAreRefusedInChinese()
            throws Exception {
        byte[] putuo =
                Files.readAllBytes(Samples.path("2024-putuo-caizhengju/putuo-caizhengju-2024.txt"));
        assertThatThrownBy(() -> PublishedUpload.of(putuo, "putuo.txt", null, 2023))
                .hasMessageContaining("上传的是 2024 年度的报告，而对账的是 2023 年度的账簿");
        assertThatThrownBy(
                        () ->
                                PublishedUpload.of(
                                        "%PDF-1.4\n1 0 obj".getBytes(StandardCharsets.US_ASCII),
                                        "x.pdf",
                                        null,
                                        2024))
                .hasMessageContaining("无法读取上传的报告", "不完整");
        assertThatThrownBy(
                        () ->
                                PublishedUpload.of(
                                        "这是一封信，没有表格。\n".getBytes(StandardCharsets.UTF_8),
                                        "letter.txt",
                                        null,
                                        2024))
                .hasMessageStartingWith("无法读取上传的报告");
    }
}
