package ledger.api.statement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.core.account.TransactionKind;
import ledger.core.money.Money;
import ledger.projections.posting.PostingFilter;

/**
 * A trace's filter as the page, the API and the CLI take it: text parameters, dates ISO, amounts in
 * yuan (thousands separators and ¥ allowed), a kind by its code or its Chinese name. A value that
 * is not understood is refused naming its field in Chinese, never ignored.
 */
public record TraceFilters(
        String from,
        String to,
        String kind,
        String voucher,
        String memo,
        String minYuan,
        String maxYuan) {

    /**
     * The kinds a posting counts as, offered in the filter (a reversal counts as the kind it
     * reverses).
     */
    public static final List<TransactionKind> KINDS =
            Arrays.stream(TransactionKind.values())
                    .filter(
                            kind ->
                                    kind != TransactionKind.REVERSAL
                                            && kind != TransactionKind.TRANSFER)
                    .toList();

    public static final TraceFilters NONE =
            new TraceFilters(null, null, null, null, null, null, null);

    public TraceFilters {
        from = blankToNull(from);
        to = blankToNull(to);
        kind = blankToNull(kind);
        voucher = blankToNull(voucher);
        memo = blankToNull(memo);
        minYuan = blankToNull(minYuan);
        maxYuan = blankToNull(maxYuan);
    }

    /**
     * @throws IllegalArgumentException naming the field in Chinese
     */
    public PostingFilter toFilter() {
        LocalDate fromDate = date("起始日期", from);
        LocalDate toDate = date("截止日期", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new IllegalArgumentException("起始日期 " + fromDate + " 晚于截止日期 " + toDate);
        }
        Long min = fen("金额下限", minYuan);
        Long max = fen("金额上限", maxYuan);
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("金额下限 " + minYuan + " 大于金额上限 " + maxYuan);
        }
        return new PostingFilter(fromDate, toDate, parsedKind(), voucher, memo, min, max, null);
    }

    /** The parameters to carry into a link, only those given, in a fixed order. */
    public Map<String, String> parameters() {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "from", from);
        put(given, "to", to);
        put(given, "kind", kind);
        put(given, "voucher", voucher);
        put(given, "memo", memo);
        put(given, "minYuan", minYuan);
        put(given, "maxYuan", maxYuan);
        return given;
    }

    private TransactionKind parsedKind() {
        if (kind == null) {
            return null;
        }
        for (TransactionKind candidate : KINDS) {
            if (candidate.code().equals(kind) || candidate.chineseName().equals(kind)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(
                "类型 '"
                        + kind
                        + "' 无法识别，应为："
                        + String.join(
                                "、",
                                KINDS.stream()
                                        .map(k -> k.chineseName() + "（" + k.code() + "）")
                                        .toList()));
    }

    private static LocalDate date(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException bad) {
            throw new IllegalArgumentException(
                    field + " '" + text + "' 不是日期，应为 yyyy-mm-dd，如 2020-03-05");
        }
    }

    private static Long fen(String field, String text) {
        if (text == null) {
            return null;
        }
        String plain =
                text.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "").strip();
        try {
            return Money.parseYuan(plain).fen();
        } catch (RuntimeException bad) {
            throw new IllegalArgumentException(field + " '" + text + "' 不是金额，应为元，如 1,234.50");
        }
    }

    private static void put(Map<String, String> map, String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
