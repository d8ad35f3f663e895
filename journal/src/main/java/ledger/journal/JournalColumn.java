package ledger.journal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of a journal file, by their English names and the Chinese names accepted beside them.
 */
public enum JournalColumn {
    ID("id", "交易号"),
    DATE("date", "日期"),
    KIND("kind", "类型"),
    UNIT("unit", "单位"),
    FUND("fund", "资金来源"),
    FUNCTIONAL("functional", "功能分类"),
    ECONOMIC("economic", "经济分类"),
    NATURE("nature", "支出性质"),
    PROJECT("project", "项目"),
    AMOUNT("amount", "金额"),
    VOUCHER("voucher", "凭证号"),
    MEMO("memo", "摘要"),
    REVERSES("reverses", "冲销交易号"),
    PROCUREMENT("procurement", "采购类型"),
    SME("sme", "中小企业"),
    UNIT_NAME("unit_name", "单位名称"),
    PROJECT_NAME("project_name", "项目名称"),
    INDICATOR("indicator", "指标文号"),
    TO_UNIT("to_unit", "收款单位");

    private final String english;
    private final String chinese;

    JournalColumn(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }

    /**
     * How a message names the column: its Chinese name, then its English one, e.g. {@code 金额
     * amount}.
     */
    public String label() {
        return chinese + " " + english;
    }

    /** Every column, as a message lists them. */
    public static String names() {
        return Arrays.stream(values())
                .map(JournalColumn::label)
                .collect(java.util.stream.Collectors.joining("、"));
    }

    public static Optional<JournalColumn> byName(String header) {
        String name = header.strip();
        return Arrays.stream(values())
                .filter(c -> c.english.equalsIgnoreCase(name) || c.chinese.equals(name))
                .findFirst();
    }
}
