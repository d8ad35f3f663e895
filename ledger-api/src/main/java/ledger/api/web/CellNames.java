package ledger.api.web;

import ledger.projections.statement.CellAddress;
import ledger.projections.statement.StatementColumn;
import ledger.projections.statement.StatementRow;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTable;

/** A cell in words: {@code 表3 支出决算表 · 2010302 一般行政管理事务 · 第 3 栏 项目支出}. */
final class CellNames {

    private CellNames() {}

    static String table(StatementSet set, CellAddress cell) {
        StatementTable table = set.table(cell.table());
        return "表" + table.number() + " " + table.title();
    }

    static String row(StatementSet set, CellAddress cell) {
        StatementTable table = set.table(cell.table());
        String label =
                table.rows().stream()
                        .filter(row -> row.row().equals(cell.row()))
                        .findFirst()
                        .map(StatementRow::label)
                        .orElse("");
        if (cell.table().equals("T1") || cell.table().equals("T4")) {
            return "第 " + cell.row() + " 行 " + label;
        }
        if (cell.table().equals("T7")) {
            return label;
        }
        boolean code = cell.row().chars().allMatch(Character::isDigit);
        return code ? cell.row() + " " + label : label;
    }

    static String column(StatementSet set, CellAddress cell) {
        StatementTable table = set.table(cell.table());
        if (cell.column() > table.columns().size()) {
            return "第 " + cell.column() + " 栏";
        }
        StatementColumn column = table.columns().get(cell.column() - 1);
        return "第 " + cell.column() + " 栏 " + column.fullHeading();
    }

    static String full(StatementSet set, CellAddress cell) {
        return table(set, cell) + " · " + row(set, cell) + " · " + column(set, cell);
    }
}
