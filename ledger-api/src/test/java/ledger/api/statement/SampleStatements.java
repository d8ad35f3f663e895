package ledger.api.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ledger.api.support.Samples;

/**
 * What the tests know about the 2020 sample without asking the product: the published figures read
 * straight from {@code published.tsv}, the cells where the published report contradicts itself, and
 * sums worked out from the journal file by hand. Shared by the HTTP, command-line and trace tests,
 * which all check the ledger's JSON against it.
 */
public final class SampleStatements {

    public static final String UNIT = "jianghan-gov-office";
    public static final String UNIT_NAME = "武汉市江汉区人民政府办公室";
    public static final int ROWS = 476;

    /** 476 transactions + 10 projects registered + 1 unit registered. */
    public static final int EVENTS = 487;

    /** Published cells whose printed figure contradicts the report's own 表3/表5 (ledger → these). */
    public static final Map<String, String> LEDGER_WHERE_PUBLISHED_CONTRADICTS =
            Map.of(
                    "T1/38/2", "140.09", "T4/40/2", "140.09", "T4/40/3", "140.09", "T1/39/2",
                    "219.42", "T4/41/2", "219.42", "T4/41/3", "219.42");

    /** Cells the report prints blank although its own totals need them. */
    public static final Map<String, String> LEDGER_WHERE_PUBLISHED_BLANK =
            Map.of("T4/61/2", "31.94", "T4/61/3", "31.94", "T7/1/5", "10.00");

    /** The nine cells a reconciliation must name as explained differences. */
    public static final Set<String> EXPLAINED_DIFFERENCES;

    static {
        Set<String> explained = new TreeSet<>(LEDGER_WHERE_PUBLISHED_CONTRADICTS.keySet());
        explained.addAll(LEDGER_WHERE_PUBLISHED_BLANK.keySet());
        EXPLAINED_DIFFERENCES = Set.copyOf(explained);
    }

    public static final List<String> TABLE_IDS =
            List.of("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleStatements() {}

    /** {@code T3/2010302/3} → printed value with two decimals, from published.tsv as printed. */
    public static Map<String, String> published() {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String line : lines(Samples.jianghan2020Published())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            figures.put(
                    fields[0] + "/" + fields[1] + "/" + fields[2],
                    new BigDecimal(fields[3].strip())
                            .setScale(2, RoundingMode.UNNECESSARY)
                            .toPlainString());
        }
        return figures;
    }

    /**
     * Every figure the ledger must show for the sample: the published ones (but the zeros),
     * corrected where the report contradicts itself.
     */
    public static Map<String, String> expectedLedgerCells() {
        Map<String, String> expected = new HashMap<>(published());
        // The report prints two zeros (T3/2010301/3 and T4/3/1); the ledger leaves zero cells
        // blank.
        expected.values().removeIf("0.00"::equals);
        expected.putAll(LEDGER_WHERE_PUBLISHED_CONTRADICTS);
        expected.putAll(LEDGER_WHERE_PUBLISHED_BLANK);
        return expected;
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /**
     * DOMAIN.md's JSON form of a statement set, exactly: the five keys in order, T1 … T9 each with
     * title and cells only, cell keys {@code row/column} and values strings with two decimals.
     */
    public static void assertDomainForm(JsonNode set, int year, String unit) {
        assertThat(names(set)).containsExactly("year", "unit", "unitName", "amountUnit", "tables");
        assertThat(set.get("year").isInt()).as("year is a JSON number").isTrue();
        assertThat(set.get("year").intValue()).isEqualTo(year);
        assertThat(set.get("unit").textValue()).isEqualTo(unit);
        assertThat(set.get("unitName").isTextual()).isTrue();
        assertThat(set.get("amountUnit").textValue()).isEqualTo("万元");
        assertThat(names(set.get("tables"))).containsExactlyElementsOf(TABLE_IDS);
        for (String id : TABLE_IDS) {
            JsonNode table = set.get("tables").get(id);
            assertThat(names(table)).as(id).containsExactly("title", "cells");
            assertThat(table.get("title").textValue()).as(id + " title").isNotBlank();
            table.get("cells")
                    .properties()
                    .forEach(
                            cell -> {
                                assertThat(cell.getKey())
                                        .as(id + " cell key")
                                        .matches("[A-Za-z0-9-]+/\\d+");
                                assertThat(cell.getValue().isTextual())
                                        .as(id + "/" + cell.getKey() + " is a string")
                                        .isTrue();
                                assertThat(cell.getValue().textValue())
                                        .as(id + "/" + cell.getKey())
                                        .matches("-?\\d+\\.\\d{2}")
                                        .isNotEqualTo("0.00")
                                        .isNotEqualTo("-0.00");
                            });
        }
    }

    /**
     * The 2020 sample's statement JSON: its titles, and every cell as published or as corrected.
     */
    public static void assertIsThe2020Sample(JsonNode set) {
        assertDomainForm(set, 2020, UNIT);
        assertThat(set.get("unitName").textValue()).isEqualTo(UNIT_NAME);
        assertThat(set.at("/tables/T1/title").textValue()).isEqualTo("收入支出决算总表");
        assertThat(set.at("/tables/T3/title").textValue()).isEqualTo("支出决算表");
        // A few figures by hand, as DOMAIN.md and the report print them.
        Map<String, String> cells = cells(set);
        assertThat(cells)
                .containsEntry("T1/1/1", "2493.03")
                .containsEntry("T1/31/2", "1982.84")
                .containsEntry("T3/2010302/3", "1197.34")
                .containsEntry("T1/57/2", "2471.39")
                .containsEntry("T1/59/2", "31.94")
                .containsEntry("T6/public-total/1", "74.14");
        // And all of them: the ledger prints exactly the published cells, corrected where the
        // report
        // contradicts itself, and the three it leaves blank.
        assertThat(cells).containsExactlyInAnyOrderEntriesOf(expectedLedgerCells());
    }

    /** Every cell of a statement JSON as {@code T3/2010302/3} → value. */
    public static Map<String, String> cells(JsonNode set) {
        Map<String, String> cells = new LinkedHashMap<>();
        set.get("tables")
                .properties()
                .forEach(
                        table ->
                                table.getValue()
                                        .get("cells")
                                        .properties()
                                        .forEach(
                                                cell ->
                                                        cells.put(
                                                                table.getKey()
                                                                        + "/"
                                                                        + cell.getKey(),
                                                                cell.getValue().textValue())));
        return cells;
    }

    /**
     * 表1 line 57 (本年支出合计) as of a day, worked out from the journal file alone: expenditures dated
     * up to that day, less the expenditures that reversals dated up to that day undo.
     */
    public static long expenditureFenUpTo(LocalDate asOf) {
        List<String> lines = new ArrayList<>();
        for (String line : lines(Samples.jianghan2020Journal())) {
            if (!line.startsWith("#") && !line.isBlank()) {
                lines.add(line);
            }
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        Map<String, Long> expenditureFen = new HashMap<>();
        long fen = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String id = f[header.indexOf("id")];
            LocalDate date = LocalDate.parse(f[header.indexOf("date")]);
            String kind = f[header.indexOf("kind")];
            if (kind.equals("expenditure")) {
                long amount =
                        new BigDecimal(f[header.indexOf("amount")])
                                .movePointRight(2)
                                .longValueExact();
                expenditureFen.put(id, amount);
                if (!date.isAfter(asOf)) {
                    fen += amount;
                }
            } else if (kind.equals("reversal") && !date.isAfter(asOf)) {
                fen -= expenditureFen.getOrDefault(f[header.indexOf("reverses")], 0L);
            }
        }
        return fen;
    }

    /** How many rows of the journal file are of these kinds. */
    public static long journalRows(String... kinds) {
        Set<String> wanted = Set.of(kinds);
        return lines(Samples.jianghan2020Journal()).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank() && !line.startsWith("id,"))
                .filter(line -> wanted.contains(line.split(",", -1)[2]))
                .count();
    }

    /** Fen as the report prints them: 万元, half-up, two decimals. */
    public static String wanYuan(long fen) {
        return BigDecimal.valueOf(fen)
                .movePointLeft(6)
                .setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static List<String> lines(java.nio.file.Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
