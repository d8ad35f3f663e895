package ledger.core.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Code → name for functional and economic codes, read from the data files shipped in {@code
 * classification/} (one {@code code<TAB>name} a line). A code that is well-formed but not in the
 * catalog is refused: a typo must not open a new budget line.
 */
public final class ClassificationCatalog {

    private static final String FUNCTIONAL_FILE = "classification/functional.tsv";
    private static final String ECONOMIC_FILE = "classification/economic.tsv";

    private static volatile ClassificationCatalog standard;

    private final Map<String, String> functionalNames;
    private final Map<String, String> economicNames;

    public ClassificationCatalog(
            Map<String, String> functionalNames, Map<String, String> economicNames) {
        this.functionalNames = Collections.unmodifiableMap(new TreeMap<>(functionalNames));
        this.economicNames = Collections.unmodifiableMap(new TreeMap<>(economicNames));
    }

    /** The catalog shipped with the ledger. */
    public static ClassificationCatalog standard() {
        ClassificationCatalog catalog = standard;
        if (catalog == null) {
            synchronized (ClassificationCatalog.class) {
                catalog = standard;
                if (catalog == null) {
                    catalog = new ClassificationCatalog(read(FUNCTIONAL_FILE), read(ECONOMIC_FILE));
                    standard = catalog;
                }
            }
        }
        return catalog;
    }

    public Optional<String> functionalName(FunctionalCode code) {
        return Optional.ofNullable(functionalNames.get(code.code()));
    }

    public Optional<String> economicName(EconomicCode code) {
        return Optional.ofNullable(economicNames.get(code.code()));
    }

    /**
     * This catalog with a year's loaded 科目 added: a loaded name replaces the shipped one, so a year
     * keeps the names published for it.
     */
    public ClassificationCatalog withEntries(Collection<CatalogEntry> entries) {
        if (entries.isEmpty()) {
            return this;
        }
        Map<String, String> functional = new TreeMap<>(functionalNames);
        Map<String, String> economic = new TreeMap<>(economicNames);
        for (CatalogEntry entry : entries) {
            (entry.classification() == Classification.FUNCTIONAL ? functional : economic)
                    .put(entry.code(), entry.name());
        }
        return new ClassificationCatalog(functional, economic);
    }

    /** Every code of one classification, in code order. */
    public Map<String, String> codes(Classification classification) {
        return classification == Classification.FUNCTIONAL ? functionalNames : economicNames;
    }

    /**
     * Why a posting's code is refused in a year whose catalog lacks it: names the code and the year
     * and says how that year's 科目表 is loaded (Chinese first, English after for API clients).
     */
    public static String notInYear(Classification classification, String code, int year) {
        return classification.fullName()
                + "科目 "
                + code
                + " 不在 "
                + year
                + " 年的科目表中；可用 `ledger catalog import"
                + " 文件 --year "
                + year
                + "` 载入该年的科目表（"
                + classification.code()
                + " code "
                + code
                + " is not in the "
                + year
                + " catalog; load the year's 科目表 with `ledger catalog import FILE --year "
                + year
                + "`）";
    }

    /** Every functional code in code order (类, then its 款, then their 项). */
    public Map<String, String> functionalCodes() {
        return functionalNames;
    }

    /** Every economic code in code order. */
    public Map<String, String> economicCodes() {
        return economicNames;
    }

    private static Map<String, String> read(String resource) {
        InputStream in = ClassificationCatalog.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(
                    "classification catalog missing from classpath: " + resource);
        }
        Map<String, String> names = new TreeMap<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", -1);
                if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new IllegalStateException(
                            resource
                                    + " line "
                                    + lineNumber
                                    + ": expected code<TAB>name, got: "
                                    + line);
                }
                names.put(parts[0].strip(), parts[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
