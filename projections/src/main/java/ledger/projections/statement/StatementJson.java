package ledger.projections.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A statement set in the JSON form of DOMAIN.md: year, unit, unitName, amountUnit 万元, and the nine
 * tables with their title and printed cells ("row/column" → "1234.56"). Values are strings with
 * exactly two decimals so no client can turn them into binary floating point; cells that print as
 * 0.00 are left out, as the report leaves them blank.
 */
public final class StatementJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatementJson() {}

    /** Compact JSON, tables T1 … T9 in order, cells in row display order then column order. */
    public static String write(StatementSet set) {
        return write(set, MAPPER);
    }

    /** The same, indented for people. */
    public static String writePretty(StatementSet set) {
        return write(set, PRETTY);
    }

    /** The JSON tree, for callers that embed it in a larger document. */
    public static ObjectNode toTree(StatementSet set) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("year", set.year().value());
        root.put("unit", set.unit().code());
        root.put("unitName", set.unitName());
        root.put("amountUnit", "万元");
        ObjectNode tables = root.putObject("tables");
        for (StatementTable table : set.tables()) {
            ObjectNode node = tables.putObject(table.id());
            node.put("title", table.title());
            ObjectNode cells = node.putObject("cells");
            for (Map.Entry<CellAddress, BigDecimal> cell : table.displayed().entrySet()) {
                cells.put(cell.getKey().rowAndColumn(), cell.getValue().toPlainString());
            }
        }
        return root;
    }

    private static String write(StatementSet set, ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(toTree(set));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write statement JSON", e);
        }
    }
}
