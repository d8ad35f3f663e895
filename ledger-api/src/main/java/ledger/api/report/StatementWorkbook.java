package ledger.api.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ledger.api.report.LaidOutTable.BodyCell;
import ledger.api.report.LaidOutTable.BodyRow;
import ledger.api.report.LaidOutTable.HeadingCell;
import ledger.api.report.LaidOutTable.HeadingRow;
import ledger.core.money.Money;
import ledger.projections.accounting.Grid;
import ledger.projections.statement.StatementSet;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The statements as the workbook a unit submits: one sheet per table (表1 … 表9) in the report's
 * layout — title, 部门 and 单位：万元, the heading rows with 项目/行次/栏次, the body, and the table's notes —
 * figures as numeric cells in 万元 (rounded half-up to two decimals, each from its own exact sum)
 * formatted {@code #,##0.00}; zero cells are left blank as the report prints them.
 */
public final class StatementWorkbook {

    /** The MIME type of an .xlsx file. */
    public static final String CONTENT_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle title;
    private final CellStyle plain;
    private final CellStyle right;
    private final CellStyle heading;
    private final CellStyle number;
    private final CellStyle label;
    private final CellStyle labelBold;
    private final CellStyle code;
    private final CellStyle line;
    private final CellStyle figure;
    private final CellStyle figureBold;
    private final CellStyle note;
    private final Map<Integer, CellStyle> indents = new HashMap<>();

    private StatementWorkbook() {
        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font small = workbook.createFont();
        small.setFontHeightInPoints((short) 9);
        title = workbook.createCellStyle();
        title.setFont(titleFont);
        title.setAlignment(HorizontalAlignment.CENTER);
        plain = workbook.createCellStyle();
        right = workbook.createCellStyle();
        right.setAlignment(HorizontalAlignment.RIGHT);
        heading = bordered(HorizontalAlignment.CENTER);
        heading.setFont(bold);
        heading.setWrapText(true);
        number = bordered(HorizontalAlignment.CENTER);
        number.setFont(small);
        label = bordered(HorizontalAlignment.LEFT);
        labelBold = bordered(HorizontalAlignment.CENTER);
        labelBold.setFont(bold);
        code = bordered(HorizontalAlignment.LEFT);
        line = bordered(HorizontalAlignment.CENTER);
        short format = workbook.createDataFormat().getFormat("#,##0.00");
        figure = bordered(HorizontalAlignment.RIGHT);
        figure.setDataFormat(format);
        figureBold = bordered(HorizontalAlignment.RIGHT);
        figureBold.setDataFormat(format);
        figureBold.setFont(bold);
        note = workbook.createCellStyle();
        note.setFont(small);
    }

    /** The workbook of a statement set, as .xlsx bytes. */
    public static byte[] write(StatementSet set) {
        return write(set, List.of());
    }

    /**
     * The workbook of a statement set with more sheets after 表9: the 科目余额表 and the 预算指标 account,
     * each a {@link Grid} in yuan.
     */
    public static byte[] write(StatementSet set, List<Grid> more) {
        StatementWorkbook writer = new StatementWorkbook();
        for (LaidOutTable table : StatementLayout.layOut(set)) {
            writer.sheet(set, table);
        }
        more.forEach(writer::gridSheet);
        return writer.bytes();
    }

    /** A workbook of grids alone, a sheet each. */
    public static byte[] write(List<Grid> grids) {
        StatementWorkbook writer = new StatementWorkbook();
        grids.forEach(writer::gridSheet);
        return writer.bytes();
    }

    private void gridSheet(Grid grid) {
        Sheet sheet =
                workbook.createSheet(
                        grid.title().length() > 31 ? grid.title().substring(0, 31) : grid.title());
        int columns = grid.headings().size();
        int rowIndex = 0;
        Row titleRow = sheet.createRow(rowIndex++);
        titleRow.setHeightInPoints(24);
        put(titleRow, 0, grid.title(), title);
        merge(sheet, 0, 0, 0, columns - 1);
        for (String text : grid.subtitle()) {
            put(sheet.createRow(rowIndex++), 0, text, plain);
        }
        Row headingRow = sheet.createRow(rowIndex++);
        for (int c = 0; c < columns; c++) {
            put(headingRow, c, grid.headings().get(c), heading);
        }
        sheet.createFreezePane(0, rowIndex);
        for (Grid.Row body : grid.rows()) {
            Row row = sheet.createRow(rowIndex++);
            for (int c = 0; c < columns; c++) {
                Object value = body.cells().get(c);
                Cell cell = row.createCell(c);
                if (grid.amounts().get(c)) {
                    cell.setCellStyle(body.total() ? figureBold : figure);
                    if (value instanceof Long fen) {
                        cell.setCellValue(java.math.BigDecimal.valueOf(fen, 2).doubleValue());
                    }
                } else {
                    cell.setCellStyle(body.total() ? labelBold : label);
                    cell.setCellValue(Grid.text(value));
                }
            }
        }
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, (grid.amounts().get(c) ? 16 : 14) * 256);
        }
    }

    private byte[] bytes() {
        try (XSSFWorkbook workbook = this.workbook;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook", e);
        }
    }

    /** The sheet name of a table: {@code 表1 收入支出决算总表}. */
    public static String sheetName(LaidOutTable table) {
        String name =
                "表"
                        + table.number()
                        + " "
                        + table.title().replaceFirst("^\\d{4} 年度", "").replaceFirst("（表 \\d）$", "");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private void sheet(StatementSet set, LaidOutTable table) {
        Sheet sheet = workbook.createSheet(sheetName(table));
        int columns = table.columnCount();
        int rowIndex = 0;
        Row titleRow = sheet.createRow(rowIndex++);
        titleRow.setHeightInPoints(24);
        put(titleRow, 0, table.title(), title);
        merge(sheet, 0, 0, 0, columns - 1);

        Row unitRow = sheet.createRow(rowIndex++);
        put(unitRow, 0, "部门：" + set.unitName(), plain);
        merge(sheet, 1, 1, 0, Math.max(0, columns / 2 - 1));
        set.asOf().ifPresent(date -> put(unitRow, columns / 2, "截至 " + date, plain));
        put(unitRow, columns - 1, "单位：万元", right);

        int headingTop = rowIndex;
        rowIndex = heading(sheet, table.heading(), rowIndex, columns);
        sheet.createFreezePane(0, rowIndex);
        for (BodyRow body : table.body()) {
            Row row = sheet.createRow(rowIndex);
            int column = 0;
            for (BodyCell cell : body.cells()) {
                writeBody(row, column, cell, body.total());
                for (int extra = 1; extra < cell.colspan(); extra++) {
                    row.createCell(column + extra).setCellStyle(label);
                }
                if (cell.colspan() > 1) {
                    merge(sheet, rowIndex, rowIndex, column, column + cell.colspan() - 1);
                }
                column += cell.colspan();
            }
            rowIndex++;
        }
        rowIndex++;
        if (!table.emptyNote().isEmpty()) {
            put(sheet.createRow(rowIndex++), 0, table.emptyNote(), plain);
        }
        for (String text : table.notes()) {
            Row row = sheet.createRow(rowIndex);
            put(row, 0, text, note);
            merge(sheet, rowIndex, rowIndex, 0, columns - 1);
            rowIndex++;
        }
        widths(sheet, table);
        sheet.setRepeatingRows(
                new CellRangeAddress(
                        headingTop, headingTop + table.heading().size() - 1, 0, columns - 1));
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    /** Heading rows with their spans laid out as an HTML table lays them out. */
    private int heading(Sheet sheet, List<HeadingRow> rows, int top, int columns) {
        boolean[][] taken = new boolean[rows.size()][columns];
        List<Row> sheetRows = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(top + r);
            for (int c = 0; c < columns; c++) {
                row.createCell(c).setCellStyle(heading);
            }
            sheetRows.add(row);
        }
        for (int r = 0; r < rows.size(); r++) {
            int column = 0;
            for (HeadingCell cell : rows.get(r).cells()) {
                while (column < columns && taken[r][column]) {
                    column++;
                }
                Cell target = sheetRows.get(r).getCell(column);
                target.setCellValue(cell.text());
                target.setCellStyle(cell.columnNumber() ? number : heading);
                for (int dr = 0; dr < cell.rowspan(); dr++) {
                    for (int dc = 0; dc < cell.colspan(); dc++) {
                        taken[r + dr][column + dc] = true;
                    }
                }
                if (cell.rowspan() > 1 || cell.colspan() > 1) {
                    merge(
                            sheet,
                            top + r,
                            top + r + cell.rowspan() - 1,
                            column,
                            column + cell.colspan() - 1);
                }
                column += cell.colspan();
            }
        }
        return top + rows.size();
    }

    private void writeBody(Row row, int column, BodyCell cell, boolean total) {
        Cell target = row.createCell(column);
        switch (cell.kind()) {
            case FIGURE:
                target.setCellStyle(total ? figureBold : figure);
                if (cell.hasFigure()) {
                    target.setCellValue(Money.ofFen(cell.fen()).toWanYuan().doubleValue());
                }
                break;
            case CODE:
                target.setCellStyle(code);
                target.setCellValue(cell.text());
                break;
            case LINE:
                target.setCellStyle(line);
                target.setCellValue(Integer.parseInt(cell.text()));
                break;
            default:
                CellStyle style = total && cell.colspan() > 1 ? labelBold : label;
                if (cell.level() > 1 && !total) {
                    style = indented(cell.level());
                }
                target.setCellStyle(style);
                target.setCellValue(cell.text());
        }
    }

    private CellStyle indented(int level) {
        return indents.computeIfAbsent(
                level,
                key -> {
                    CellStyle style = bordered(HorizontalAlignment.LEFT);
                    style.setIndention((short) (level - 1));
                    return style;
                });
    }

    private void widths(Sheet sheet, LaidOutTable table) {
        for (int column = 0; column < table.columnCount(); column++) {
            sheet.setColumnWidth(column, 14 * 256);
        }
        switch (table.id()) {
            case "T1":
            case "T4":
                sheet.setColumnWidth(0, 34 * 256);
                sheet.setColumnWidth(1, 6 * 256);
                sheet.setColumnWidth(2, 14 * 256);
                sheet.setColumnWidth(3, 34 * 256);
                sheet.setColumnWidth(4, 6 * 256);
                break;
            case "T6":
                sheet.setColumnWidth(0, 10 * 256);
                sheet.setColumnWidth(1, 34 * 256);
                sheet.setColumnWidth(3, 10 * 256);
                sheet.setColumnWidth(4, 34 * 256);
                break;
            case "T7":
                break;
            default:
                sheet.setColumnWidth(0, 14 * 256);
                sheet.setColumnWidth(1, 38 * 256);
        }
    }

    private CellStyle bordered(HorizontalAlignment alignment) {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    private static void put(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static void merge(
            Sheet sheet, int firstRow, int lastRow, int firstColumn, int lastColumn) {
        if (firstRow != lastRow || firstColumn != lastColumn) {
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
        }
    }
}
