package ledger.api.report;

import java.util.List;
import ledger.projections.statement.CellAddress;

/**
 * One of 表1–表9 laid out as the published report prints it: title, heading rows with their spans (项目
 * / 行次 / 栏次 …), body rows of labels, codes, line numbers and figures, and the table's notes. The
 * web page and the workbook both draw from this, so they cannot disagree.
 *
 * @param title {@code 2020 年度收入支出决算总表（表 1）}
 * @param heading heading rows; spans as in HTML
 * @param body body rows
 * @param notes 注：… and the table's formulas
 * @param emptyNote printed under an empty table (本单位无…收支), else empty
 */
public record LaidOutTable(
        String id,
        int number,
        String title,
        int columnCount,
        List<HeadingRow> heading,
        List<BodyRow> body,
        List<String> notes,
        String emptyNote) {

    public LaidOutTable {
        heading = List.copyOf(heading);
        body = List.copyOf(body);
        notes = List.copyOf(notes);
    }

    /** A heading row: cells with column and row spans, as in an HTML table. */
    public record HeadingRow(List<HeadingCell> cells) {
        public HeadingRow {
            cells = List.copyOf(cells);
        }
    }

    /**
     * A heading cell.
     *
     * @param columnNumber true for a 栏次 number (1, 2, …), drawn smaller
     */
    public record HeadingCell(String text, int colspan, int rowspan, boolean columnNumber) {

        static HeadingCell of(String text) {
            return new HeadingCell(text, 1, 1, false);
        }

        static HeadingCell spanning(String text, int colspan, int rowspan) {
            return new HeadingCell(text, colspan, rowspan, false);
        }

        static HeadingCell number(int column) {
            return new HeadingCell(Integer.toString(column), 1, 1, true);
        }
    }

    /**
     * A body row.
     *
     * @param total true for 合计/总计 rows, set in bold
     */
    public record BodyRow(List<BodyCell> cells, boolean total) {
        public BodyRow {
            cells = List.copyOf(cells);
        }
    }

    /**
     * A body cell: words ({@link Kind#LABEL} with an indent level, {@link Kind#CODE}, {@link
     * Kind#LINE} for a 行次) or a figure ({@link Kind#FIGURE}) with its address and exact fen.
     */
    public record BodyCell(
            Kind kind, String text, int level, int colspan, CellAddress cell, long fen) {

        /** What a body cell holds. */
        public enum Kind {
            LABEL,
            CODE,
            LINE,
            FIGURE
        }

        static BodyCell label(String text, int level) {
            return new BodyCell(Kind.LABEL, text, level, 1, null, 0);
        }

        static BodyCell label(String text, int level, int colspan) {
            return new BodyCell(Kind.LABEL, text, level, colspan, null, 0);
        }

        static BodyCell code(String code) {
            return new BodyCell(Kind.CODE, code, 0, 1, null, 0);
        }

        static BodyCell line(int line) {
            return new BodyCell(Kind.LINE, Integer.toString(line), 0, 1, null, 0);
        }

        static BodyCell figure(CellAddress cell, long fen) {
            return new BodyCell(Kind.FIGURE, Amounts.shown(fen), 0, 1, cell, fen);
        }

        public boolean isFigure() {
            return kind == Kind.FIGURE;
        }

        /** The CSS class a page sets the cell with: {@code label lvl-2}, {@code fig}, … */
        public String css() {
            switch (kind) {
                case FIGURE:
                    return "fig";
                case CODE:
                    return "code";
                case LINE:
                    return "line";
                default:
                    return "label lvl-" + level;
            }
        }

        /** A figure that prints as something other than blank (0.00 prints blank). */
        public boolean hasFigure() {
            return kind == Kind.FIGURE && !text.isEmpty();
        }
    }
}
