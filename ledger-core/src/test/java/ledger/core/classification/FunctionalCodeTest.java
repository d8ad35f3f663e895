package ledger.core.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionalCodeTest {

    @ParameterizedTest
    @CsvSource({"201, LEI", "20103, KUAN", "2010301, XIANG"})
    void codesOfThreeFiveAndSevenDigitsAreTheThreeLevels(String code, ClassLevel level) {
        // Goal: 类, 款 and 项 are told apart by their number of digits.
        assertThat(FunctionalCode.of(code).level()).isEqualTo(level);
        assertThat(FunctionalCode.of(code).isXiang()).isEqualTo(level == ClassLevel.XIANG);
    }

    @Test
    void aXiangKnowsItsLeiKuanAndParent() {
        // Goal: statements roll a 项 up to its 款 and 类.
        FunctionalCode xiang = FunctionalCode.of("2010301");
        assertThat(xiang.lei()).isEqualTo(FunctionalCode.of("201"));
        assertThat(xiang.kuan()).isEqualTo(FunctionalCode.of("20103"));
        assertThat(xiang.parent()).contains(FunctionalCode.of("20103"));
        assertThat(FunctionalCode.of("20103").parent()).contains(FunctionalCode.of("201"));
        assertThat(FunctionalCode.of("201").parent()).isEmpty();
        assertThat(FunctionalCode.of("201").lei()).isEqualTo(FunctionalCode.of("201"));
    }

    @Test
    void aLeiHasNoKuan() {
        // Goal: asking a 类 for its 款 is a programming error, reported as such.
        assertThatThrownBy(() -> FunctionalCode.of("201").kuan())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("201");
    }

    @Test
    void aCodeIsWithinItselfAndItsAncestorsOnly() {
        // Goal: isWithin follows the hierarchy, including the code itself, and nothing beside it.
        FunctionalCode xiang = FunctionalCode.of("2010301");
        assertThat(xiang.isWithin(FunctionalCode.of("201"))).isTrue();
        assertThat(xiang.isWithin(FunctionalCode.of("20103"))).isTrue();
        assertThat(xiang.isWithin(xiang)).isTrue();
        assertThat(xiang.isWithin(FunctionalCode.of("20199"))).isFalse();
        assertThat(xiang.isWithin(FunctionalCode.of("208"))).isFalse();
        assertThat(FunctionalCode.of("20103").isWithin(xiang)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "20|3 位（类）、5 位（款）或 7 位（项）数字",
                "2010|3 位（类）、5 位（款）或 7 位（项）数字",
                "abc|只能由数字组成",
                "20103O1|只能由数字组成",
                "1010301|以 2 开头",
                "' '|为必填项"
            })
    void malformedCodesAreRefusedWithTheReason(String code, String reason) {
        // Goal: each format rule has its own message, so the clerk knows what to correct.
        assertThatThrownBy(() -> FunctionalCode.of(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aMissingCodeIsRefused() {
        // Goal: null is refused like a blank cell.
        assertThatThrownBy(() -> FunctionalCode.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("为必填项");
    }

    @Test
    void codesSortAsText() {
        // Goal: sorting puts each 类 before its 款 and 项, the order of the statements.
        assertThat(FunctionalCode.of("201")).isLessThan(FunctionalCode.of("2010301"));
        assertThat(FunctionalCode.of("2010399")).isLessThan(FunctionalCode.of("20199"));
        assertThat(FunctionalCode.of("2010301").toString()).isEqualTo("2010301");
    }
}
