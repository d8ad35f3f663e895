package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ledger generate} writes a year the ledger imports whole, and {@code ledger statements
 * --all-units} gives every unit's statements, equal to each unit's own and to the journal's sums.
 */
class SyntheticYearIT {

    private static final String URL = TestDatabase.create("synthetic");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path files;

    private record Run(int exit, String out, String err) {}

    private static Run ledger(String... args) {
        CommandLine cli = LedgerCommandLine.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void aGeneratedYearImportsWholeAndEveryUnitsStatementsAddUpToTheJournal() throws IOException {
        Run generated =
                ledger(
                        "generate",
                        "--transactions",
                        "4000",
                        "--units",
                        "2",
                        "--seed",
                        "3",
                        "--out",
                        files.toString());
        assertThat(generated.exit()).as(generated.err()).isZero();
        assertThat(generated.out()).startsWith("generated 4,000 rows");
        for (String name :
                List.of("journal.csv", "journal.ledger", "journal.hledger", "commands.csv")) {
            assertThat(files.resolve(name)).isNotEmptyFile();
        }

        Run imported = ledger("import", "--db", URL, files.resolve("journal.csv").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("4000 行，新记入 4000 行");

        Run all =
                ledger(
                        "statements",
                        "--db",
                        URL,
                        "--year",
                        "2020",
                        "--all-units",
                        "--format",
                        "json");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.err()).contains("statements of 2 units");
        JsonNode sets = JSON.readTree(all.out());
        assertThat(sets.size()).isEqualTo(2);

        Map<String, long[]> journal = sumsOf(files.resolve("journal.csv"));
        assertThat(journal.keySet()).containsExactly("synth-u00001", "synth-u00002");
        for (JsonNode set : sets) {
            String unit = set.path("unit").asText();
            Run one =
                    ledger(
                            "statements",
                            "--db",
                            URL,
                            "--year",
                            "2020",
                            "--unit",
                            unit,
                            "--format",
                            "json");
            assertThat(JSON.readTree(one.out())).isEqualTo(set);
            JsonNode t1 = set.path("tables").path("T1").path("cells");
            assertThat(t1.path("27/1").asText())
                    .as("appropriations of %s", unit)
                    .isEqualTo(wanYuan(journal.get(unit)[0]));
            assertThat(t1.path("29/1").asText())
                    .as("openings of %s", unit)
                    .isEqualTo(wanYuan(journal.get(unit)[1]));
            assertThat(t1.path("57/2").asText())
                    .as("expenditure of %s", unit)
                    .isEqualTo(wanYuan(journal.get(unit)[2]));
        }
    }

    @Test
    void statementsNeedEitherOneUnitOrAllUnits() {
        assertThat(ledger("statements", "--db", URL, "--year", "2020").err())
                .contains("--unit U（单位）或 --all-units（全部单位）");
        assertThat(
                        ledger(
                                        "statements",
                                        "--db",
                                        URL,
                                        "--year",
                                        "2020",
                                        "--unit",
                                        "u",
                                        "--all-units")
                                .exit())
                .isEqualTo(2);
        assertThat(
                        ledger(
                                        "statements",
                                        "--db",
                                        URL,
                                        "--year",
                                        "2020",
                                        "--all-units",
                                        "--format",
                                        "xlsx",
                                        "--out",
                                        "x.xlsx")
                                .exit())
                .isEqualTo(2);
    }

    /** Per unit: appropriations, openings and expenditure in fen, reversed rows taken out. */
    private static Map<String, long[]> sumsOf(Path journal) throws IOException {
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, String[]> byId = new HashMap<>();
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split(",", -1);
            byId.put(row[0], row);
            String[] movement = row[2].equals("reversal") ? byId.get(row[14]) : row;
            int sign = row[2].equals("reversal") ? -1 : 1;
            long fen = new BigDecimal(movement[11]).movePointRight(2).longValueExact() * sign;
            long[] unit = sums.computeIfAbsent(row[3], u -> new long[3]);
            switch (movement[2]) {
                case "appropriation" -> unit[0] += fen;
                case "opening" -> unit[1] += fen;
                case "expenditure" -> unit[2] += fen;
                default -> {}
            }
        }
        return sums;
    }

    private static String wanYuan(long fen) {
        return BigDecimal.valueOf(fen)
                .movePointLeft(6)
                .setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
