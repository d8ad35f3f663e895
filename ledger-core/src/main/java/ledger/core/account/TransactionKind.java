package ledger.core.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ledger.core.classification.CodedValue;

/** What a transaction does. The first eight are journal kinds; carry-over kinds come from closing a year. */
public enum TransactionKind implements CodedValue {
    BUDGET("budget", "年初预算", true),
    SUPPLEMENT("supplement", "追加预算", true),
    REDUCE("reduce", "调减预算", true),
    APPROPRIATION("appropriation", "拨款", true),
    EXPENDITURE("expenditure", "支出", true),
    OPENING("opening", "年初结转和结余", true),
    REVERSAL("reversal", "冲销", true),
    TRANSFER("transfer", "单位间划转", true),
    CARRY_FORWARD("carry-forward", "年末结转", false),
    CARRY_IN("carry-in", "上年结转", false);

    private final String code;
    private final String chineseName;
    private final boolean journalKind;

    TransactionKind(String code, String chineseName, boolean journalKind) {
        this.code = code;
        this.chineseName = chineseName;
        this.journalKind = journalKind;
    }

    /** Parses a journal kind; carry-over kinds are produced by closing a year, never typed in. */
    @JsonCreator
    public static TransactionKind parse(String text) {
        return CodedValue.parse(TransactionKind.class, "kind", text);
    }

    public static TransactionKind parseJournalKind(String text) {
        TransactionKind kind = parse(text);
        if (!kind.journalKind) {
            throw new ledger.core.text.Refusal(ledger.core.text.Reason.of("kind.carryOver", kind, text));
        }
        return kind;
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
