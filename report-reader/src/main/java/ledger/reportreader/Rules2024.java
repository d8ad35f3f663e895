package ledger.reportreader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import ledger.projections.statement.CellAddress;

/**
 * The 审核公式 of the 2024 format that can be stated on its positional addresses
 * (../shared/reports/README.md), all in one place: 表1 and 表4 sums of lines and 总计 = 总计, 表4's
 * fund columns, the row sums of 表2/3/5, and the 类 = Σ款 = Σ项 hierarchy of 表2/3/5 and 表6
 * (with 人员经费合计 = 301 + 303, 公用经费合计 = 302 + 310). A blank cell counts as 0. A difference of
 * 0.01 is a rounding tail (尾差), a note; more is an error. Rules across tables, 表7 and 表9, and the
 * 情况说明 are not checked for this format yet.
 */
final class Rules2024 {

    private static final BigDecimal TAIL = new BigDecimal("0.01");

    private final Map<CellAddress, ReadFigure> figures = new LinkedHashMap<>();
    private final List<ReportFinding> findings = new ArrayList<>();

    private Rules2024(ReportReading reading) {
        reading.figures().forEach(figure -> figures.put(figure.cell(), figure));
    }

    static List<ReportFinding> check(ReportReading reading) {
        Rules2024 rules = new Rules2024(reading);
        int lei = reading.template().equals("2024-26") ? 26 : 24;
        rules.table1(lei);
        rules.table4(lei);
        rules.rowSums("T2", 7);
        rules.rowSums("T3", 6);
        rules.rowSums("T5", 3);
        for (String table : List.of("T2", "T3", "T5")) {
            rules.hierarchy(table, columnsOf(table), "total");
        }
        rules.hierarchy("T6", 1, null);
        rules.sum("T6.人员经费合计", cell("T6", "personnel-total", 1), List.of(cell("T6", "301", 1), cell("T6", "303", 1)));
        rules.sum("T6.公用经费合计", cell("T6", "public-total", 1), List.of(cell("T6", "302", 1), cell("T6", "310", 1)));
        return rules.findings;
    }

    // 表1: income 1…k, expenditure k+1…2k; k = 类 lines + 4
    private void table1(int lei) {
        int k = lei + 4;
        sum("T1.本年收入合计", cell("T1", k - 3, 1), lines("T1", 1, 8, 1));
        sum("T1.收入总计", cell("T1", k, 1), lines("T1", k - 3, k - 1, 1));
        sum("T1.本年支出合计", cell("T1", 2 * k - 3, 2), lines("T1", k + 1, k + lei, 2));
        sum("T1.支出总计", cell("T1", 2 * k, 2), lines("T1", 2 * k - 3, 2 * k - 1, 2));
        sum("T1.收入总计=支出总计", cell("T1", k, 1), List.of(cell("T1", 2 * k, 2)));
    }

    // 表4: income 1…k, expenditure k+1…2k; k = 类 lines + 6
    private void table4(int lei) {
        int k = lei + 6;
        int spending = k + lei + 1;
        sum("T4.本年收入合计", cell("T4", k - 5, 1), lines("T4", 1, 3, 1));
        sum("T4.年初财政拨款结转和结余", cell("T4", k - 4, 1), lines("T4", k - 3, k - 1, 1));
        sum("T4.收入总计", cell("T4", k, 1), lines("T4", k - 5, k - 4, 1));
        for (int column = 2; column <= 5; column++) {
            sum("T4.本年支出合计", cell("T4", spending, column), lines("T4", k + 1, k + lei, column));
            sum("T4.支出总计", cell("T4", 2 * k, column), lines("T4", spending, spending + 1, column));
        }
        sum("T4.收入总计=支出总计", cell("T4", k, 1), List.of(cell("T4", 2 * k, 2)));
        for (int line = k + 1; line <= 2 * k; line++) {
            sum("T4.合计=各资金来源", cell("T4", line, 2), lines("T4", line, line, 3, 4, 5));
        }
    }

    private void rowSums(String table, int columns) {
        for (String row : rows(table)) {
            List<CellAddress> parts = new ArrayList<>();
            for (int column = 2; column <= columns; column++) {
                parts.add(cell(table, row, column));
            }
            sum(table + ".栏1=其余各栏", cell(table, row, 1), parts);
        }
    }

    /** Each code row equals the sum of the rows one level below it; the total the sum of the 类 rows. */
    private void hierarchy(String table, int columns, String totalRow) {
        TreeSet<String> rows = rows(table);
        for (int column = 1; column <= columns; column++) {
            for (String parent : rows) {
                if (parent.equals("total") || parent.contains("-")) {
                    continue;
                }
                List<CellAddress> children = new ArrayList<>();
                for (String child : rows) {
                    if (child.length() == parent.length() + 2 && child.startsWith(parent)) {
                        children.add(cell(table, child, column));
                    }
                }
                if (!children.isEmpty()) {
                    sum(table + ".上级=下级之和", cell(table, parent, column), children);
                }
            }
            if (totalRow != null && rows.contains(totalRow)) {
                int inColumn = column;
                sum(table + ".合计=各类之和", cell(table, totalRow, column),
                        rows.stream().filter(row -> row.length() == 3).map(row -> cell(table, row, inColumn)).toList());
            }
        }
    }

    private void sum(String rule, CellAddress total, List<CellAddress> parts) {
        if (!figures.containsKey(total) && parts.stream().noneMatch(figures::containsKey)) {
            return;
        }
        BigDecimal sum = parts.stream().map(this::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal difference = value(total).subtract(sum);
        if (difference.signum() == 0) {
            return;
        }
        StringBuilder message = new StringBuilder(show(total)).append(" ≠ ");
        for (int i = 0; i < parts.size(); i++) {
            message.append(i == 0 ? "" : " + ").append(show(parts.get(i)));
        }
        message.append(" = ").append(sum.toPlainString()).append("，差 ").append(difference.toPlainString());
        boolean tail = difference.abs().compareTo(TAIL) <= 0;
        findings.add(new ReportFinding(!tail, rule, (tail ? "差 0.01，属尾差。" : "不符。") + message));
    }

    private String show(CellAddress cell) {
        ReadFigure figure = figures.get(cell);
        return cell + " = " + (figure == null ? "空白" : figure.printed() + "（" + figure.source().where() + "）");
    }

    private BigDecimal value(CellAddress cell) {
        ReadFigure figure = figures.get(cell);
        return figure == null ? BigDecimal.ZERO : new BigDecimal(figure.printed());
    }

    private TreeSet<String> rows(String table) {
        TreeSet<String> rows = new TreeSet<>();
        figures.keySet().stream().filter(cell -> cell.table().equals(table)).forEach(cell -> rows.add(cell.row()));
        return rows;
    }

    private static int columnsOf(String table) {
        return switch (table) {
            case "T2" -> 7;
            case "T3" -> 6;
            default -> 3;
        };
    }

    private static List<CellAddress> lines(String table, int from, int to, int... columns) {
        List<CellAddress> cells = new ArrayList<>();
        for (int line = from; line <= to; line++) {
            for (int column : columns) {
                cells.add(cell(table, line, column));
            }
        }
        return cells;
    }

    private static CellAddress cell(String table, int line, int column) {
        return CellAddress.of(table, line, column);
    }

    private static CellAddress cell(String table, String row, int column) {
        return CellAddress.of(table, row, column);
    }
}
