package ledger.core.classification;

/** The three levels of a classification code: 类, 款 and 项 (economic codes stop at 款). */
public enum ClassLevel {
    LEI("类"),
    KUAN("款"),
    XIANG("项");

    private final String chinese;

    ClassLevel(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    static ClassLevel ofDigits(int digits) {
        return switch (digits) {
            case 3 -> LEI;
            case 5 -> KUAN;
            case 7 -> XIANG;
            default -> throw new IllegalArgumentException("no level has " + digits + " digits");
        };
    }
}
