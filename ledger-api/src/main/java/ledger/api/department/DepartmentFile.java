package ledger.api.department;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ledger.api.recording.JournalRefused;
import ledger.core.department.DepartmentLine;
import ledger.core.department.DepartmentRegister;
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
 * Reads a department file into its lines: UTF-8 CSV (optional BOM) or an xlsx workbook (its first
 * sheet), a header row first, with the columns {@code department} (部门编码), {@code
 * department_name} (部门名称), {@code unit} (单位编码), {@code unit_name} (单位名称), {@code kind}
 * (单位性质), {@code parent} (上级单位) and {@code from_year} (起始年度). Whether the lines make
 * departments is {@link DepartmentRegister#check}'s to decide.
 */
public final class DepartmentFile {

    private static final Map<String, Set<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("department", Set.of("department", "部门", "部门编码", "部门代码"));
        COLUMNS.put("department_name", Set.of("department_name", "部门名称"));
        COLUMNS.put("unit", Set.of("unit", "单位", "单位编码", "单位代码"));
        COLUMNS.put("unit_name", Set.of("unit_name", "单位名称"));
        COLUMNS.put("kind", Set.of("kind", "单位性质", "单位类型", "性质"));
        COLUMNS.put("parent", Set.of("parent", "上级单位", "上级单位编码", "上级"));
        COLUMNS.put("from_year", Set.of("from_year", "起始年度", "开始年度", "年度"));
    }

    private DepartmentFile() {
    }

    /**
     * @param fileName decides the format: {@code .xlsx} is a workbook, anything else CSV
     * @throws JournalRefused when the file cannot be read (no header, a column missing, wrong encoding, …)
     */
    public static List<DepartmentLine> read(byte[] bytes, String fileName) {
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
            throw refused(0, "file", "文件为空，缺少表头 (the file is empty; expected a header row)");
        }
        List<String> header = rows.get(0);
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        COLUMNS.forEach((column, names) -> {
            int at = column(header, names);
            if (at < 0) {
                missing.add(column);
            }
            index.put(column, at);
        });
        if (!missing.isEmpty()) {
            throw refused(lineNumbers.get(0), "header", "表头缺少列：" + String.join(", ", missing) + "；表头须有 "
                    + String.join(", ", COLUMNS.keySet()) + "（或其中文列名），实为：" + String.join(", ", header)
                    + " (the header lacks these columns)");
        }
        if (rows.size() - 1 > DepartmentRegister.MAX_LINES) {
            throw refused(0, "file", "部门文件最多 " + DepartmentRegister.MAX_LINES + " 行 (at most "
                    + DepartmentRegister.MAX_LINES + " lines)");
        }
        List<DepartmentLine> lines = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            lines.add(new DepartmentLine(lineNumbers.get(i), cell(row, index.get("department")),
                    cell(row, index.get("department_name")), cell(row, index.get("unit")),
                    cell(row, index.get("unit_name")), cell(row, index.get("kind")), cell(row, index.get("parent")),
                    cell(row, index.get("from_year"))));
        }
        return lines;
    }

    private static void readCsv(byte[] bytes, List<List<String>> rows, List<Integer> lineNumbers) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
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
        return index < row.size() ? row.get(index).strip() : "";
    }

    private static JournalRefused refused(int line, String column, String reason) {
        return new JournalRefused(List.of(new JournalProblem(line, column, reason)));
    }
}
