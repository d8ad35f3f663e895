package ledger.core.classification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 收入来源: the eight income lines of 表1, in 表1's order. The first three are 财政拨款. */
public enum FundSource implements CodedValue {
    GENERAL("general", "一般公共预算财政拨款", true),
    GOV_FUND("gov-fund", "政府性基金预算财政拨款", true),
    SOE_CAPITAL("soe-capital", "国有资本经营预算财政拨款", true),
    SUPERIOR("superior", "上级补助收入", false),
    BUSINESS("business", "事业收入", false),
    OPERATING("operating", "经营收入", false),
    AFFILIATED("affiliated", "附属单位上缴收入", false),
    OTHER("other", "其他收入", false);

    private final String code;
    private final String chineseName;
    private final boolean fiscalAppropriation;

    FundSource(String code, String chineseName, boolean fiscalAppropriation) {
        this.code = code;
        this.chineseName = chineseName;
        this.fiscalAppropriation = fiscalAppropriation;
    }

    @JsonCreator
    public static FundSource parse(String text) {
        return CodedValue.parse(FundSource.class, "fund source", text);
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

    /**
     * 财政拨款 sources: their appropriations are capped by the budget, and their spending is 基本 (人员/公用)
     * or 项目 only, the columns of 表4/表5/表8/表9.
     */
    public boolean isFiscalAppropriation() {
        return fiscalAppropriation;
    }
}
