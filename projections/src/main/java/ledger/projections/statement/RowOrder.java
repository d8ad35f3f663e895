package ledger.projections.statement;

/**
 * The order rows are printed in, for any table: numbered lines by number; code rows with {@code
 * total} first, then codes as text (so each 类 is followed by its 款 and their 项); named totals of 表6
 * last. Used to sort cells the way the report reads.
 */
final class RowOrder {

    private RowOrder() {}

    static int compare(String table, String left, String right) {
        int byRank = Integer.compare(rank(left), rank(right));
        if (byRank != 0) {
            return byRank;
        }
        if (isNumberedTable(table) && isNumber(left) && isNumber(right)) {
            return Integer.compare(Integer.parseInt(left), Integer.parseInt(right));
        }
        return left.compareTo(right);
    }

    private static int rank(String row) {
        if (row.equals(StatementRows.TOTAL)) {
            return 0;
        }
        if (row.equals(StatementRows.PERSONNEL_TOTAL)) {
            return 2;
        }
        if (row.equals(StatementRows.PUBLIC_TOTAL)) {
            return 3;
        }
        return 1;
    }

    private static boolean isNumberedTable(String table) {
        return table.equals("T1") || table.equals("T4") || table.equals("T7");
    }

    private static boolean isNumber(String row) {
        return !row.isEmpty() && row.length() < 9 && row.chars().allMatch(Character::isDigit);
    }
}
