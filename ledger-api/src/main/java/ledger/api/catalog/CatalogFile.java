package ledger.api.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.UploadedTable;
import ledger.core.catalog.CatalogLine;
import ledger.core.catalog.YearCatalog;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;

/**
 * Reads a 科目表 file into its lines: UTF-8 CSV (optional BOM) or an xlsx workbook (its first sheet),
 * a header row first. Columns {@code code} (编码, 科目编码, 代码) and {@code name} (名称, 科目名称) are required,
 * {@code classification} (分类, 科目分类, 类别) is optional; other columns (级次, 备注, …) are left alone.
 * Whether the lines make a 科目表 is {@link YearCatalog#check}'s to decide.
 */
public final class CatalogFile {

    private static final Set<String> CODE = Set.of("code", "编码", "科目编码", "代码", "科目代码");
    private static final Set<String> NAME = Set.of("name", "名称", "科目名称");
    private static final Set<String> CLASSIFICATION = Set.of("classification", "分类", "科目分类", "类别");

    private CatalogFile() {}

    /**
     * @param fileName decides the format: {@code .xlsx} is a workbook, anything else CSV
     * @throws JournalRefused when the file cannot be read as a 科目表 (no header, wrong encoding, …)
     */
    public static List<CatalogLine> read(byte[] bytes, String fileName) {
        UploadedTable table =
                UploadedTable.read(
                        bytes, fileName, new FieldName("code, name", "编码（code）、名称（name）"));
        int code = table.column(CODE);
        int name = table.column(NAME);
        int classification = table.column(CLASSIFICATION);
        if (code < 0 || name < 0) {
            throw UploadedTable.refused(
                    table.headerLine(),
                    "header",
                    Reason.of("catalog.header", String.join(", ", table.header())));
        }
        if (table.rowsUnderHeader() > YearCatalog.MAX_LINES) {
            throw UploadedTable.refused(
                    0, "file", Reason.of("catalog.tooManyLines", YearCatalog.MAX_LINES));
        }
        List<CatalogLine> lines = new ArrayList<>();
        for (UploadedTable.Row row : table.filledRows()) {
            lines.add(
                    new CatalogLine(
                            row.line(), row.cell(classification), row.cell(code), row.cell(name)));
        }
        return lines;
    }
}
