package ledger.projections.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Goal: an address prints and parses as the report numbers it, and bad input says what is wrong.
 */
class CellAddressTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "T3/2010302/3",
                "T1/1/1",
                "T6/personnel-total/1",
                "T2/total/7",
                "T7/1/12",
                "T9/abcdefghijklmnopqrstuvwxyz012345/1"
            })
    void printsAndParsesBack(String text) {
        assertThat(CellAddress.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void partsAreKeptSeparately() {
        CellAddress cell = CellAddress.parse("T3/2010302/3");

        assertThat(cell).isEqualTo(new CellAddress("T3", "2010302", 3));
        assertThat(cell.tableNumber()).isEqualTo(3);
        assertThat(cell.rowAndColumn()).isEqualTo("2010302/3");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "T3/2010302|table/row/column",
                "T0/1/1|T1 … T9",
                "X3/1/1|T1 … T9",
                "T3//1|row",
                "T3/201 02/1|row",
                "T3/-total/1|row",
                "T3/１２３/1|row",
                "T3/abcdefghijklmnopqrstuvwxyz0123456/1|row",
                "T10/1/1|T1 … T9",
                "t3/1/1|T1 … T9",
                "T3/201/x|column",
                "T3/201/0|column must be 1 or more",
                "T3/201/3/4|table/row/column",
                "''|missing"
            })
    void refusesBadInputSayingWhy(String text, String reason) {
        assertThatThrownBy(() -> CellAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void sortsInReportOrder() {
        List<CellAddress> cells = new ArrayList<>();
        for (String text :
                List.of(
                        "T3/2010301/1",
                        "T1/10/1",
                        "T3/total/1",
                        "T1/9/1",
                        "T3/201/2",
                        "T6/public-total/1",
                        "T6/301/1",
                        "T6/personnel-total/1",
                        "T3/201/1")) {
            cells.add(CellAddress.parse(text));
        }
        Collections.sort(cells);

        assertThat(cells)
                .extracting(CellAddress::toString)
                .containsExactly(
                        "T1/9/1",
                        "T1/10/1",
                        "T3/total/1",
                        "T3/201/1",
                        "T3/201/2",
                        "T3/2010301/1",
                        "T6/301/1",
                        "T6/personnel-total/1",
                        "T6/public-total/1");
    }
}
