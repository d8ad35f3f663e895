package ledger.projections.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import ledger.core.classification.ClassificationCatalog;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.FunctionalCode;
import ledger.projections.statement.TableTemplate.Line;
import ledger.projections.statement.TableTemplate.NamedTotal;
import ledger.projections.statement.TableTemplate.Panel;

/**
 * The rows of each table in the report's order, with the report's labels, as the template lays them
 * out: the lines of 表1 and 表4, the code rows of the functional tables (合计 at the top or the bottom,
 * each 类, its 款, their 项 — only those with figures, and always their ancestors), 表6's economic
 * codes (every 款 of the 科目表, or the rows of each panel) with its totals, and 表7's single row.
 */
final class StatementRows {

    static final String TOTAL = "total";
    static final String PERSONNEL_TOTAL = "personnel-total";
    static final String PUBLIC_TOTAL = "public-total";

    private StatementRows() {}

    /**
     * The rows of a table.
     *
     * @param rowsWithFigures keys of the rows that have at least one non-zero cell
     */
    static List<StatementRow> rowsOf(
            TableTemplate table, Set<String> rowsWithFigures, ClassificationCatalog catalog) {
        switch (table.kind()) {
            case LINES:
                List<StatementRow> lines = new ArrayList<>(table.lines().size());
                for (Line line : table.lines()) {
                    lines.add(
                            new StatementRow(
                                    Integer.toString(line.number()), line.label(), line.level()));
                }
                return List.copyOf(lines);
            case FUNCTIONAL:
                return functionalRows(rowsWithFigures, catalog, table.totalAtBottom());
            case ECONOMIC:
                return economicRows(table, rowsWithFigures, catalog);
            default:
                return List.of(new StatementRow("1", table.rowLabel(), 0));
        }
    }

    private static List<StatementRow> functionalRows(
            Set<String> rowsWithFigures, ClassificationCatalog catalog, boolean totalAtBottom) {
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
        StatementRow total = new StatementRow(TOTAL, "合计", 0);
        if (!totalAtBottom) {
            rows.add(total);
        }
        for (String code : codes) {
            rows.add(new StatementRow(code, functionalName(code, catalog), levelOfCode(code)));
        }
        if (totalAtBottom) {
            rows.add(total);
        }
        return List.copyOf(rows);
    }

    private static String functionalName(String code, ClassificationCatalog catalog) {
        FunctionalCode functional = FunctionalCode.of(code);
        return catalog.functionalName(functional).orElse("");
    }

    private static List<StatementRow> economicRows(
            TableTemplate table, Set<String> rowsWithFigures, ClassificationCatalog catalog) {
        TreeSet<String> withFigures = new TreeSet<>();
        for (String row : rowsWithFigures) {
            if (isCode(row)) {
                withFigures.add(row);
                withFigures.add(EconomicCode.of(row).lei().code());
            }
        }
        List<StatementRow> rows = new ArrayList<>();
        if (table.panels().isEmpty()) {
            TreeSet<String> codes = new TreeSet<>(withFigures);
            if (table.printsCatalogRows()) {
                codes.addAll(catalog.economicCodes().keySet());
            }
            codes.forEach(code -> rows.add(economicRow(code, catalog)));
            table.totals().forEach(total -> rows.add(totalRow(total)));
            return List.copyOf(rows);
        }
        Set<String> placed = new TreeSet<>();
        for (Panel panel : table.panels()) {
            TreeSet<String> codes = new TreeSet<>(panel.rows());
            for (String code : withFigures) {
                if (panel.rows().contains(code.substring(0, 3))) {
                    codes.add(code);
                }
            }
            codes.forEach(code -> rows.add(economicRow(code, catalog)));
            placed.addAll(codes);
            table.totals().stream()
                    .filter(total -> total.key().equals(panel.total()))
                    .forEach(total -> rows.add(totalRow(total)));
        }
        for (String code : withFigures) {
            if (!placed.contains(code)) {
                rows.add(economicRow(code, catalog));
            }
        }
        return List.copyOf(rows);
    }

    private static boolean isCode(String row) {
        return row.chars().allMatch(Character::isDigit);
    }

    private static StatementRow economicRow(String code, ClassificationCatalog catalog) {
        String name = catalog.economicName(EconomicCode.of(code)).orElse("");
        return new StatementRow(code, name, levelOfCode(code));
    }

    private static StatementRow totalRow(NamedTotal total) {
        return new StatementRow(total.key(), total.label(), 0);
    }

    /** 类 (3 digits) 1, 款 (5) 2, 项 (7) 3. */
    private static int levelOfCode(String code) {
        return (code.length() - 1) / 2;
    }
}
