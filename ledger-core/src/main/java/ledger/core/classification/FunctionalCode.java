package ledger.core.classification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;

/**
 * 支出功能分类科目: what the money is for. 类 has 3 digits ({@code 201}), 款 5 ({@code 20103}), 项 7 ({@code
 * 2010301}). Postings are made at 项; statements roll up to 款 and 类.
 */
public record FunctionalCode(@JsonValue String code) implements Comparable<FunctionalCode> {

    @JsonCreator
    public FunctionalCode {
        if (code == null || code.isBlank()) {
            throw new Refusal(Reason.of("field.required", FieldName.of("functional")));
        }
        if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refusal(Reason.of("code.digits", FieldName.of("functional"), code));
        }
        if (code.length() != 3 && code.length() != 5 && code.length() != 7) {
            throw new Refusal(Reason.of("code.functionalLength", code));
        }
        if (code.charAt(0) != '2') {
            throw new Refusal(Reason.of("code.firstDigit", FieldName.of("functional"), "2", code));
        }
    }

    public static FunctionalCode of(String code) {
        return new FunctionalCode(code);
    }

    public ClassLevel level() {
        return ClassLevel.ofDigits(code.length());
    }

    public boolean isXiang() {
        return code.length() == 7;
    }

    /** The 类 (3 digits) this code belongs to; a 类 is its own 类. */
    public FunctionalCode lei() {
        return new FunctionalCode(code.substring(0, 3));
    }

    /** The 款 (5 digits) of a 款 or 项 code. */
    public FunctionalCode kuan() {
        if (code.length() < 5) {
            throw new IllegalStateException("a 类 has no 款: " + code);
        }
        return new FunctionalCode(code.substring(0, 5));
    }

    /** The code one level up, or empty for a 类. */
    public java.util.Optional<FunctionalCode> parent() {
        return code.length() == 3
                ? java.util.Optional.empty()
                : java.util.Optional.of(new FunctionalCode(code.substring(0, code.length() - 2)));
    }

    /**
     * True when this code is the given code or lies beneath it (2010301 is within 201 and 20103).
     */
    public boolean isWithin(FunctionalCode ancestor) {
        return code.startsWith(ancestor.code);
    }

    @Override
    public int compareTo(FunctionalCode other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
