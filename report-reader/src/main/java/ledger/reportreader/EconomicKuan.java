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
 * The 部门预算支出经济分类 款 by name, from the data file {@code economic-kuan.tsv} beside this class, so that
 * a 款 the 情况说明 names can be found in 表6. Brackets are kept full-width.
 */
final class EconomicKuan {

    private static final Map<String, List<String>> BY_NAME = load();

    private EconomicKuan() {}

    /** Name → its codes (one, or two such as 办公设备购置: 30902 and 31002). */
    static Map<String, List<String>> byName() {
        return BY_NAME;
    }

    private static Map<String, List<String>> load() {
        try (InputStream in = EconomicKuan.class.getResourceAsStream("economic-kuan.tsv")) {
            if (in == null) {
                throw new IllegalStateException(
                        "economic-kuan.tsv is missing from the report reader");
            }
            Map<String, List<String>> byName = new LinkedHashMap<>();
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                String name = fields[1].replace('(', '（').replace(')', '）');
                byName.computeIfAbsent(name, key -> new ArrayList<>()).add(fields[0]);
            }
            byName.replaceAll((name, codes) -> List.copyOf(codes));
            return Map.copyOf(byName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
