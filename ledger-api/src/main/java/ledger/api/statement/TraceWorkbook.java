package ledger.api.statement;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import ledger.core.account.ProjectCode;
import ledger.core.classification.ClassificationCatalog;
import ledger.core.money.Money;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingFilter;
import ledger.projections.statement.TracedPosting;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A trace as an xlsx sheet, written row by row as the database sends them: POI's streaming workbook
 * keeps only a window of rows in memory and spills the rest to a temporary file, so a trace of any
 * length exports in bounded memory. Amounts are numbers in yuan (and exact fen).
 */
final class TraceWorkbook implements AutoCloseable {

    /** The sheet's columns, in Chinese as on the trace page. */
    static final String[] HEADINGS = {
        "序号", "日期", "交易号", "类型", "计入", "金额（元）", "计入金额（元）", "计入金额（分）", "摘要", "凭证号", "指标文号", "账户",
        "资金来源", "功能分类", "经济分类", "支出性质", "项目", "政府采购", "中小企业", "冲销交易", "记录人", "记录时间", "事件号"
    };

    /** Rows kept in memory before POI flushes them to its temporary file. */
    private static final int WINDOW = 200;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet = workbook.createSheet("追溯");
    private final CellStyle money = workbook.createCellStyle();
    private final ClassificationCatalog catalog;
    private final Map<ProjectCode, String> projects;
    private int next;
    private long number;

    TraceWorkbook(ClassificationCatalog catalog, Map<ProjectCode, String> projects) {
        this.catalog = catalog;
        this.projects = projects;
        money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
    }

    /** A title line, then the column headings. */
    void title(String title) {
        sheet.createRow(next++).createCell(0).setCellValue(title);
        Row heading = sheet.createRow(next++);
        for (int i = 0; i < HEADINGS.length; i++) {
            heading.createCell(i).setCellValue(HEADINGS[i]);
        }
        sheet.createFreezePane(0, next);
    }

    void row(TracedPosting traced) {
        Posting p = traced.posting();
        Row row = sheet.createRow(next++);
        int c = 0;
        row.createCell(c++).setCellValue(++number);
        row.createCell(c++).setCellValue(String.valueOf(p.date()));
        row.createCell(c++).setCellValue(p.transactionId().value());
        row.createCell(c++).setCellValue(p.kind().chineseName() + (p.isReversal() ? "（冲销）" : ""));
        row.createCell(c++).setCellValue(traced.sign() > 0 ? "+" : "−");
        yuan(row, c++, p.amountFen());
        yuan(row, c++, traced.signedFen());
        row.createCell(c++).setCellValue(traced.signedFen());
        row.createCell(c++).setCellValue(text(p.memo()));
        row.createCell(c++).setCellValue(text(p.voucher()));
        row.createCell(c++).setCellValue(text(p.indicator()));
        row.createCell(c++).setCellValue(p.account().id());
        row.createCell(c++).setCellValue(p.account().fund().chineseName());
        row.createCell(c++)
                .setCellValue(
                        p.account().functional().code()
                                + " "
                                + catalog.functionalName(p.account().functional()).orElse(""));
        row.createCell(c++)
                .setCellValue(
                        p.account().economic().code()
                                + " "
                                + catalog.economicName(p.account().economic()).orElse(""));
        row.createCell(c++).setCellValue(p.nature() == null ? "" : p.nature().chineseName());
        row.createCell(c++)
                .setCellValue(
                        p.project() == null
                                ? ""
                                : (p.project().code()
                                                + " "
                                                + projects.getOrDefault(p.project(), ""))
                                        .strip());
        row.createCell(c++)
                .setCellValue(p.procurement() == null ? "" : p.procurement().chineseName());
        row.createCell(c++).setCellValue(p.sme() == null ? "" : p.sme() ? "是" : "否");
        row.createCell(c++).setCellValue(p.reverses() == null ? "" : p.reverses().value());
        row.createCell(c++).setCellValue(text(p.recordedBy()));
        row.createCell(c++).setCellValue(p.recordedAt() == null ? "" : WHEN.format(p.recordedAt()));
        row.createCell(c).setCellValue(text(p.eventId()));
    }

    /** The filter in words for the title, empty when nothing is filtered. */
    static String describe(PostingFilter filter) {
        StringBuilder text = new StringBuilder();
        if (filter.from() != null) {
            text.append(" 起 ").append(filter.from());
        }
        if (filter.to() != null) {
            text.append(" 止 ").append(filter.to());
        }
        if (filter.kind() != null) {
            text.append(" 类型 ").append(filter.kind().chineseName());
        }
        if (filter.voucher() != null) {
            text.append(" 凭证号 ").append(filter.voucher());
        }
        if (filter.memoContains() != null) {
            text.append(" 摘要含 “").append(filter.memoContains()).append('”');
        }
        if (filter.minFen() != null) {
            text.append(" 金额 ≥ ").append(Money.ofFen(filter.minFen()).toYuanString());
        }
        if (filter.maxFen() != null) {
            text.append(" 金额 ≤ ").append(Money.ofFen(filter.maxFen()).toYuanString());
        }
        return text.isEmpty() ? "" : " · 筛选：" + text.toString().strip();
    }

    void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    /** How many event rows were written. */
    long rows() {
        return number;
    }

    @Override
    public void close() {
        // closing also deletes the temporary file of the streamed rows
        try {
            workbook.close();
        } catch (IOException ignored) {
            // the rows are written or abandoned already; a failing cleanup changes neither
        }
    }

    private void yuan(Row row, int column, long fen) {
        var cell = row.createCell(column);
        cell.setCellValue(BigDecimal.valueOf(fen, 2).doubleValue());
        cell.setCellStyle(money);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
