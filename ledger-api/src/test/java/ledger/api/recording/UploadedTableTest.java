package ledger.api.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import ledger.api.catalog.CatalogFile;
import ledger.api.department.DepartmentFile;
import ledger.core.catalog.CatalogLine;
import ledger.core.department.DepartmentLine;
import ledger.core.journal.JournalProblem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The small uploaded tables, a 科目表 and a department file, read by one reader: the line a clerk sees
 * each row on, blank rows passed over, and a file that cannot be read refused with a reason.
 */
class UploadedTableTest {

    private static final String DEPARTMENT_HEADER = "部门编码,部门名称,单位编码,单位名称,单位性质,上级单位,起始年度\n";

    @Test
    void aCatalogIsReadByItsChineseHeadersWithTheLinesAClerkSees() {
        // Goal: columns found by any of their names in any order; a blank row is skipped but
        // counted
        // in the line numbers, and a quoted cell over two lines keeps the next row's line right.
        List<CatalogLine> lines =
                CatalogFile.read(
                        csv("\uFEFF名称,备注,编码\n一般公共服务支出,,201\n,,\n" + "\"人大\n事务\",x,20101\n"),
                        "km.csv");
        assertThat(lines)
                .containsExactly(
                        new CatalogLine(2, "", "201", "一般公共服务支出"),
                        new CatalogLine(4, "", "20101", "人大\n事务"));
    }

    @Test
    void aDepartmentFileIsReadFromAWorkbookWithItsCellsTrimmed() throws IOException {
        // Goal: the first sheet of an xlsx, blank rows above the header passed over, rows numbered
        // as
        // the spreadsheet numbers them, and cells typed with spaces trimmed.
        byte[] workbook =
                workbook(
                        List.of(),
                        List.of(
                                "department",
                                "department_name",
                                "unit",
                                "unit_name",
                                "kind",
                                "parent",
                                "from_year"),
                        List.of(" culture ", "文化局", "culture-office", "文化局", "行政单位", "", "2020"));
        assertThat(DepartmentFile.read(workbook, "departments.xlsx"))
                .containsExactly(
                        new DepartmentLine(
                                3, "culture", "文化局", "culture-office", "文化局", "行政单位", "", "2020"));
    }

    @Test
    void anEmptyFileIsRefusedSayingWhatTheHeaderNeeds() {
        JournalProblem catalog = refusal(() -> CatalogFile.read(new byte[0], "km.csv"));
        assertThat(catalog.line()).isZero();
        assertThat(catalog.column()).isEqualTo("file");
        assertThat(catalog.reason()).isEqualTo("文件为空：第一行应为表头，含列 编码（code）、名称（name）");
        assertThat(catalog.reason(Locale.ENGLISH))
                .isEqualTo(
                        "the file is empty: the first line must be the header, with the columns"
                                + " code, name");
        assertThat(refusal(() -> DepartmentFile.read(new byte[0], "d.csv")).reason())
                .startsWith("文件为空：第一行应为表头，含列 部门编码（department）、部门名称（department_name）、");
    }

    @Test
    void aHeaderWithoutTheNeededColumnsIsRefusedOnItsLine() {
        assertThat(refusal(() -> CatalogFile.read(csv("编码,备注\n201,x\n"), "km.csv")).reason())
                .startsWith("表头须有 编码（code）和 名称（name）两列，实为：编码, 备注");
        JournalProblem department = refusal(() -> DepartmentFile.read(csv("部门编码,部门名称\n"), "d.csv"));
        assertThat(department.line()).isEqualTo(1);
        assertThat(department.column()).isEqualTo("header");
        assertThat(department.reason())
                .isEqualTo(
                        "表头缺少列：单位编码（unit）、单位名称（unit_name）、单位性质（kind）、上级单位（parent）、"
                                + "起始年度（from_year）；实为：部门编码, 部门名称");
        assertThat(department.reason(Locale.ENGLISH))
                .isEqualTo(
                        "the header lacks the columns unit, unit_name, kind, parent, from_year;"
                                + " it has: 部门编码, 部门名称");
    }

    @Test
    void aFileThatIsNeitherUtf8NorAWorkbookIsRefused() {
        byte[] gbk = ("编码,名称\n201,一般公共服务支出\n").getBytes(Charset.forName("GBK"));
        assertThat(refusal(() -> CatalogFile.read(gbk, "km.csv")).reason())
                .startsWith("文件不是 UTF-8 编码的 CSV，也不是 xlsx 工作簿：");
        assertThat(
                        refusal(
                                        () ->
                                                DepartmentFile.read(
                                                        "PK-not-a-zip"
                                                                .getBytes(StandardCharsets.UTF_8),
                                                        "d.csv"))
                                .reason())
                .startsWith("无法读取 xlsx 工作簿");
    }

    @Test
    void aCsvWithAnUnclosedQuoteIsRefused() {
        assertThat(
                        refusal(
                                        () ->
                                                DepartmentFile.read(
                                                        csv(DEPARTMENT_HEADER + "\"culture,文化局\n"),
                                                        "d.csv"))
                                .reason())
                .startsWith("文件不是格式正确的 CSV：");
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private static byte[] workbook(List<String>... rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].size(); c++) {
                    row.createCell(c).setCellValue(rows[r].get(c));
                }
            }
            book.write(bytes);
            return bytes.toByteArray();
        }
    }

    private static JournalProblem refusal(Runnable reading) {
        assertThatThrownBy(reading::run).isInstanceOf(JournalRefused.class);
        try {
            reading.run();
            throw new AssertionError("not refused");
        } catch (JournalRefused refused) {
            assertThat(refused.problems()).hasSize(1);
            return refused.problems().get(0);
        }
    }
}
