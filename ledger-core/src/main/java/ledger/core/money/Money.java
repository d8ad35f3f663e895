package ledger.core.money;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;

/**
 * An amount of money in fen (分, 0.01 yuan), held as an exact {@code long}.
 *
 * <p>Money is never a floating-point number: every statement cell is an exact fen sum that is
 * rounded once, at display time. Arithmetic throws on overflow instead of wrapping, so a corrupt or
 * hostile amount can never turn into a plausible-looking wrong figure.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    /**
     * Plain yuan amounts as finance staff type them: digits, optional point, at most two decimals.
     */
    private static final Pattern YUAN = Pattern.compile("\\d{1,16}(\\.\\d{1,2})?");

    private static final BigDecimal FEN_PER_WAN_YUAN = BigDecimal.valueOf(1_000_000L);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /**
     * Parses a positive or zero yuan amount such as {@code 1304200.00} or {@code 0.5}.
     *
     * @throws IllegalArgumentException naming why the text is not an amount
     */
    public static Money parseYuan(String text) {
        if (text == null || text.isBlank()) {
            throw new Refusal(Reason.of("field.required", FieldName.of("amount")));
        }
        String trimmed = text.strip();
        if (!trimmed.equals(text)) {
            // Callers strip what they read; spaces left in are a sign of a mangled field.
            throw new Refusal(Reason.of("amount.spaces", abbreviate(text)));
        }
        if (trimmed.startsWith("-")) {
            throw new Refusal(Reason.of("amount.notPositive", abbreviate(trimmed)));
        }
        int point = trimmed.indexOf('.');
        if (point >= 0 && trimmed.length() - point - 1 > 2) {
            throw new Refusal(Reason.of("amount.decimals", abbreviate(trimmed)));
        }
        if (!YUAN.matcher(trimmed).matches()) {
            throw new Refusal(Reason.of("amount.notYuan", abbreviate(trimmed)));
        }
        try {
            return new Money(new BigDecimal(trimmed).movePointRight(2).longValueExact());
        } catch (ArithmeticException overflow) {
            throw new Refusal(Reason.of("amount.tooLarge", abbreviate(trimmed)));
        }
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money negate() {
        return new Money(Math.negateExact(fen));
    }

    @JsonIgnore // not a property: stored events carry only "fen"
    public boolean isPositive() {
        return fen > 0;
    }

    @JsonIgnore
    public boolean isNegative() {
        return fen < 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return fen == 0;
    }

    public Money max(Money other) {
        return fen >= other.fen ? this : other;
    }

    public boolean exceeds(Money other) {
        return fen > other.fen;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /** Yuan with exactly two decimals, as in the journal: {@code 1304200.00}. */
    public String toYuanString() {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** The exact amount in 万元 (no rounding), e.g. 13.635 for 136,350.00 yuan. */
    public BigDecimal toWanYuanExact() {
        return BigDecimal.valueOf(fen).divide(FEN_PER_WAN_YUAN).stripTrailingZeros();
    }

    /**
     * 万元 rounded half-up to two decimals, as the published report prints a cell. Each cell is
     * rounded from its own exact sum, never summed from rounded parts.
     */
    public BigDecimal toWanYuan() {
        return BigDecimal.valueOf(fen).divide(FEN_PER_WAN_YUAN, 2, RoundingMode.HALF_UP);
    }

    @Override
    public String toString() {
        return toYuanString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
