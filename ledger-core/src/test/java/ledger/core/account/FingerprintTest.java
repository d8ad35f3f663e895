package ledger.core.account;

import static ledger.core.LedgerFixtures.day;
import static ledger.core.LedgerFixtures.generalPersonnelAccount;
import static ledger.core.LedgerFixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The stored content of a transaction id: no two different contents may share a fingerprint. */
class FingerprintTest {

    private static final AccountKey ACCOUNT = generalPersonnelAccount();

    private static AppropriateFunds appropriation(String voucher, String memo) {
        return new AppropriateFunds(
                ACCOUNT,
                new Entry(TransactionId.of("fp-1"), day(1, 5), voucher, memo),
                yuan("100.00"));
    }

    static Stream<Arguments> voucherAndMemoSplitDifferently() {
        // Each pair would read the same if the fields were only joined with a separator or quoted.
        return Stream.of(
                Arguments.of("A|B", "C", "A", "B|C"),
                Arguments.of("A", "|C", "A|", "C"),
                Arguments.of("A,B", "C", "A", "B,C"),
                Arguments.of("A\"", "\"C", "A", "\"\"C"),
                Arguments.of("\"A|B\"", "C", "\"A", "B\"|C"),
                Arguments.of("A\nB", "C", "A", "B\nC"),
                Arguments.of("A\u0000", "", "A", "\u0000"),
                Arguments.of("", "A", "A", ""),
                Arguments.of("第1号|", "摘要", "第1号", "|摘要"));
    }

    @ParameterizedTest
    @MethodSource("voucherAndMemoSplitDifferently")
    void fieldsSplitDifferentlyNeverShareAFingerprint(
            String voucherA, String memoA, String voucherB, String memoB) {
        // Goal: the issue's case, with separators, quotes, line breaks and empty fields: the
        // length prefix keeps a field's boundary wherever its characters would blur it.
        assertThat(Fingerprint.of(List.of("x", voucherA, memoA)))
                .isNotEqualTo(Fingerprint.of(List.of("x", voucherB, memoB)));
    }

    @Test
    void theIssuesTwoRowsAreDifferentContent() {
        // Goal: the same check through the command, as import, record and the API compute it.
        assertThat(appropriation("A|B", "C").fingerprint())
                .isNotEqualTo(appropriation("A", "B|C").fingerprint());
        assertThat(appropriation("A|B", "C").fingerprint())
                .isEqualTo(appropriation("A|B", "C").fingerprint());
    }

    @Test
    void aLineBreakTypedInACellIsTheSameContentAsTheSpaceItBecomes() {
        // Goal: Text.clean turns Alt+Enter into a space before hashing, so a re-export still
        // matches,
        // while a break that moves text from one field to another still differs.
        assertThat(appropriation("A\nB", "C").fingerprint())
                .isEqualTo(appropriation("A B", "C").fingerprint());
        assertThat(appropriation("A\nB", "C").fingerprint())
                .isNotEqualTo(appropriation("A", "B\nC").fingerprint());
    }

    @Test
    void theFingerprintIsSha256OfLengthPrefixedUtf8Fields() {
        // Goal: the exact encoding, which the stored registers and the V6 migration depend on:
        // SHA-256("" as 4 zero bytes) and of one field "a" (length 1, then 0x61).
        assertThat(Fingerprint.of(List.of("")))
                .isEqualTo("df3f619804a92fdb4057192dc43dd748ea778adc52bc498ce80524c014b81119");
        assertThat(Fingerprint.of(List.of("a")))
                .isEqualTo("72ff6b02949dad95006c343e3db3150090d3afb49f6bbdb92fdc17607997a85c");
        assertThat(Fingerprint.isHash(Fingerprint.of("a"))).isTrue();
        assertThat(Fingerprint.isHash("appropriation|2021-01-05|general|2010301|30101|10000||"))
                .isFalse();
    }

    @Test
    void aReversalsFingerprintIsItsOwnFieldsHashed() {
        // Goal: a reversal's content is what it reverses, with the same hashing as every other
        // kind.
        ReverseTransaction reversal =
                new ReverseTransaction(
                        ACCOUNT,
                        new Entry(TransactionId.of("r-1"), day(2, 1), "V|1", "m"),
                        TransactionId.of("fp-1"));
        assertThat(reversal.fingerprint())
                .isEqualTo(Fingerprint.of("reversal", "2020-02-01", "fp-1", "V|1", "m"));
        assertThat(reversal.fingerprint())
                .isNotEqualTo(
                        new ReverseTransaction(
                                        ACCOUNT,
                                        new Entry(TransactionId.of("r-1"), day(2, 1), "V", "1|m"),
                                        TransactionId.of("fp-1"))
                                .fingerprint());
    }
}
