package ledger.projections.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The column formulas that hold on every row of a table: 表2 1 = 2+…+7, 表3 1 = 2+…+6, 表5 and 表9 1 =
 * 2+3, 表8 6 = 1+2−3 and 3 = 4+5, and 表7's budget and actual subtotals.
 */
final class ColumnRules {

    private ColumnRules() {}

    /** The row formula of a code table (T2, T3, T5, T8, T9) on each of its rows present. */
    static void rowFormulas(RuleRecorder r, Figures figures, String table) {
        for (String row : sorted(table, figures)) {
            switch (table) {
                case "T2":
                    r.sum(
                            "T2.columns",
                            "本年收入合计 is columns 2–7",
                            cell(table, row, 1),
                            columns(table, row, 2, 7));
                    break;
                case "T3":
                    r.sum(
                            "T3.columns",
                            "本年支出合计 is columns 2–6",
                            cell(table, row, 1),
                            columns(table, row, 2, 6));
                    break;
                case "T8":
                    table8(r, row);
                    break;
                default:
                    r.sum(
                            table + ".columns",
                            "本年支出 is 基本支出 + 项目支出",
                            cell(table, row, 1),
                            columns(table, row, 2, 3));
            }
        }
    }

    private static void table8(RuleRecorder r, String row) {
        r.sum(
                "T8.closing-balance",
                "年末结转和结余 is opening + income − expenditure",
                cell("T8", row, 6),
                List.of(
                        Term.plus(cell("T8", row, 1)),
                        Term.plus(cell("T8", row, 2)),
                        Term.minus(cell("T8", row, 3))));
        r.sum(
                "T8.expenditure-columns",
                "本年支出 is 基本支出 + 项目支出",
                cell("T8", row, 3),
                columns("T8", row, 4, 5));
    }

    static void table7(RuleRecorder r) {
        r.sum(
                "T7.budget-total",
                "预算数 合计 is columns 2 + 3 + 6",
                cell("T7", "1", 1),
                List.of(
                        Term.plus(cell("T7", "1", 2)),
                        Term.plus(cell("T7", "1", 3)),
                        Term.plus(cell("T7", "1", 6))));
        r.sum(
                "T7.budget-vehicles",
                "预算数 公务用车购置及运行费 is columns 4 + 5",
                cell("T7", "1", 3),
                columns("T7", "1", 4, 5));
        r.sum(
                "T7.actual-total",
                "决算数 合计 is columns 8 + 9 + 12",
                cell("T7", "1", 7),
                List.of(
                        Term.plus(cell("T7", "1", 8)),
                        Term.plus(cell("T7", "1", 9)),
                        Term.plus(cell("T7", "1", 12))));
        r.sum(
                "T7.actual-vehicles",
                "决算数 公务用车购置及运行费 is columns 10 + 11",
                cell("T7", "1", 9),
                columns("T7", "1", 10, 11));
    }

    /** The rows present, in display order, so findings come out in the report's order. */
    static List<String> sorted(String table, Figures figures) {
        TreeSet<String> rows = new TreeSet<>((a, b) -> RowOrder.compare(table, a, b));
        rows.addAll(figures.rows(table));
        return new ArrayList<>(rows);
    }

    private static List<Term> columns(String table, String row, int first, int last) {
        List<Term> terms = new ArrayList<>(last - first + 1);
        for (int column = first; column <= last; column++) {
            terms.add(Term.plus(cell(table, row, column)));
        }
        return terms;
    }

    static CellAddress cell(String table, String row, int column) {
        return new CellAddress(table, row, column);
    }
}
