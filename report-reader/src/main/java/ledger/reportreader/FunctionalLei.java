package ledger.reportreader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 支出功能分类 类 lines of 表1/表4 in printed order, per template, from the data file {@code
 * functional-lei.tsv} beside this class: 26 in the 2020 format and its 2024 variant, 24 in the 2024
 * template (231 and 232 dropped).
 */
final class FunctionalLei {

    private static final List<String[]> LINES = load();

    private FunctionalLei() {}

    /** The 类 codes the template prints, in order. */
    static List<String> codes(String template) {
        return LINES.stream()
                .filter(line -> List.of(line[2].split(",")).contains(template))
                .map(line -> line[0])
                .toList();
    }

    /** Every 类 name to its code ({@code 一般公共服务支出} → {@code 201}). */
    static Map<String, String> byName() {
        Map<String, String> byName = new LinkedHashMap<>();
        LINES.forEach(line -> byName.put(line[1], line[0]));
        return byName;
    }

    private static List<String[]> load() {
        try (InputStream in = FunctionalLei.class.getResourceAsStream("functional-lei.tsv")) {
            if (in == null) {
                throw new IllegalStateException(
                        "functional-lei.tsv is missing from the report reader");
            }
            List<String[]> lines = new ArrayList<>();
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.split("\t"));
                }
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
