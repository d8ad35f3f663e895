package ledger.projections.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.TransactionKind;
import ledger.projections.posting.Posting;

/**
 * 预算执行进度: per budget line and summed by 功能分类 项, 款 and 类, as of a date (inclusive), the 年初预算, 调整后预算,
 * 年初结转, 已拨, 已支, 可用 and 执行率. Every figure is a signed sum of postings chosen by {@link
 * Figure#counts}, so a figure and the events behind it ({@link #behind}) agree by construction. 可用
 * is {@code AccountBook}'s available funds (opening and carried-in + received − spent), so a line's
 * 可用 is the figure a refused expenditure names.
 *
 * @param code the unit's or the department's code
 * @param name its name
 * @param asOf null for the whole year
 * @param rows 合计 first, then each 类 followed by its 款, each 款 by its 项, each 项 by its budget lines
 */
public record BudgetExecution(
        String code, String name, FiscalYear year, LocalDate asOf, List<Row> rows) {

    /** A figure of the execution, and which postings make it (with what sign). */
    public enum Figure {
        INITIAL("initial", "年初预算"),
        ADJUSTED("adjusted", "调整后预算"),
        OPENING("opening", "年初结转"),
        APPROPRIATED("appropriated", "已拨"),
        SPENT("spent", "已支"),
        AVAILABLE("available", "可用");

        private final String code;
        private final String chineseName;

        Figure(String code, String chineseName) {
            this.code = code;
            this.chineseName = chineseName;
        }

        public String code() {
            return code;
        }

        public String chineseName() {
            return chineseName;
        }

        /**
         * @throws IllegalArgumentException naming the figures there are
         */
        public static Figure parse(String text) {
            for (Figure figure : values()) {
                if (figure.code.equals(text) || figure.chineseName.equals(text)) {
                    return figure;
                }
            }
            throw new IllegalArgumentException(
                    "figure 应为 initial（年初预算）、adjusted（调整后预算）、opening（年初结转）、"
                            + "appropriated（已拨）、spent（已支）或 available（可用），不是 '"
                            + text
                            + "'");
        }

        /** +1 or −1 when the posting's kind counts toward this figure, 0 when it does not. */
        public int sign(TransactionKind kind) {
            return switch (this) {
                case INITIAL -> kind == TransactionKind.BUDGET ? 1 : 0;
                case ADJUSTED ->
                        switch (kind) {
                            case BUDGET, SUPPLEMENT -> 1;
                            case REDUCE -> -1;
                            default -> 0;
                        };
                case OPENING ->
                        kind == TransactionKind.OPENING || kind == TransactionKind.CARRY_IN ? 1 : 0;
                case APPROPRIATED -> kind == TransactionKind.APPROPRIATION ? 1 : 0;
                case SPENT -> kind == TransactionKind.EXPENDITURE ? 1 : 0;
                // AccountBook.available(): opening + received − spent; a budget is authority, not
                // cash
                case AVAILABLE ->
                        switch (kind) {
                            case OPENING, CARRY_IN, APPROPRIATION -> 1;
                            case EXPENDITURE -> -1;
                            default -> 0;
                        };
            };
        }

        public boolean counts(Posting posting) {
            return sign(posting.kind()) != 0;
        }

        /**
         * What the posting adds to this figure, in fen (a reversal's amount is already negative).
         */
        public long contribution(Posting posting) {
            return Math.multiplyExact(sign(posting.kind()), posting.amountFen());
        }
    }

    /** Where a row sits in the tree. */
    public enum Level {
        TOTAL("合计"),
        CLASS("类"),
        SECTION("款"),
        ITEM("项"),
        LINE("预算行");

        private final String chineseName;

        Level(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /**
     * One row: a 类/款/项 code, a budget line or the total, with its figures in fen.
     *
     * @param key what the row's figures are the sum of, and what {@link #behind} takes: {@code
     *     total}, a 功能分类 code, or a budget line's account id
     * @param account the budget line; null for the other levels
     */
    public record Row(
            Level level,
            String key,
            String functional,
            AccountKey account,
            long initialFen,
            long adjustedFen,
            long openingFen,
            long appropriatedFen,
            long spentFen) {

        /** Opening and carried-in + received − spent: what the line may still spend. */
        public long availableFen() {
            return Math.subtractExact(Math.addExact(openingFen, appropriatedFen), spentFen);
        }

        public long fen(Figure figure) {
            return switch (figure) {
                case INITIAL -> initialFen;
                case ADJUSTED -> adjustedFen;
                case OPENING -> openingFen;
                case APPROPRIATED -> appropriatedFen;
                case SPENT -> spentFen;
                case AVAILABLE -> availableFen();
            };
        }

        /** 已支 ÷ 调整后预算 in per cent, one decimal, rounded half-up; empty when there is no budget. */
        public String executedPercent() {
            if (adjustedFen == 0) {
                return "";
            }
            return BigDecimal.valueOf(spentFen)
                    .multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(adjustedFen), 1, RoundingMode.HALF_UP)
                    .toPlainString();
        }

        /** Whether a posting is summed in this row. */
        public boolean includes(Posting posting) {
            return includes(key, posting);
        }

        static boolean includes(String key, Posting posting) {
            if (key.equals(TOTAL_KEY)) {
                return true;
            }
            if (key.contains("/")) {
                return posting.account().id().equals(key);
            }
            return posting.account().functional().code().startsWith(key);
        }
    }

    /** The key of the 合计 row. */
    public static final String TOTAL_KEY = "total";

    public BudgetExecution {
        rows = List.copyOf(rows);
    }

    /**
     * @param postings the postings of the unit, or of every unit of a department, of the year
     * @param asOfOrNull count only postings dated up to this day; null for the whole year
     * @param left postings left out (a department's transfers between its own units); never null
     * @throws IllegalArgumentException naming the date when it is not in the year
     */
    public static BudgetExecution of(
            String code,
            String name,
            FiscalYear year,
            LocalDate asOfOrNull,
            Iterable<Posting> postings,
            Predicate<Posting> left) {
        BudgetJournal.requireInYear(year, asOfOrNull);
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, AccountKey> lines = new TreeMap<>();
        for (Posting p : counted(year, asOfOrNull, postings, left)) {
            String functional = p.account().functional().code();
            String line = p.account().id();
            lines.putIfAbsent(line, p.account());
            for (String key :
                    List.of(
                            TOTAL_KEY,
                            functional.substring(0, 3),
                            functional.substring(0, 5),
                            functional,
                            line)) {
                long[] figures = sums.computeIfAbsent(key, k -> new long[5]);
                for (int i = 0; i < 5; i++) {
                    figures[i] = Math.addExact(figures[i], Figure.values()[i].contribution(p));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        rows.add(row(Level.TOTAL, TOTAL_KEY, "", null, sums.getOrDefault(TOTAL_KEY, new long[5])));
        List<AccountKey> ordered = new ArrayList<>(lines.values());
        // by 功能分类, then 资金来源 in 表1's order, then 经济分类
        ordered.sort(
                Comparator.comparing((AccountKey a) -> a.functional().code())
                        .thenComparing(AccountKey::fund)
                        .thenComparing(a -> a.economic().code())
                        .thenComparing(a -> a.unit().code()));
        String lei = null;
        String kuan = null;
        String xiang = null;
        for (AccountKey account : ordered) {
            String functional = account.functional().code();
            if (!functional.substring(0, 3).equals(lei)) {
                lei = functional.substring(0, 3);
                rows.add(row(Level.CLASS, lei, lei, null, sums.get(lei)));
            }
            if (!functional.substring(0, 5).equals(kuan)) {
                kuan = functional.substring(0, 5);
                rows.add(row(Level.SECTION, kuan, kuan, null, sums.get(kuan)));
            }
            if (!functional.equals(xiang)) {
                xiang = functional;
                rows.add(row(Level.ITEM, xiang, xiang, null, sums.get(xiang)));
            }
            rows.add(row(Level.LINE, account.id(), functional, account, sums.get(account.id())));
        }
        return new BudgetExecution(code, name, year, asOfOrNull, rows);
    }

    /** The row with this key. @throws IllegalArgumentException when there is none */
    public Row row(String key) {
        return rows.stream()
                .filter(r -> r.key().equals(key))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "预算执行表中没有这一行：'" + key + "'（row 应为 total、功能分类编码或预算行）"));
    }

    /**
     * The postings behind one figure of one row, in the order they were stored: their {@link
     * Figure#contribution}s sum to the figure.
     *
     * @param postings the same postings the execution was computed from
     * @param left the same postings left out
     */
    public List<Posting> behind(
            String key, Figure figure, Iterable<Posting> postings, Predicate<Posting> left) {
        row(key);
        List<Posting> behind = new ArrayList<>();
        for (Posting p : counted(year, asOf, postings, left)) {
            if (figure.counts(p) && Row.includes(key, p)) {
                behind.add(p);
            }
        }
        behind.sort(Comparator.comparingLong(Posting::globalIndex));
        return behind;
    }

    private static List<Posting> counted(
            FiscalYear year,
            LocalDate asOfOrNull,
            Iterable<Posting> postings,
            Predicate<Posting> left) {
        List<Posting> counted = new ArrayList<>();
        for (Posting p : postings) {
            if (p.account().year().equals(year)
                    && (asOfOrNull == null || !p.date().isAfter(asOfOrNull))
                    && !left.test(p)) {
                counted.add(p);
            }
        }
        return counted;
    }

    private static Row row(
            Level level, String key, String functional, AccountKey account, long[] f) {
        return new Row(level, key, functional, account, f[0], f[1], f[2], f[3], f[4]);
    }
}
