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
 * The 2020 seed's text, whose extraction lost every column, gives exactly the hand-typed figures.
 */
class ReadSeedReportTest {

    static final Path SAMPLE = Path.of("../samples/2020-jianghan-gov-office");

    @Test
    void theSeedTextGivesExactlyThe249HandTypedFiguresCellByCell() throws IOException {
        ReportReading reading = ReportReader.read(SAMPLE.resolve("report.txt"), Optional.empty());

        assertThat(reading.unplaced()).isEmpty();
        Map<String, String> expected =
                printed(
                        PublishedFigures.parse(
                                Files.newBufferedReader(SAMPLE.resolve("published.tsv"))));
        Map<String, String> read =
                printed(PublishedFigures.parse(new StringReader(reading.toTsv("report.txt"))));
        assertThat(expected).hasSize(249);
        assertThat(read).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void namesTheUnitTheYearAndTheTemplate() {
        ReportReading reading = ReportReader.read(SAMPLE.resolve("report.txt"), Optional.empty());

        assertThat(reading.unitName()).isEqualTo("武汉市江汉区人民政府办公室");
        assertThat(reading.year()).isEqualTo(2020);
        assertThat(reading.template()).isEqualTo("2020");
        assertThat(reading.headings())
                .extracting(TableHeading::table)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void everyFigureCarriesThePageAndLineItWasPrintedOn() {
        ReportReading reading = ReportReader.read(SAMPLE.resolve("report.txt"), Optional.empty());

        ReadFigure projectSpending =
                reading.figures().stream()
                        .filter(figure -> figure.cell().toString().equals("T3/2010302/3"))
                        .findFirst()
                        .orElseThrow();
        assertThat(projectSpending.printed()).isEqualTo("1197.34");
        assertThat(projectSpending.source().text()).contains("2010302 一般行政管理事务 1,197.34 1,197.34");
        assertThat(reading.toTsv("report.txt"))
                .contains("# " + projectSpending.source().where() + "\nT3\t2010302\t3\t1197.34\n");
    }

    /** Cell → value as printed (scale kept, so 0 and 0.00 differ). */
    private static Map<String, String> printed(PublishedFigures figures) {
        Map<String, String> byCell = new TreeMap<>();
        for (PublishedFigure figure : figures.figures()) {
            byCell.put(figure.cell().toString(), figure.value().toPlainString());
        }
        return byCell;
    }
}
