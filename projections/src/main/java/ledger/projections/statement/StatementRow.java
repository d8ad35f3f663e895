package ledger.projections.statement;

/**
 * A row of a statement table in display order: its key in cell addresses (a 行次, a code or a named
 * total), the label printed beside it, and its depth (0 for totals and numbered lines, 1 for a 类, 2
 * for a 款, 3 for a 项) so a renderer can indent without knowing the code rules.
 */
public record StatementRow(String row, String label, int level) {

    public StatementRow {
        if (row == null || row.isBlank()) {
            throw new IllegalArgumentException("row key is missing");
        }
        if (label == null) {
            throw new IllegalArgumentException("label must be given (may be empty): " + row);
        }
        if (level < 0) {
            throw new IllegalArgumentException("level must be 0 or more: " + row);
        }
    }

    /** True for rows keyed by a classification code, where the report prints the code. */
    public boolean isCode() {
        return row.chars().allMatch(Character::isDigit) && row.length() >= 3 && level > 0;
    }
}
