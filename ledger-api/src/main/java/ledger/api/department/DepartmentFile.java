package ledger.api.department;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.UploadedTable;
import ledger.core.department.DepartmentLine;
import ledger.core.department.DepartmentRegister;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;

/**
 * Reads a department file into its lines: UTF-8 CSV (optional BOM) or an xlsx workbook (its first
 * sheet), a header row first, with the columns {@code department} (部门编码), {@code department_name}
 * (部门名称), {@code unit} (单位编码), {@code unit_name} (单位名称), {@code kind} (单位性质), {@code parent} (上级单位)
 * and {@code from_year} (起始年度). Whether the lines make departments is {@link
 * DepartmentRegister#check}'s to decide.
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

    private DepartmentFile() {}

    /**
     * @param fileName decides the format: {@code .xlsx} is a workbook, anything else CSV
     * @throws JournalRefused when the file cannot be read (no header, a column missing, wrong
     *     encoding, …)
     */
    public static List<DepartmentLine> read(byte[] bytes, String fileName) {
        UploadedTable table = UploadedTable.read(bytes, fileName, columns(COLUMNS.keySet()));
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        COLUMNS.forEach(
                (column, names) -> {
                    int at = table.column(names);
                    if (at < 0) {
                        missing.add(column);
                    }
                    index.put(column, at);
                });
        if (!missing.isEmpty()) {
            throw UploadedTable.refused(
                    table.headerLine(),
                    "header",
                    Reason.of(
                            "department.header",
                            columns(missing),
                            String.join(", ", table.header())));
        }
        if (table.rowsUnderHeader() > DepartmentRegister.MAX_LINES) {
            throw UploadedTable.refused(
                    0, "file", Reason.of("department.tooManyLines", DepartmentRegister.MAX_LINES));
        }
        List<DepartmentLine> lines = new ArrayList<>();
        for (UploadedTable.Row row : table.filledRows()) {
            lines.add(
                    new DepartmentLine(
                            row.line(),
                            cell(row, index, "department"),
                            cell(row, index, "department_name"),
                            cell(row, index, "unit"),
                            cell(row, index, "unit_name"),
                            cell(row, index, "kind"),
                            cell(row, index, "parent"),
                            cell(row, index, "from_year")));
        }
        return lines;
    }

    private static String cell(UploadedTable.Row row, Map<String, Integer> index, String column) {
        return row.cell(index.get(column)).strip();
    }

    /** Columns as a refusal lists them: 单位编码（unit）、… in Chinese, unit, … in English. */
    private static FieldName columns(java.util.Collection<String> names) {
        return new FieldName(
                String.join(", ", names),
                String.join(
                        "、",
                        names.stream()
                                .map(n -> DepartmentRegister.COLUMN_NAMES.get(n) + "（" + n + "）")
                                .toList()));
    }
}
