package ledger.projections.statement;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** {@link Figures} held in maps: values by cell, rows by table. */
record MapFigures(Map<CellAddress, BigDecimal> values, Map<String, Set<String>> rowsByTable)
        implements Figures {

    MapFigures {
        values = Map.copyOf(values);
        rowsByTable = Map.copyOf(rowsByTable);
    }

    @Override
    public BigDecimal value(CellAddress cell) {
        return values.getOrDefault(cell, BigDecimal.ZERO);
    }

    @Override
    public Set<String> rows(String table) {
        return rowsByTable.getOrDefault(table, Set.of());
    }
}
