package ledger.core.department;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ledger.core.classification.CodedValue;

/** 单位性质: what kind of unit keeps the books, which decides its accounting rules. */
public enum UnitKind implements CodedValue {
    ADMINISTRATIVE("administrative", "行政单位"),
    INSTITUTION("institution", "事业单位"),
    CIVIL_SERVICE_MANAGED("civil-service-managed", "参公单位");

    private final String code;
    private final String chineseName;

    UnitKind(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    /** The English word, the Chinese name, or 参照公务员法管理 (the long name of 参公单位). */
    @JsonCreator
    public static UnitKind parse(String text) {
        if (text != null && text.strip().equals("参照公务员法管理")) {
            return CIVIL_SERVICE_MANAGED;
        }
        return CodedValue.parse(UnitKind.class, "kind", text);
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public String chineseName() {
        return chineseName;
    }
}
