package ledger.projections.statement;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statement set as its template lays it out, in plain text: each table under its title (with （表
 * N）, 行次 and 栏次 where the template prints them, as 2020 does; without, as 2024 does), 部门 and 单位：万元,
 * Chinese column headings, codes and names, amounts with thousands separators and two decimals,
 * blank where zero; 合计 where the template puts it. 表1 and 表4 are printed two-sided (income beside
 * expenditure) as in the report. For terminals and plain-text exports.
 */
public final class StatementText {

    private StatementText() {}

    public static String render(StatementSet set) {
        List<String> tables = new ArrayList<>();
        for (StatementTable table : set.tables()) {
            tables.add(render(set, table));
        }
        return String.join("\n", tables);
    }

    /** One table with its title and heading lines. */
    public static String render(StatementSet set, StatementTable table) {
        boolean numbers = set.template().printsNumbers();
        String heading =
                set.year()
                        + " 年度"
                        + table.title()
                        + (numbers ? "（表 " + table.number() + "）" : "")
                        + "\n"
                        + "部门："
                        + set.unitName()
                        + "    单位：万元"
                        + set.asOf().map(date -> "    截至 " + date).orElse("")
                        + "\n";
        TableTemplate layout = table.template();
        if (layout.kind() == TableTemplate.Kind.LINES) {
            return heading
                    + twoSided(
                            table,
                            layout.half(),
                            layout.incomeColumns(),
                            layout.expenditureColumns(),
                            numbers);
        }
        return heading + listed(table, numbers);
    }

    /** Rows keyed by code (or the single row of 表7): 科目编码, 科目名称, then the amounts. */
    private static String listed(StatementTable table, boolean numbers) {
        int amounts = table.columns().size();
        TextGrid grid = new TextGrid(alignment(2, amounts));
        boolean single = table.template().kind() == TableTemplate.Kind.SINGLE;
        List<String> headings =
                new ArrayList<>(single ? List.of("", "项目") : List.of("科目编码", "科目名称"));
        List<String> columnNumbers = new ArrayList<>(List.of("", "栏次"));
        for (StatementColumn column : table.columns()) {
            headings.add(column.fullHeading());
            columnNumbers.add(Integer.toString(column.number()));
        }
        grid.add(headings.toArray(String[]::new));
        if (numbers) {
            grid.add(columnNumbers.toArray(String[]::new));
        }
        for (StatementRow row : table.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.isCode() ? row.row() : "");
            cells.add(row.label());
            for (StatementColumn column : table.columns()) {
                cells.add(amount(table, row.row(), column.number()));
            }
            grid.add(cells.toArray(String[]::new));
        }
        return grid.render();
    }

    /** 表1 / 表4: line i of income beside line i + half of expenditure. */
    private static String twoSided(
            StatementTable table,
            int half,
            List<Integer> incomeColumns,
            List<Integer> expenditureColumns,
            boolean numbers) {
        int labels = numbers ? 2 : 1;
        int left = labels + incomeColumns.size();
        TextGrid grid =
                new TextGrid(
                        concat(
                                alignment(labels, incomeColumns.size()),
                                alignment(labels, expenditureColumns.size())));
        grid.add(headings(table, "收入", incomeColumns, "支出", expenditureColumns, false, numbers));
        if (numbers) {
            grid.add(headings(table, "收入", incomeColumns, "支出", expenditureColumns, true, true));
        }
        for (int line = 1; line <= half; line++) {
            String[] cells = new String[left + labels + expenditureColumns.size()];
            fillSide(table, cells, 0, line, incomeColumns, numbers);
            fillSide(table, cells, left, line + half, expenditureColumns, numbers);
            grid.add(cells);
        }
        return grid.render();
    }

    private static String[] headings(
            StatementTable table,
            String income,
            List<Integer> incomeColumns,
            String expenditure,
            List<Integer> expenditureColumns,
            boolean numbers,
            boolean lineColumn) {
        List<String> cells = new ArrayList<>();
        cells.add(numbers ? "栏次" : "项目（" + income + "）");
        if (lineColumn) {
            cells.add(numbers ? "" : "行次");
        }
        incomeColumns.forEach(c -> cells.add(numbers ? c.toString() : headingOf(table, c)));
        cells.add(numbers ? "栏次" : "项目（" + expenditure + "）");
        if (lineColumn) {
            cells.add(numbers ? "" : "行次");
        }
        expenditureColumns.forEach(c -> cells.add(numbers ? c.toString() : headingOf(table, c)));
        return cells.toArray(String[]::new);
    }

    private static String headingOf(StatementTable table, int column) {
        return table.columns().get(column - 1).heading();
    }

    private static void fillSide(
            StatementTable table,
            String[] cells,
            int start,
            int line,
            List<Integer> columns,
            boolean numbers) {
        String row = Integer.toString(line);
        cells[start] =
                table.rows().stream()
                        .filter(r -> r.row().equals(row))
                        .findFirst()
                        .map(r -> "  ".repeat(r.level()) + r.label())
                        .orElse("");
        int first = start + 1;
        if (numbers) {
            cells[first++] = row;
        }
        for (int i = 0; i < columns.size(); i++) {
            cells[first + i] = amount(table, row, columns.get(i));
        }
    }

    /** Thousands separators and two decimals; blank for a cell that prints as zero. */
    static String amount(StatementTable table, String row, int column) {
        BigDecimal value = table.value(row, column).toWanYuan();
        if (value.signum() == 0) {
            return "";
        }
        DecimalFormat format =
                new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }

    private static boolean[] alignment(int textColumns, int amountColumns) {
        boolean[] right = new boolean[textColumns + amountColumns];
        for (int i = textColumns; i < right.length; i++) {
            right[i] = true;
        }
        return right;
    }

    private static boolean[] concat(boolean[] first, boolean[] second) {
        boolean[] all = new boolean[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
