package ledger.reportreader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import ledger.projections.statement.PublishedFigure;
import ledger.projections.statement.PublishedFigures;
import org.junit.jupiter.api.Test;

/**
 * The 2024 report of 上海市普陀区财政局 (26 类 lines, no 行次, codes in 类/款/项 columns, figures printed a line
 * above their code, two-panel 表6, paired 表7): its PDF and its pdftotext text give exactly the
 * hand-checked figures of samples/2024-putuo-caizhengju/published.tsv.
 */
class Read2024ReportTest {

    static final Path SAMPLE = Path.of("../samples/2024-putuo-caizhengju");

    @Test
    void thePdfGivesExactlyTheHandCheckedFigures() throws IOException {
        ReportReading reading =
                ReportReader.read(SAMPLE.resolve("putuo-caizhengju-2024.pdf"), Optional.empty());

        assertThat(reading.unplaced()).isEmpty();
        assertThat(printed(reading)).containsExactlyInAnyOrderEntriesOf(expected()).hasSize(195);
    }

    @Test
    void theTextGivesExactlyTheSameFiguresAsThePdf() throws IOException {
        ReportReading reading =
                ReportReader.read(SAMPLE.resolve("putuo-caizhengju-2024.txt"), Optional.empty());

        assertThat(reading.unplaced()).isEmpty();
        assertThat(printed(reading)).containsExactlyInAnyOrderEntriesOf(expected());
    }

    @Test
    void namesTheUnitTheYearAndTheTwentySixLeiVariant() {
        ReportReading reading =
                ReportReader.read(SAMPLE.resolve("putuo-caizhengju-2024.txt"), Optional.empty());

        assertThat(reading.unitName()).isEqualTo("上海市普陀区财政局");
        assertThat(reading.year()).isEqualTo(2024);
        assertThat(reading.template()).isEqualTo("2024-26");
    }

    @Test
    void theQuirksOfThisReportLandInTheirCells() throws IOException {
        Map<String, String> read =
                printed(
                        ReportReader.read(
                                SAMPLE.resolve("putuo-caizhengju-2024.txt"), Optional.empty()));

        // 1,503.52 is printed on the line above "201 06 01 行政运行 1,511.89 8.37"
        assertThat(read)
                .containsEntry("T3/2010601/1", "1511.89")
                .containsEntry("T3/2010601/2", "1503.52")
                .containsEntry("T3/2010601/3", "8.37");
        // 表5's 合计 is printed at the bottom
        assertThat(read)
                .containsEntry("T5/total/1", "2940.05")
                .containsEntry("T5/total/3", "603.14");
        // 表6's right panel: 302 on one line, 01 办公费 on the next; 0.31 on 30309, 30310 blank
        assertThat(read)
                .containsEntry("T6/30201/1", "21.21")
                .containsEntry("T6/30309/1", "0.31")
                .doesNotContainKey("T6/30310/1")
                .containsEntry("T6/public-total/1", "184.65");
        // 表7: 公务接待费 预算数 at position 11, 合计 预算数 at 1, nothing else
        assertThat(read).containsEntry("T7/1/1", "0.95").containsEntry("T7/1/11", "0.95");
        assertThat(read.keySet().stream().filter(cell -> cell.startsWith("T7"))).hasSize(2);
        // 表4 年初 by source and the expenditure side by fund column
        assertThat(read)
                .containsEntry("T4/29/1", "21.63")
                .containsEntry("T4/60/3", "21.63")
                .containsEntry("T4/64/3", "2961.68")
                .doesNotContainKey("T4/61/2");
        // 表8 / 表9: "本表无数据"
        assertThat(read.keySet()).noneMatch(cell -> cell.startsWith("T8") || cell.startsWith("T9"));
    }

    static Map<String, String> expected() throws IOException {
        return byCell(
                PublishedFigures.parse(Files.newBufferedReader(SAMPLE.resolve("published.tsv"))));
    }

    static Map<String, String> printed(ReportReading reading) {
        return byCell(PublishedFigures.parse(new StringReader(reading.toTsv("report"))));
    }

    /** Cell → value as printed (scale kept, so 0 and 0.00 differ). */
    private static Map<String, String> byCell(PublishedFigures figures) {
        Map<String, String> byCell = new TreeMap<>();
        for (PublishedFigure figure : figures.figures()) {
            byCell.put(figure.cell().toString(), figure.value().toPlainString());
        }
        return byCell;
    }
}
