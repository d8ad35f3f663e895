package ledger.core.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A budget unit's code, e.g. {@code jianghan-gov-office}: lower-case letters, digits and hyphens. */
public record UnitCode(@JsonValue String code) implements Comparable<UnitCode> {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    @JsonCreator
    public UnitCode {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("unit is missing");
        }
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("unit code must be 1–64 lower-case letters, digits or"
                    + " hyphens, starting with a letter or digit: " + Text.abbreviate(code));
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
