package ledger.api.report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import ledger.core.money.Money;

/** 万元 as the report prints it: thousands separators, two decimals, blank for zero. */
public final class Amounts {

    private Amounts() {}

    /** {@code 1,197.34}; empty when the cell prints as 0.00. */
    public static String shown(long fen) {
        BigDecimal wan = Money.ofFen(fen).toWanYuan();
        return wan.signum() == 0 ? "" : format(wan);
    }

    /** {@code 1,197.34} (also for zero: {@code 0.00}). */
    public static String format(BigDecimal wan) {
        DecimalFormat format =
                new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(wan);
    }

    /** Yuan with two decimals and thousands separators: {@code 1,304,200.00}. */
    public static String yuan(long fen) {
        DecimalFormat format =
                new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(BigDecimal.valueOf(fen, 2));
    }
}
