package ledger.api.statement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.core.account.TransactionKind;
import ledger.core.money.Money;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;
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

    // The filter's own fields, named as the page's boxes name them (English: the parameters).
    private static final FieldName FROM = new FieldName("from", "起始日期");
    private static final FieldName TO = new FieldName("to", "截止日期");
    private static final FieldName MIN = new FieldName("minYuan", "金额下限");
    private static final FieldName MAX = new FieldName("maxYuan", "金额上限");

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
     * @throws Refusal naming the field, from the message catalog
     */
    public PostingFilter toFilter() {
        LocalDate fromDate = date(FROM, from);
        LocalDate toDate = date(TO, to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new Refusal(Reason.of("trace.fromAfterTo", fromDate, toDate));
        }
        Long min = fen(MIN, minYuan);
        Long max = fen(MAX, maxYuan);
        if (min != null && max != null && min > max) {
            throw new Refusal(Reason.of("trace.minAboveMax", minYuan, maxYuan));
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
        // Worded as any unknown coded value is: Chinese names first, English words in English.
        String chinese =
                String.join(
                        "、",
                        KINDS.stream().map(k -> k.chineseName() + "（" + k.code() + "）").toList());
        String english = String.join(", ", KINDS.stream().map(TransactionKind::code).toList());
        throw new Refusal(
                Reason.of(
                        "value.unknown",
                        FieldName.of("kind"),
                        kind,
                        new FieldName(english, chinese)));
    }

    private static LocalDate date(FieldName field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException bad) {
            throw new Refusal(Reason.of("trace.notDate", field, text));
        }
    }

    private static Long fen(FieldName field, String text) {
        if (text == null) {
            return null;
        }
        String plain =
                text.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "").strip();
        try {
            return Money.parseYuan(plain).fen();
        } catch (RuntimeException bad) {
            throw new Refusal(Reason.of("trace.notAmount", field, text));
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
