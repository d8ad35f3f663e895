package ledger.projections.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import ledger.core.classification.ClassificationCatalog;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.FunctionalCode;

/**
 * The rows of each table in the report's order, with the report's labels: the fixed lines of 表1
 * and 表4, the code rows of the functional tables (合计, then each 类, its 款, their 项 — only
 * those with figures, and always their ancestors), 表6's economic codes with its two totals, and
 * 表7's single row.
 */
final class StatementRows {

    static final String TOTAL = "total";
    static final String PERSONNEL_TOTAL = "personnel-total";
    static final String PUBLIC_TOTAL = "public-total";

    private static final List<String> T1_INCOME = List.of(
            "一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入",
            "三、国有资本经营预算财政拨款收入", "四、上级补助收入", "五、事业收入", "六、经营收入",
            "七、附属单位上缴收入", "八、其他收入");
    private static final List<String> T4_INCOME = List.of(
            "一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营财政拨款");
    private static final List<String> FISCAL_SOURCES = List.of(
            "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款");

    private StatementRows() {
    }

    /**
     * The rows of a table.
     *
     * @param rowsWithFigures keys of the rows that have at least one non-zero cell
     */
    static List<StatementRow> rowsOf(TableLayout layout, Set<String> rowsWithFigures,
            ClassificationCatalog catalog) {
        switch (layout.rowKind()) {
            case LINES:
                return layout == TableLayout.T1 ? table1Lines() : table4Lines();
            case FUNCTIONAL:
                return functionalRows(rowsWithFigures, catalog);
            case ECONOMIC:
                return economicRows(rowsWithFigures, catalog);
            default:
                return List.of(new StatementRow("1", "“三公”经费", 0));
        }
    }

    private static List<StatementRow> table1Lines() {
        List<StatementRow> rows = new ArrayList<>(60);
        for (int line = 1; line <= 26; line++) {
            rows.add(line(line, line <= T1_INCOME.size() ? T1_INCOME.get(line - 1) : "", 0));
        }
        rows.add(line(27, "本年收入合计", 0));
        rows.add(line(28, "使用非财政拨款结余", 0));
        rows.add(line(29, "年初结转和结余", 0));
        rows.add(line(30, "总计", 0));
        addLeiLines(rows, 31);
        rows.add(line(57, "本年支出合计", 0));
        rows.add(line(58, "结余分配", 0));
        rows.add(line(59, "年末结转和结余", 0));
        rows.add(line(60, "总计", 0));
        return List.copyOf(rows);
    }

    private static List<StatementRow> table4Lines() {
        List<StatementRow> rows = new ArrayList<>(64);
        for (int line = 1; line <= 26; line++) {
            rows.add(line(line, line <= T4_INCOME.size() ? T4_INCOME.get(line - 1) : "", 0));
        }
        rows.add(line(27, "本年收入合计", 0));
        rows.add(line(28, "年初财政拨款结转和结余", 0));
        addFiscalSourceLines(rows, 29);
        rows.add(line(32, "总计", 0));
        addLeiLines(rows, 33);
        rows.add(line(59, "本年支出合计", 0));
        rows.add(line(60, "年末财政拨款结转和结余", 0));
        addFiscalSourceLines(rows, 61);
        rows.add(line(64, "总计", 0));
        return List.copyOf(rows);
    }

    private static void addLeiLines(List<StatementRow> rows, int firstLine) {
        for (int index = 0; index < LeiLines.COUNT; index++) {
            rows.add(line(firstLine + index, LeiLines.numberedName(index), 0));
        }
    }

    private static void addFiscalSourceLines(List<StatementRow> rows, int firstLine) {
        for (int index = 0; index < FISCAL_SOURCES.size(); index++) {
            rows.add(line(firstLine + index, FISCAL_SOURCES.get(index), 1));
        }
    }

    private static StatementRow line(int line, String label, int level) {
        return new StatementRow(Integer.toString(line), label, level);
    }

    private static List<StatementRow> functionalRows(Set<String> rowsWithFigures,
            ClassificationCatalog catalog) {
        TreeSet<String> codes = new TreeSet<>();
        for (String row : rowsWithFigures) {
            if (!row.equals(TOTAL)) {
                FunctionalCode code = FunctionalCode.of(row);
                codes.add(code.code());
                code.parent().ifPresent(parent -> codes.add(parent.code()));
                codes.add(code.lei().code());
            }
        }
        List<StatementRow> rows = new ArrayList<>(codes.size() + 1);
        rows.add(new StatementRow(TOTAL, "合计", 0));
        for (String code : codes) {
            rows.add(new StatementRow(code, functionalName(code, catalog), levelOfCode(code)));
        }
        return List.copyOf(rows);
    }

    private static String functionalName(String code, ClassificationCatalog catalog) {
        FunctionalCode functional = FunctionalCode.of(code);
        return catalog.functionalName(functional).orElse("");
    }

    private static List<StatementRow> economicRows(Set<String> rowsWithFigures,
            ClassificationCatalog catalog) {
        TreeSet<String> codes = new TreeSet<>(catalog.economicCodes().keySet());
        for (String row : rowsWithFigures) {
            if (!row.equals(PERSONNEL_TOTAL) && !row.equals(PUBLIC_TOTAL)) {
                codes.add(row);
                codes.add(EconomicCode.of(row).lei().code());
            }
        }
        List<StatementRow> rows = new ArrayList<>(codes.size() + 2);
        for (String code : codes) {
            String name = catalog.economicName(EconomicCode.of(code)).orElse("");
            rows.add(new StatementRow(code, name, levelOfCode(code)));
        }
        rows.add(new StatementRow(PERSONNEL_TOTAL, "人员经费合计", 0));
        rows.add(new StatementRow(PUBLIC_TOTAL, "公用经费合计", 0));
        return List.copyOf(rows);
    }

    /** 类 (3 digits) 1, 款 (5) 2, 项 (7) 3. */
    private static int levelOfCode(String code) {
        return (code.length() - 1) / 2;
    }
}
