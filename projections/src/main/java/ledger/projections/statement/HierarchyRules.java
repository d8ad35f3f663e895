package ledger.projections.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The roll-up rules over the rows a table shows: each 类 is the sum of its 款 rows and each 款 of its
 * 项 rows, and 合计 of its 类 rows (表2, 表3, 表5, 表8, 表9); in 表6 each economic 类 is the sum of its 款,
 * 人员经费合计 is 301 + 303 and 公用经费合计 the other 类.
 */
final class HierarchyRules {

    private HierarchyRules() {}

    /** Every parent of a row present against its children present, in every column. */
    static void functional(RuleRecorder r, Figures figures, String table) {
        functional(r, figures, table, StatementTemplate.standard().table(table).columns().size());
    }

    /** As above, for a table of {@code columnCount} columns. */
    static void functional(RuleRecorder r, Figures figures, String table, int columnCount) {
        Map<String, List<String>> children = childrenByParent(ColumnRules.sorted(table, figures));
        for (Map.Entry<String, List<String>> family : children.entrySet()) {
            for (int column = 1; column <= columnCount; column++) {
                r.sum(
                        table + ".hierarchy",
                        describe(family.getKey()),
                        ColumnRules.cell(table, family.getKey(), column),
                        terms(table, family.getValue(), column));
            }
        }
    }

    static void table6(RuleRecorder r, Figures figures) {
        economic(r, figures, StatementTemplate.standard().table("T6"));
    }

    /**
     * 表6 (or a table like it): each economic 类 is the sum of its 款 rows, and each named total the
     * sum of its 类 — those it lists, or every other 类 present.
     */
    static void economic(RuleRecorder r, Figures figures, TableTemplate table) {
        String id = table.id();
        List<String> rows = ColumnRules.sorted(id, figures);
        Map<String, List<String>> children = childrenByParent(rows);
        children.remove(StatementRows.TOTAL);
        children.forEach(
                (lei, kuan) ->
                        r.sum(
                                id + ".hierarchy",
                                "economic 类 " + lei + " is the sum of its 款 rows",
                                ColumnRules.cell(id, lei, 1),
                                terms(id, kuan, 1)));
        List<String> listed = new ArrayList<>();
        table.totals()
                .forEach(
                        total -> {
                            if (total.lei() != null) {
                                listed.addAll(total.lei());
                            }
                        });
        for (TableTemplate.NamedTotal total : table.totals()) {
            if (total.lei() != null) {
                r.sum(
                        id + "." + total.key(),
                        total.label() + " is 类 " + String.join(" + ", total.lei()),
                        ColumnRules.cell(id, total.key(), 1),
                        terms(id, total.lei(), 1));
            } else {
                List<String> otherLei = new ArrayList<>();
                for (String row : rows) {
                    if (row.length() == 3
                            && row.chars().allMatch(Character::isDigit)
                            && !listed.contains(row)) {
                        otherLei.add(row);
                    }
                }
                r.sum(
                        id + "." + total.key(),
                        total.label()
                                + " is the economic 类 other than "
                                + String.join(" and ", listed),
                        ColumnRules.cell(id, total.key(), 1),
                        terms(id, otherLei, 1));
            }
        }
    }

    /**
     * Groups code rows under their parent code (a 5-digit code under its 3 first digits, a 7-digit
     * under its 5); 3-digit rows go under {@code total}. Named totals are left out.
     */
    private static Map<String, List<String>> childrenByParent(List<String> rows) {
        Map<String, List<String>> children = new TreeMap<>();
        for (String row : rows) {
            if (!row.chars().allMatch(Character::isDigit)) {
                continue;
            }
            String parent =
                    row.length() == 3 ? StatementRows.TOTAL : row.substring(0, row.length() - 2);
            children.computeIfAbsent(parent, key -> new ArrayList<>()).add(row);
        }
        return children;
    }

    private static String describe(String parent) {
        if (parent.equals(StatementRows.TOTAL)) {
            return "合计 is the sum of the 类 rows";
        }
        return (parent.length() == 3 ? "类 " : "款 ")
                + parent
                + " is the sum of its "
                + (parent.length() == 3 ? "款" : "项")
                + " rows";
    }

    private static List<Term> terms(String table, List<String> rows, int column) {
        List<Term> terms = new ArrayList<>(rows.size());
        rows.forEach(row -> terms.add(Term.plus(ColumnRules.cell(table, row, column))));
        return terms;
    }
}
