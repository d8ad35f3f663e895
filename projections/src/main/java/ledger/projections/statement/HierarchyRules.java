package ledger.projections.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The roll-up rules over the rows a table shows: each 类 is the sum of its 款 rows and each 款 of
 * its 项 rows, and 合计 of its 类 rows (表2, 表3, 表5, 表8, 表9); in 表6 each economic 类 is the
 * sum of its 款, 人员经费合计 is 301 + 303 and 公用经费合计 the other 类.
 */
final class HierarchyRules {

    private HierarchyRules() {
    }

    /** Every parent of a row present against its children present, in every column. */
    static void functional(RuleRecorder r, Figures figures, String table) {
        Map<String, List<String>> children = childrenByParent(ColumnRules.sorted(table, figures));
        int columnCount = TableLayout.of(table).columns().size();
        for (Map.Entry<String, List<String>> family : children.entrySet()) {
            for (int column = 1; column <= columnCount; column++) {
                r.sum(table + ".hierarchy", describe(family.getKey()),
                        ColumnRules.cell(table, family.getKey(), column),
                        terms(table, family.getValue(), column));
            }
        }
    }

    static void table6(RuleRecorder r, Figures figures) {
        List<String> rows = ColumnRules.sorted("T6", figures);
        Map<String, List<String>> children = childrenByParent(rows);
        children.remove(StatementRows.TOTAL);
        children.forEach((lei, kuan) -> r.sum("T6.hierarchy", "economic 类 " + lei
                + " is the sum of its 款 rows", ColumnRules.cell("T6", lei, 1),
                terms("T6", kuan, 1)));
        r.sum("T6.personnel-total", "人员经费合计 is 类 301 + 303",
                ColumnRules.cell("T6", StatementRows.PERSONNEL_TOTAL, 1),
                terms("T6", List.of("301", "303"), 1));
        List<String> otherLei = new ArrayList<>();
        for (String row : rows) {
            if (row.length() == 3 && !row.equals("301") && !row.equals("303")) {
                otherLei.add(row);
            }
        }
        r.sum("T6.public-total", "公用经费合计 is the economic 类 other than 301 and 303",
                ColumnRules.cell("T6", StatementRows.PUBLIC_TOTAL, 1), terms("T6", otherLei, 1));
    }

    /**
     * Groups code rows under their parent code (a 5-digit code under its 3 first digits, a
     * 7-digit under its 5); 3-digit rows go under {@code total}. Named totals are left out.
     */
    private static Map<String, List<String>> childrenByParent(List<String> rows) {
        Map<String, List<String>> children = new TreeMap<>();
        for (String row : rows) {
            if (!row.chars().allMatch(Character::isDigit)) {
                continue;
            }
            String parent = row.length() == 3 ? StatementRows.TOTAL
                    : row.substring(0, row.length() - 2);
            children.computeIfAbsent(parent, key -> new ArrayList<>()).add(row);
        }
        return children;
    }

    private static String describe(String parent) {
        if (parent.equals(StatementRows.TOTAL)) {
            return "合计 is the sum of the 类 rows";
        }
        return (parent.length() == 3 ? "类 " : "款 ") + parent + " is the sum of its "
                + (parent.length() == 3 ? "款" : "项") + " rows";
    }

    private static List<Term> terms(String table, List<String> rows, int column) {
        List<Term> terms = new ArrayList<>(rows.size());
        rows.forEach(row -> terms.add(Term.plus(ColumnRules.cell(table, row, column))));
        return terms;
    }
}
