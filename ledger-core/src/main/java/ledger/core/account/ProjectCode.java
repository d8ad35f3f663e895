package ledger.core.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;

/** A project (项目) of a unit, e.g. {@code JH2020-P04}; every 项目支出 names one. */
public record ProjectCode(@JsonValue String code) implements Comparable<ProjectCode> {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    @JsonCreator
    public ProjectCode {
        if (code == null || code.isBlank()) {
            throw new Refusal(Reason.of("field.required", FieldName.of("project")));
        }
        if (!FORMAT.matcher(code).matches()) {
            throw new Refusal(Reason.of("project.format", Text.abbreviate(code)));
        }
    }

    public static ProjectCode of(String code) {
        return new ProjectCode(code);
    }

    @Override
    public int compareTo(ProjectCode other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
