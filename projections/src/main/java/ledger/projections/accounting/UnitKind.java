package ledger.projections.accounting;

import java.util.Locale;

/**
 * The kind of a unit under 政府会计制度, which decides its 支出 科目: a 行政单位 books its 基本 and 项目 spending to
 * 7101 行政支出, a 事业单位 to 7201 事业支出. Until units are registered with their kind the caller says it,
 * and {@link #ADMINISTRATIVE} is the default.
 */
public enum UnitKind {
    ADMINISTRATIVE("administrative", "行政单位"),
    INSTITUTION("institution", "事业单位");

    private final String code;
    private final String chineseName;

    UnitKind(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    /** The kind of an unregistered unit. */
    public static UnitKind defaultKind() {
        return ADMINISTRATIVE;
    }

    /**
     * {@code administrative} / {@code institution} or the Chinese name.
     *
     * @throws IllegalArgumentException in Chinese and English, naming the values it takes
     */
    public static UnitKind parse(String text) {
        String wanted = text == null ? "" : text.strip();
        for (UnitKind kind : values()) {
            if (kind.code.equals(wanted.toLowerCase(Locale.ROOT))
                    || kind.chineseName.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "单位类型应为 行政单位（administrative）或 事业单位（institution），不是 '"
                        + wanted
                        + "' (unit kind must be administrative or institution)");
    }

    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }
}
