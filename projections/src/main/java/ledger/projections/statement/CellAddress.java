package ledger.projections.statement;

/**
 * One figure of the year-end statements, addressed as the published report numbers it: table, row
 * (a 行次, a functional or economic code, or a named total) and column (栏次). A computed figure, a
 * published figure and a trace request all use the same address, so they can be compared and
 * explained cell by cell; {@code T3/2010302/3} is 项目支出 of 一般行政管理事务.
 *
 * @param table {@code T1} … {@code T9}
 * @param row the row key, e.g. {@code 31}, {@code 2010302}, {@code total}, {@code personnel-total}
 * @param column the 栏次, from 1
 */
public record CellAddress(String table, String row, int column) implements Comparable<CellAddress> {

    /** The longest row key: a named total such as {@code personnel-total}, or a code. */
    private static final int ROW_LENGTH = 32;

    public CellAddress {
        // Checked by hand rather than by regular expression: statements make millions of addresses.
        if (table == null
                || table.length() != 2
                || table.charAt(0) != 'T'
                || table.charAt(1) < '1'
                || table.charAt(1) > '9') {
            throw new IllegalArgumentException("table must be T1 … T9, got: " + table);
        }
        if (!isRowKey(row)) {
            throw new IllegalArgumentException(
                    "row must be a line number, a code or a named total such as 'total', got: "
                            + row);
        }
        if (column < 1) {
            throw new IllegalArgumentException("column must be 1 or more, got: " + column);
        }
    }

    /** A letter or digit, then up to 31 letters, digits or hyphens (ASCII). */
    private static boolean isRowKey(String row) {
        if (row == null || row.isEmpty() || row.length() > ROW_LENGTH) {
            return false;
        }
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            boolean letterOrDigit =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && (i == 0 || c != '-')) {
                return false;
            }
        }
        return true;
    }

    public static CellAddress of(String table, String row, int column) {
        return new CellAddress(table, row, column);
    }

    public static CellAddress of(String table, int line, int column) {
        return new CellAddress(table, Integer.toString(line), column);
    }

    /**
     * Parses {@code T3/2010302/3}.
     *
     * @throws IllegalArgumentException saying which part is wrong
     */
    public static CellAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "cell address is missing (expected table/row/column," + " e.g. T3/2010302/3)");
        }
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "cell address must be table/row/column, e.g." + " T3/2010302/3, got: " + text);
        }
        return new CellAddress(parts[0], parts[1], parseColumn(parts[2], text));
    }

    /** The table's number: 3 for {@code T3}. */
    public int tableNumber() {
        return table.charAt(1) - '0';
    }

    /** The key used inside a table's JSON {@code cells}: {@code 2010302/3}. */
    public String rowAndColumn() {
        return row + "/" + column;
    }

    @Override
    public int compareTo(CellAddress other) {
        int byTable = table.compareTo(other.table);
        if (byTable != 0) {
            return byTable;
        }
        int byRow = RowOrder.compare(table, row, other.row);
        return byRow != 0 ? byRow : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return table + "/" + row + "/" + column;
    }

    private static int parseColumn(String column, String text) {
        if (column.isEmpty()
                || column.length() > 3
                || !column.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(
                    "column of a cell address must be a number, got '" + column + "' in: " + text);
        }
        return Integer.parseInt(column);
    }
}
