package ledger.projections.statement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FunctionalCode;

/**
 * One table of a {@link StatementTemplate}, as read from the template file: its title, columns and
 * rows, what each cell sums, and the notes printed under it. Built only by the template reader,
 * which has checked it; the engine, the rules, the text and the workbook ask it where things are.
 */
public final class TableTemplate {

    /** What a row key of a table is. */
    public enum Kind {
        /** 表1/表4: numbered lines, income beside expenditure. */
        LINES,
        /** rows by 功能分类 (类/款/项) and 合计. */
        FUNCTIONAL,
        /** 表6: rows by 经济分类 (类/款) and named totals. */
        ECONOMIC,
        /** 表7: a single row {@code 1}. */
        SINGLE
    }

    /**
     * A line of 表1/表4. Numbered by position: the income side 1…k from the top over every grid line,
     * the expenditure side k+1…2k on the same grid lines.
     *
     * @param terms what the line sums before the column narrows it; {@code null} for a line that
     *     prints no figure (a blank grid cell, or a line the template keeps blank)
     */
    public record Line(
            int number,
            String key,
            String label,
            int level,
            boolean income,
            String lei,
            List<TemplateTerm> terms) {}

    /** A named total row of 表6 (人员经费合计): the natures it sums and the 类 rule that checks it. */
    public record NamedTotal(
            String key, String label, Set<ExpenditureNature> natures, List<String> lei) {}

    /** A panel of 表6 as printed side by side: its rows in order, closed by a named total. */
    public record Panel(List<String> rows, String total) {}

    final String id;
    final String title;
    final Kind kind;
    final List<StatementColumn> columns;
    final List<String> notes;
    final List<List<TemplateTerm>> columnTerms;
    final List<Line> lines;
    final int half;
    final List<Integer> incomeColumns;
    final List<Integer> expenditureColumns;
    final Map<Integer, Set<ledger.core.classification.FundSource>> columnFunds;
    final Map<String, Integer> lineByKey;
    final List<Integer> incomeLabelled;
    final Map<String, Integer> lineByLei;
    final List<NamedTotal> totals;
    final boolean printedFromCatalog;
    final List<Panel> panels;
    final boolean totalAtBottom;
    final String rowLabel;

    TableTemplate(
            String id,
            String title,
            Kind kind,
            List<StatementColumn> columns,
            List<String> notes,
            List<List<TemplateTerm>> columnTerms,
            List<Line> lines,
            List<Integer> incomeColumns,
            List<Integer> expenditureColumns,
            Map<Integer, Set<ledger.core.classification.FundSource>> columnFunds,
            List<Integer> incomeLabelled,
            List<NamedTotal> totals,
            boolean printedFromCatalog,
            List<Panel> panels,
            boolean totalAtBottom,
            String rowLabel) {
        this.id = id;
        this.title = title;
        this.kind = kind;
        this.columns = List.copyOf(columns);
        this.notes = List.copyOf(notes);
        this.columnTerms = columnTerms;
        this.lines = List.copyOf(lines);
        this.half = lines.size() / 2;
        this.incomeColumns = List.copyOf(incomeColumns);
        this.expenditureColumns = List.copyOf(expenditureColumns);
        this.columnFunds = columnFunds;
        Map<String, Integer> byKey = new LinkedHashMap<>();
        Map<String, Integer> byLei = new LinkedHashMap<>();
        for (Line line : lines) {
            if (line.key() != null) {
                byKey.put(line.key(), line.number());
            }
            if (line.lei() != null) {
                byLei.put(line.lei(), line.number());
            }
        }
        this.lineByKey = byKey;
        this.lineByLei = byLei;
        this.incomeLabelled = List.copyOf(incomeLabelled);
        this.totals = List.copyOf(totals);
        this.printedFromCatalog = printedFromCatalog;
        this.panels = List.copyOf(panels);
        this.totalAtBottom = totalAtBottom;
        this.rowLabel = rowLabel;
    }

    /** {@code T1} … {@code T9}. */
    public String id() {
        return id;
    }

    /** The table's number in the report: 3 for 表3. */
    public int number() {
        return id.charAt(1) - '0';
    }

    public String title() {
        return title;
    }

    public Kind kind() {
        return kind;
    }

    public List<StatementColumn> columns() {
        return columns;
    }

    /** The 注 lines printed under the table (with its formulas where the template prints them). */
    public List<String> notes() {
        return notes;
    }

    /** 表1/表4: every line in number order, income side first; empty for other tables. */
    public List<Line> lines() {
        return lines;
    }

    /** 表1/表4: the number of grid lines (k): line i of income sits beside line i + k. */
    public int half() {
        return half;
    }

    public List<Integer> incomeColumns() {
        return incomeColumns;
    }

    public List<Integer> expenditureColumns() {
        return expenditureColumns;
    }

    /** 合计 printed after the last row instead of before the first (2024 表5). */
    public boolean totalAtBottom() {
        return totalAtBottom;
    }

    /** 表6's panels as printed side by side; empty when it prints one list. */
    public List<Panel> panels() {
        return panels;
    }

    public List<NamedTotal> totals() {
        return totals;
    }

    /** 表6 prints every 经济分类 款 of the year's 科目表 (the 2020 layout). */
    public boolean printsCatalogRows() {
        return printedFromCatalog;
    }

    /** 表7's label of its single row. */
    public String rowLabel() {
        return rowLabel;
    }

    /** The line number of a line key ({@code income-total}), or empty. */
    public Optional<Integer> line(String key) {
        return Optional.ofNullable(lineByKey.get(key));
    }

    /** The 类 line of a functional 类 code, or empty. */
    public Optional<Integer> leiLine(String lei) {
        return Optional.ofNullable(lineByLei.get(lei));
    }

    /** Why the row and column name no cell of this table, or empty when they do. */
    Optional<String> problemWith(String row, int column) {
        Optional<String> rowProblem = rowProblem(row);
        if (rowProblem.isPresent()) {
            return rowProblem;
        }
        if (!hasColumn(row, column)) {
            return Optional.of(
                    id
                            + " row "
                            + row
                            + " has no column "
                            + column
                            + " ("
                            + columnRange(row)
                            + ")");
        }
        return Optional.empty();
    }

    private Optional<String> rowProblem(String row) {
        switch (kind) {
            case LINES:
                return isLine(row)
                        ? Optional.empty()
                        : Optional.of(id + " rows are lines 1–" + lines.size() + ", got: " + row);
            case SINGLE:
                return row.equals("1")
                        ? Optional.empty()
                        : Optional.of(id + " has the single row 1, got: " + row);
            case FUNCTIONAL:
                return row.equals(StatementRows.TOTAL) ? Optional.empty() : codeProblem(row, true);
            default:
                return totals.stream().anyMatch(total -> total.key().equals(row))
                        ? Optional.empty()
                        : codeProblem(row, false);
        }
    }

    private boolean isLine(String row) {
        if (row.isEmpty()
                || row.length() > 3
                || row.charAt(0) == '0'
                || !row.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int line = Integer.parseInt(row);
        return line >= 1 && line <= lines.size();
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
            return Optional.of(id + " row: " + e.getMessage());
        }
    }

    private boolean hasColumn(String row, int column) {
        if (kind != Kind.LINES) {
            return column >= 1 && column <= columns.size();
        }
        boolean income = Integer.parseInt(row) <= half;
        return (income ? incomeColumns : expenditureColumns).contains(column);
    }

    private String columnRange(String row) {
        if (kind == Kind.LINES) {
            boolean income = Integer.parseInt(row) <= half;
            List<Integer> side = income ? incomeColumns : expenditureColumns;
            String range =
                    side.size() == 1
                            ? "column " + side.get(0)
                            : "columns " + side.get(0) + "–" + side.get(side.size() - 1);
            return (income ? "income lines have " : "expenditure lines have ") + range;
        }
        return "columns are 1–" + columns.size();
    }
}
