package ledger.core.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;

/**
 * The client's own id for a transaction (交易号), unique within its unit and fiscal year. Sending the
 * same id again with the same content changes nothing; with other content it is refused.
 */
public record TransactionId(@JsonValue String value) implements Comparable<TransactionId> {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}");

    @JsonCreator
    public TransactionId {
        if (value == null || value.isBlank()) {
            throw new Refusal(Reason.of("field.required", FieldName.of("id")));
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new Refusal(Reason.of("id.format", Text.abbreviate(value)));
        }
    }

    public static TransactionId of(String value) {
        return new TransactionId(value);
    }

    @Override
    public int compareTo(TransactionId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
