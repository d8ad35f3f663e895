package ledger.api.recording;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ledger.core.journal.JournalProblem;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small uploaded table (a 科目表, a department file): UTF-8 CSV (optional BOM) or an xlsx workbook
 * (its first sheet), a header row first, each row with the line a clerk sees it on. What the
 * columns mean is the caller's; a file that cannot be read at all is refused here.
 */
public final class UploadedTable {

    /** One row under the header, numbered as the clerk's editor numbers it. */
    public record Row(int line, List<String> cells) {

        /**
         * The cell at the index, as typed; empty when the row is shorter or the column absent (-1).
         */
        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private final List<Row> rows;

    private UploadedTable(List<Row> rows) {
        this.rows = rows;
    }

    /**
     * @param fileName decides the format: {@code .xlsx} is a workbook (or content that starts as a
     *     zip does), anything else CSV
     * @param expectedHeader the columns the header should hold, for the empty-file refusal
     * @throws JournalRefused when the file is empty or cannot be read as CSV or a workbook
     */
    public static UploadedTable read(byte[] bytes, String fileName, FieldName expectedHeader) {
        boolean workbook =
                fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                        || bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K';
        List<Row> rows = workbook ? readWorkbook(bytes) : readCsv(bytes);
        if (rows.isEmpty()) {
            throw refused(0, "file", Reason.of("table.empty", expectedHeader));
        }
        return new UploadedTable(rows);
    }

    public List<String> header() {
        return rows.get(0).cells();
    }

    public int headerLine() {
        return rows.get(0).line();
    }

    /** Rows under the header, blank ones included (what a file's size limit counts). */
    public int rowsUnderHeader() {
        return rows.size() - 1;
    }

    /** Rows under the header that hold anything. */
    public List<Row> filledRows() {
        return rows.subList(1, rows.size()).stream().filter(row -> !row.isBlank()).toList();
    }

    /**
     * The index of the first header cell that is one of the names (case and spaces aside), or -1.
     */
    public int column(Set<String> names) {
        List<String> header = header();
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i).strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    public static JournalRefused refused(int line, String column, Reason reason) {
        return new JournalRefused(List.of(new JournalProblem(line, column, reason)));
    }

    private static List<Row> readCsv(byte[] bytes) {
        String text;
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
        } catch (CharacterCodingException notUtf8) {
            throw refused(0, "file", Reason.of("table.notUtf8"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        try (Reader reader = new java.io.StringReader(text);
                CSVParser parser =
                        CSVFormat.DEFAULT
                                .builder()
                                .setIgnoreEmptyLines(false)
                                .get()
                                .parse(reader)) {
            long lineBefore = 1;
            for (CSVRecord record : parser) {
                rows.add(new Row((int) lineBefore, record.toList()));
                lineBefore = parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException broken) {
            throw refused(0, "file", Reason.of("journal.notCsv", broken.getMessage()));
        }
        return rows;
    }

    private static List<Row> readWorkbook(byte[] bytes) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<Row> rows = new ArrayList<>();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                Row read = new Row(row.getRowNum() + 1, cells);
                // Blank rows above the header are layout, not content.
                if (rows.isEmpty() && read.isBlank()) {
                    continue;
                }
                rows.add(read);
            }
        } catch (IOException | RuntimeException broken) {
            throw refused(0, "file", Reason.of("workbook.broken", broken.getMessage()));
        }
        return rows;
    }
}
