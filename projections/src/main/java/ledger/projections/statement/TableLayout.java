package ledger.projections.statement;

import java.util.List;
import java.util.Optional;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.FunctionalCode;

/**
 * The nine tables of the 部门决算 as the 2020 report lays them out: title, columns and what a row
 * key may be. One place for the layout so that the engine, the JSON, the text rendering and the
 * published-figures parser all agree on which cells exist.
 */
public enum TableLayout {
    T1(1, "收入支出决算总表", RowKind.LINES, 60, List.of(
            new StatementColumn(1, "金额", "收入"),
            new StatementColumn(2, "金额", "支出"))),
    T2(2, "收入决算表", RowKind.FUNCTIONAL, 0, List.of(
            StatementColumn.of(1, "本年收入合计"),
            StatementColumn.of(2, "财政拨款收入"),
            StatementColumn.of(3, "上级补助收入"),
            StatementColumn.of(4, "事业收入"),
            StatementColumn.of(5, "经营收入"),
            StatementColumn.of(6, "附属单位上缴收入"),
            StatementColumn.of(7, "其他收入"))),
    T3(3, "支出决算表", RowKind.FUNCTIONAL, 0, List.of(
            StatementColumn.of(1, "本年支出合计"),
            StatementColumn.of(2, "基本支出"),
            StatementColumn.of(3, "项目支出"),
            StatementColumn.of(4, "上缴上级支出"),
            StatementColumn.of(5, "经营支出"),
            StatementColumn.of(6, "对附属单位补助支出"))),
    T4(4, "财政拨款收入支出决算总表", RowKind.LINES, 64, List.of(
            new StatementColumn(1, "金额", "收入"),
            new StatementColumn(2, "合计", "支出"),
            new StatementColumn(3, "一般公共预算财政拨款", "支出"),
            new StatementColumn(4, "政府性基金预算财政拨款", "支出"),
            new StatementColumn(5, "国有资本经营预算财政拨款", "支出"))),
    T5(5, "一般公共预算财政拨款支出决算表", RowKind.FUNCTIONAL, 0, List.of(
            new StatementColumn(1, "小计", "本年支出"),
            new StatementColumn(2, "基本支出", "本年支出"),
            new StatementColumn(3, "项目支出", "本年支出"))),
    T6(6, "一般公共预算财政拨款基本支出决算表", RowKind.ECONOMIC, 0, List.of(
            StatementColumn.of(1, "决算数"))),
    T7(7, "一般公共预算财政拨款“三公”经费支出决算表", RowKind.SINGLE, 1, List.of(
            new StatementColumn(1, "合计", "预算数"),
            new StatementColumn(2, "因公出国（境）费", "预算数"),
            new StatementColumn(3, "公务用车购置及运行费 小计", "预算数"),
            new StatementColumn(4, "公务用车购置费", "预算数"),
            new StatementColumn(5, "公务用车运行费", "预算数"),
            new StatementColumn(6, "公务接待费", "预算数"),
            new StatementColumn(7, "合计", "决算数"),
            new StatementColumn(8, "因公出国（境）费", "决算数"),
            new StatementColumn(9, "公务用车购置及运行费 小计", "决算数"),
            new StatementColumn(10, "公务用车购置费", "决算数"),
            new StatementColumn(11, "公务用车运行费", "决算数"),
            new StatementColumn(12, "公务接待费", "决算数"))),
    T8(8, "政府性基金预算财政拨款收入支出决算表", RowKind.FUNCTIONAL, 0, List.of(
            StatementColumn.of(1, "年初结转和结余"),
            StatementColumn.of(2, "本年收入"),
            new StatementColumn(3, "小计", "本年支出"),
            new StatementColumn(4, "基本支出", "本年支出"),
            new StatementColumn(5, "项目支出", "本年支出"),
            StatementColumn.of(6, "年末结转和结余"))),
    T9(9, "国有资本经营预算财政拨款支出决算表", RowKind.FUNCTIONAL, 0, List.of(
            new StatementColumn(1, "合计", "本年支出"),
            new StatementColumn(2, "基本支出", "本年支出"),
            new StatementColumn(3, "项目支出", "本年支出")));

    /** What a row key of a table is. */
    enum RowKind { LINES, FUNCTIONAL, ECONOMIC, SINGLE }

    private final int number;
    private final String title;
    private final RowKind rowKind;
    private final int lineCount;
    private final List<StatementColumn> columns;

    TableLayout(int number, String title, RowKind rowKind, int lineCount,
            List<StatementColumn> columns) {
        this.number = number;
        this.title = title;
        this.rowKind = rowKind;
        this.lineCount = lineCount;
        this.columns = columns;
    }

    public String id() {
        return name();
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    public List<StatementColumn> columns() {
        return columns;
    }

    /** The cells of this table that the reports name ({@link NamedCell}), where this layout puts them. */
    public List<NamedCell> namedCells() {
        return NamedCell.of(this);
    }

    RowKind rowKind() {
        return rowKind;
    }

    int lineCount() {
        return lineCount;
    }

    /** @throws IllegalArgumentException for anything but T1 … T9 */
    public static TableLayout of(String id) {
        for (TableLayout layout : values()) {
            if (layout.name().equals(id)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("no table " + id + " (tables are T1 … T9)");
    }

    /** Why the address names no cell of this layout, or empty when it does. */
    public static Optional<String> problemWith(CellAddress cell) {
        TableLayout layout = of(cell.table());
        Optional<String> rowProblem = layout.rowProblem(cell.row());
        if (rowProblem.isPresent()) {
            return rowProblem;
        }
        if (!layout.hasColumn(cell.row(), cell.column())) {
            return Optional.of(cell.table() + " row " + cell.row() + " has no column "
                    + cell.column() + " (" + layout.columnRange(cell.row()) + ")");
        }
        return Optional.empty();
    }

    private Optional<String> rowProblem(String row) {
        switch (rowKind) {
            case LINES:
                return isLine(row) ? Optional.empty() : Optional.of(
                        name() + " rows are lines 1–" + lineCount + ", got: " + row);
            case SINGLE:
                return row.equals("1") ? Optional.empty()
                        : Optional.of(name() + " has the single row 1, got: " + row);
            case FUNCTIONAL:
                return row.equals(StatementRows.TOTAL) ? Optional.empty() : codeProblem(row, true);
            default:
                return row.equals(StatementRows.PERSONNEL_TOTAL)
                        || row.equals(StatementRows.PUBLIC_TOTAL)
                        ? Optional.empty() : codeProblem(row, false);
        }
    }

    private boolean isLine(String row) {
        if (row.isEmpty() || row.length() > 2 || row.charAt(0) == '0'
                || !row.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int line = Integer.parseInt(row);
        return line >= 1 && line <= lineCount;
    }

    private Optional<String> codeProblem(String row, boolean functional) {
        try {
            if (functional) {
                FunctionalCode.of(row);
            } else {
                EconomicCode.of(row);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(name() + " row: " + e.getMessage());
        }
    }

    /** 表1/表4: income lines (first half) have column 1, expenditure lines the others. */
    private boolean hasColumn(String row, int column) {
        if (rowKind != RowKind.LINES) {
            return column >= 1 && column <= columns.size();
        }
        boolean income = Integer.parseInt(row) <= lineCount / 2;
        return income ? column == 1 : column >= 2 && column <= columns.size();
    }

    private String columnRange(String row) {
        if (rowKind == RowKind.LINES) {
            boolean income = Integer.parseInt(row) <= lineCount / 2;
            return income ? "income lines have column 1"
                    : "expenditure lines have columns 2–" + columns.size();
        }
        return "columns are 1–" + columns.size();
    }
}
