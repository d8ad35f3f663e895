package ledger.core.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;

/**
 * A budget unit's code, e.g. {@code jianghan-gov-office}: lower-case letters, digits and hyphens.
 */
public record UnitCode(@JsonValue String code) implements Comparable<UnitCode> {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    @JsonCreator
    public UnitCode {
        if (code == null || code.isBlank()) {
            throw new Refusal(Reason.of("field.required", FieldName.of("unit")));
        }
        if (!FORMAT.matcher(code).matches()) {
            throw new Refusal(Reason.of("unit.format", Text.abbreviate(code)));
        }
    }

    public static UnitCode of(String code) {
        return new UnitCode(code);
    }

    @Override
    public int compareTo(UnitCode other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
