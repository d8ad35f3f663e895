package ledger.reportreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not a readable report get a clear Chinese refusal, and nothing is read from them.
 */
class HostileReportTest {

    @TempDir Path files;

    @Test
    void aFileNamedPdfThatIsNotOneIsRefused() throws IOException {
        Path fake = Files.writeString(files.resolve("report.pdf"), "<html>not found</html>");

        assertThatThrownBy(() -> ReportReader.read(fake, Optional.empty()))
                .isInstanceOf(ReportRefusal.class)
                .hasMessageContaining("不是 PDF 文件");
    }

    @Test
    void anEncryptedPdfIsRefused() throws IOException {
        Path encrypted = files.resolve("encrypted.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner", "user", new AccessPermission());
            document.protect(policy);
            document.save(encrypted.toFile());
        }

        assertThatThrownBy(() -> ReportReader.read(encrypted, Optional.empty()))
                .isInstanceOf(ReportRefusal.class)
                .hasMessageContaining("已加密");
    }

    @Test
    void aTruncatedPdfIsRefused() throws IOException {
        Path whole = files.resolve("whole.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(whole.toFile());
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated =
                Files.write(files.resolve("truncated.pdf"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ReportReader.read(truncated, Optional.empty()))
                .isInstanceOf(ReportRefusal.class)
                .hasMessageContaining("不完整");
    }

    @Test
    void aPdfOf500PagesIsRefusedBeforeItsTextIsRead() throws IOException {
        Path large = files.resolve("500.pdf");
        try (PDDocument document = new PDDocument()) {
            for (int page = 0; page < 500; page++) {
                document.addPage(new PDPage());
            }
            document.save(large.toFile());
        }

        assertThatThrownBy(() -> ReportReader.read(large, Optional.empty()))
                .isInstanceOf(ReportRefusal.class)
                .hasMessageContaining("500 页", "上限 200 页");
    }

    @Test
    void aFileBeyondTheByteLimitIsRefusedUnread() throws IOException {
        Path huge = files.resolve("huge.txt");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(ReportSource.MAX_BYTES + 1);
        }

        assertThatThrownBy(() -> ReportReader.read(huge, Optional.empty()))
                .isInstanceOf(ReportRefusal.class)
                .hasMessageContaining("超过上限", "20 MB");
    }

    @Test
    void aTextWithoutTablesIsRefused() throws IOException {
        Path letter =
                Files.writeString(files.resolve("letter.txt"), "2020 年度部门决算情况说明\n收入 1,000.00 万元\n");

        assertThatThrownBy(() -> ReportReader.read(letter, Optional.empty()))
                .isInstanceOf(ReportRefusal.class)
                .hasMessageContaining("没有找到任何决算表");
    }

    @Test
    void binaryThatIsNeitherPdfNorUtf8TextIsRefused() throws IOException {
        Path binary =
                Files.write(
                        files.resolve("report.bin"),
                        new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3});

        assertThatThrownBy(() -> ReportReader.read(binary, Optional.empty()))
                .isInstanceOf(ReportRefusal.class)
                .hasMessageContaining("既不是 PDF，也不是 UTF-8 文本");
    }

    @Test
    void aFigureWithMisplacedThousandsSeparatorsIsRefusedNamingItsLine() throws IOException {
        Path report =
                Files.writeString(
                        files.resolve("report.txt"),
                        """
                2020 年度一般公共预算财政拨款支出决算表（表 5）
                部门：某单位 单位：万元
                栏次 1 2 3
                合计 1,2,3 1.00 2.00
                """,
                        StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ReportReader.read(report, Optional.empty()))
                .isInstanceOf(ReportRefusal.class)
                .hasMessageContaining("第 1 页第 4 行", "“1,2,3”", "千分位");
    }

    @Test
    void aTextOfMoreThanTheMaximumPagesIsRefused() {
        String pages = "2020 年度收入决算表（表 2）\n\f".repeat(ReportSource.MAX_PAGES + 1);

        assertThatThrownBy(() -> ReportReader.read(ReportSource.textLines(pages), Optional.empty()))
                .isInstanceOf(ReportRefusal.class)
                .hasMessageContaining("超过上限 200 页");
    }

    @Test
    void anUnknownTemplateNameIsRefused() {
        assertThat(ReportReader.TEMPLATES).doesNotContain("1999");
        assertThatThrownBy(
                        () ->
                                ReportReader.read(
                                        Path.of("../samples/2020-jianghan-gov-office/report.txt"),
                                        Optional.of("1999")))
                .isInstanceOf(ReportRefusal.class)
                .hasMessageContaining("不认识的模板");
    }

    @Test
    void aFigureOfThe2024FormatThatNoRowCanTakeIsReportedWithItsPageLineAndWhy() {
        java.util.List<ReportLine> lines =
                ReportSource.textLines(
                        """
                第二部分 上海市普陀区财政局2024年度部门决算表
                一、收入支出决算总表
                \f
                                   收入支出决算总表
                                                 单位：万元
                一、一般公共预算财政拨款收入      2,940.05   一、一般公共服务支出        2,106.66
                                                  17.00
                """);

        ReportReading reading = ReportReader.read(lines, Optional.empty());

        assertThat(reading.figures())
                .extracting(figure -> figure.cell().toString())
                .containsExactly("T1/1/1", "T1/29/2");
        assertThat(reading.unplaced()).hasSize(1);
        assertThat(reading.unplaced().get(0).toString())
                .contains("第 2 页第 5 行", "17.00", "后面没有任何项目名称");
        assertThat(reading.complete()).isFalse();
    }
}
