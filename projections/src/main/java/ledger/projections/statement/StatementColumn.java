package ledger.projections.statement;

/**
 * A column of a statement table as the report heads it: its 栏次 and Chinese heading, under an
 * optional group heading (表7's 预算数 / 决算数, 表1's 收入 / 支出). The number is what cell addresses use; the
 * words are only for people.
 */
public record StatementColumn(int number, String heading, String group) {

    public StatementColumn {
        if (number < 1) {
            throw new IllegalArgumentException("column number must be 1 or more: " + number);
        }
        if (heading == null || group == null) {
            throw new IllegalArgumentException("heading and group must be given (may be empty)");
        }
    }

    static StatementColumn of(int number, String heading) {
        return new StatementColumn(number, heading, "");
    }

    /** Group and heading together, e.g. {@code 决算数 公务接待费}. */
    public String fullHeading() {
        return group.isEmpty() ? heading : group + " " + heading;
    }
}
