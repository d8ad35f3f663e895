package ledger.projections.accounting;

/** 借 or 贷: the side of an entry, and the side on which a 科目 normally has its balance. */
public enum Side {
    DEBIT("借"),
    CREDIT("贷");

    private final String chineseName;

    Side(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** +1 for 借, −1 for 贷: balances are kept debit-positive. */
    public int sign() {
        return this == DEBIT ? 1 : -1;
    }
}
