package ledger.projections.statement;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Statement figures as printed — 万元 per cell, a blank cell read as 0 — and which rows a table
 * shows. The report's rules are checked on this view so that the same checks run on the ledger's
 * own statements and on a published report typed in from paper.
 */
public interface Figures {

    /** The printed value of a cell in 万元; {@link BigDecimal#ZERO} for a blank cell. */
    BigDecimal value(CellAddress cell);

    /** The keys of the rows the table shows (for code tables: the rows present), any order. */
    Set<String> rows(String table);

    /** The ledger's statements as printed: each cell rounded on its own, the set's own rows. */
    static Figures of(StatementSet set) {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (StatementTable table : set.tables()) {
            Set<String> keys = new LinkedHashSet<>();
            table.rows().forEach(row -> keys.add(row.row()));
            rows.put(table.id(), Set.copyOf(keys));
        }
        return new MapFigures(set.displayed(), rows);
    }

    /** Figures given cell by cell; a table's rows are the rows of the cells given for it. */
    static Figures of(Map<CellAddress, BigDecimal> values) {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        values.keySet()
                .forEach(
                        cell ->
                                rows.computeIfAbsent(cell.table(), table -> new LinkedHashSet<>())
                                        .add(cell.row()));
        return new MapFigures(values, rows);
    }
}
