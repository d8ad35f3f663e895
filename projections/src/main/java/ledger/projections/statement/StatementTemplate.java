package ledger.projections.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import ledger.core.account.TransactionKind;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.projections.statement.TableTemplate.Kind;
import ledger.projections.statement.TableTemplate.Line;
import ledger.projections.statement.TableTemplate.NamedTotal;

/**
 * The format of a 部门决算 as data: its nine tables (title, rows, columns, which 类 lines 表1/表4 print,
 * where 合计 sits), what every cell sums, the 审核公式, and how cells are addressed. Read from a JSON
 * file — built in under {@code templates/} ({@code 2020}, {@code 2024}, {@code 2024-26}) or a
 * user's own — and refused whole when inconsistent. The engine, the checks, the text and the
 * workbook all follow it, so a department whose report differs describes the difference in a file.
 *
 * <p>Where a template prints no 行次 or 栏次 (2024), cells are numbered by position as {@code
 * ../shared/reports/README.md} says; with the 2020 grid that numbering is the 2020 one.
 */
public final class StatementTemplate {

    /** The templates that ship, by name. */
    public static final List<String> BUILT_IN = List.of("2020", "2024", "2024-26");

    /** The first year filed in the 2024 format when no template is named. */
    public static final int FIRST_2024_YEAR = 2024;

    private static final Map<String, StatementTemplate> LOADED = new ConcurrentHashMap<>();

    private final String name;
    private final String description;
    private final String source;
    private final boolean printsNumbers;
    private final List<String[]> lei;
    private final Map<String, Integer> leiIndex;
    private final List<TableTemplate> tables;
    private final Map<String, TableTemplate> byId;
    private final JsonNode rules;
    private final Map<String, CellAddress> named;
    private final List<ExplanationPart> explanation;
    private final Map<String, List<Contribution>> contributions = new ConcurrentHashMap<>();

    /**
     * Per table, for a table of lines, each (line, column) cell with its terms already restricted
     * to the column's funds; empty for the other tables. Worked out once: every combination of keys
     * a posting can have asks each of them.
     */
    private final List<List<LineCell>> lineCells;

    /** A cell of a table of lines and the terms it sums. */
    private record LineCell(CellAddress cell, List<TemplateTerm> terms) {}

    StatementTemplate(
            String name,
            String description,
            String source,
            boolean printsNumbers,
            List<String[]> lei,
            List<TableTemplate> tables,
            JsonNode rules,
            Map<String, CellAddress> named,
            List<ExplanationPart> explanation) {
        this.name = name;
        this.description = description;
        this.source = source;
        this.printsNumbers = printsNumbers;
        this.lei = List.copyOf(lei);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < lei.size(); i++) {
            index.putIfAbsent(lei.get(i)[0], i);
        }
        this.leiIndex = index;
        this.tables = List.copyOf(tables);
        Map<String, TableTemplate> ids = new LinkedHashMap<>();
        tables.forEach(table -> ids.put(table.id(), table));
        this.byId = ids;
        this.rules = rules;
        this.named = Map.copyOf(named);
        this.explanation = List.copyOf(explanation);
        List<List<LineCell>> cells = new ArrayList<>();
        for (TableTemplate table : this.tables) {
            List<LineCell> ofTable = new ArrayList<>();
            if (table.kind() == Kind.LINES) {
                for (Line line : table.lines()) {
                    if (line.terms() == null) {
                        continue;
                    }
                    for (int column :
                            line.income() ? table.incomeColumns() : table.expenditureColumns()) {
                        Set<FundSource> funds = table.columnFunds.get(column);
                        List<TemplateTerm> terms = new ArrayList<>();
                        for (TemplateTerm term : line.terms()) {
                            terms.add(term.withinFunds(funds));
                        }
                        ofTable.add(
                                new LineCell(
                                        CellAddress.of(table.id(), line.number(), column),
                                        List.copyOf(terms)));
                    }
                }
            }
            cells.add(List.copyOf(ofTable));
        }
        this.lineCells = List.copyOf(cells);
    }

    StatementTemplate withNamed(Map<String, CellAddress> cells) {
        return new StatementTemplate(
                name, description, source, printsNumbers, lei, tables, rules, cells, explanation);
    }

    /** The 2020 format, the seed's: what the ledger used before templates were data. */
    public static StatementTemplate standard() {
        return builtIn("2020");
    }

    /**
     * The template a year is filed in when none is named: {@code 2020} up to 2023, {@code 2024}
     * after.
     */
    public static StatementTemplate forYear(int year) {
        return builtIn(year >= FIRST_2024_YEAR ? "2024" : "2020");
    }

    /**
     * A built-in template by name.
     *
     * @throws TemplateRefused for a name that is not built in
     */
    public static StatementTemplate builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new TemplateRefused(
                    name,
                    List.of(
                            "没有内置的模板 "
                                    + name
                                    + "；内置模板有 "
                                    + String.join("、", BUILT_IN)
                                    + "，或给出模板文件的路径（no such built-in"
                                    + " template; give one of these or a file）"));
        }
        return LOADED.computeIfAbsent(name, StatementTemplate::readBuiltIn);
    }

    /**
     * {@code --template NAME|FILE}: a built-in name, a file, or (blank) the year's default.
     *
     * @throws TemplateRefused naming what is wrong
     */
    public static StatementTemplate resolve(String nameOrFile, int year) {
        if (nameOrFile == null || nameOrFile.isBlank()) {
            return forYear(year);
        }
        String given = nameOrFile.strip();
        if (BUILT_IN.contains(given)) {
            return builtIn(given);
        }
        Path file = Path.of(given);
        if (!Files.isRegularFile(file)) {
            throw new TemplateRefused(
                    given,
                    List.of(
                            "既不是内置模板（"
                                    + String.join("、", BUILT_IN)
                                    + "）也不是可读的文件（neither a built-in template nor a readable file）"));
        }
        return load(file);
    }

    /** Reads a user's template file. @throws TemplateRefused naming every problem */
    public static StatementTemplate load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new TemplateRefused(
                    file.toString(), List.of("读不到文件（cannot read it: " + e.getMessage() + "）"));
        }
    }

    /** Reads a template from its JSON text; {@code source} names it in refusals. */
    public static StatementTemplate parse(String json, String source) {
        return TemplateReader.read(json, source);
    }

    private static StatementTemplate readBuiltIn(String name) {
        String resource = "/templates/" + name + ".json";
        try (InputStream in = StatementTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in template missing: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** Where it was read from: a built-in name or the file's path. */
    public String source() {
        return source;
    }

    /** Whether the tables print 行次 and 栏次 (2020) or only their headings (2024). */
    public boolean printsNumbers() {
        return printsNumbers;
    }

    /** The functional 类 codes that have a line in 表1/表4, in the report's order. */
    public List<String> leiCodes() {
        return lei.stream().map(entry -> entry[0]).toList();
    }

    /** The name the template prints for one of its 类 lines. */
    public String leiName(String code) {
        Integer index = leiIndex.get(code);
        return index == null ? "" : lei.get(index)[1];
    }

    public List<TableTemplate> tables() {
        return tables;
    }

    /**
     * @throws IllegalArgumentException for anything but T1 … T9
     */
    public TableTemplate table(String id) {
        TableTemplate table = byId.get(id);
        if (table == null) {
            throw new IllegalArgumentException("no table " + id + " (tables are T1 … T9)");
        }
        return table;
    }

    /** The 情况说明's sections as this format orders, numbers and titles them; empty: 2020's. */
    public List<ExplanationPart> explanation() {
        return explanation;
    }

    JsonNode rules() {
        return rules;
    }

    /** Where this template puts a cell the reports name. */
    public CellAddress address(NamedCell cell) {
        CellAddress address = named.get(cell.name());
        if (address == null) {
            throw new IllegalStateException("template " + name + " does not place " + cell);
        }
        return address;
    }

    /** Why the address names no cell of this template, or empty when it does. */
    public Optional<String> problemWith(CellAddress cell) {
        return table(cell.table()).problemWith(cell.row(), cell.column());
    }

    /**
     * Every cell a posting with these keys feeds, with its sign: what each cell of the template
     * sums, asked of the posting. Depends on nothing else, so it is worked out once per
     * combination.
     *
     * @throws IllegalArgumentException for an expenditure without nature, or a 类 with no line in
     *     表1/表4 of this template (refused for every kind, so a wrong code shows at its first
     *     posting)
     */
    public List<Contribution> contributionsOf(
            FundSource fund,
            FunctionalCode functional,
            EconomicCode economic,
            TransactionKind kind,
            ExpenditureNature nature) {
        if (!leiIndex.containsKey(functional.lei().code())) {
            throw new IllegalArgumentException(
                    "functional 类 "
                            + functional.lei()
                            + " (of "
                            + functional
                            + ") has no expenditure line in 表1/表4 of template "
                            + name
                            + "; known 类: "
                            + leiCodes());
        }
        if (kind == TransactionKind.EXPENDITURE && nature == null) {
            throw new IllegalArgumentException(
                    "an expenditure must have a nature: " + functional + "/" + economic);
        }
        String key = fund + "/" + functional + "/" + economic + "/" + kind + "/" + nature;
        return contributions.computeIfAbsent(
                key, ignored -> compute(fund, functional, economic, kind, nature));
    }

    private List<Contribution> compute(
            FundSource fund,
            FunctionalCode functional,
            EconomicCode economic,
            TransactionKind kind,
            ExpenditureNature nature) {
        Map<CellAddress, Integer> signs = new LinkedHashMap<>();
        for (int t = 0; t < tables.size(); t++) {
            TableTemplate table = tables.get(t);
            if (table.kind() == Kind.LINES) {
                for (LineCell line : lineCells.get(t)) {
                    int sign = 0;
                    for (TemplateTerm term : line.terms()) {
                        sign += term.signFor(fund, functional, economic, kind, nature);
                    }
                    add(signs, line.cell(), sign);
                }
                continue;
            }
            // 表7 lists an item before its subtotal and total (公务用车购置费, 小计, 合计): the
            // columns from right to left, as its traces have always named them
            boolean single = table.kind() == Kind.SINGLE;
            int count = table.columns().size();
            for (int i = 0; i < count; i++) {
                int c = single ? count - 1 - i : i;
                int sign = 0;
                for (TemplateTerm term : table.columnTerms.get(c)) {
                    sign += term.signFor(fund, functional, economic, kind, nature);
                }
                if (sign == 0) {
                    continue;
                }
                for (String row : rowsOf(table, functional, economic, nature)) {
                    add(signs, CellAddress.of(table.id(), row, c + 1), sign);
                }
            }
        }
        List<Contribution> result = new ArrayList<>(signs.size());
        signs.forEach(
                (cell, sign) -> {
                    if (sign != 0) {
                        result.add(new Contribution(cell, sign));
                    }
                });
        return List.copyOf(result);
    }

    private static List<String> rowsOf(
            TableTemplate table,
            FunctionalCode functional,
            EconomicCode economic,
            ExpenditureNature nature) {
        switch (table.kind()) {
            case FUNCTIONAL:
                return List.of(
                        functional.code(),
                        functional.kuan().code(),
                        functional.lei().code(),
                        StatementRows.TOTAL);
            case ECONOMIC:
                List<String> rows =
                        new ArrayList<>(List.of(economic.code(), economic.lei().code()));
                for (NamedTotal total : table.totals()) {
                    if (nature != null
                            && total.natures() != null
                            && total.natures().contains(nature)) {
                        rows.add(total.key());
                    }
                }
                return rows;
            default:
                return List.of("1");
        }
    }

    private static void add(Map<CellAddress, Integer> signs, CellAddress cell, int sign) {
        if (sign != 0) {
            signs.merge(cell, sign, Integer::sum);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
