package ledger.projections.statement;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.core.money.Money;

/**
 * One of the nine tables of a statement set: its layout, its rows in display order and the exact
 * fen of every non-zero cell. Figures are kept in fen and rounded to 万元 only when shown, one cell
 * at a time, so a total is rounded from its own exact sum.
 */
public final class StatementTable {

    private final TableTemplate layout;
    private final List<StatementRow> rows;
    private final Map<CellAddress, Long> cellsFen;

    StatementTable(TableTemplate layout, List<StatementRow> rows, Map<CellAddress, Long> cellsFen) {
        this.layout = layout;
        this.rows = List.copyOf(rows);
        this.cellsFen = inDisplayOrder(layout, this.rows, cellsFen);
    }

    /** {@code T1} … {@code T9}. */
    public String id() {
        return layout.id();
    }

    /** The table's number in the report: 3 for 表3. */
    public int number() {
        return layout.number();
    }

    public String title() {
        return layout.title();
    }

    /** The table's identity in the 2020 numbering: T1 … T9. */
    public TableLayout layout() {
        return TableLayout.of(layout.id());
    }

    /** The table as its template describes it: rows, columns, notes, where 合计 sits. */
    public TableTemplate template() {
        return layout;
    }

    public List<StatementColumn> columns() {
        return layout.columns();
    }

    public List<StatementRow> rows() {
        return rows;
    }

    public long fen(String row, int column) {
        return cellsFen.getOrDefault(new CellAddress(layout.id(), row, column), 0L);
    }

    public Money value(String row, int column) {
        return Money.ofFen(fen(row, column));
    }

    /** Every non-zero cell with its exact fen, in row display order then column order. */
    public Map<CellAddress, Long> cellsFen() {
        return cellsFen;
    }

    /**
     * Every cell as the report prints it — 万元, rounded half-up to two decimals — leaving out cells
     * that print as 0.00, in row display order then column order.
     */
    public Map<CellAddress, BigDecimal> displayed() {
        Map<CellAddress, BigDecimal> shown = new LinkedHashMap<>();
        cellsFen.forEach(
                (cell, fen) -> {
                    BigDecimal wanYuan = Money.ofFen(fen).toWanYuan();
                    if (wanYuan.signum() != 0) {
                        shown.put(cell, wanYuan);
                    }
                });
        return Collections.unmodifiableMap(shown);
    }

    private static Map<CellAddress, Long> inDisplayOrder(
            TableTemplate layout, List<StatementRow> rows, Map<CellAddress, Long> cellsFen) {
        Map<CellAddress, Long> ordered = new LinkedHashMap<>();
        for (StatementRow row : rows) {
            for (StatementColumn column : layout.columns()) {
                CellAddress cell = new CellAddress(layout.id(), row.row(), column.number());
                Long fen = cellsFen.get(cell);
                if (fen != null && fen != 0L) {
                    ordered.put(cell, fen);
                }
            }
        }
        if (ordered.size() != countNonZero(cellsFen)) {
            throw new IllegalStateException(
                    layout.id() + " has figures outside its rows or columns");
        }
        return Collections.unmodifiableMap(ordered);
    }

    private static long countNonZero(Map<CellAddress, Long> cellsFen) {
        return cellsFen.values().stream().filter(fen -> fen != 0L).count();
    }
}
