package ledger.projections.statement;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statement set as the published report lays it out, in plain text: each table under its
 * title with （表 N）, 部门 and 单位：万元, Chinese column headings with their 栏次, codes and names,
 * amounts with thousands separators and two decimals, blank where zero. 表1 and 表4 are printed
 * two-sided (income beside expenditure) as in the report. For terminals and plain-text exports.
 */
public final class StatementText {

    private StatementText() {
    }

    public static String render(StatementSet set) {
        List<String> tables = new ArrayList<>();
        for (StatementTable table : set.tables()) {
            tables.add(render(set, table));
        }
        return String.join("\n", tables);
    }

    /** One table with its title and heading lines. */
    public static String render(StatementSet set, StatementTable table) {
        String heading = set.year() + " 年度" + table.title() + "（表 " + table.number() + "）\n"
                + "部门：" + set.unitName() + "    单位：万元"
                + set.asOf().map(date -> "    截至 " + date).orElse("") + "\n";
        switch (table.id()) {
            case "T1":
                return heading + twoSided(table, 30, List.of(1), List.of(2));
            case "T4":
                return heading + twoSided(table, 32, List.of(1), List.of(2, 3, 4, 5));
            default:
                return heading + listed(table);
        }
    }

    /** Rows keyed by code (or the single row of 表7): 科目编码, 科目名称, then the amounts. */
    private static String listed(StatementTable table) {
        int amounts = table.columns().size();
        TextGrid grid = new TextGrid(alignment(2, amounts));
        boolean single = table.layout() == TableLayout.T7;
        List<String> headings = new ArrayList<>(single ? List.of("", "项目")
                : List.of("科目编码", "科目名称"));
        List<String> numbers = new ArrayList<>(List.of("", "栏次"));
        for (StatementColumn column : table.columns()) {
            headings.add(column.fullHeading());
            numbers.add(Integer.toString(column.number()));
        }
        grid.add(headings.toArray(String[]::new));
        grid.add(numbers.toArray(String[]::new));
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
    private static String twoSided(StatementTable table, int half, List<Integer> incomeColumns,
            List<Integer> expenditureColumns) {
        int left = 2 + incomeColumns.size();
        TextGrid grid = new TextGrid(concat(alignment(2, incomeColumns.size()),
                alignment(2, expenditureColumns.size())));
        grid.add(headings(table, "收入", incomeColumns, "支出", expenditureColumns, false));
        grid.add(headings(table, "收入", incomeColumns, "支出", expenditureColumns, true));
        for (int line = 1; line <= half; line++) {
            String[] cells = new String[left + 2 + expenditureColumns.size()];
            fillSide(table, cells, 0, line, incomeColumns);
            fillSide(table, cells, left, line + half, expenditureColumns);
            grid.add(cells);
        }
        return grid.render();
    }

    private static String[] headings(StatementTable table, String income,
            List<Integer> incomeColumns, String expenditure, List<Integer> expenditureColumns,
            boolean numbers) {
        List<String> cells = new ArrayList<>();
        cells.add(numbers ? "栏次" : "项目（" + income + "）");
        cells.add(numbers ? "" : "行次");
        incomeColumns.forEach(c -> cells.add(numbers ? c.toString() : headingOf(table, c)));
        cells.add(numbers ? "栏次" : "项目（" + expenditure + "）");
        cells.add(numbers ? "" : "行次");
        expenditureColumns.forEach(c -> cells.add(numbers ? c.toString() : headingOf(table, c)));
        return cells.toArray(String[]::new);
    }

    private static String headingOf(StatementTable table, int column) {
        return table.columns().get(column - 1).heading();
    }

    private static void fillSide(StatementTable table, String[] cells, int start, int line,
            List<Integer> columns) {
        String row = Integer.toString(line);
        cells[start] = table.rows().stream().filter(r -> r.row().equals(row)).findFirst()
                .map(r -> "  ".repeat(r.level()) + r.label()).orElse("");
        cells[start + 1] = row;
        for (int i = 0; i < columns.size(); i++) {
            cells[start + 2 + i] = amount(table, row, columns.get(i));
        }
    }

    /** Thousands separators and two decimals; blank for a cell that prints as zero. */
    static String amount(StatementTable table, String row, int column) {
        BigDecimal value = table.value(row, column).toWanYuan();
        if (value.signum() == 0) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(
                Locale.ROOT));
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
