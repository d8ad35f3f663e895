package ledger.core.classification;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A closed set of values that finance staff write either as an English word or as its Chinese name
 * ({@code general} or {@code 一般公共预算财政拨款}); both spell the same value.
 */
public interface CodedValue {

    /** The English word used in journals, JSON and SQL. */
    String code();

    /** The Chinese name printed in the statements. */
    String chineseName();

    /**
     * Finds the value whose English word or Chinese name is {@code text}.
     *
     * @throws IllegalArgumentException listing the accepted words
     */
    static <E extends Enum<E> & CodedValue> E parse(Class<E> type, String what, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        String wanted = text.strip();
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(wanted) || value.chineseName().equals(wanted)) {
                return value;
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants())
                .map(CodedValue::code)
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "unknown " + what + " '" + wanted + "' (expected one of: " + accepted + ")");
    }
}
