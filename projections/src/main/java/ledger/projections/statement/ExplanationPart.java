package ledger.projections.statement;

/**
 * One section of the 情况说明 as a template orders, numbers and titles it: which part the ledger writes
 * there ({@code totals}, {@code running-costs}, …), or none for a heading over sub-sections (2024:
 * 十一、其他重要事项的情况说明 over （一）机关运行经费支出情况 …).
 *
 * @param section the part written there; {@code null} for a heading alone
 * @param number {@code 七}, or {@code （一）} for a sub-section
 */
public record ExplanationPart(String section, String number, String title) {

    /** The parts the ledger can write, by the name a template gives them. */
    public static final java.util.List<String> SECTIONS =
            java.util.List.of(
                    "totals",
                    "income",
                    "expenditure",
                    "fiscal-totals",
                    "general-expenditure",
                    "basic-expenditure",
                    "three-public-costs",
                    "gov-fund",
                    "soe-capital",
                    "running-costs",
                    "procurement",
                    "assets",
                    "performance",
                    "performance-management");
}
