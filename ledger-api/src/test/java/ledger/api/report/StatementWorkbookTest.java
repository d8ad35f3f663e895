package ledger.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ledger.core.money.Money;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.StatementEngine;
import ledger.projections.statement.StatementSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workbook of the 2020 sample read back with POI: a sheet per table in the report's layout,
 * every printed figure a numeric cell in 万元 with the format #,##0.00, equal to the statement.
 */
class StatementWorkbookTest {

    static StatementSet set;
    static Workbook workbook;

    @BeforeAll
    static void writeAndReadBack() throws IOException {
        set = SampleStatements.statements();
        workbook = new XSSFWorkbook(new ByteArrayInputStream(StatementWorkbook.write(set)));
    }

    @Test
    void oneSheetPerTableNamedAsTheReportNamesThem() {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        assertThat(names)
                .containsExactly(
                        "表1 收入支出决算总表",
                        "表2 收入决算表",
                        "表3 支出决算表",
                        "表4 财政拨款收入支出决算总表",
                        "表5 一般公共预算财政拨款支出决算表",
                        "表6 一般公共预算财政拨款基本支出决算表",
                        "表7 一般公共预算财政拨款“三公”经费支出决算表",
                        "表8 政府性基金预算财政拨款收入支出决算表",
                        "表9 国有资本经营预算财政拨款支出决算表");
    }

    @Test
    void eachSheetHasTitleUnitAmountUnitHeadingsAndNotes() {
        Sheet t3 = workbook.getSheet("表3 支出决算表");
        assertThat(text(t3, 0, 0)).isEqualTo("2020 年度支出决算表（表 3）");
        assertThat(text(t3, 1, 0)).isEqualTo("部门：武汉市江汉区人民政府办公室");
        assertThat(text(t3, 1, 7)).isEqualTo("单位：万元");
        assertThat(rowTexts(t3, 3)).contains("功能分类科目编码", "科目名称");
        assertThat(rowTexts(t3, 2)).contains("项目", "本年支出合计", "基本支出", "项目支出", "上缴上级支出");
        assertThat(rowTexts(t3, 4))
                .containsSubsequence("类 款 项", "栏次", "1", "2", "3", "4", "5", "6");
        assertThat(allTexts(t3)).contains("注：本表反映部门本年度各项支出情况。", "1 栏各行＝（2+3+4+5+6）栏各行。");
        Sheet t1 = workbook.getSheet("表1 收入支出决算总表");
        assertThat(rowTexts(t1, 2)).containsExactly("收入", "支出");
        assertThat(rowTexts(t1, 3)).containsExactly("项目", "行次", "金额", "项目", "行次", "金额");
        assertThat(rowTexts(t1, 4)).containsExactly("栏次", "1", "栏次", "2");
        assertThat(t1.getMergedRegions())
                .anySatisfy(region -> assertThat(region.formatAsString()).isEqualTo("A3:C3"));
        Sheet t8 = workbook.getSheet("表8 政府性基金预算财政拨款收入支出决算表");
        assertThat(allTexts(t8)).contains("本单位无政府性基金预算财政拨款收支");
    }

    @Test
    void everyPrintedFigureIsANumericCellOfTwoDecimalsEqualToTheStatement() {
        // Method: find each figure by its row key (code or 行次) and column, and compare all of them.
        int compared = 0;
        DataFormatter formatter = new DataFormatter();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.NUMERIC
                            && cell.getCellStyle().getDataFormatString().equals("#,##0.00")) {
                        compared++;
                        assertThat(formatter.formatCellValue(cell)).matches("-?[\\d,]+\\.\\d{2}");
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(set.displayed().size());
        assertThat(numberAt("表3 支出决算表", "2010302", 4)).isEqualByComparingTo("1197.34");
        assertThat(numberAt("表1 收入支出决算总表", "30", 2)).isEqualByComparingTo("2503.33");
        assertThat(numberAt("表1 收入支出决算总表", "60", 5)).isEqualByComparingTo("2503.33");
        assertThat(numberAt("表5 一般公共预算财政拨款支出决算表", "208", 2)).isEqualByComparingTo("140.09");
        assertThat(numberAt("表6 一般公共预算财政拨款基本支出决算表", "30231", 5)).isEqualByComparingTo("4.55");
        Sheet t7 = workbook.getSheet("表7 一般公共预算财政拨款“三公”经费支出决算表");
        assertThat(t7.getRow(6).getCell(0).getNumericCellValue()).isEqualTo(12.90);
        assertThat(t7.getRow(6).getCell(10).getNumericCellValue()).isEqualTo(4.55);
        assertThat(t7.getRow(6).getCell(1).getCellType()).isEqualTo(CellType.BLANK);
        for (var entry : set.displayed().entrySet()) {
            CellAddress address = entry.getKey();
            if (address.table().equals("T3")) {
                String key = address.row().equals("total") ? "合计" : address.row();
                assertThat(numberAt("表3 支出决算表", key, address.column() + 1))
                        .as(address.toString())
                        .isEqualByComparingTo(entry.getValue());
            }
        }
    }

    @Test
    void anAsOfDateIsPrintedUnderTheTitle() throws IOException {
        StatementSet half =
                StatementEngine.compute(
                        SampleStatements.UNIT,
                        "武汉市江汉区人民政府办公室",
                        SampleStatements.YEAR,
                        LocalDate.of(2020, 6, 30),
                        SampleStatements.postings());
        try (Workbook halfYear =
                new XSSFWorkbook(new ByteArrayInputStream(StatementWorkbook.write(half)))) {
            assertThat(rowTexts(halfYear.getSheetAt(0), 1)).contains("截至 2020-06-30");
            BigDecimal printed =
                    BigDecimal.valueOf(
                            halfYear.getSheetAt(0).getRow(34).getCell(5).getNumericCellValue());
            assertThat(printed)
                    .isEqualByComparingTo(
                            Money.ofFen(half.fen(CellAddress.of("T1", 60, 2))).toWanYuan());
        }
    }

    @Test
    void inThe2024TemplateTheWorkbookHasNoLineNumbersAndPairsTable7() throws IOException {
        StatementSet in2024 =
                StatementEngine.compute(
                        SampleStatements.UNIT,
                        "武汉市江汉区人民政府办公室",
                        SampleStatements.YEAR,
                        null,
                        SampleStatements.postings(),
                        ledger.core.classification.ClassificationCatalog.standard(),
                        ledger.projections.statement.StatementTemplate.builtIn("2024"));
        try (Workbook book =
                new XSSFWorkbook(new ByteArrayInputStream(StatementWorkbook.write(in2024)))) {
            Sheet t1 = book.getSheetAt(0);
            assertThat(text(t1, 0, 0)).isEqualTo("2020 年度收入支出决算总表");
            assertThat(rowTexts(t1, 3)).containsExactly("项目", "决算数", "项目", "决算数");
            assertThat(allTexts(t1))
                    .doesNotContain("行次", "栏次")
                    .contains("二十四、抗疫特别国债安排的支出", "注：本表反映部门本年度的总收支和年末结转结余情况。");
            Sheet t7 = book.getSheetAt(6);
            assertThat(text(t7, 0, 0)).isEqualTo("2020 年度财政拨款“三公”经费支出决算表");
            assertThat(rowTexts(t7, 3))
                    .containsExactly(
                            "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数",
                            "预算数", "决算数");
            Sheet t5 = book.getSheetAt(4);
            List<String> texts = allTexts(t5);
            assertThat(texts.lastIndexOf("合计")).isGreaterThan(texts.indexOf("2010301"));
        }
    }

    /**
     * The number at sheet column index {@code column} of the row holding {@code key} left of it.
     */
    private static BigDecimal numberAt(String sheetName, String key, int column) {
        Sheet sheet = workbook.getSheet(sheetName);
        DataFormatter formatter = new DataFormatter();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getColumnIndex() < column && formatter.formatCellValue(cell).equals(key)) {
                    Cell figure = row.getCell(column);
                    if (figure != null && figure.getCellType() == CellType.NUMERIC) {
                        return BigDecimal.valueOf(figure.getNumericCellValue());
                    }
                }
            }
        }
        throw new AssertionError(
                "no figure for " + key + " in column " + column + " of " + sheetName);
    }

    private static String text(Sheet sheet, int row, int column) {
        return new DataFormatter().formatCellValue(sheet.getRow(row).getCell(column));
    }

    private static List<String> rowTexts(Sheet sheet, int row) {
        List<String> texts = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        sheet.getRow(row)
                .forEach(
                        cell -> {
                            String text = formatter.formatCellValue(cell);
                            if (!text.isEmpty()) {
                                texts.add(text);
                            }
                        });
        return texts;
    }

    private static List<String> allTexts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            texts.addAll(rowTexts(sheet, row.getRowNum()));
        }
        return texts;
    }
}
