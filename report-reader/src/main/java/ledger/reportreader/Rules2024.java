package ledger.reportreader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ledger.projections.statement.CellAddress;

/**
 * The 审核公式 of the 2024 format that can be stated on its positional addresses
 * (../shared/reports/README.md), all in one place: 表1 and 表4 sums of lines and 总计 = 总计, 表4's fund
 * columns, the row sums of 表2/3/5, and the 类 = Σ款 = Σ项 hierarchy of 表2/3/5 and 表6 (with 人员经费合计 =
 * 301 + 303, 公用经费合计 = 302 + 310), 表7's totals, 表8/表9's columns, the balances of 表1 and 表4, and the
 * rules across tables (表1↔表2/表3/表4, 表4↔表5/表8/表9 by 类 and in total, 表6↔表5, 表7↔表6). A blank cell
 * counts as 0. A difference of 0.01 is a rounding tail (尾差), a note; more is an error.
 */
final class Rules2024 {

    private static final BigDecimal TAIL = new BigDecimal("0.01");

    private final Map<CellAddress, ReadFigure> figures = new LinkedHashMap<>();
    private final List<ReportFinding> findings = new ArrayList<>();

    /**
     * The tables the report prints; a rule naming a table it leaves out is not applied (表n 缺失 says
     * it).
     */
    private final Set<String> printed = new HashSet<>();

    private Rules2024(ReportReading reading) {
        reading.figures().forEach(figure -> figures.put(figure.cell(), figure));
        reading.headings().forEach(heading -> printed.add("T" + heading.table()));
        figures.keySet().forEach(cell -> printed.add(cell.table()));
    }

    private boolean printed(CellAddress total, List<CellAddress> parts) {
        return printed.contains(total.table())
                && parts.stream().allMatch(cell -> printed.contains(cell.table()));
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
        rules.sum(
                "T6.人员经费合计",
                cell("T6", "personnel-total", 1),
                List.of(cell("T6", "301", 1), cell("T6", "303", 1)));
        rules.sum(
                "T6.公用经费合计",
                cell("T6", "public-total", 1),
                List.of(cell("T6", "302", 1), cell("T6", "310", 1)));
        rules.table7();
        for (String table : List.of("T8", "T9")) {
            rules.fundTable(table);
        }
        rules.acrossTables(lei, reading.template());
        return rules.findings;
    }

    /**
     * The rules across tables the 2020 format's own checks ({@code StatementChecks}) leave out:
     * 表4's 政府性基金 and 国有资本经营 columns against 表8 and 表9 by 类.
     */
    static List<ReportFinding> fundTables2020(ReportReading reading) {
        Rules2024 rules = new Rules2024(reading);
        rules.incomeCoversSpending(cell("T1", 29, 1));
        List<String> lei = FunctionalLei.codes("2020");
        for (int index = 0; index < lei.size(); index++) {
            rules.equal("T4-T8.lei", cell("T4", 33 + index, 4), cell("T8", lei.get(index), 3));
            rules.equal("T4-T9.lei", cell("T4", 33 + index, 5), cell("T9", lei.get(index), 1));
        }
        return rules.findings;
    }

    // 表7 (2024 positions): 1 = 3+5+11, 2 = 4+6+12, 5 = 7+9, 6 = 8+10
    private void table7() {
        sum(
                "T7.合计预算数",
                cell("T7", "1", 1),
                List.of(cell("T7", "1", 3), cell("T7", "1", 5), cell("T7", "1", 11)));
        sum(
                "T7.合计决算数",
                cell("T7", "1", 2),
                List.of(cell("T7", "1", 4), cell("T7", "1", 6), cell("T7", "1", 12)));
        sum("T7.公务用车预算数", cell("T7", "1", 5), List.of(cell("T7", "1", 7), cell("T7", "1", 9)));
        sum("T7.公务用车决算数", cell("T7", "1", 6), List.of(cell("T7", "1", 8), cell("T7", "1", 10)));
    }

    // 表8 / 表9 (2024: six columns): 6 = 1+2−3, 3 = 4+5 on every row, and the hierarchy
    private void fundTable(String table) {
        for (String row : rows(table)) {
            signedSum(
                    table + ".年末=年初+收入-支出",
                    cell(table, row, 6),
                    List.of(cell(table, row, 1), cell(table, row, 2)),
                    List.of(cell(table, row, 3)));
            sum(
                    table + ".支出=基本+项目",
                    cell(table, row, 3),
                    List.of(cell(table, row, 4), cell(table, row, 5)));
        }
        hierarchy(table, 6, "total");
    }

    /**
     * The same figure in two tables, and the balances of 表1 and 表4 (../shared/reports/README.md).
     */
    private void acrossTables(int leiCount, String template) {
        List<String> lei = FunctionalLei.codes(template);
        int k1 = leiCount + 4;
        int k4 = leiCount + 6;
        int spending4 = k4 + leiCount + 1;
        signedSum(
                "T1.年末结转和结余",
                cell("T1", 2 * k1 - 1, 2),
                List.of(cell("T1", k1 - 1, 1), cell("T1", k1 - 3, 1), cell("T1", k1 - 2, 1)),
                List.of(cell("T1", 2 * k1 - 3, 2), cell("T1", 2 * k1 - 2, 2)));
        for (int source = 0; source < 3; source++) {
            signedSum(
                    "T4.年末财政拨款结转和结余",
                    cell("T4", spending4 + 1, 3 + source),
                    List.of(cell("T4", k4 - 3 + source, 1), cell("T4", 1 + source, 1)),
                    List.of(cell("T4", spending4, 3 + source)));
        }
        for (int index = 0; index < lei.size(); index++) {
            String code = lei.get(index);
            equal("T1-T3.lei", cell("T1", k1 + 1 + index, 2), cell("T3", code, 1));
            equal("T4-T5.lei", cell("T4", k4 + 1 + index, 3), cell("T5", code, 1));
            equal("T4-T8.lei", cell("T4", k4 + 1 + index, 4), cell("T8", code, 3));
            equal("T4-T9.lei", cell("T4", k4 + 1 + index, 5), cell("T9", code, 3));
        }
        equal("T1-T3.total", cell("T1", 2 * k1 - 3, 2), cell("T3", "total", 1));
        incomeCoversSpending(cell("T1", k1 - 1, 1));
        equal("T1-T2.total", cell("T1", k1 - 3, 1), cell("T2", "total", 1));
        sum("T1-T2.财政拨款收入", cell("T2", "total", 2), lines("T1", 1, 3, 1));
        for (int fund = 4; fund <= 8; fund++) {
            equal("T1-T2.income", cell("T1", fund, 1), cell("T2", "total", fund - 1));
        }
        for (int fund = 1; fund <= 3; fund++) {
            equal("T1-T4.income", cell("T1", fund, 1), cell("T4", fund, 1));
        }
        equal("T4-T5.total", cell("T4", spending4, 3), cell("T5", "total", 1));
        fundColumn("T8", 4, 2, k4 - 2, spending4);
        fundColumn("T9", 5, 3, k4 - 1, spending4);
        sum(
                "T6-T5.basic",
                cell("T5", "total", 2),
                List.of(cell("T6", "personnel-total", 1), cell("T6", "public-total", 1)));
        atLeast("T7-T6.actual", cell("T7", "1", 4), cell("T6", "30212", 1), "因公出国（境）费");
        atLeast("T7-T6.actual", cell("T7", "1", 8), cell("T6", "31013", 1), "公务用车购置费");
        atLeast("T7-T6.actual", cell("T7", "1", 10), cell("T6", "30231", 1), "公务用车运行维护费");
        atLeast("T7-T6.actual", cell("T7", "1", 12), cell("T6", "30217", 1), "公务接待费");
    }

    /**
     * 表2 ↔ 表3 where they share a source: with no 年初结转和结余 (表1 blank or 0) a 类/款/项 can spend only
     * what it received this year, so its income in 表2 is at least its spending in 表3.
     */
    private void incomeCoversSpending(CellAddress opening) {
        if (!printed.contains("T2") || !printed.contains("T3") || value(opening).signum() != 0) {
            return;
        }
        for (String row : rows("T3")) {
            CellAddress spent = cell("T3", row, 1);
            CellAddress received = cell("T2", row, 1);
            if (value(received).compareTo(value(spent)) < 0) {
                atLeastMessage(
                        "T2-T3.source",
                        received,
                        spent,
                        "表1 年初结转和结余为空（" + show(opening) + "），支出只能来自本年收入，表2 的收入应不少于表3 同一科目的支出");
            }
        }
    }

    /** 表4's column of one fund against the totals of that fund's own table (表8 or 表9). */
    private void fundColumn(
            String table, int column, int incomeLine, int openingLine, int spendingLine) {
        String rule = "T4-" + table + ".total";
        equal(rule, cell("T4", openingLine, 1), cell(table, "total", 1));
        equal(rule, cell("T4", incomeLine, 1), cell(table, "total", 2));
        equal(rule, cell("T4", spendingLine, column), cell(table, "total", 3));
        equal(rule, cell("T4", spendingLine + 1, column), cell(table, "total", 6));
    }

    private void equal(String rule, CellAddress left, CellAddress right) {
        sum(rule, left, List.of(right));
    }

    /**
     * {@code larger} includes {@code part}: the 三公 actual of 表7 covers 表6's basic spending on its
     * code.
     */
    private void atLeast(String rule, CellAddress larger, CellAddress part, String name) {
        atLeastMessage(
                rule,
                larger,
                part,
                "表7 的"
                        + name
                        + "决算数应包含表6 同一经济分类的基本支出。/ 表7 actual is below"
                        + " 表6 basic spending on the same code");
    }

    private void atLeastMessage(String rule, CellAddress larger, CellAddress part, String why) {
        if (!printed(larger, List.of(part))) {
            return;
        }
        BigDecimal difference = value(larger).subtract(value(part));
        if (difference.signum() >= 0) {
            return;
        }
        boolean tail = difference.abs().compareTo(TAIL) <= 0;
        findings.add(
                new ReportFinding(
                        !tail,
                        rule,
                        (tail ? "差 0.01，属尾差。" : "不符。")
                                + show(larger)
                                + " < "
                                + show(part)
                                + "，差 "
                                + difference.toPlainString()
                                + "："
                                + why));
    }

    private void signedSum(
            String rule, CellAddress total, List<CellAddress> plus, List<CellAddress> minus) {
        if (!printed(total, plus) || !printed(total, minus)) {
            return;
        }
        if (!figures.containsKey(total)
                && plus.stream().noneMatch(figures::containsKey)
                && minus.stream().noneMatch(figures::containsKey)) {
            return;
        }
        BigDecimal sum =
                plus.stream()
                        .map(this::value)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .subtract(
                                minus.stream()
                                        .map(this::value)
                                        .reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal difference = value(total).subtract(sum);
        if (difference.signum() == 0) {
            return;
        }
        StringBuilder message = new StringBuilder(show(total)).append(" ≠ ");
        for (int i = 0; i < plus.size(); i++) {
            message.append(i == 0 ? "" : " + ").append(show(plus.get(i)));
        }
        minus.forEach(cell -> message.append(" − ").append(show(cell)));
        message.append(" = ")
                .append(sum.toPlainString())
                .append("，差 ")
                .append(difference.toPlainString());
        boolean tail = difference.abs().compareTo(TAIL) <= 0;
        findings.add(new ReportFinding(!tail, rule, (tail ? "差 0.01，属尾差。" : "不符。") + message));
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

    /**
     * Each code row equals the sum of the rows one level below it; the total the sum of the 类 rows.
     */
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
                sum(
                        table + ".合计=各类之和",
                        cell(table, totalRow, column),
                        rows.stream()
                                .filter(row -> row.length() == 3)
                                .map(row -> cell(table, row, inColumn))
                                .toList());
            }
        }
    }

    private void sum(String rule, CellAddress total, List<CellAddress> parts) {
        if (!printed(total, parts)
                || !figures.containsKey(total) && parts.stream().noneMatch(figures::containsKey)) {
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
        message.append(parts.size() == 1 ? "" : " = " + sum.toPlainString())
                .append("，差 ")
                .append(difference.toPlainString());
        boolean tail = difference.abs().compareTo(TAIL) <= 0;
        findings.add(new ReportFinding(!tail, rule, (tail ? "差 0.01，属尾差。" : "不符。") + message));
    }

    private String show(CellAddress cell) {
        ReadFigure figure = figures.get(cell);
        return cell
                + " = "
                + (figure == null ? "空白" : figure.printed() + "（" + figure.source().where() + "）");
    }

    private BigDecimal value(CellAddress cell) {
        ReadFigure figure = figures.get(cell);
        return figure == null ? BigDecimal.ZERO : new BigDecimal(figure.printed());
    }

    private TreeSet<String> rows(String table) {
        TreeSet<String> rows = new TreeSet<>();
        figures.keySet().stream()
                .filter(cell -> cell.table().equals(table))
                .forEach(cell -> rows.add(cell.row()));
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
