package ledger.reportreader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ledger.projections.statement.CellAddress;

/**
 * Reads the 2020 format (表1–表9 with printed 行次 and 栏次, DOMAIN.md's addresses) from text whose
 * columns may be lost: 行次 and codes say which row a figure belongs to, and {@link Placement}
 * decides its column from the template's rules where the row has fewer figures than columns.
 */
final class Template2020Reader {

    static final Pattern HEADING =
            Pattern.compile("(\\d{4})\\s*年度?\\s*(\\S.*?)\\s*[（(]\\s*表\\s*(\\d+)\\s*[）)]");
    private static final Pattern UNIT = Pattern.compile("(?:部门|单位|编制单位)\\s*[：:]\\s*([^\\s：:]+)");
    private static final Pattern EXPLANATION_PART = Pattern.compile("^\\s*第三部分");

    private final Map<CellAddress, ReadFigure> placed = new LinkedHashMap<>();
    private final List<Unplaced> unplaced = new ArrayList<>();

    /** A table's heading and the lines of its grid (header rows and notes cut off later). */
    record Section(TableHeading heading, List<ReportLine> lines) {}

    /**
     * How a format's grid gives each row its figures (in printed order, left to right) before the
     * columns are placed: the 2020 format by printed 行次 and codes, the 2024 format by position
     * ({@link Template2024Reader}). A figure no row can take goes to {@code unplaced}.
     */
    interface Grid {

        /** 表1 / 表4: figures by 行次. */
        Map<Integer, List<Token>> lineRows(
                Section section, String table, int incomeLines, List<Unplaced> unplaced);

        /** 表2/3/5/8/9: rows keyed by functional code or {@code total}. */
        List<CodeRow> codeRows(Section section, String table, List<Unplaced> unplaced);

        /** 表6: figures by economic code, {@code personnel-total}, {@code public-total}. */
        Map<String, List<Token>> economicRows(Section section, List<Unplaced> unplaced);
    }

    /** The size of a template's grid: 表1 and 表4 income lines, 表9's columns. */
    record GridSize(int t1IncomeLines, int t4IncomeLines, int t9Columns) {}

    private Template2020Reader() {}

    static ReportReading read(List<ReportLine> lines, String templateReason) {
        List<Section> sections = sections(lines);
        if (sections.isEmpty()) {
            throw noTables();
        }
        String explanation = explanation(lines);
        Map<Integer, Section> byTable = new LinkedHashMap<>();
        sections.forEach(section -> byTable.putIfAbsent(section.heading().table(), section));
        Template2020Reader reader = readTables(byTable, new PrintedGrid(), new GridSize(30, 32, 3));
        reader.readThreePublicCosts(byTable.get(7), explanation);
        List<TableHeading> headings = sections.stream().map(Section::heading).toList();
        return new ReportReading(
                commonUnit(headings),
                commonYear(headings),
                "2020",
                templateReason,
                headings,
                new ArrayList<>(reader.placed.values()),
                reader.unplaced);
    }

    /**
     * Places the figures of 表1–表6, 表8 and 表9 (表7 is the caller's: its columns differ by format) and
     * returns them with the figures that could not be placed.
     */
    static Template2020Reader readTables(Map<Integer, Section> byTable, Grid grid, GridSize size) {
        Template2020Reader reader = new Template2020Reader();
        reader.readTablesInto(byTable, grid, size);
        return reader;
    }

    List<ReadFigure> placedFigures() {
        return new ArrayList<>(placed.values());
    }

    List<Unplaced> unplacedFigures() {
        return unplaced;
    }

    private void readTablesInto(Map<Integer, Section> byTable, Grid grid, GridSize size) {
        readLineTable(byTable.get(1), grid, "T1", size.t1IncomeLines(), new int[] {2});
        readLineTable(byTable.get(4), grid, "T4", size.t4IncomeLines(), new int[] {2, 3, 4, 5});
        readEconomicTable(byTable.get(6), grid);
        readCodeTable(
                byTable.get(5),
                grid,
                "T5",
                3,
                List.of(Placement.RowRule.sum(1, 2, 3)),
                t5TotalColumns());
        readCodeTable(
                byTable.get(3),
                grid,
                "T3",
                6,
                List.of(Placement.RowRule.sum(1, 2, 3, 4, 5, 6)),
                t3TotalColumns());
        readCodeTable(
                byTable.get(2),
                grid,
                "T2",
                7,
                List.of(Placement.RowRule.sum(1, 2, 3, 4, 5, 6, 7)),
                t2TotalColumns());
        List<Placement.RowRule> balanceRules =
                List.of(
                        new Placement.RowRule(6, new int[] {1, 2}, new int[] {3}),
                        Placement.RowRule.sum(3, 4, 5));
        readCodeTable(byTable.get(8), grid, "T8", 6, balanceRules, columns(6));
        readCodeTable(
                byTable.get(9),
                grid,
                "T9",
                size.t9Columns(),
                size.t9Columns() == 6 ? balanceRules : List.of(Placement.RowRule.sum(1, 2, 3)),
                columns(size.t9Columns()));
    }

    static ReportRefusal noTables() {
        return new ReportRefusal(
                "文件中没有找到任何决算表（表标题形如“2020 年度收入支出决算总表（表 1）”），"
                        + "不是部门决算，未读取。/ no statement tables found");
    }

    /** Every table heading with the lines up to the next heading or the 情况说明. */
    static List<Section> sections(List<ReportLine> lines) {
        List<Section> sections = new ArrayList<>();
        TableHeading heading = null;
        List<ReportLine> body = new ArrayList<>();
        for (ReportLine line : lines) {
            Matcher title = HEADING.matcher(line.text());
            boolean explanationStarts = EXPLANATION_PART.matcher(line.text()).find();
            if (title.find() || explanationStarts) {
                if (heading != null) {
                    sections.add(new Section(withUnit(heading, body), List.copyOf(body)));
                }
                heading = null;
                body.clear();
                if (explanationStarts) {
                    continue;
                }
                heading =
                        new TableHeading(
                                Integer.parseInt(title.group(3)),
                                title.group(2).strip(),
                                Integer.parseInt(title.group(1)),
                                "",
                                line);
                continue;
            }
            if (heading != null) {
                body.add(line);
            }
        }
        if (heading != null) {
            sections.add(new Section(withUnit(heading, body), List.copyOf(body)));
        }
        return sections;
    }

    private static TableHeading withUnit(TableHeading heading, List<ReportLine> body) {
        for (ReportLine line : body.subList(0, Math.min(4, body.size()))) {
            Matcher unit = UNIT.matcher(line.text());
            while (unit.find()) {
                if (!unit.group(1).endsWith("元")) {
                    return new TableHeading(
                            heading.table(),
                            heading.title(),
                            heading.year(),
                            unit.group(1),
                            heading.source());
                }
            }
        }
        return heading;
    }

    /** The 情况说明 (第三部分) as one string, line breaks removed: its sentences wrap anywhere. */
    static String explanation(List<ReportLine> lines) {
        StringBuilder text = new StringBuilder();
        boolean inside = false;
        for (ReportLine line : lines) {
            inside |= EXPLANATION_PART.matcher(line.text()).find();
            if (inside) {
                text.append(line.text().strip());
            }
        }
        return text.toString();
    }

    // 表1 / 表4: figures follow their 行次; 行次 come in order on each side.
    private void readLineTable(
            Section section, Grid grid, String table, int incomeLines, int[] expenseColumns) {
        if (section == null) {
            return;
        }
        // income lines first: 表4's fund columns depend on them
        Map<Integer, List<Token>> figures =
                new TreeMap<>(grid.lineRows(section, table, incomeLines, unplaced));
        for (Map.Entry<Integer, List<Token>> line : figures.entrySet()) {
            boolean income = line.getKey() <= incomeLines;
            List<Token> values = line.getValue();
            int[] columns = income ? new int[] {1} : expenseColumns;
            if (values.size() == columns.length) {
                put(table, line.getKey().toString(), columns, values);
            } else if (!income && values.size() < columns.length) {
                placeFundColumns(table, line.getKey(), incomeLines, columns, values);
            } else {
                unplaced.add(
                        new Unplaced(
                                values.get(0).source(),
                                table + " 第 " + line.getKey() + " 行的数字 " + joined(values),
                                "本行只有 " + columns.length + " 栏，却有 " + values.size() + " 个数字"));
            }
        }
    }

    /**
     * 表4's expenditure lines print 合计 first, then one figure per fund source. A fund source with
     * neither income nor an opening balance (行 1–3, 29–31 in 2020) spends nothing, so the figures
     * after 合计 go to the funds that have money — when their number matches.
     */
    private void placeFundColumns(
            String table, int line, int incomeLines, int[] columns, List<Token> values) {
        List<Integer> funds = new ArrayList<>();
        // the three 年初 sub-rows are the income lines just before 总计 (2020: 29–31)
        int[][] fundLines = {{1, incomeLines - 3}, {2, incomeLines - 2}, {3, incomeLines - 1}};
        for (int fund = 0; fund < fundLines.length; fund++) {
            if (nonZero(table, fundLines[fund][0], 1) || nonZero(table, fundLines[fund][1], 1)) {
                funds.add(columns[1 + fund]);
            }
        }
        if (values.size() - 1 == funds.size()) {
            int[] chosen = new int[values.size()];
            chosen[0] = columns[0];
            for (int i = 0; i < funds.size(); i++) {
                chosen[i + 1] = funds.get(i);
            }
            put(table, Integer.toString(line), chosen, values);
        } else {
            unplaced.add(
                    new Unplaced(
                            values.get(0).source(),
                            table + " 第 " + line + " 行的数字 " + joined(values),
                            "原文没有栏位置；有收入或结转的资金来源是栏次 "
                                    + funds
                                    + "，与合计之后的 "
                                    + (values.size() - 1)
                                    + " 个数字对不上，不作猜测"));
        }
    }

    private boolean nonZero(String table, int line, int column) {
        ReadFigure figure = placed.get(CellAddress.of(table, line, column));
        return figure != null && new BigDecimal(figure.printed()).signum() != 0;
    }

    /** The 2020 format: rows by their printed 行次 and codes. */
    private static final class PrintedGrid implements Grid {

        @Override
        public Map<Integer, List<Token>> lineRows(
                Section section, String table, int incomeLines, List<Unplaced> unplaced) {
            Map<Integer, List<Token>> figures = new LinkedHashMap<>();
            int nextIncome = 1;
            int nextExpense = incomeLines + 1;
            Integer current = null;
            for (Token token : tokens(gridLines(section, table))) {
                if (!token.number()) {
                    continue;
                }
                if (token.plainInteger()) {
                    int number = Integer.parseInt(token.text());
                    if (number == nextIncome && number <= incomeLines) {
                        current = nextIncome++;
                        continue;
                    }
                    if (number == nextExpense && number <= 2 * incomeLines) {
                        current = nextExpense++;
                        continue;
                    }
                }
                if (current == null) {
                    unplaced.add(
                            new Unplaced(
                                    token.source(), table + " 的数字 " + token.text(), "出现在任何行次之前"));
                    continue;
                }
                figures.computeIfAbsent(current, line -> new ArrayList<>()).add(token);
            }
            return figures;
        }

        // 表2 / 表3 / 表5 / 表8 / 表9: rows keyed by 类/款/项 codes, figures after the code and its name.
        @Override
        public List<CodeRow> codeRows(Section section, String table, List<Unplaced> unplaced) {
            List<CodeRow> rows = new ArrayList<>();
            CodeRow current = null;
            for (Token token : tokens(gridLines(section, table))) {
                if (!token.number()) {
                    if (token.text().contains("合计")
                            && rows.stream().noneMatch(row -> row.key.equals("total"))) {
                        current = new CodeRow("total", token.source());
                        rows.add(current);
                    }
                    continue;
                }
                if (token.plainInteger() && isFunctionalCode(token.text(), rows)) {
                    current = new CodeRow(token.text(), token.source());
                    rows.add(current);
                    continue;
                }
                if (current == null) {
                    unplaced.add(
                            new Unplaced(
                                    token.source(), table + " 的数字 " + token.text(), "出现在任何科目编码之前"));
                    continue;
                }
                current.figures.add(token);
            }
            return rows;
        }

        /** 3/5/7 digits, a 类 in 2xx, a 款 under the last 类, a 项 under the last 款. */
        static boolean isFunctionalCode(String text, List<CodeRow> rows) {
            String lastLei = lastKeyOfLength(rows, 3);
            String lastKuan = lastKeyOfLength(rows, 5);
            return switch (text.length()) {
                case 3 -> text.startsWith("2");
                case 5 -> lastLei != null && text.startsWith(lastLei);
                case 7 -> lastKuan != null && text.startsWith(lastKuan);
                default -> false;
            };
        }

        private static String lastKeyOfLength(List<CodeRow> rows, int length) {
            for (int i = rows.size() - 1; i >= 0; i--) {
                if (rows.get(i).key.length() == length && !rows.get(i).key.equals("total")) {
                    return rows.get(i).key;
                }
            }
            return null;
        }

        // 表6: up to three panels side by side; every figure follows its economic code.
        @Override
        public Map<String, List<Token>> economicRows(Section section, List<Unplaced> unplaced) {
            Map<String, List<Token>> figures = new LinkedHashMap<>();
            String current = null;
            for (Token token : tokens(gridLines(section, "T6"))) {
                if (!token.number()) {
                    if (token.text().contains("人员经费合计")) {
                        current = "personnel-total";
                    } else if (token.text().contains("公用经费合计")) {
                        current = "public-total";
                    }
                    continue;
                }
                if (token.plainInteger()
                        && (token.text().length() == 3 || token.text().length() == 5)
                        && token.text().startsWith("3")) {
                    current = token.text();
                    continue;
                }
                if (current == null) {
                    unplaced.add(
                            new Unplaced(
                                    token.source(), "T6 的数字 " + token.text(), "出现在任何经济分类科目编码之前"));
                    continue;
                }
                figures.computeIfAbsent(current, key -> new ArrayList<>()).add(token);
            }
            return figures;
        }
    }

    private void readCodeTable(
            Section section,
            Grid grid,
            String table,
            int columns,
            List<Placement.RowRule> rules,
            SortedSet<Integer> totalAllowed) {
        if (section == null) {
            return;
        }
        new CodeTablePlacer(table, columns, rules, placed, unplaced)
                .place(grid.codeRows(section, table, unplaced), totalAllowed);
    }

    private void readEconomicTable(Section section, Grid grid) {
        if (section == null) {
            return;
        }
        grid.economicRows(section, unplaced)
                .forEach(
                        (row, values) -> {
                            if (values.size() == 1) {
                                put("T6", row, new int[] {1}, values);
                            } else if (values.size() > 1) {
                                unplaced.add(
                                        new Unplaced(
                                                values.get(0).source(),
                                                "T6 " + row + " 行的数字 " + joined(values),
                                                "表6 每个科目只有一个决算数，却读到 " + values.size() + " 个数字"));
                            }
                        });
    }

    // 表7: one row of up to 12 figures.
    private void readThreePublicCosts(Section section, String explanation) {
        if (section == null) {
            return;
        }
        List<Token> values = new ArrayList<>();
        for (Token token : tokens(gridLines(section, "T7"))) {
            if (token.number()) {
                values.add(token);
            }
        }
        if (values.isEmpty()) {
            return;
        }
        if (values.size() > 12) {
            unplaced.add(
                    new Unplaced(
                            values.get(0).source(),
                            "T7 的数字 " + joined(values),
                            "表7 只有 12 栏，却读到 " + values.size() + " 个数字"));
            return;
        }
        ThreePublicCostsPlacement.Result result =
                ThreePublicCostsPlacement.place(
                        values.stream().map(Token::value).toList(), this::t6Value, explanation);
        if (result.columns().isPresent()) {
            put("T7", "1", result.columns().get(), values);
        } else {
            unplaced.add(
                    new Unplaced(
                            values.get(0).source(), "T7 的数字 " + joined(values), result.reason()));
        }
    }

    private BigDecimal t6Value(String code) {
        ReadFigure figure = placed.get(CellAddress.of("T6", code, 1));
        return figure == null ? BigDecimal.ZERO : new BigDecimal(figure.printed());
    }

    /** 表2 total: 栏 2 财政拨款 is 表1 行 1–3, 栏 3–7 are 表1 行 4–8; a column 表1 leaves empty stays empty. */
    private SortedSet<Integer> t2TotalColumns() {
        if (placed.keySet().stream().noneMatch(cell -> cell.table().equals("T1"))) {
            return columns(7);
        }
        SortedSet<Integer> allowed = new TreeSet<>(List.of(1));
        if (nonZero("T1", 1, 1) || nonZero("T1", 2, 1) || nonZero("T1", 3, 1)) {
            allowed.add(2);
        }
        for (int line = 4; line <= 8; line++) {
            if (nonZero("T1", line, 1)) {
                allowed.add(line - 1);
            }
        }
        return allowed;
    }

    /**
     * 表3 total: when it equals 表5's total, all spending is 一般公共预算 money, so 表3's 基本/项目 columns are
     * 表5's and the other natures are empty.
     */
    private SortedSet<Integer> t3TotalColumns() {
        Optional<BigDecimal> t5Total = value("T5", "total", 1);
        if (t5Total.isEmpty()) {
            return columns(6);
        }
        SortedSet<Integer> allowed = new TreeSet<>(List.of(1));
        for (int column = 2; column <= 3; column++) {
            if (value("T5", "total", column).filter(v -> v.signum() != 0).isPresent()) {
                allowed.add(column);
            }
        }
        return allowed;
    }

    /** 表5 total: 基本支出 (栏 2) is empty when 表6 has no 人员经费 and no 公用经费. */
    private SortedSet<Integer> t5TotalColumns() {
        boolean basic =
                value("T6", "personnel-total", 1).filter(v -> v.signum() != 0).isPresent()
                        || value("T6", "public-total", 1).filter(v -> v.signum() != 0).isPresent();
        boolean anyT6 = placed.keySet().stream().anyMatch(cell -> cell.table().equals("T6"));
        SortedSet<Integer> allowed = columns(3);
        if (anyT6 && !basic) {
            allowed.remove(2);
        }
        return allowed;
    }

    private Optional<BigDecimal> value(String table, String row, int column) {
        return Optional.ofNullable(placed.get(CellAddress.of(table, row, column)))
                .map(figure -> new BigDecimal(figure.printed()));
    }

    private static SortedSet<Integer> columns(int count) {
        SortedSet<Integer> all = new TreeSet<>();
        for (int column = 1; column <= count; column++) {
            all.add(column);
        }
        return all;
    }

    private void put(String table, String row, int[] columns, List<Token> values) {
        for (int i = 0; i < columns.length; i++) {
            CellAddress cell = CellAddress.of(table, row, columns[i]);
            placed.put(cell, new ReadFigure(cell, values.get(i).printed(), values.get(i).source()));
        }
    }

    /**
     * The grid's data lines: after the header (the 栏次 line, or 表7's line of column numbers, or 表6's
     * 部门 line) and before the notes (注：).
     */
    static List<ReportLine> gridLines(Section section, String table) {
        List<ReportLine> lines = section.lines();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text().strip();
            boolean header =
                    table.equals("T7")
                            ? text.matches("1\\s+2\\s+3\\s+4\\s+5\\s+6.*")
                            : table.equals("T6") ? UNIT.matcher(text).find() : text.contains("栏次");
            if (header) {
                start = i + 1;
                break;
            }
        }
        List<ReportLine> grid = new ArrayList<>();
        for (ReportLine line : lines.subList(start, lines.size())) {
            if (line.text().strip().startsWith("注")) {
                break;
            }
            grid.add(line);
        }
        return grid;
    }

    static List<Token> tokens(List<ReportLine> lines) {
        List<Token> tokens = new ArrayList<>();
        lines.forEach(line -> tokens.addAll(Token.split(line)));
        return tokens;
    }

    private static String joined(List<Token> values) {
        return String.join(" ", values.stream().map(Token::text).toList());
    }

    static String commonUnit(List<TableHeading> headings) {
        return headings.stream()
                .map(TableHeading::unitName)
                .filter(name -> !name.isEmpty())
                .findFirst()
                .orElse("");
    }

    static int commonYear(List<TableHeading> headings) {
        return headings.isEmpty() ? 0 : headings.get(0).year();
    }
}
