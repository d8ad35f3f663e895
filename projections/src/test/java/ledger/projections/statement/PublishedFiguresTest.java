package ledger.projections.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * Goal: the published-figures TSV reads as DOMAIN.md describes, and a bad line is named with its
 * reason.
 */
class PublishedFiguresTest {

    private static PublishedFigures parse(String text) {
        return PublishedFigures.parse(new StringReader(text));
    }

    @Test
    void readsFiguresSkippingCommentsAndBlankLines() {
        PublishedFigures figures =
                parse(
                        "\uFEFF# 表1\n"
                                + "T1\t1\t1\t2493.03\n"
                                + "\n"
                                + "   # indented comment\n"
                                + "T7\t1\t1\t12.9\n"
                                + "T4\t3\t1\t0\n"
                                + "T3\t2010302\t3\t1,197.34\n"
                                + "T6\tpersonnel-total\t1\t937.18\n");

        assertThat(figures.size()).isEqualTo(5);
        assertThat(figures.published(CellAddress.parse("T1/1/1")))
                .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo("2493.03"));
        assertThat(figures.value(CellAddress.parse("T7/1/1"))).isEqualByComparingTo("12.90");
        assertThat(figures.value(CellAddress.parse("T4/3/1"))).isEqualByComparingTo("0");
        assertThat(figures.value(CellAddress.parse("T3/2010302/3")))
                .isEqualByComparingTo("1197.34");
        assertThat(figures.value(CellAddress.parse("T2/total/1"))).isEqualByComparingTo("0");
        assertThat(figures.published(CellAddress.parse("T2/total/1"))).isEmpty();
        assertThat(figures.figure(CellAddress.parse("T7/1/1")))
                .get()
                .extracting(PublishedFigure::line)
                .isEqualTo(5);
        assertThat(figures.rows("T6")).containsExactly("personnel-total");
    }

    @Test
    void everyBadLineIsNamedWithItsNumberAndReason() {
        String text =
                "T1\t1\t1\t2493.03\n"
                        + "T1\t1\t2493.03\n"
                        + "T0\t1\t1\t1.00\n"
                        + "T1\t61\t2\t1.00\n"
                        + "T1\t31\t1\t1.00\n"
                        + "T3\t2010302\t7\t1.00\n"
                        + "T3\t1010302\t1\t1.00\n"
                        + "T2\t201\t1\t12.345\n"
                        + "T2\t201\t2\tabc\n"
                        + "T2\t201\t3\t\n"
                        + "T1\t1\t1\t2493.03\n"
                        + "T7\t2\t1\t1.00\n"
                        + "T1\t07\t1\t1.00\n";

        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12 bad line(s)")
                .hasMessageContaining("line 2: expected 4 tab-separated fields")
                .hasMessageContaining("line 3: table must be T1 … T9")
                .hasMessageContaining("line 4: T1 rows are lines 1–60")
                .hasMessageContaining("line 5: T1 row 31 has no column 1")
                .hasMessageContaining("line 6: T3 row 2010302 has no column 7")
                .hasMessageContaining("line 7: T3 row: 功能分类代码应为以 2 开头的支出科目")
                .hasMessageContaining("line 8: value must be a number in 万元 with at most two")
                .hasMessageContaining("line 9: value must be a number")
                .hasMessageContaining("line 10: value is missing")
                .hasMessageContaining("line 11: T1/1/1 is already given on line 1")
                .hasMessageContaining("line 12: T7 has the single row 1")
                .hasMessageContaining("line 13: T1 rows are lines 1–60, got: 07");
    }
}
