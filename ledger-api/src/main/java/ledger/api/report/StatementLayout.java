package ledger.api.report;

import java.util.ArrayList;
import java.util.List;
import ledger.api.report.LaidOutTable.BodyCell;
import ledger.api.report.LaidOutTable.BodyRow;
import ledger.api.report.LaidOutTable.HeadingCell;
import ledger.api.report.LaidOutTable.HeadingRow;
import ledger.core.classification.EconomicCode;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.StatementColumn;
import ledger.projections.statement.StatementRow;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTable;
import ledger.projections.statement.TableTemplate;

/**
 * Lays out 表1–表9 the way the statement set's template prints them: 表1 and 表4 two-sided (收入 beside
 * 支出, with 行次 and 栏次 where the template prints them), the functional tables with 科目编码/科目名称 and
 * grouped column headings (合计 where the template puts it), 表6 with 人员经费 beside 公用经费, 表7 with 预算数
 * beside 决算数 (2020: six and six; 2024: paired per item); each with the 注 and formulas the template
 * prints.
 */
public final class StatementLayout {

    private StatementLayout() {}

    /** Every table of the set, 表1 to 表9. */
    public static List<LaidOutTable> layOut(StatementSet set) {
        List<LaidOutTable> tables = new ArrayList<>();
        for (StatementTable table : set.tables()) {
            tables.add(layOut(set, table));
        }
        return tables;
    }

    public static LaidOutTable layOut(StatementSet set, StatementTable table) {
        boolean numbers = set.template().printsNumbers();
        String title =
                set.year() + " 年度" + table.title() + (numbers ? "（表 " + table.number() + "）" : "");
        TableTemplate layout = table.template();
        List<String> notes = layout.notes();
        switch (layout.kind()) {
            case LINES:
                return twoSided(
                        table,
                        title,
                        notes,
                        layout.half(),
                        layout.incomeColumns(),
                        layout.expenditureColumns(),
                        numbers);
            case ECONOMIC:
                return economic(table, title, notes);
            case SINGLE:
                return numbers
                        ? threePublicCosts(table, title, notes)
                        : pairedColumns(table, title, notes);
            default:
                return functional(table, title, notes, numbers);
        }
    }

    /** 表1 / 表4: line i of income beside line i + half of expenditure. */
    private static LaidOutTable twoSided(
            StatementTable table,
            String title,
            List<String> notes,
            int half,
            List<Integer> incomeColumns,
            List<Integer> expenditureColumns,
            boolean numbered) {
        int labels = numbered ? 2 : 1;
        int left = labels + incomeColumns.size();
        int right = labels + expenditureColumns.size();
        List<HeadingRow> heading = new ArrayList<>();
        heading.add(
                new HeadingRow(
                        List.of(
                                HeadingCell.spanning("收入", left, 1),
                                HeadingCell.spanning("支出", right, 1))));
        List<HeadingCell> names = new ArrayList<>();
        names.add(HeadingCell.of("项目"));
        if (numbered) {
            names.add(HeadingCell.of("行次"));
        }
        incomeColumns.forEach(column -> names.add(HeadingCell.of(headingOf(table, column))));
        names.add(HeadingCell.of("项目"));
        if (numbered) {
            names.add(HeadingCell.of("行次"));
        }
        expenditureColumns.forEach(column -> names.add(HeadingCell.of(headingOf(table, column))));
        heading.add(new HeadingRow(names));
        List<HeadingCell> numbers = new ArrayList<>();
        numbers.add(HeadingCell.spanning("栏次", 2, 1));
        incomeColumns.forEach(column -> numbers.add(HeadingCell.number(column)));
        numbers.add(HeadingCell.spanning("栏次", 2, 1));
        expenditureColumns.forEach(column -> numbers.add(HeadingCell.number(column)));
        if (numbered) {
            heading.add(new HeadingRow(numbers));
        }

        List<BodyRow> body = new ArrayList<>();
        for (int line = 1; line <= half; line++) {
            List<BodyCell> cells = new ArrayList<>();
            boolean total = side(table, line, incomeColumns, cells, numbered);
            total |= side(table, line + half, expenditureColumns, cells, numbered);
            body.add(new BodyRow(cells, total));
        }
        return new LaidOutTable(
                table.id(), table.number(), title, left + right, heading, body, notes, "");
    }

    private static boolean side(
            StatementTable table,
            int line,
            List<Integer> columns,
            List<BodyCell> cells,
            boolean numbered) {
        String key = Integer.toString(line);
        StatementRow row =
                table.rows().stream().filter(r -> r.row().equals(key)).findFirst().orElseThrow();
        cells.add(BodyCell.label(row.label(), row.level()));
        if (numbered) {
            cells.add(BodyCell.line(line));
        }
        for (int column : columns) {
            cells.add(figure(table, key, column));
        }
        return row.label().endsWith("合计") || row.label().equals("总计");
    }

    /** 表2, 表3, 表5, 表8, 表9: 科目编码, 科目名称, then the amount columns under their groups. */
    private static LaidOutTable functional(
            StatementTable table, String title, List<String> notes, boolean numbered) {
        List<StatementColumn> columns = table.columns();
        List<HeadingCell> groups = new ArrayList<>();
        List<HeadingCell> names = new ArrayList<>();
        groups.add(HeadingCell.spanning("项目", 2, 1));
        names.add(HeadingCell.of("功能分类科目编码"));
        names.add(HeadingCell.of("科目名称"));
        int index = 0;
        while (index < columns.size()) {
            StatementColumn column = columns.get(index);
            if (column.group().isEmpty()) {
                groups.add(HeadingCell.spanning(column.heading(), 1, 2));
                index++;
                continue;
            }
            int span = 0;
            while (index + span < columns.size()
                    && columns.get(index + span).group().equals(column.group())) {
                names.add(HeadingCell.of(columns.get(index + span).heading()));
                span++;
            }
            groups.add(HeadingCell.spanning(column.group(), span, 1));
            index += span;
        }
        List<HeadingCell> numbers = new ArrayList<>();
        numbers.add(HeadingCell.of("类 款 项"));
        numbers.add(HeadingCell.of("栏次"));
        columns.forEach(column -> numbers.add(HeadingCell.number(column.number())));
        List<HeadingRow> heading =
                numbered
                        ? List.of(
                                new HeadingRow(groups),
                                new HeadingRow(names),
                                new HeadingRow(numbers))
                        : List.of(new HeadingRow(groups), new HeadingRow(names));

        List<BodyRow> body = new ArrayList<>();
        for (StatementRow row : table.rows()) {
            List<BodyCell> cells = new ArrayList<>();
            if (row.isCode()) {
                cells.add(BodyCell.code(row.row()));
                cells.add(BodyCell.label(row.label(), row.level()));
            } else {
                cells.add(BodyCell.label(row.label(), 0, 2));
            }
            columns.forEach(column -> cells.add(figure(table, row.row(), column.number())));
            body.add(new BodyRow(cells, !row.isCode()));
        }
        String emptyNote = "";
        if (table.cellsFen().isEmpty() && (table.id().equals("T8") || table.id().equals("T9"))) {
            emptyNote = table.id().equals("T8") ? "本单位无政府性基金预算财政拨款收支" : "本单位无国有资本经营预算财政拨款收支";
        }
        return new LaidOutTable(
                table.id(),
                table.number(),
                title,
                2 + columns.size(),
                heading,
                body,
                notes,
                emptyNote);
    }

    /** 表6: 人员经费 (301, 303) beside 公用经费 (the other 类), totals on the last row. */
    private static LaidOutTable economic(StatementTable table, String title, List<String> notes) {
        List<StatementRow> personnel = new ArrayList<>();
        List<StatementRow> running = new ArrayList<>();
        StatementRow personnelTotal = null;
        StatementRow publicTotal = null;
        for (StatementRow row : table.rows()) {
            if (!row.isCode()) {
                if (row.row().equals("personnel-total")) {
                    personnelTotal = row;
                } else {
                    publicTotal = row;
                }
            } else if (EconomicCode.of(row.row()).isPersonnel()) {
                personnel.add(row);
            } else {
                running.add(row);
            }
        }
        List<HeadingRow> heading =
                List.of(
                        new HeadingRow(
                                List.of(
                                        HeadingCell.spanning("人员经费", 3, 1),
                                        HeadingCell.spanning("公用经费", 3, 1))),
                        new HeadingRow(
                                List.of(
                                        HeadingCell.of("科目编码"),
                                        HeadingCell.of("科目名称"),
                                        HeadingCell.of("决算数"),
                                        HeadingCell.of("科目编码"),
                                        HeadingCell.of("科目名称"),
                                        HeadingCell.of("决算数"))));
        List<BodyRow> body = new ArrayList<>();
        int rows = Math.max(personnel.size(), running.size());
        for (int i = 0; i < rows; i++) {
            List<BodyCell> cells = new ArrayList<>();
            economicSide(table, i < personnel.size() ? personnel.get(i) : null, cells);
            economicSide(table, i < running.size() ? running.get(i) : null, cells);
            body.add(new BodyRow(cells, false));
        }
        List<BodyCell> totals = new ArrayList<>();
        totals.add(BodyCell.label(personnelTotal.label(), 0, 2));
        totals.add(figure(table, personnelTotal.row(), 1));
        totals.add(BodyCell.label(publicTotal.label(), 0, 2));
        totals.add(figure(table, publicTotal.row(), 1));
        body.add(new BodyRow(totals, true));
        return new LaidOutTable(table.id(), table.number(), title, 6, heading, body, notes, "");
    }

    private static void economicSide(StatementTable table, StatementRow row, List<BodyCell> cells) {
        if (row == null) {
            cells.add(BodyCell.label("", 0));
            cells.add(BodyCell.label("", 0));
            cells.add(BodyCell.label("", 0));
            return;
        }
        cells.add(BodyCell.code(row.row()));
        cells.add(BodyCell.label(row.label(), row.level()));
        cells.add(figure(table, row.row(), 1));
    }

    /** 表7: 预算数 (1–6) beside 决算数 (7–12), 公务用车购置及运行费 over its 小计 and parts. */
    private static LaidOutTable threePublicCosts(
            StatementTable table, String title, List<String> notes) {
        List<HeadingCell> groups = new ArrayList<>();
        List<HeadingCell> names = new ArrayList<>();
        List<HeadingCell> parts = new ArrayList<>();
        for (String group : List.of("预算数", "决算数")) {
            groups.add(HeadingCell.spanning(group, 6, 1));
            names.add(HeadingCell.spanning("合计", 1, 2));
            names.add(HeadingCell.spanning("因公出国（境）费", 1, 2));
            names.add(HeadingCell.spanning("公务用车购置及运行费", 3, 1));
            names.add(HeadingCell.spanning("公务接待费", 1, 2));
            parts.add(HeadingCell.of("小计"));
            parts.add(HeadingCell.of("公务用车购置费"));
            parts.add(HeadingCell.of("公务用车运行费"));
        }
        List<HeadingCell> numbers = new ArrayList<>();
        for (int column = 1; column <= 12; column++) {
            numbers.add(HeadingCell.number(column));
        }
        List<BodyCell> cells = new ArrayList<>();
        for (int column = 1; column <= 12; column++) {
            cells.add(figure(table, "1", column));
        }
        return new LaidOutTable(
                table.id(),
                table.number(),
                title,
                12,
                List.of(
                        new HeadingRow(groups),
                        new HeadingRow(names),
                        new HeadingRow(parts),
                        new HeadingRow(numbers)),
                List.of(new BodyRow(cells, false)),
                notes,
                "");
    }

    /** 表7 of the 2024 format: each item over its 预算数 and 决算数, side by side. */
    private static LaidOutTable pairedColumns(
            StatementTable table, String title, List<String> notes) {
        List<StatementColumn> columns = table.columns();
        List<HeadingCell> items = new ArrayList<>();
        List<HeadingCell> groups = new ArrayList<>();
        int index = 0;
        while (index < columns.size()) {
            String heading = columns.get(index).heading();
            int span = 0;
            while (index + span < columns.size()
                    && columns.get(index + span).heading().equals(heading)) {
                groups.add(HeadingCell.of(columns.get(index + span).group()));
                span++;
            }
            items.add(HeadingCell.spanning(heading, span, 1));
            index += span;
        }
        List<BodyCell> cells = new ArrayList<>();
        for (StatementColumn column : columns) {
            cells.add(figure(table, "1", column.number()));
        }
        return new LaidOutTable(
                table.id(),
                table.number(),
                title,
                columns.size(),
                List.of(new HeadingRow(items), new HeadingRow(groups)),
                List.of(new BodyRow(cells, false)),
                notes,
                "");
    }

    private static BodyCell figure(StatementTable table, String row, int column) {
        return BodyCell.figure(CellAddress.of(table.id(), row, column), table.fen(row, column));
    }

    private static String headingOf(StatementTable table, int column) {
        return table.columns().get(column - 1).heading();
    }
}
