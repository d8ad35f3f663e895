package ledger.core.classification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 支出性质: the columns of 表3. 基本支出 is split into 人员经费 and 公用经费 by economic code. */
public enum ExpenditureNature implements CodedValue {
    PERSONNEL("personnel", "基本支出-人员经费"),
    PUBLIC("public", "基本支出-公用经费"),
    PROJECT("project", "项目支出"),
    REMIT("remit", "上缴上级支出"),
    BUSINESS_OP("business-op", "经营支出"),
    SUBSIDY("subsidy", "对附属单位补助支出");

    private final String code;
    private final String chineseName;

    ExpenditureNature(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    @JsonCreator
    public static ExpenditureNature parse(String text) {
        return CodedValue.parse(ExpenditureNature.class, "nature", text);
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

    /** 基本支出: 人员经费 and 公用经费. */
    public boolean isBasic() {
        return this == PERSONNEL || this == PUBLIC;
    }

    /** The natures a 财政拨款 source may spend on: the columns 表4/表5/表8/表9 have. */
    public boolean allowedForFiscalAppropriation() {
        return isBasic() || this == PROJECT;
    }
}
