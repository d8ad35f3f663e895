package ledger.projections.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ledger.projections.statement.TableTemplate.Kind;
import ledger.projections.statement.TableTemplate.Line;

/**
 * The 审核公式 of a template, as its file states them, evaluated on printed figures. A rule is a sum
 * ({@code "sum": cell, "parts": [cells]}), an identity ({@code "identity": [a, b]}) or an
 * inequality ({@code "atLeast": [larger, smaller]}); {@code forEach} repeats rules over the rows a
 * table shows ({@code row}), the 类 lines ({@code lei}), the expenditure lines of 表1/表4 ({@code
 * expenditureLine}) or listed values; {@code hierarchy} and {@code economicHierarchy} are the 类 =
 * Σ款 = Σ项 roll-ups of a code table.
 *
 * <p>A cell is written {@code table/row/column}; in 表1/表4 the row may be a line key ({@code
 * income-total}), {@code lei:201}, {@code lei} (the current 类 of a {@code forEach lei}), or a range
 * {@code lei*} / {@code income*}; {@code -} before a part subtracts it; {@code {var}} takes the
 * current value of a {@code forEach}.
 */
final class TemplateRules {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Set<String> RULE_FIELDS =
            Set.of(
                    "rule",
                    "what",
                    "sum",
                    "parts",
                    "identity",
                    "atLeast",
                    "whenLarger",
                    "forEach",
                    "table",
                    "rules",
                    "hierarchy",
                    "economicHierarchy");

    /** What a rule walk does with each rule: check it names cells, or evaluate it. */
    private interface Sink {
        void sum(String rule, String what, CellAddress total, List<Term> parts);

        void identity(String rule, String what, CellAddress left, CellAddress right);

        void atLeast(
                String rule,
                String what,
                CellAddress larger,
                CellAddress smaller,
                String whenLarger);

        void hierarchy(String table);

        void economicHierarchy(String table);

        List<String> rowsOf(String table);
    }

    private TemplateRules() {}

    /** Evaluates every rule of the template on the figures, in the file's order. */
    static void evaluate(StatementTemplate template, Figures figures, RuleRecorder recorder) {
        Sink sink =
                new Sink() {
                    @Override
                    public void sum(String rule, String what, CellAddress total, List<Term> parts) {
                        recorder.sum(rule, what, total, parts);
                    }

                    @Override
                    public void identity(
                            String rule, String what, CellAddress left, CellAddress right) {
                        recorder.identity(rule, what, left, right);
                    }

                    @Override
                    public void atLeast(
                            String rule,
                            String what,
                            CellAddress larger,
                            CellAddress smaller,
                            String whenLarger) {
                        recorder.atLeast(rule, what, larger, smaller, whenLarger);
                    }

                    @Override
                    public void hierarchy(String table) {
                        HierarchyRules.functional(
                                recorder, figures, table, template.table(table).columns().size());
                    }

                    @Override
                    public void economicHierarchy(String table) {
                        HierarchyRules.economic(recorder, figures, template.table(table));
                    }

                    @Override
                    public List<String> rowsOf(String table) {
                        return ColumnRules.sorted(table, figures);
                    }
                };
        walk(template, template.rules(), Map.of(), sink, new ArrayList<>(), "rules");
    }

    /** Every rule that names a cell the template lacks, or is malformed, with its place. */
    static List<String> problemsOf(StatementTemplate template) {
        List<String> problems = new ArrayList<>();
        Sink sink =
                new Sink() {
                    @Override
                    public void sum(
                            String rule, String what, CellAddress total, List<Term> parts) {}

                    @Override
                    public void identity(
                            String rule, String what, CellAddress left, CellAddress right) {}

                    @Override
                    public void atLeast(
                            String rule,
                            String what,
                            CellAddress larger,
                            CellAddress smaller,
                            String whenLarger) {}

                    @Override
                    public void hierarchy(String table) {
                        codeTable(template, table, Kind.FUNCTIONAL);
                    }

                    @Override
                    public void economicHierarchy(String table) {
                        codeTable(template, table, Kind.ECONOMIC);
                    }

                    @Override
                    public List<String> rowsOf(String table) {
                        return List.of(
                                template.table(table).kind() == Kind.SINGLE
                                        ? "1"
                                        : StatementRows.TOTAL);
                    }
                };
        walk(template, template.rules(), Map.of(), sink, problems, "rules");
        return problems;
    }

    private static void codeTable(StatementTemplate template, String table, Kind kind) {
        if (template.table(table).kind() != kind) {
            throw new IllegalArgumentException(
                    "表 "
                            + table
                            + " 不是按"
                            + (kind == Kind.FUNCTIONAL ? "功能分类" : "经济分类")
                            + "编码排行的表（not a code table of that kind）");
        }
    }

    private static void walk(
            StatementTemplate template,
            JsonNode rules,
            Map<String, String> vars,
            Sink sink,
            List<String> problems,
            String place) {
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String at =
                    place
                            + "["
                            + i
                            + "]"
                            + (rule.has("rule") ? "（" + rule.get("rule").asText() + "）" : "");
            try {
                one(template, rule, vars, sink, problems, at);
            } catch (IllegalArgumentException e) {
                problems.add(at + "：" + e.getMessage());
            }
        }
    }

    private static void one(
            StatementTemplate template,
            JsonNode rule,
            Map<String, String> vars,
            Sink sink,
            List<String> problems,
            String at) {
        Iterator<String> names = rule.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!RULE_FIELDS.contains(name)) {
                throw new IllegalArgumentException("未知字段 " + name + "（unknown field）");
            }
        }
        if (rule.has("forEach")) {
            for (Map<String, String> each : iterations(template, rule, vars, sink)) {
                walk(template, rule.path("rules"), each, sink, problems, at + ".rules");
            }
        } else if (rule.has("hierarchy")) {
            sink.hierarchy(rule.get("hierarchy").asText());
        } else if (rule.has("economicHierarchy")) {
            sink.economicHierarchy(rule.get("economicHierarchy").asText());
        } else {
            String id = rule.path("rule").asText("");
            if (id.isEmpty()) {
                throw new IllegalArgumentException("缺少 rule（规则名）（a rule needs its name）");
            }
            String what = substitute(rule.path("what").asText(""), vars);
            if (rule.has("sum")) {
                List<Term> parts = new ArrayList<>();
                for (JsonNode part : rule.path("parts")) {
                    parts.addAll(resolve(template, part.asText(), vars));
                }
                if (parts.isEmpty()) {
                    throw new IllegalArgumentException("sum 规则缺少 parts（a sum needs parts）");
                }
                sink.sum(id, what, single(template, rule.get("sum").asText(), vars), parts);
            } else if (rule.has("identity")) {
                JsonNode pair = rule.get("identity");
                sink.identity(
                        id,
                        what,
                        single(template, pair.path(0).asText(), vars),
                        single(template, pair.path(1).asText(), vars));
            } else if (rule.has("atLeast")) {
                JsonNode pair = rule.get("atLeast");
                sink.atLeast(
                        id,
                        what,
                        single(template, pair.path(0).asText(), vars),
                        single(template, pair.path(1).asText(), vars),
                        substitute(rule.path("whenLarger").asText(""), vars));
            } else {
                throw new IllegalArgumentException(
                        "规则应有 sum、identity 或 atLeast（a rule is a"
                                + " sum, an identity or an inequality）");
            }
        }
    }

    private static List<Map<String, String>> iterations(
            StatementTemplate template, JsonNode rule, Map<String, String> outer, Sink sink) {
        JsonNode over = rule.get("forEach");
        List<Map<String, String>> result = new ArrayList<>();
        if (over.isArray()) {
            for (JsonNode values : over) {
                Map<String, String> vars = new HashMap<>(outer);
                values.propertyStream()
                        .forEach(field -> vars.put(field.getKey(), field.getValue().asText()));
                result.add(vars);
            }
            return result;
        }
        switch (over.asText()) {
            case "lei":
                for (String code : template.leiCodes()) {
                    Map<String, String> vars = new HashMap<>(outer);
                    vars.put("lei", code);
                    vars.put("leiName", template.leiName(code));
                    result.add(vars);
                }
                return result;
            case "row":
                for (String row : sink.rowsOf(table(template, rule))) {
                    Map<String, String> vars = new HashMap<>(outer);
                    vars.put("row", row);
                    result.add(vars);
                }
                return result;
            case "expenditureLine":
                TableTemplate table = template.table(table(template, rule));
                for (Line line : table.lines()) {
                    if (!line.income()) {
                        Map<String, String> vars = new HashMap<>(outer);
                        vars.put("line", Integer.toString(line.number()));
                        result.add(vars);
                    }
                }
                return result;
            default:
                throw new IllegalArgumentException(
                        "forEach 应为 lei、row、expenditureLine 或取值"
                                + "数组，得到 “"
                                + over.asText()
                                + "”（what to repeat over）");
        }
    }

    private static String table(StatementTemplate template, JsonNode rule) {
        String table = rule.path("table").asText("");
        template.table(table);
        return table;
    }

    private static CellAddress single(
            StatementTemplate template, String ref, Map<String, String> vars) {
        List<Term> terms = resolve(template, ref, vars);
        if (terms.size() != 1 || terms.get(0).sign() < 0) {
            throw new IllegalArgumentException(ref + " 应指向一个单元格（must name one cell）");
        }
        return terms.get(0).cell();
    }

    /**
     * The cells a reference names, each with its sign.
     *
     * @throws IllegalArgumentException naming the reference and why it names no cell
     */
    static List<Term> resolve(StatementTemplate template, String text, Map<String, String> vars) {
        String ref = substitute(text.strip(), vars);
        int sign = 1;
        if (ref.startsWith("-")) {
            sign = -1;
            ref = ref.substring(1);
        }
        String[] parts = ref.split("/", -1);
        if (parts.length != 3 || !parts[0].matches("T[1-9]") || !parts[2].matches("\\d{1,3}")) {
            throw new IllegalArgumentException(
                    "单元格 " + text + " 应写作 表/行/栏，如 T3/total/1" + "（a cell is table/row/column）");
        }
        TableTemplate table = template.table(parts[0]);
        int column = Integer.parseInt(parts[2]);
        List<String> rows = rows(template, table, parts[1], vars, text);
        List<Term> terms = new ArrayList<>(rows.size());
        for (String row : rows) {
            CellAddress cell;
            try {
                cell = CellAddress.of(table.id(), row, column);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("单元格 " + text + " 不存在（" + e.getMessage() + "）");
            }
            template.problemWith(cell)
                    .ifPresent(
                            problem -> {
                                throw new IllegalArgumentException(
                                        "单元格 " + text + " 不存在（no such cell: " + problem + "）");
                            });
            terms.add(new Term(cell, sign));
        }
        return terms;
    }

    private static List<String> rows(
            StatementTemplate template,
            TableTemplate table,
            String row,
            Map<String, String> vars,
            String text) {
        if (table.kind() != Kind.LINES) {
            return List.of(row);
        }
        if (row.matches("\\d{1,3}")) {
            return List.of(row);
        }
        if (row.equals("lei*")) {
            List<String> lines = new ArrayList<>();
            template.leiCodes()
                    .forEach(
                            code -> lines.add(Integer.toString(table.leiLine(code).orElseThrow())));
            return lines;
        }
        if (row.equals("income*")) {
            return table.incomeLabelled.stream().map(String::valueOf).toList();
        }
        String key = row.equals("lei") && vars.containsKey("lei") ? "lei:" + vars.get("lei") : row;
        return List.of(
                Integer.toString(
                        table.line(key)
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "单元格 "
                                                                + text
                                                                + " 不存在：表 "
                                                                + table.id()
                                                                + " 没有键为 "
                                                                + key
                                                                + " 的行（no line with that key）"))));
    }

    private static String substitute(String text, Map<String, String> vars) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = vars.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException(
                        "变量 {"
                                + matcher.group(1)
                                + "} 在此没有取值"
                                + "（no value for this variable here）");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
