package ledger.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
        "0.01, 1",
        "1304200.00, 130420000",
        "5, 500",
        "0.5, 50",
        "0, 0",
        "9999999999999999.99, 999999999999999999"
    })
    void plainYuanFiguresAreReadToTheExactFen(String text, long expectedFen) {
        // Goal: every accepted spelling of a yuan amount becomes the exact number of fen.
        assertThat(Money.parseYuan(text)).isEqualTo(Money.ofFen(expectedFen));
    }

    @Test
    void anEmptyAmountIsRefusedAsMissing() {
        // Goal: an empty cell is reported as missing, not as a malformed figure.
        assertThatThrownBy(() -> Money.parseYuan(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("金额为必填项");
        assertThatThrownBy(() -> Money.parseYuan(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("金额为必填项");
    }

    @Test
    void aNegativeAmountIsRefused() {
        // Goal: direction is carried by the event type, so a typed minus sign is refused.
        assertThatThrownBy(() -> Money.parseYuan("-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("金额必须大于零");
    }

    @Test
    void aThirdDecimalIsRefused() {
        // Goal: amounts are kept to the fen; a third decimal would be silently lost, so it is
        // refused.
        assertThatThrownBy(() -> Money.parseYuan("1.234"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("金额的小数超过两位");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5", "1,000.00", "12.", ".5", "１２", "0x10", "+5", "1 000"})
    void figuresThatAreNotPlainYuanAreRefused(String text) {
        // Goal: exponents, thousands separators and other spellings are refused rather than
        // guessed.
        assertThatThrownBy(() -> Money.parseYuan(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("不是以元为单位的数字");
    }

    @ParameterizedTest
    @ValueSource(strings = {" 12 ", " 12", "12 ", "12\t"})
    void anAmountWithSpacesAroundItIsRefused(String text) {
        // Goal: parseYuan takes the figure exactly; stripping is the reader's job, not a silent
        // repair here.
        assertThatThrownBy(() -> Money.parseYuan(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("金额前后有空格");
    }

    @Test
    void anAmountBeyondTheRangeOfALongIsRefused() {
        // Goal: an overflowing figure is refused, never wrapped into a plausible wrong amount.
        assertThatThrownBy(() -> Money.parseYuan("99999999999999999999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99999999999999999999");
    }

    @Test
    void addingPastTheLargestAmountThrows() {
        // Goal: plus uses exact arithmetic, so an overflow throws instead of wrapping negative.
        Money largest = Money.ofFen(Long.MAX_VALUE);
        assertThat(largest.minus(Money.ofFen(1)).plus(Money.ofFen(1))).isEqualTo(largest);
        assertThatThrownBy(() -> largest.plus(Money.ofFen(1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void subtractingPastTheSmallestAmountThrows() {
        // Goal: minus and negate use exact arithmetic too.
        Money smallest = Money.ofFen(Long.MIN_VALUE);
        assertThatThrownBy(() -> smallest.minus(Money.ofFen(1)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(smallest::negate).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void arithmeticAndComparisonWorkOnFen() {
        // Goal: the small algebra the rules rely on (available = opening + received − spent) is
        // exact.
        Money a = Money.parseYuan("100.01");
        Money b = Money.parseYuan("0.02");
        assertThat(a.plus(b)).isEqualTo(Money.ofFen(10_003));
        assertThat(b.minus(a)).isEqualTo(Money.ofFen(-9_999));
        assertThat(b.minus(a).isNegative()).isTrue();
        assertThat(a.exceeds(b)).isTrue();
        assertThat(a.exceeds(a)).isFalse();
        assertThat(a.max(b)).isEqualTo(a);
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.ZERO.isPositive()).isFalse();
        assertThat(a.compareTo(b)).isPositive();
    }

    @Test
    void yuanAreWrittenWithExactlyTwoDecimals() {
        // Goal: the journal form of an amount always shows the fen.
        assertThat(Money.ofFen(130_420_000).toYuanString()).isEqualTo("1304200.00");
        assertThat(Money.ofFen(5).toYuanString()).isEqualTo("0.05");
        assertThat(Money.ofFen(-1).toString()).isEqualTo("-0.01");
    }

    @ParameterizedTest
    @CsvSource({
        "136350.00, 13.64",
        "495650.00, 49.57",
        "632000.00, 63.20",
        "0.00, 0.00",
        "49.99, 0.00",
        "50.00, 0.01",
        "24930300.00, 2493.03"
    })
    void wanYuanAreRoundedHalfUpToTwoDecimals(String yuan, String wanYuan) {
        // Goal: a statement cell shows 万元 rounded half-up, as the published 政府采购 figures are.
        assertThat(Money.parseYuan(yuan).toWanYuan()).isEqualTo(new BigDecimal(wanYuan));
    }

    @Test
    void exactWanYuanKeepEveryFen() {
        // Goal: the unrounded 万元 figure is available for totals, which are rounded once from it.
        assertThat(Money.parseYuan("136350.00").toWanYuanExact()).isEqualByComparingTo("13.635");
        assertThat(Money.parseYuan("0.01").toWanYuanExact()).isEqualByComparingTo("0.000001");
        assertThat(Money.parseYuan("632000.00").toWanYuanExact()).isEqualByComparingTo("63.2");
        assertThat(Money.ZERO.toWanYuanExact()).isEqualByComparingTo("0");
    }
}
