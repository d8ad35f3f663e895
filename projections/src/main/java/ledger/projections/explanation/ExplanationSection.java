package ledger.projections.explanation;

/**
 * One section of the 情况说明 (一 … 十三). It reads the statements and postings through the {@link
 * ExplanationWriter} it was made with and writes its heading, paragraphs and figures there.
 */
interface ExplanationSection {

    void write();
}
