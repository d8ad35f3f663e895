package ledger.core.classification;

import java.util.Arrays;
import java.util.stream.Collectors;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;

/**
 * A closed set of values that finance staff write either as an English word or as its Chinese name
 * ({@code general} or {@code 一般公共预算财政拨款}); both spell the same value.
 */
public interface CodedValue extends Reason.Named {

    /** The English word used in journals, JSON and SQL. */
    String code();

    /** The Chinese name printed in the statements. */
    @Override
    String chineseName();

    /** In English messages a value is named by its English word. */
    @Override
    default String englishName() {
        return code();
    }

    /**
     * Finds the value whose English word or Chinese name is {@code text}.
     *
     * @throws IllegalArgumentException listing the accepted words
     */
    static <E extends Enum<E> & CodedValue> E parse(Class<E> type, String what, String text) {
        if (text == null || text.isBlank()) {
            throw new Refusal(Reason.of("field.required", FieldName.of(what)));
        }
        String wanted = text.strip();
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(wanted) || value.chineseName().equals(wanted)) {
                return value;
            }
        }
        // Chinese names first (what a clerk types), each with its English word; English lists the
        // words.
        String chinese =
                Arrays.stream(type.getEnumConstants())
                        .map(value -> value.chineseName() + "（" + value.code() + "）")
                        .collect(Collectors.joining("、"));
        String english =
                Arrays.stream(type.getEnumConstants())
                        .map(CodedValue::code)
                        .collect(Collectors.joining(", "));
        throw new Refusal(
                Reason.of(
                        "value.unknown",
                        FieldName.of(what),
                        wanted,
                        new Reason.Named() {
                            @Override
                            public String chineseName() {
                                return chinese;
                            }

                            @Override
                            public String englishName() {
                                return english;
                            }
                        }));
    }
}
