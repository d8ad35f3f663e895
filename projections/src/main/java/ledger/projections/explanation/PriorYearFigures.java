package ledger.projections.explanation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.money.Money;
import ledger.projections.statement.StatementSet;

/**
 * Last year's figures for the 情况说明's year-on-year sentences: from the ledger's own statements of
 * that year when it holds them, else from a published prior-year figures file.
 *
 * <p>The file is UTF-8 text, one {@code key<TAB>value} a line, {@code #} starting a comment: {@code
 * year} (required, the year the figures are of), {@code unit} (optional, the unit code, checked
 * against the unit asked for), then any of the {@link PriorYearKey} keys with a value in 万元 of at
 * most two decimals ({@code 2284.88} or {@code 2,284.88}). A key left out is a figure the report
 * cannot compare; the sentence then carries a marked blank.
 */
public final class PriorYearFigures {

    private static final Pattern AMOUNT =
            Pattern.compile("(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?");
    private static final BigDecimal FEN_PER_WAN_YUAN = BigDecimal.valueOf(1_000_000L);

    private final FiscalYear year;
    private final UnitCode unit;
    private final Map<PriorYearKey, Money> values;
    private final String source;

    private PriorYearFigures(
            FiscalYear year, UnitCode unit, Map<PriorYearKey, Money> values, String source) {
        this.year = year;
        this.unit = unit;
        Map<PriorYearKey, Money> copy = new EnumMap<>(PriorYearKey.class);
        copy.putAll(values);
        this.values = Collections.unmodifiableMap(copy);
        this.source = source;
    }

    /** No figures for that year: every year-on-year sentence gets a blank. */
    public static PriorYearFigures none(FiscalYear year) {
        return new PriorYearFigures(year, null, Map.of(), "无上年数");
    }

    /** The figures of the previous year's statements in the ledger. */
    public static PriorYearFigures fromStatements(StatementSet prior) {
        Map<PriorYearKey, Money> values = new EnumMap<>(PriorYearKey.class);
        for (PriorYearKey key : PriorYearKey.values()) {
            values.put(key, prior.value(prior.address(key.namedCell())));
        }
        return new PriorYearFigures(
                prior.year(), prior.unit(), values, "账簿 " + prior.year() + " 年度决算");
    }

    /**
     * Reads a prior-year figures file.
     *
     * @param sourceName how to name the file in the 情况说明 (e.g. its file name)
     * @throws IllegalArgumentException listing every bad line as {@code 第 N 行：reason}
     */
    public static PriorYearFigures parse(Reader reader, String sourceName) {
        Map<PriorYearKey, Money> values = new EnumMap<>(PriorYearKey.class);
        List<String> errors = new ArrayList<>();
        FiscalYear year = null;
        UnitCode unit = null;
        try (BufferedReader lines = new BufferedReader(reader)) {
            String text;
            int number = 0;
            while ((text = lines.readLine()) != null) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank() || text.stripLeading().startsWith("#")) {
                    continue;
                }
                String[] fields = text.split("\t", -1);
                if (fields.length != 2) {
                    errors.add("第 " + number + " 行：应为 key<TAB>value 两栏，实有 " + fields.length + " 栏");
                    continue;
                }
                String key = fields[0].strip();
                String value = fields[1].strip();
                try {
                    if (key.equals("year")) {
                        year = FiscalYear.of(Integer.parseInt(value));
                    } else if (key.equals("unit")) {
                        unit = UnitCode.of(value);
                    } else {
                        PriorYearKey known =
                                PriorYearKey.of(key)
                                        .orElseThrow(
                                                () ->
                                                        new IllegalArgumentException(
                                                                "未知的 key “"
                                                                        + key
                                                                        + "”，可用：year、unit、"
                                                                        + keyList()));
                        if (values.put(known, parseAmount(value)) != null) {
                            throw new IllegalArgumentException(key + " 重复");
                        }
                    }
                } catch (IllegalArgumentException e) {
                    errors.add("第 " + number + " 行：" + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prior-year figures", e);
        }
        if (year == null) {
            errors.add("缺少 year 行（上年数所属年度，如 year<TAB>2019）");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(
                    "上年数文件 "
                            + sourceName
                            + " 有 "
                            + errors.size()
                            + " 处错误：\n"
                            + String.join("\n", errors));
        }
        return new PriorYearFigures(year, unit, values, "上年数文件 " + sourceName);
    }

    private static Money parseAmount(String value) {
        if (!AMOUNT.matcher(value).matches()) {
            throw new IllegalArgumentException("金额须为万元、至多两位小数，如 2284.88，实为：" + value);
        }
        BigDecimal wan = new BigDecimal(value.replace(",", ""));
        return Money.ofFen(wan.multiply(FEN_PER_WAN_YUAN).longValueExact());
    }

    private static String keyList() {
        List<String> keys = new ArrayList<>();
        for (PriorYearKey key : PriorYearKey.values()) {
            keys.add(key.key());
        }
        return String.join("、", keys);
    }

    /** The year the figures are of. */
    public FiscalYear year() {
        return year;
    }

    /** The unit the file names, if it names one. */
    public Optional<UnitCode> unit() {
        return Optional.ofNullable(unit);
    }

    public Optional<Money> value(PriorYearKey key) {
        return Optional.ofNullable(values.get(key));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Where the figures come from, for the reader: {@code 账簿 2019 年度决算}. */
    public String source() {
        return source;
    }

    /**
     * Checks the figures fit the statements they are compared with.
     *
     * @throws IllegalArgumentException when they are of another year or another unit
     */
    public PriorYearFigures requireFor(UnitCode forUnit, FiscalYear forYear) {
        if (year.value() != forYear.value() - 1) {
            throw new IllegalArgumentException(
                    source
                            + " 是 "
                            + year
                            + " 年度的数字，"
                            + forYear
                            + " 年度情况说明需要 "
                            + (forYear.value() - 1)
                            + " 年度的上年数");
        }
        if (unit != null && !unit.equals(forUnit)) {
            throw new IllegalArgumentException(source + " 属于单位 " + unit + "，不是 " + forUnit);
        }
        return this;
    }
}
