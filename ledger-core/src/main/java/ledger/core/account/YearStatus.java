package ledger.core.account;

/**
 * Where a unit's fiscal year stands.
 *
 * @param closed 结转 is done: the year accepts nothing more, on any account
 * @param openingCarriedIn the opening balances came from closing the previous year in the ledger,
 *     so an {@code opening} transaction would count them twice
 */
public record YearStatus(boolean closed, boolean openingCarriedIn) {

    public static final YearStatus OPEN = new YearStatus(false, false);
}
