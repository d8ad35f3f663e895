package ledger.projections.explanation;

/**
 * Something a reader of the 情况说明 must know about one of its figures: where the published text
 * states a number the ledger does not give (a contradiction of the published report), where it
 * prints a percentage without its %, or where shown parts do not add up to their shown total by a
 * cent of rounding (尾差, a note, not an error).
 *
 * @param kind what was found
 * @param key the figure's key
 * @param where where the published text states it (e.g. {@code 五(三)}), or empty
 * @param printed the published figure as printed, or empty for a rounding note
 * @param computed the ledger's figure as the 情况说明 shows it
 * @param message a sentence in Chinese naming the figure and both values
 */
public record ExplanationFinding(
        Kind kind, String key, String where, String printed, String computed, String message) {

    /** What a finding is. */
    public enum Kind {
        /** The published figure differs from the ledger's at the precision it is printed with. */
        CONTRADICTION("与账簿不符"),
        /** A percentage printed without its %. */
        MISSING_PERCENT_SIGN("缺少百分号"),
        /** The published text states a figure the ledger cannot compute (e.g. no prior year). */
        NOT_COMPUTED("账簿无此数"),
        /** Shown parts and their shown total differ by rounding only. */
        ROUNDING_TAIL("尾差");

        private final String chineseName;

        Kind(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /** True for anything but a rounding note: the published report contradicts the ledger. */
    public boolean isContradiction() {
        return kind != Kind.ROUNDING_TAIL;
    }
}
