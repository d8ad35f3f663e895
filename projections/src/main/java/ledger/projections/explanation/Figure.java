package ledger.projections.explanation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import ledger.core.money.Money;
import ledger.projections.statement.CellAddress;

/**
 * One number the 情况说明 states, computed from the ledger: an amount in 万元, a percentage or a count,
 * under a stable key ({@code budget.completion}, {@code three-public.vehicle-running}) so a
 * published figure can be set beside it. Amounts are rounded half-up to two decimals from their
 * exact fen sum; a percentage is rounded half-up from the exact ratio of two fen sums (never from
 * rounded 万元), to the number of decimals the report prints for it.
 *
 * @param key stable identifier, see {@link ExplanationGenerator}
 * @param label what the number is, in the report's words
 * @param kind amount, percentage or count
 * @param amountFen for an amount: its exact fen; for a count: the count; for a percentage: 0
 * @param numeratorFen for a percentage: the exact fen above the line
 * @param denominatorFen for a percentage: the exact fen below the line (never 0)
 * @param scale decimals shown: 2 for amounts, 1 or 2 for percentages, 0 for counts
 * @param cell the statement cell the amount is, when it is one (for drill-down), else null
 */
public record Figure(
        String key,
        String label,
        Kind kind,
        long amountFen,
        long numeratorFen,
        long denominatorFen,
        int scale,
        CellAddress cell) {

    /** What sort of number a figure is. */
    public enum Kind {
        AMOUNT,
        PERCENT,
        COUNT
    }

    private static final BigDecimal FEN_PER_WAN_YUAN = BigDecimal.valueOf(1_000_000L);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Figure {
        if (key == null || key.isBlank() || label == null || kind == null) {
            throw new IllegalArgumentException("a figure needs a key, a label and a kind");
        }
        if (kind == Kind.PERCENT && denominatorFen == 0) {
            throw new IllegalArgumentException("a percentage of nothing is not a figure: " + key);
        }
        if (scale < 0 || scale > 4) {
            throw new IllegalArgumentException("scale must be 0–4: " + key);
        }
    }

    static Figure amount(String key, String label, long fen, CellAddress cell) {
        return new Figure(key, label, Kind.AMOUNT, fen, 0, 0, 2, cell);
    }

    static Figure percent(
            String key, String label, long numeratorFen, long denominatorFen, int scale) {
        return new Figure(key, label, Kind.PERCENT, 0, numeratorFen, denominatorFen, scale, null);
    }

    static Figure count(String key, String label, long count) {
        return new Figure(key, label, Kind.COUNT, count, 0, 0, 0, null);
    }

    /** The value as shown: 万元 or percent rounded half-up to {@link #scale()} decimals. */
    public BigDecimal value() {
        return roundedTo(scale);
    }

    /** The value rounded half-up to any number of decimals, from the exact fen. */
    public BigDecimal roundedTo(int decimals) {
        switch (kind) {
            case AMOUNT:
                return BigDecimal.valueOf(amountFen)
                        .divide(FEN_PER_WAN_YUAN, decimals, RoundingMode.HALF_UP);
            case PERCENT:
                return BigDecimal.valueOf(numeratorFen)
                        .multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(denominatorFen), decimals, RoundingMode.HALF_UP);
            default:
                return BigDecimal.valueOf(amountFen).setScale(decimals, RoundingMode.HALF_UP);
        }
    }

    /** The exact amount (万元) as {@link Money}; zero for percentages. */
    public Money money() {
        return Money.ofFen(kind == Kind.AMOUNT ? amountFen : 0);
    }

    /** As the 情况说明 prints it: {@code 2,503.33}, {@code 9.6%}, {@code 10}. */
    public String display() {
        switch (kind) {
            case AMOUNT:
                return thousands(value());
            case PERCENT:
                return value().toPlainString() + "%";
            default:
                return Long.toString(amountFen);
        }
    }

    /** For a percentage, how it is computed from shown amounts: {@code 4.55 ÷ 12.90}. */
    public String formula() {
        if (kind != Kind.PERCENT) {
            return "";
        }
        return thousands(wan(numeratorFen)) + " ÷ " + thousands(wan(denominatorFen));
    }

    static BigDecimal wan(long fen) {
        return BigDecimal.valueOf(fen).divide(FEN_PER_WAN_YUAN, 2, RoundingMode.HALF_UP);
    }

    /** {@code 2,503.33}: thousands separators, the value's own decimals. */
    static String thousands(BigDecimal value) {
        DecimalFormat format =
                new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        return format.format(value);
    }
}
