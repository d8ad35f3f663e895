package ledger.core.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EconomicCodeTest {

    @Test
    void codesOfThreeAndFiveDigitsAreLeiAndKuan() {
        // Goal: economic codes stop at 款; postings are made there.
        assertThat(EconomicCode.of("301").level()).isEqualTo(ClassLevel.LEI);
        assertThat(EconomicCode.of("30101").level()).isEqualTo(ClassLevel.KUAN);
        assertThat(EconomicCode.of("30101").isKuan()).isTrue();
        assertThat(EconomicCode.of("301").isKuan()).isFalse();
        assertThat(EconomicCode.of("30101").lei()).isEqualTo(EconomicCode.of("301"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"301", "30101", "30113", "30199", "303", "30302", "30399"})
    void wagesAndPaymentsToIndividualsArePersonnel(String code) {
        // Goal: 类 301 and 303 are 人员经费.
        assertThat(EconomicCode.of(code).isPersonnel()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"302", "30201", "30231", "30701", "31002", "31204", "39908", "39999"})
    void everyOtherLeiIsPublic(String code) {
        // Goal: every other 类 is 公用经费.
        assertThat(EconomicCode.of(code).isPersonnel()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "30|3 位（类）或 5 位（款）数字",
                "3010|3 位（类）或 5 位（款）数字",
                "3010101|3 位（类）或 5 位（款）数字",
                "30a01|只能由数字组成",
                "20101|以 3 开头",
                "' '|为必填项"
            })
    void malformedCodesAreRefusedWithTheReason(String code, String reason) {
        // Goal: each format rule has its own message.
        assertThatThrownBy(() -> EconomicCode.of(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
