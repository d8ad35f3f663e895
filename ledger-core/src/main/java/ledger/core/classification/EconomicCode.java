package ledger.core.classification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;

/**
 * 部门预算支出经济分类科目: what the money buys. 类 has 3 digits ({@code 301} 工资福利支出), 款 5 ({@code 30101} 基本工资).
 * Postings are made at 款.
 */
public record EconomicCode(@JsonValue String code) implements Comparable<EconomicCode> {

    /** 工资福利支出 and 对个人和家庭的补助: the 类 that make up 人员经费. */
    private static final java.util.Set<String> PERSONNEL_LEI = java.util.Set.of("301", "303");

    @JsonCreator
    public EconomicCode {
        if (code == null || code.isBlank()) {
            throw new Refusal(Reason.of("field.required", FieldName.of("economic")));
        }
        if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refusal(Reason.of("code.digits", FieldName.of("economic"), code));
        }
        if (code.length() != 3 && code.length() != 5) {
            throw new Refusal(Reason.of("code.economicLength", code));
        }
        if (code.charAt(0) != '3') {
            throw new Refusal(Reason.of("code.firstDigit", FieldName.of("economic"), "3", code));
        }
    }

    public static EconomicCode of(String code) {
        return new EconomicCode(code);
    }

    public ClassLevel level() {
        return ClassLevel.ofDigits(code.length());
    }

    public boolean isKuan() {
        return code.length() == 5;
    }

    public EconomicCode lei() {
        return new EconomicCode(code.substring(0, 3));
    }

    /** 人员经费 (301, 303) as opposed to 公用经费 (every other 类). */
    public boolean isPersonnel() {
        return PERSONNEL_LEI.contains(code.substring(0, 3));
    }

    @Override
    public int compareTo(EconomicCode other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
