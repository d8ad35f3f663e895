package ledger.core.classification;

import java.util.Locale;
import java.util.Optional;

/** The two classifications a 科目表 holds: 支出功能分类 and 部门预算支出经济分类. */
public enum Classification implements CodedValue {
    FUNCTIONAL("functional", "功能分类", "支出功能分类", 2),
    ECONOMIC("economic", "经济分类", "部门预算支出经济分类", 3);

    private final String code;
    private final String chineseName;
    private final String fullName;
    private final int firstDigit;

    Classification(String code, String chineseName, String fullName, int firstDigit) {
        this.code = code;
        this.chineseName = chineseName;
        this.fullName = fullName;
        this.firstDigit = firstDigit;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String chineseName() {
        return chineseName;
    }

    /** The name as published: 支出功能分类, 部门预算支出经济分类. */
    public String fullName() {
        return fullName;
    }

    /** The words a 科目表 file may use in its classification column, in English or Chinese. */
    public static Optional<Classification> byWord(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        for (Classification value : values()) {
            if (word.equals(value.code)
                    || word.equals(value.chineseName)
                    || word.equals(value.fullName)
                    || word.equals(value.chineseName + "科目")
                    || word.equals(value.fullName + "科目")) {
                return Optional.of(value);
            }
        }
        if (word.equals("部门预算经济分类") || word.equals("支出经济分类")) {
            return Optional.of(ECONOMIC);
        }
        return Optional.empty();
    }

    /** Without a classification column the first digit decides: 2 功能分类, 3 经济分类. */
    public static Optional<Classification> byFirstDigit(String code) {
        for (Classification value : values()) {
            if (!code.isEmpty() && code.charAt(0) == (char) ('0' + value.firstDigit)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The digits a code of each level has: 类 3, 款 5, 项 7 (经济分类 stops at 款). */
    public boolean allowsLength(int digits) {
        return digits == 3 || digits == 5 || (digits == 7 && this == FUNCTIONAL);
    }

    public int firstDigit() {
        return firstDigit;
    }
}
