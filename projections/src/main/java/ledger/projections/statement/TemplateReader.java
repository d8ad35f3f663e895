package ledger.projections.statement;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ledger.core.account.TransactionKind;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.projections.statement.TableTemplate.Kind;
import ledger.projections.statement.TableTemplate.Line;
import ledger.projections.statement.TableTemplate.NamedTotal;
import ledger.projections.statement.TableTemplate.Panel;

/**
 * Reads a template file (JSON) into a {@link StatementTemplate}, refusing it whole when anything is
 * malformed or inconsistent: every problem is named with its place in the file ({@code
 * tables[6]（T7）.columns[2].sum}), Chinese first.
 */
final class TemplateReader {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> TOP_FIELDS =
            Set.of(
                    "name",
                    "description",
                    "printsNumbers",
                    "lei",
                    "tables",
                    "rules",
                    "named",
                    "explanation");
    private static final Set<String> TABLE_FIELDS =
            Set.of(
                    "id",
                    "title",
                    "rows",
                    "columns",
                    "notes",
                    "funds",
                    "income",
                    "leiLines",
                    "foot",
                    "totalAt",
                    "totals",
                    "printed",
                    "panels",
                    "rowLabel");
    private static final Set<String> COLUMN_FIELDS =
            Set.of("heading", "group", "number", "side", "funds", "sum");
    private static final Set<String> LINE_FIELDS = Set.of("key", "label", "level", "blank", "sum");
    private static final Set<String> TERM_FIELDS =
            Set.of("measure", "funds", "natures", "economic");
    private static final List<String> MEASURES =
            List.of("budget", "appropriation", "expenditure", "opening", "closing");

    private final String source;
    private final List<String> problems = new ArrayList<>();

    private TemplateReader(String source) {
        this.source = source;
    }

    static StatementTemplate read(String json, String source) {
        return new TemplateReader(source).read(json);
    }

    private StatementTemplate read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null
                            ? ""
                            : "第 "
                                    + e.getLocation().getLineNr()
                                    + " 行第 "
                                    + e.getLocation().getColumnNr()
                                    + " 列：";
            throw new TemplateRefused(
                    source,
                    List.of(where + "不是合法的 JSON（not valid JSON: " + e.getOriginalMessage() + "）"));
        }
        if (root == null || !root.isObject()) {
            throw new TemplateRefused(
                    source, List.of("文件应是一个 JSON 对象（the file must hold" + " one JSON object）"));
        }
        fields(root, TOP_FIELDS, "");
        String name = text(root, "name", "", true);
        String label = name.isEmpty() ? source : name + "（" + source + "）";
        List<String[]> lei = lei(root.get("lei"));
        List<TableTemplate> tables = tables(root.get("tables"), lei);
        if (!problems.isEmpty()) {
            throw new TemplateRefused(label, problems);
        }
        JsonNode rules = root.get("rules");
        if (rules == null || !rules.isArray()) {
            problems.add("rules：应是审核公式的数组（the 审核公式 must be an array）");
            throw new TemplateRefused(label, problems);
        }
        StatementTemplate template =
                new StatementTemplate(
                        name,
                        text(root, "description", "", false),
                        source,
                        !root.has("printsNumbers") || root.get("printsNumbers").asBoolean(),
                        lei,
                        tables,
                        rules,
                        Map.of(),
                        explanation(root.get("explanation")));
        Map<String, CellAddress> named = named(root.get("named"), template);
        problems.addAll(TemplateRules.problemsOf(template));
        if (!problems.isEmpty()) {
            throw new TemplateRefused(label, problems);
        }
        return template.withNamed(named);
    }

    /** The 情况说明's sections in order; empty: the 2020 order. */
    private List<ExplanationPart> explanation(JsonNode node) {
        List<ExplanationPart> parts = new ArrayList<>();
        if (node == null) {
            return parts;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode part = node.get(i);
            String at = "explanation[" + i + "]";
            fields(part, Set.of("section", "number", "title"), at);
            String section = text(part, "section", at, false);
            if (!section.isEmpty() && !ExplanationPart.SECTIONS.contains(section)) {
                problems.add(
                        at
                                + ".section：情况说明没有 “"
                                + section
                                + "” 这一部分，可用："
                                + String.join("、", ExplanationPart.SECTIONS)
                                + "（unknown section）");
            } else if (!section.isEmpty() && !seen.add(section)) {
                problems.add(at + ".section：“" + section + "” 已出现过（a section appears once）");
            }
            parts.add(
                    new ExplanationPart(
                            section.isEmpty() ? null : section,
                            text(part, "number", at, true),
                            text(part, "title", at, true)));
        }
        return parts;
    }

    private List<String[]> lei(JsonNode node) {
        List<String[]> lei = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(
                    "lei：应列出表1/表4 印出的功能分类类级科目，每项 [编码, 名称]（the 类 lines"
                            + " of 表1/表4, each [code, name]）");
            return lei;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            String place = "lei[" + i + "]";
            if (!entry.isArray()
                    || entry.size() != 2
                    || !entry.get(0).isTextual()
                    || !entry.get(1).isTextual()) {
                problems.add(place + "：应为 [编码, 名称]（expected [code, name]）");
                continue;
            }
            String code = entry.get(0).asText();
            if (!code.matches("2\\d\\d")) {
                problems.add(
                        place
                                + "：类级科目编码应为以 2 开头的 3 位数字，得到 "
                                + code
                                + "（a 类 code has 3 digits starting with 2）");
            } else if (!seen.add(code)) {
                problems.add(
                        place
                                + "：类 "
                                + code
                                + " 已有一行，两个单元格使用同一地址（two lines"
                                + " for one 类: two cells with one address）");
            }
            lei.add(new String[] {code, entry.get(1).asText()});
        }
        return lei;
    }

    private List<TableTemplate> tables(JsonNode node, List<String[]> lei) {
        List<TableTemplate> tables = new ArrayList<>();
        if (node == null || !node.isArray()) {
            problems.add("tables：应是表1–表9 的数组（tables must be an array of 表1–表9）");
            return tables;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode table = node.get(i);
            String id = table.path("id").asText("");
            String place = "tables[" + i + "]（" + id + "）";
            if (!id.matches("T[1-9]")) {
                problems.add(place + ".id：应为 T1 … T9，得到 “" + id + "”（id must be T1 … T9）");
                continue;
            }
            Integer earlier = seen.putIfAbsent(id, i);
            if (earlier != null) {
                problems.add(
                        place
                                + "：表 "
                                + id
                                + " 已在 tables["
                                + earlier
                                + "] 定义，两个单元格"
                                + "使用同一地址（table "
                                + id
                                + " is defined twice）");
                continue;
            }
            TableTemplate read = table(table, id, place, lei);
            if (read != null) {
                tables.add(read);
            }
        }
        for (int number = 1; number <= 9; number++) {
            if (!seen.containsKey("T" + number)) {
                problems.add("tables：缺少表 T" + number + "（table T" + number + " is missing）");
            }
        }
        tables.sort((a, b) -> a.id().compareTo(b.id()));
        tables.stream()
                .filter(table -> table.id().equals("T1") && table.kind() == Kind.LINES)
                .forEach(
                        t1 -> {
                            for (FundSource fund : FundSource.values()) {
                                if (t1.line(fund.code()).isEmpty()) {
                                    problems.add(
                                            "tables（T1）.income：缺少键为 "
                                                    + fund.code()
                                                    + " 的收入行（"
                                                    + fund.chineseName()
                                                    + "；表1 income needs a line keyed by each fund)");
                                }
                            }
                        });
        return tables;
    }

    private TableTemplate table(JsonNode node, String id, String place, List<String[]> lei) {
        fields(node, TABLE_FIELDS, place);
        String title = text(node, "title", place, true);
        String rows = text(node, "rows", place, true);
        Kind kind;
        switch (rows) {
            case "lines":
                kind = Kind.LINES;
                break;
            case "functional":
                kind = Kind.FUNCTIONAL;
                break;
            case "economic":
                kind = Kind.ECONOMIC;
                break;
            case "single":
                kind = Kind.SINGLE;
                break;
            default:
                problems.add(
                        place
                                + ".rows：应为 lines、functional、economic 或 single，得到 “"
                                + rows
                                + "”（what the rows are）");
                return null;
        }
        List<String> notes = new ArrayList<>();
        node.path("notes").forEach(note -> notes.add(note.asText()));
        JsonNode columnsNode = node.get("columns");
        if (columnsNode == null || !columnsNode.isArray() || columnsNode.isEmpty()) {
            problems.add(place + ".columns：至少要有一列（a table needs columns）");
            return null;
        }
        List<StatementColumn> columns = new ArrayList<>();
        List<List<TemplateTerm>> columnTerms = new ArrayList<>();
        List<Integer> incomeColumns = new ArrayList<>();
        List<Integer> expenditureColumns = new ArrayList<>();
        Map<Integer, Set<FundSource>> columnFunds = new HashMap<>();
        Map<Integer, Integer> numbers = new HashMap<>();
        for (int c = 0; c < columnsNode.size(); c++) {
            JsonNode column = columnsNode.get(c);
            String at = place + ".columns[" + c + "]";
            fields(column, COLUMN_FIELDS, at);
            int number = column.has("number") ? column.get("number").asInt() : c + 1;
            Integer other = numbers.putIfAbsent(number, c);
            if (other != null) {
                problems.add(
                        at
                                + "：栏次 "
                                + number
                                + " 已由 columns["
                                + other
                                + "] 使用，两个单元格"
                                + "使用同一地址 "
                                + id
                                + "/*/"
                                + number
                                + "（two cells with one address）");
            }
            if (number != c + 1 && other == null) {
                problems.add(
                        at
                                + "：栏次应按位置从 1 起连续编号，此列应为 "
                                + (c + 1)
                                + "（columns"
                                + " are numbered left to right from 1）");
            }
            columns.add(
                    new StatementColumn(
                            c + 1,
                            text(column, "heading", at, true),
                            text(column, "group", at, false)));
            if (kind == Kind.LINES) {
                String side = text(column, "side", at, true);
                if (side.equals("income")) {
                    incomeColumns.add(c + 1);
                } else if (side.equals("expenditure")) {
                    expenditureColumns.add(c + 1);
                } else {
                    problems.add(at + ".side：应为 income 或 expenditure（收入方或支出方）");
                }
                columnFunds.put(c + 1, funds(column.get("funds"), at + ".funds"));
                columnTerms.add(List.of());
            } else {
                columnTerms.add(terms(column.get("sum"), at + ".sum"));
            }
        }
        List<Line> lines = new ArrayList<>();
        List<Integer> incomeLabelled = new ArrayList<>();
        if (kind == Kind.LINES) {
            lines = lines(node, place, lei, incomeLabelled);
            if (incomeColumns.isEmpty() || expenditureColumns.isEmpty()) {
                problems.add(
                        place + ".columns：表1/表4 类的表要有收入方和支出方的列（both sides" + " need a column）");
            }
        }
        Set<FundSource> tableFunds = funds(node.get("funds"), place + ".funds");
        if (tableFunds != null) {
            for (int c = 0; c < columnTerms.size(); c++) {
                List<TemplateTerm> narrowed = new ArrayList<>();
                columnTerms.get(c).forEach(term -> narrowed.add(term.withinFunds(tableFunds)));
                columnTerms.set(c, narrowed);
            }
            for (int c = 1; c <= columns.size(); c++) {
                Set<FundSource> own = columnFunds.get(c);
                columnFunds.put(c, own == null ? tableFunds : intersect(own, tableFunds));
            }
        }
        List<NamedTotal> totals =
                kind == Kind.ECONOMIC ? totals(node.get("totals"), place) : List.of();
        List<Panel> panels =
                kind == Kind.ECONOMIC ? panels(node.get("panels"), place, totals) : List.of();
        String totalAt = text(node, "totalAt", place, false);
        if (!totalAt.isEmpty() && !totalAt.equals("top") && !totalAt.equals("bottom")) {
            problems.add(place + ".totalAt：应为 top 或 bottom（合计 at the top or the bottom）");
        }
        return new TableTemplate(
                id,
                title,
                kind,
                columns,
                notes,
                columnTerms,
                lines,
                incomeColumns,
                expenditureColumns,
                columnFunds,
                incomeLabelled,
                totals,
                "catalog".equals(node.path("printed").asText()),
                panels,
                totalAt.equals("bottom"),
                node.path("rowLabel").asText(""));
    }

    /** Numbers 表1/表4's lines by position, as ../shared/reports/README.md says. */
    private List<Line> lines(
            JsonNode node, String place, List<String[]> lei, List<Integer> incomeLabelled) {
        JsonNode income = node.path("income");
        JsonNode foot = node.path("foot");
        JsonNode leiLines = node.get("leiLines");
        if (leiLines == null) {
            problems.add(place + ".leiLines：缺少类级科目行合计什么（what the 类 lines sum）");
        }
        List<TemplateTerm> leiTerms =
                leiLines == null ? List.of() : terms(leiLines.get("sum"), place + ".leiLines.sum");
        int head = Math.max(income.size(), lei.size());
        int half = head + foot.size();
        List<Line> incomeSide = new ArrayList<>();
        List<Line> expenditureSide = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < head; i++) {
            if (i < income.size()) {
                Line line = line(income.get(i), i + 1, true, place + ".income[" + i + "]", keys);
                incomeSide.add(line);
                incomeLabelled.add(i + 1);
            } else {
                incomeSide.add(new Line(i + 1, null, "", 0, true, null, null));
            }
            int number = half + i + 1;
            if (i < lei.size()) {
                String code = lei.get(i)[0];
                List<TemplateTerm> terms = new ArrayList<>();
                leiTerms.forEach(term -> terms.add(term.withinLei(code)));
                expenditureSide.add(
                        new Line(
                                number,
                                "lei:" + code,
                                chineseOrdinal(i + 1) + "、" + lei.get(i)[1],
                                0,
                                false,
                                code,
                                List.copyOf(terms)));
            } else {
                expenditureSide.add(new Line(number, null, "", 0, false, null, null));
            }
        }
        for (int f = 0; f < foot.size(); f++) {
            JsonNode pair = foot.get(f);
            String at = place + ".foot[" + f + "]";
            if (!pair.isArray() || pair.size() != 2) {
                problems.add(
                        at + "：应为 [收入方, 支出方]，空的一方写 null（[income side," + " expenditure side]）");
                continue;
            }
            incomeSide.add(line(pair.get(0), head + f + 1, true, at + "[0]", keys));
            expenditureSide.add(line(pair.get(1), half + head + f + 1, false, at + "[1]", keys));
        }
        List<Line> all = new ArrayList<>(incomeSide);
        all.addAll(expenditureSide);
        return all;
    }

    private Line line(JsonNode node, int number, boolean income, String place, Set<String> keys) {
        if (node == null || node.isNull()) {
            return new Line(number, null, "", 0, income, null, null);
        }
        fields(node, LINE_FIELDS, place);
        String key = text(node, "key", place, false);
        if (key.isEmpty()) {
            key = null;
        } else if (!keys.add(key)) {
            problems.add(
                    place + ".key：键 " + key + " 已用于另一行，两个单元格使用同一地址（two" + " lines with one key）");
        }
        boolean blank = node.path("blank").asBoolean(false);
        List<TemplateTerm> terms = null;
        if (blank && node.has("sum")) {
            problems.add(place + "：blank 的行不能再给 sum（a blank line sums nothing）");
        } else if (!blank) {
            terms = terms(node.get("sum"), place + ".sum");
        }
        return new Line(
                number,
                key,
                text(node, "label", place, true),
                node.path("level").asInt(0),
                income,
                null,
                terms);
    }

    private List<TemplateTerm> terms(JsonNode node, String place) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(
                    place
                            + "：单元格什么也不合计，应列出它合计的内容（measure、funds、natures、"
                            + "economic），或对始终空白的行写 \"blank\": true（a cell that sums nothing）");
            return List.of();
        }
        List<TemplateTerm> terms = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode term = node.get(i);
            String at = place + "[" + i + "]";
            fields(term, TERM_FIELDS, at);
            String measure = text(term, "measure", at, true);
            Set<FundSource> funds = funds(term.get("funds"), at + ".funds");
            Set<ExpenditureNature> natures = natures(term.get("natures"), at + ".natures");
            List<String> economic = economic(term.get("economic"), at + ".economic");
            switch (measure) {
                case "budget":
                    terms.add(
                            new TemplateTerm(
                                    TransactionKind.BUDGET, 1, funds, natures, economic, null));
                    break;
                case "appropriation":
                    terms.add(
                            new TemplateTerm(
                                    TransactionKind.APPROPRIATION,
                                    1,
                                    funds,
                                    natures,
                                    economic,
                                    null));
                    break;
                case "expenditure":
                    terms.add(
                            new TemplateTerm(
                                    TransactionKind.EXPENDITURE,
                                    1,
                                    funds,
                                    natures,
                                    economic,
                                    null));
                    break;
                case "opening":
                    terms.add(
                            new TemplateTerm(
                                    TransactionKind.OPENING, 1, funds, natures, economic, null));
                    break;
                case "closing":
                    terms.add(
                            new TemplateTerm(
                                    TransactionKind.OPENING, 1, funds, natures, economic, null));
                    terms.add(
                            new TemplateTerm(
                                    TransactionKind.APPROPRIATION,
                                    1,
                                    funds,
                                    natures,
                                    economic,
                                    null));
                    terms.add(
                            new TemplateTerm(
                                    TransactionKind.EXPENDITURE,
                                    -1,
                                    funds,
                                    natures,
                                    economic,
                                    null));
                    break;
                default:
                    if (!measure.isEmpty()) {
                        problems.add(
                                at
                                        + ".measure：应为 "
                                        + String.join("、", MEASURES)
                                        + " 之一，得到 “"
                                        + measure
                                        + "”（unknown measure）");
                    }
            }
        }
        return List.copyOf(terms);
    }

    private Set<FundSource> funds(JsonNode node, String place) {
        if (node == null) {
            return null;
        }
        Set<FundSource> funds = EnumSet.noneOf(FundSource.class);
        for (String value : list(node, place)) {
            FundSource found = null;
            for (FundSource fund : FundSource.values()) {
                if (fund.code().equals(value)) {
                    found = fund;
                }
            }
            if (found == null) {
                problems.add(
                        place
                                + "：没有资金来源 “"
                                + value
                                + "”（unknown fund; one of general,"
                                + " gov-fund, soe-capital, superior, business, operating, affiliated,"
                                + " other）");
            } else {
                funds.add(found);
            }
        }
        return Set.copyOf(funds);
    }

    private Set<ExpenditureNature> natures(JsonNode node, String place) {
        if (node == null) {
            return null;
        }
        Set<ExpenditureNature> natures = EnumSet.noneOf(ExpenditureNature.class);
        for (String value : list(node, place)) {
            ExpenditureNature found = null;
            for (ExpenditureNature nature : ExpenditureNature.values()) {
                if (nature.code().equals(value)) {
                    found = nature;
                }
            }
            if (found == null) {
                problems.add(place + "：没有支出性质 “" + value + "”（unknown nature）");
            } else {
                natures.add(found);
            }
        }
        return Set.copyOf(natures);
    }

    private List<String> economic(JsonNode node, String place) {
        if (node == null) {
            return null;
        }
        List<String> codes = list(node, place);
        for (String code : codes) {
            if (!code.matches("3\\d\\d(\\d\\d)?")) {
                problems.add(
                        place
                                + "：经济分类编码应为 3 或 5 位、以 3 开头，得到 “"
                                + code
                                + "”（an economic 类 or 款 code）");
            }
        }
        return codes;
    }

    /** A non-empty array of strings; an empty one would make the cell sum nothing. */
    private List<String> list(JsonNode node, String place) {
        List<String> values = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problems.add(place + "：应是非空的数组，空数组使单元格什么也不合计（an empty filter sums" + " nothing）");
            return values;
        }
        node.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Set<FundSource> intersect(Set<FundSource> left, Set<FundSource> right) {
        Set<FundSource> both = EnumSet.noneOf(FundSource.class);
        both.addAll(left);
        both.retainAll(right);
        return Set.copyOf(both);
    }

    private List<NamedTotal> totals(JsonNode node, String place) {
        List<NamedTotal> totals = new ArrayList<>();
        if (node == null || !node.isArray()) {
            problems.add(place + ".totals：表6 应列出人员经费合计与公用经费合计（the named totals)");
            return totals;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode total = node.get(i);
            String at = place + ".totals[" + i + "]";
            String key = text(total, "key", at, true);
            Set<ExpenditureNature> natures = natures(total.get("natures"), at + ".natures");
            if (natures == null) {
                problems.add(at + ".natures：单元格什么也不合计（a total that sums nothing）");
            }
            List<String> lei =
                    total.path("lei").isArray() ? list(total.get("lei"), at + ".lei") : null;
            totals.add(new NamedTotal(key, text(total, "label", at, true), natures, lei));
        }
        return totals;
    }

    private List<Panel> panels(JsonNode node, String place, List<NamedTotal> totals) {
        List<Panel> panels = new ArrayList<>();
        if (node == null) {
            return panels;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode panel = node.get(i);
            String at = place + ".panels[" + i + "]";
            List<String> rows = list(panel.path("rows"), at + ".rows");
            String total = text(panel, "total", at, true);
            if (totals.stream().noneMatch(named -> named.key().equals(total))) {
                problems.add(at + ".total：没有名为 " + total + " 的合计行（no such total row）");
            }
            panels.add(new Panel(rows, total));
        }
        return panels;
    }

    private Map<String, CellAddress> named(JsonNode node, StatementTemplate template) {
        Map<String, CellAddress> named = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            problems.add("named：应给出情况说明所引用的单元格（the cells the reports name）");
            return named;
        }
        Set<String> known = new HashSet<>();
        for (NamedCell cell : NamedCell.values()) {
            known.add(cell.name());
            JsonNode ref = node.get(cell.name());
            if (ref == null) {
                problems.add("named." + cell.name() + "：缺少（" + cell.label() + " is not placed）");
                continue;
            }
            try {
                List<Term> terms = TemplateRules.resolve(template, ref.asText(), Map.of());
                if (terms.size() != 1) {
                    throw new IllegalArgumentException("应指向一个单元格（must name one cell）");
                }
                named.put(cell.name(), terms.get(0).cell());
            } catch (IllegalArgumentException e) {
                problems.add("named." + cell.name() + "：" + e.getMessage());
            }
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add("named." + name + "：未知的单元格名称（unknown name）");
            }
        }
        return named;
    }

    private void fields(JsonNode node, Set<String> allowed, String place) {
        if (!node.isObject()) {
            problems.add((place.isEmpty() ? "" : place + "：") + "应是 JSON 对象（expected an object）");
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(
                        (place.isEmpty() ? "" : place + ".")
                                + name
                                + "：未知字段（unknown field;"
                                + " known: "
                                + String.join(", ", new java.util.TreeSet<>(allowed))
                                + "）");
            }
        }
    }

    private String text(JsonNode node, String field, String place, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add((place.isEmpty() ? "" : place + ".") + field + "：缺少（missing）");
            }
            return "";
        }
        if (!value.isTextual()) {
            problems.add(
                    (place.isEmpty() ? "" : place + ".") + field + "：应是文字（must be a" + " string）");
            return "";
        }
        return value.asText();
    }

    private static final String DIGITS = "一二三四五六七八九";

    /** 1 → 一, 10 → 十, 14 → 十四, 20 → 二十, 26 → 二十六 (enough for the report's lines). */
    static String chineseOrdinal(int number) {
        if (number < 1 || number > 99) {
            throw new IllegalArgumentException("ordinal out of range: " + number);
        }
        int tens = number / 10;
        int ones = number % 10;
        String tensPart = tens == 0 ? "" : (tens == 1 ? "" : digit(tens)) + "十";
        return tensPart + (ones == 0 ? "" : digit(ones));
    }

    private static String digit(int value) {
        return String.valueOf(DIGITS.charAt(value - 1));
    }
}
