package ledger.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * How another system's export becomes a journal: their column → our column, their value → our
 * value, and fixed values for columns their export lacks (the unit, say). Read from a small CSV
 * file (UTF-8 or GBK) with the header {@code 对方列,本系统列,对方值,本系统值} (or {@code
 * their_column,our_column,their_value,our_value}); each line is one of:
 *
 * <ul>
 *   <li>{@code 凭证日期,date,,} — their column feeds ours. Several of their columns may feed one of
 *       ours: each row takes the one that is filled (a zero counts as empty, so 借方金额 and 贷方金额 can
 *       both feed {@code amount}); both filled is refused. {@code 凭证号+分录号,id,,} joins columns with
 *       {@code -}.
 *   <li>{@code 科目名称,-,,} — their column is ignored.
 *   <li>{@code ,unit,,jianghan-gov-office} — every row gets this value in our column.
 *   <li>{@code 科目编码,kind,7201,expenditure} — in our column, their value becomes ours (the
 *       their-column cell is only a reminder and may be empty).
 *   <li>{@code 科目编码,kind,8001,跳过} — a row whose kind is this value is not a transaction of ours and
 *       is skipped: the other side of a double entry (资金结存), say. Only {@code kind} skips.
 * </ul>
 *
 * Lines starting with {@code #} are comments. Values not listed pass unchanged, and are then
 * checked like any journal value, so an unmapped 科目 is refused naming its row.
 */
public final class JournalMapping {

    /** Where one of our columns comes from. */
    record Source(List<List<String>> alternatives, String constant) {}

    private final Map<JournalColumn, Source> sources;
    private final Map<JournalColumn, Map<String, String>> values;
    private final Set<String> ignored;

    private JournalMapping(
            Map<JournalColumn, Source> sources,
            Map<JournalColumn, Map<String, String>> values,
            Set<String> ignored) {
        this.sources = sources;
        this.values = values;
        this.ignored = ignored;
    }

    /** No mapping: the file's header names our columns itself. */
    public static JournalMapping none() {
        return new JournalMapping(Map.of(), Map.of(), Set.of());
    }

    /**
     * Reads a mapping file.
     *
     * @throws IllegalArgumentException naming the mapping file's line and what is wrong with it
     */
    public static JournalMapping read(InputStream in) throws IOException {
        try (Reader text = new DetectingDecoder(in)) {
            return read(text);
        } catch (DetectingDecoder.UndetectableEncoding unreadable) {
            throw new Refusal(Reason.of("mapping.undetectable"));
        }
    }

    private static JournalMapping read(Reader text) throws IOException {
        Map<JournalColumn, List<List<String>>> alternatives = new EnumMap<>(JournalColumn.class);
        Map<JournalColumn, String> constants = new EnumMap<>(JournalColumn.class);
        Map<JournalColumn, Map<String, String>> values = new EnumMap<>(JournalColumn.class);
        Set<String> ignored = new java.util.HashSet<>();
        Set<String> theirs = new java.util.HashSet<>();
        CSVFormat format =
                CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                int line = (int) record.getParser().getCurrentLineNumber();
                List<String> cells = new ArrayList<>();
                record.forEach(cell -> cells.add(cell.strip().replace("\uFEFF", "")));
                while (cells.size() < 4) {
                    cells.add("");
                }
                if (header) {
                    header = false;
                    if (!isHeader(cells)) {
                        throw refused(line, Reason.of("mapping.header"));
                    }
                    continue;
                }
                String their = cells.get(0);
                String our = cells.get(1);
                String theirValue = cells.get(2);
                String ourValue = cells.get(3);
                if (our.equals("-")) {
                    if (their.isEmpty()) {
                        throw refused(line, Reason.of("mapping.ignoreUnnamed"));
                    }
                    ignored.add(their);
                    continue;
                }
                JournalColumn column =
                        JournalColumn.byName(our)
                                .orElseThrow(
                                        () ->
                                                refused(
                                                        line,
                                                        Reason.of(
                                                                "mapping.noSuchColumn",
                                                                our,
                                                                JournalColumn.names())));
                if (isSkip(ourValue) && column != JournalColumn.KIND) {
                    throw refused(line, Reason.of("mapping.skipOnlyKind"));
                }
                if (!theirValue.isEmpty()) {
                    String previous =
                            values.computeIfAbsent(column, c -> new HashMap<>())
                                    .putIfAbsent(theirValue, ourValue);
                    if (previous != null && !previous.equals(ourValue)) {
                        throw refused(
                                line,
                                Reason.of(
                                        "mapping.valueTwice",
                                        column.label(),
                                        theirValue,
                                        previous));
                    }
                } else if (their.isEmpty()) {
                    if (ourValue.isEmpty()) {
                        throw refused(line, Reason.of("mapping.emptyConstant"));
                    }
                    constants.put(column, ourValue);
                } else {
                    if (!theirs.add(their)) {
                        throw refused(line, Reason.of("mapping.columnTwice", their));
                    }
                    alternatives
                            .computeIfAbsent(column, c -> new ArrayList<>())
                            .add(List.of(their.split("\\+")).stream().map(String::strip).toList());
                }
            }
        } catch (IllegalStateException | java.io.UncheckedIOException broken) {
            throw new Refusal(Reason.of("mapping.notCsv", broken.getMessage()));
        }
        Map<JournalColumn, Source> sources = new EnumMap<>(JournalColumn.class);
        for (JournalColumn column : JournalColumn.values()) {
            if (alternatives.containsKey(column) && constants.containsKey(column)) {
                throw new Refusal(Reason.of("mapping.constantAndColumn", column.label()));
            }
            if (alternatives.containsKey(column) || constants.containsKey(column)) {
                sources.put(
                        column,
                        new Source(
                                alternatives.getOrDefault(column, List.of()),
                                constants.get(column)));
            }
        }
        return new JournalMapping(sources, values, ignored);
    }

    private static boolean isSkip(String value) {
        return value.equals("跳过") || value.equalsIgnoreCase("skip");
    }

    /**
     * Whether a row whose {@code kind} (after their column's value) is {@code value} is skipped.
     */
    boolean skips(String kindValue) {
        Map<String, String> kinds = values.get(JournalColumn.KIND);
        return kindValue != null
                && kinds != null
                && isSkip(kinds.getOrDefault(kindValue.strip(), ""));
    }

    private static boolean isHeader(List<String> cells) {
        return (cells.get(0).equals("对方列") || cells.get(0).equalsIgnoreCase("their_column"))
                && (cells.get(1).equals("本系统列") || cells.get(1).equalsIgnoreCase("our_column"));
    }

    private static IllegalArgumentException refused(int line, Reason reason) {
        return new Refusal(Reason.of("mapping.atLine", line, reason));
    }

    boolean isEmpty() {
        return sources.isEmpty() && values.isEmpty() && ignored.isEmpty();
    }

    /** Their columns the mapping names, each feeding which of ours ({@code null}: ignored). */
    Map<String, JournalColumn> theirColumns() {
        Map<String, JournalColumn> theirs = new LinkedHashMap<>();
        sources.forEach(
                (column, source) ->
                        source.alternatives()
                                .forEach(parts -> parts.forEach(part -> theirs.put(part, column))));
        ignored.forEach(name -> theirs.put(name, null));
        return theirs;
    }

    Map<JournalColumn, Source> sources() {
        return sources;
    }

    /** Our value for their {@code value} in {@code column}: the mapped one, or the value itself. */
    String value(JournalColumn column, String value) {
        Map<String, String> map = values.get(column);
        if (map == null) {
            return value;
        }
        return map.getOrDefault(value, value);
    }
}
