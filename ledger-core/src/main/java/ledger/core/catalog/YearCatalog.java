package ledger.core.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ledger.core.account.FiscalYear;
import ledger.core.classification.CatalogEntry;
import ledger.core.classification.Classification;
import ledger.core.classification.ClassificationCatalog;
import ledger.core.journal.JournalProblem;
import ledger.core.text.Reason;

/**
 * The 科目 one fiscal year accepts: the catalog shipped with the ledger, plus every 科目表 loaded for
 * that year, in order. A loaded name replaces the shipped one for that year only, so the statements
 * of an earlier year keep that year's names.
 *
 * <p>{@link #check} decides whether a file may be loaded: it is taken whole or not at all.
 */
public final class YearCatalog {

    /** A 科目表 holds a few thousand codes; far more is not a 科目表. */
    public static final int MAX_LINES = 100_000;

    private static final int NAME_MAX = 200;

    private final FiscalYear year;
    private final List<CatalogLoaded> loads;
    private final ClassificationCatalog catalog;

    public YearCatalog(FiscalYear year, List<CatalogLoaded> loads) {
        this.year = year;
        this.loads = List.copyOf(loads);
        List<CatalogEntry> entries = new ArrayList<>();
        this.loads.forEach(load -> entries.addAll(load.entries()));
        this.catalog = ClassificationCatalog.standard().withEntries(entries);
    }

    public FiscalYear year() {
        return year;
    }

    /** The loads of this year, oldest first. */
    public List<CatalogLoaded> loads() {
        return loads;
    }

    /** What the year accepts, with the names it prints. */
    public ClassificationCatalog catalog() {
        return catalog;
    }

    /**
     * What {@link #check} decides: the event to store, or every problem (and then nothing is
     * stored).
     */
    public record Decision(CatalogLoaded loaded, List<JournalProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks a whole file: each code well-formed, of the classification its column (or first digit)
     * says; each 款 and 项 with its parent in the file or already in the year's catalog; no code
     * named twice differently, in the file or against what was loaded for the year before.
     * Repeating a loaded code with its loaded name is harmless.
     */
    public Decision check(List<CatalogLine> lines, String source) {
        List<JournalProblem> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add(new JournalProblem(0, "file", Reason.of("catalog.empty")));
        }
        if (lines.size() > MAX_LINES) {
            problems.add(
                    new JournalProblem(0, "file", Reason.of("catalog.tooManyLines", MAX_LINES)));
            return new Decision(null, problems);
        }
        Map<String, String> loaded = new LinkedHashMap<>();
        loads.forEach(
                load ->
                        load.entries()
                                .forEach(
                                        e ->
                                                loaded.put(
                                                        key(e.classification(), e.code()),
                                                        e.name())));
        Map<String, CatalogEntry> inFile = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (CatalogLine line : lines) {
            Optional<CatalogEntry> entry = entry(line, problems);
            if (entry.isEmpty()) {
                continue;
            }
            CatalogEntry e = entry.get();
            String key = key(e.classification(), e.code());
            CatalogEntry earlier = inFile.get(key);
            if (earlier != null) {
                if (!sameName(earlier.name(), e.name())) {
                    problems.add(
                            new JournalProblem(
                                    line.line(),
                                    "name",
                                    Reason.of(
                                            "catalog.namedTwice",
                                            e.code(),
                                            lineOf.get(key),
                                            earlier.name(),
                                            e.name())));
                }
                continue;
            }
            String loadedName = loaded.get(key);
            if (loadedName != null && !sameName(loadedName, e.name())) {
                problems.add(
                        new JournalProblem(
                                line.line(),
                                "name",
                                Reason.of(
                                        "catalog.loadedOtherName",
                                        e.code(),
                                        year,
                                        loadedName,
                                        e.name())));
                continue;
            }
            inFile.put(key, e);
            lineOf.put(key, line.line());
        }
        for (CatalogEntry e : inFile.values()) {
            Optional<String> parent = e.parentCode();
            if (parent.isPresent()
                    && !inFile.containsKey(key(e.classification(), parent.get()))
                    && !catalog.codes(e.classification()).containsKey(parent.get())) {
                problems.add(
                        new JournalProblem(
                                lineOf.get(key(e.classification(), e.code())),
                                "code",
                                Reason.of(
                                        e.code().length() == 5
                                                ? "catalog.kuanWithoutParent"
                                                : "catalog.xiangWithoutParent",
                                        e.code(),
                                        parent.get(),
                                        year)));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(JournalProblem::line));
        if (!problems.isEmpty()) {
            return new Decision(null, problems);
        }
        return new Decision(
                new CatalogLoaded(year, List.copyOf(inFile.values()), source), List.of());
    }

    private static Optional<CatalogEntry> entry(CatalogLine line, List<JournalProblem> problems) {
        int before = problems.size();
        String code = line.code();
        if (code.isEmpty()) {
            problems.add(new JournalProblem(line.line(), "code", Reason.of("catalog.codeMissing")));
        } else if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            problems.add(
                    new JournalProblem(line.line(), "code", Reason.of("catalog.codeDigits", code)));
        }
        if (line.name().isEmpty()) {
            problems.add(new JournalProblem(line.line(), "name", Reason.of("catalog.nameMissing")));
        } else if (line.name().codePointCount(0, line.name().length()) > NAME_MAX
                || line.name().chars().anyMatch(Character::isISOControl)) {
            problems.add(
                    new JournalProblem(
                            line.line(), "name", Reason.of("catalog.nameTooLong", NAME_MAX)));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        Optional<Classification> classification =
                line.classification().isEmpty()
                        ? Classification.byFirstDigit(code)
                        : Classification.byWord(line.classification());
        if (classification.isEmpty()) {
            problems.add(
                    line.classification().isEmpty()
                            ? new JournalProblem(
                                    line.line(),
                                    "code",
                                    Reason.of("catalog.firstDigitUnknown", code))
                            : new JournalProblem(
                                    line.line(),
                                    "classification",
                                    Reason.of(
                                            "catalog.classificationUnknown",
                                            line.classification())));
            return Optional.empty();
        }
        Classification c = classification.get();
        if (code.charAt(0) != (char) ('0' + c.firstDigit())) {
            problems.add(
                    new JournalProblem(
                            line.line(),
                            "code",
                            Reason.of("code.firstDigit", c, c.firstDigit(), code)));
            return Optional.empty();
        }
        if (!c.allowsLength(code.length())) {
            problems.add(
                    new JournalProblem(
                            line.line(),
                            "code",
                            Reason.of(
                                    c == Classification.FUNCTIONAL
                                            ? "code.functionalLength"
                                            : "code.economicLength",
                                    code)));
            return Optional.empty();
        }
        return Optional.of(new CatalogEntry(c, code, line.name()));
    }

    /**
     * Names compare as published, ignoring full- and half-width forms and spaces: （ and ( are one.
     */
    static boolean sameName(String a, String b) {
        return normalized(a).equals(normalized(b));
    }

    private static String normalized(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static String key(Classification classification, String code) {
        return classification.code() + ":" + code;
    }
}
