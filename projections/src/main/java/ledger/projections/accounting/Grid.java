package ledger.projections.accounting;

import java.util.List;
import ledger.core.money.Money;

/**
 * A table as the text output, the workbook and the web page all show it: a title, a heading and
 * rows whose cells are text or amounts in fen. A row may name what its figures trace to.
 *
 * @param title e.g. 科目余额表
 * @param subtitle unit, year, date and the notes the table needs
 * @param headings one per column
 * @param amounts which columns hold amounts (right-aligned, in yuan)
 */
public record Grid(
        String title,
        List<String> subtitle,
        List<String> headings,
        List<Boolean> amounts,
        List<Row> rows) {

    /**
     * @param cells a String for text, a Long for an amount in fen, null for blank
     * @param traces what the row's figures trace to (a 明细 key, a line id), empty for nothing
     * @param total a 科目 line or a total, shown bold
     */
    public record Row(List<Object> cells, String traces, boolean total) {
        public Row {
            cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
        }
    }

    public Grid {
        subtitle = List.copyOf(subtitle);
        headings = List.copyOf(headings);
        amounts = List.copyOf(amounts);
        rows = List.copyOf(rows);
    }

    /**
     * A cell as text: amounts in yuan with two decimals and thousands separators, blank for null.
     */
    public static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Long fen) {
            return String.format("%,.2f", Money.ofFen(fen).toWanYuanExact().movePointRight(4));
        }
        return cell.toString();
    }

    /** The grid as aligned plain text. */
    public String render() {
        boolean[] right = new boolean[headings.size()];
        for (int i = 0; i < right.length; i++) {
            right[i] = amounts.get(i);
        }
        ledger.projections.statement.TextGrid grid =
                new ledger.projections.statement.TextGrid(right);
        grid.add(headings.toArray(String[]::new));
        for (Row row : rows) {
            grid.add(row.cells().stream().map(Grid::text).toArray(String[]::new));
        }
        StringBuilder out = new StringBuilder(title).append('\n');
        subtitle.forEach(line -> out.append(line).append('\n'));
        return out.append(grid.render()).toString();
    }
}
