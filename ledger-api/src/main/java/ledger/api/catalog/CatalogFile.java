package ledger.api.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ledger.api.recording.JournalRefused;
import ledger.core.catalog.CatalogLine;
import ledger.core.catalog.YearCatalog;
import ledger.core.journal.JournalProblem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a 科目表 file into its lines: UTF-8 CSV (optional BOM) or an xlsx workbook (its first
 * sheet), a header row first. Columns {@code code} (编码, 科目编码, 代码) and {@code name} (名称,
 * 科目名称) are required, {@code classification} (分类, 科目分类, 类别) is optional; other columns (级次,
 * 备注, …) are left alone. Whether the lines make a 科目表 is {@link YearCatalog#check}'s to decide.
 */
public final class CatalogFile {

    private static final Set<String> CODE = Set.of("code", "编码", "科目编码", "代码", "科目代码");
    private static final Set<String> NAME = Set.of("name", "名称", "科目名称");
    private static final Set<String> CLASSIFICATION = Set.of("classification", "分类", "科目分类", "类别");

    private CatalogFile() {
    }

    /**
     * @param fileName decides the format: {@code .xlsx} is a workbook, anything else CSV
     * @throws JournalRefused when the file cannot be read as a 科目表 (no header, wrong encoding, …)
     */
    public static List<CatalogLine> read(byte[] bytes, String fileName) {
        boolean workbook = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                || bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K';
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        if (workbook) {
            readWorkbook(bytes, rows, lineNumbers);
        } else {
            readCsv(bytes, rows, lineNumbers);
        }
        if (rows.isEmpty()) {
            throw refused(0, "file", "文件为空，缺少表头 (the file is empty; expected a header row with code and name)");
        }
        List<String> header = rows.get(0);
        int code = column(header, CODE);
        int name = column(header, NAME);
        int classification = column(header, CLASSIFICATION);
        if (code < 0 || name < 0) {
            throw refused(lineNumbers.get(0), "header", "表头须有 编码（code）和 名称（name）两列，实为：" + String.join(", ", header)
                    + " (the header needs a code and a name column)");
        }
        if (rows.size() - 1 > YearCatalog.MAX_LINES) {
            throw refused(0, "file", "科目表最多 " + YearCatalog.MAX_LINES + " 行 (at most " + YearCatalog.MAX_LINES
                    + " lines)");
        }
        List<CatalogLine> lines = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            lines.add(new CatalogLine(lineNumbers.get(i), classification < 0 ? "" : cell(row, classification),
                    cell(row, code), cell(row, name)));
        }
        return lines;
    }

    private static void readCsv(byte[] bytes, List<List<String>> rows, List<Integer> lineNumbers) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw refused(0, "file", "文件不是 UTF-8 编码的 CSV，也不是 xlsx 工作簿 (not UTF-8 CSV, nor an xlsx workbook)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (Reader reader = new java.io.StringReader(text);
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            long lineBefore = 1;
            for (CSVRecord record : parser) {
                rows.add(record.toList());
                lineNumbers.add((int) lineBefore);
                lineBefore = parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException broken) {
            throw refused(0, "file", "CSV 格式有误：" + broken.getMessage() + " (malformed CSV)");
        }
    }

    private static void readWorkbook(byte[] bytes, List<List<String>> rows, List<Integer> lineNumbers) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                if (rows.isEmpty() && cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(cells);
                lineNumbers.add(row.getRowNum() + 1);
            }
        } catch (IOException | RuntimeException broken) {
            throw refused(0, "file", "无法读取 xlsx 工作簿：" + broken.getMessage() + " (unreadable workbook)");
        }
    }

    private static int column(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i).strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(List<String> row, int index) {
        return index < row.size() ? row.get(index) : "";
    }

    private static JournalRefused refused(int line, String column, String reason) {
        return new JournalRefused(List.of(new JournalProblem(line, column, reason)));
    }
}
