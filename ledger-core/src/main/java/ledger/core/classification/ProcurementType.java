package ledger.core.classification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 政府采购 type of an expenditure, reported in the 情况说明. */
public enum ProcurementType implements CodedValue {
    GOODS("goods", "货物"),
    SERVICES("services", "服务"),
    WORKS("works", "工程");

    private final String code;
    private final String chineseName;

    ProcurementType(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    @JsonCreator
    public static ProcurementType parse(String text) {
        return CodedValue.parse(ProcurementType.class, "procurement", text);
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
