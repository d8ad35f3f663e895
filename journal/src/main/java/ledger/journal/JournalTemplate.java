package ledger.journal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import ledger.core.account.TransactionKind;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The journal template a clerk downloads: every column under its Chinese name and one example row
 * of each kind, which together import cleanly into an empty ledger (the tests import them). The
 * same rows are written as CSV (UTF-8 with a BOM, so Excel opens it in Chinese) and as xlsx (real
 * dates and numbers, codes as text so Excel keeps them as typed).
 */
public final class JournalTemplate {

    private static final List<JournalColumn> COLUMNS = List.of(JournalColumn.values());

    /** One example row per kind, in the order of {@link #COLUMNS}. */
    private static final List<List<String>> EXAMPLES =
            withEveryPlainKind(
                    List.of(
                            row(
                                    "T-1",
                                    "2025-01-06",
                                    "年初预算",
                                    "100000.00",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "记-001",
                                    "年初预算指标",
                                    "财预〔2025〕1号"),
                            row(
                                    "T-2",
                                    "2025-03-10",
                                    "追加预算",
                                    "5000.00",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "记-015",
                                    "追加办公经费",
                                    ""),
                            row(
                                    "T-3",
                                    "2025-04-08",
                                    "调减预算",
                                    "2000.00",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "记-021",
                                    "调减指标",
                                    ""),
                            row(
                                    "T-4",
                                    "2025-01-15",
                                    "拨款",
                                    "80000.00",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "记-003",
                                    "财政拨款到账",
                                    ""),
                            row(
                                    "T-5",
                                    "2025-01-02",
                                    "年初结转和结余",
                                    "3000.00",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "上年结转",
                                    ""),
                            row(
                                    "T-6",
                                    "2025-02-20",
                                    "支出",
                                    "1234.50",
                                    "基本支出-公用经费",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "记-009",
                                    "购买办公用品",
                                    ""),
                            row(
                                    "T-7",
                                    "2025-05-12",
                                    "支出",
                                    "2000.00",
                                    "项目支出",
                                    "P-001",
                                    "服务",
                                    "是",
                                    "",
                                    "信息化运维项目",
                                    "记-030",
                                    "系统运维服务费",
                                    ""),
                            row(
                                    "T-8",
                                    "2025-02-25",
                                    "冲销",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "",
                                    "T-6",
                                    "",
                                    "记-010",
                                    "冲销错记的办公用品",
                                    "")));

    private JournalTemplate() {}

    /**
     * The examples written here, then a row for every kind of the plain shape (an account and an
     * amount) that has none: a new kind of that shape is in the template without an edit here
     * (README, "Adding a kind of transaction"). Other shapes take columns a generated row cannot
     * guess.
     */
    static List<List<String>> withEveryPlainKind(List<List<String>> written) {
        Set<String> shown =
                written.stream()
                        .map(example -> example.get(JournalColumn.KIND.ordinal()))
                        .collect(Collectors.toSet());
        List<List<String>> all = new ArrayList<>(written);
        for (TransactionKind kind : TransactionKind.values()) {
            if (kind.shape() == TransactionKind.Shape.PLAIN
                    && !shown.contains(kind.chineseName())) {
                all.add(
                        row(
                                "T-" + (all.size() + 1),
                                "2025-06-30",
                                kind.chineseName(),
                                "100.00",
                                "",
                                "",
                                "",
                                "",
                                "",
                                "",
                                "",
                                "示例：" + kind.chineseName(),
                                ""));
            }
        }
        return List.copyOf(all);
    }

    private static List<String> row(
            String id,
            String date,
            String kind,
            String amount,
            String nature,
            String project,
            String procurement,
            String sme,
            String reverses,
            String projectName,
            String voucher,
            String memo,
            String indicator) {
        boolean reversal = kind.equals("冲销");
        String[] cells = new String[COLUMNS.size()];
        for (JournalColumn column : COLUMNS) {
            cells[column.ordinal()] =
                    switch (column) {
                        case ID -> id;
                        case DATE -> date;
                        case KIND -> kind;
                        case UNIT -> "example-unit";
                        case FUND -> reversal ? "" : "一般公共预算财政拨款";
                        case FUNCTIONAL -> reversal ? "" : "2010301";
                        case ECONOMIC -> reversal ? "" : "30201";
                        case NATURE -> nature;
                        case PROJECT -> project;
                        case AMOUNT -> amount;
                        case VOUCHER -> voucher;
                        case MEMO -> memo;
                        case REVERSES -> reverses;
                        case PROCUREMENT -> procurement;
                        case SME -> sme;
                        case UNIT_NAME -> id.equals("T-1") ? "示例单位（请改为本单位）" : "";
                        case PROJECT_NAME -> projectName;
                        case INDICATOR -> indicator;
                        // A transfer needs a registered department of two units, which an empty
                        // ledger has not.
                        case TO_UNIT -> "";
                    };
        }
        return List.of(cells);
    }

    /** The Chinese header row. */
    public static List<String> header() {
        return COLUMNS.stream().map(JournalColumn::chinese).toList();
    }

    /**
     * The template as CSV: UTF-8 with a BOM, a comment saying what to do, the header and the
     * examples.
     */
    public static void writeCsv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        writer.write("# 日记账模板：每行一笔交易。示例行请删除或改为本单位的数据；可另存为 CSV（UTF-8 或 GBK）或 xlsx 后导入。\r\n");
        writer.write(String.join(",", header()) + "\r\n");
        for (List<String> example : EXAMPLES) {
            writer.write(
                    String.join(",", example.stream().map(JournalTemplate::quoted).toList())
                            + "\r\n");
        }
        writer.flush();
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"")
                ? "\"" + cell.replace("\"", "\"\"") + "\""
                : cell;
    }

    /** The template as an xlsx workbook: one sheet 日记账, dates as dates, amounts as numbers. */
    public static void writeXlsx(OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("日记账");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            XSSFRow head = sheet.createRow(0);
            List<String> names = header();
            for (int c = 0; c < names.size(); c++) {
                XSSFCell cell = head.createCell(c);
                cell.setCellValue(names.get(c));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, 14 * 256);
                sheet.setDefaultColumnStyle(c, text);
            }
            for (int r = 0; r < EXAMPLES.size(); r++) {
                XSSFRow row = sheet.createRow(r + 1);
                List<String> example = EXAMPLES.get(r);
                for (JournalColumn column : COLUMNS) {
                    String value = example.get(column.ordinal());
                    if (value.isEmpty()) {
                        continue;
                    }
                    XSSFCell cell = row.createCell(column.ordinal());
                    if (column == JournalColumn.DATE) {
                        cell.setCellValue(LocalDate.parse(value));
                        cell.setCellStyle(date);
                    } else if (column == JournalColumn.AMOUNT) {
                        cell.setCellValue(new BigDecimal(value).doubleValue());
                        cell.setCellStyle(money);
                    } else {
                        cell.setCellValue(value);
                        cell.setCellStyle(text);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
        }
    }
}
