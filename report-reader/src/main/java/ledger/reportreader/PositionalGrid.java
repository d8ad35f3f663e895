package ledger.reportreader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 2024 format's rows, which print no 行次 (../shared/reports/README.md): 表1/表4 lines are numbered
 * by their labels' position in the grid, 表2/3/5/8/9 rows by their codes (one string, or 类 / 款 / 项
 * columns joined), 表6 rows by economic code in two panels. A figure printed on a line with no label
 * or code of its own (the line above, when its cell is taller than one line) belongs to the next
 * row that starts; figures of one row are then ordered left to right by position.
 */
final class PositionalGrid implements Template2020Reader.Grid {

    private static final List<String> T1_INCOME =
            List.of(
                    "一般公共预算财政拨款收入",
                    "政府性基金预算财政拨款收入",
                    "国有资本经营预算财政拨款收入",
                    "上级补助收入",
                    "事业收入",
                    "经营收入",
                    "附属单位上缴收入",
                    "其他收入");
    private static final List<String> T4_INCOME =
            List.of("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款");
    private static final int UNKNOWN_LABEL = -1;
    private static final String NUMERALS = "一二三四五六七八九十";

    private final int leiLines;

    PositionalGrid(int leiLines) {
        this.leiLines = leiLines;
    }

    /** The grid: every line of the section up to its note (注：…), the note included no more. */
    static List<ReportLine> gridLines(Template2020Reader.Section section) {
        List<ReportLine> grid = new ArrayList<>();
        for (ReportLine line : section.lines()) {
            if (line.text().strip().startsWith("注")) {
                break;
            }
            grid.add(line);
        }
        return grid;
    }

    // 表1 / 表4 --------------------------------------------------------------------------------

    @Override
    public Map<Integer, List<Token>> lineRows(
            Template2020Reader.Section section,
            String table,
            int incomeLines,
            List<Unplaced> unplaced) {
        boolean t4 = table.equals("T4");
        Map<Integer, List<Token>> rows = new LinkedHashMap<>();
        List<Token> pending = new ArrayList<>();
        boolean incomeTotalSeen = false;
        boolean openingSeen = false;
        for (ReportLine line : gridLines(section)) {
            List<Token> tokens = Token.split(line);
            List<int[]> labels = new ArrayList<>(); // {row, column} of each label on this line
            Integer current = null;
            boolean incomeOnLine = false;
            for (Token token : tokens) {
                if (token.number()) {
                    if (current != null && current == UNKNOWN_LABEL) {
                        unplaced.add(
                                new Unplaced(
                                        token.source(),
                                        table + " 的数字 " + token.text(),
                                        "跟在本模板没有的项目之后（表1 只有 " + leiLines + " 个类级支出行）"));
                    } else if (current == null) {
                        pending.add(token);
                    } else {
                        rows.computeIfAbsent(current, key -> new ArrayList<>()).add(token);
                    }
                    continue;
                }
                Integer row = null;
                String text = token.text();
                int ordinal = ordinal(text);
                if (ordinal > 0) {
                    String name = text.substring(text.indexOf('、') + 1);
                    List<String> incomeNames = t4 ? T4_INCOME : T1_INCOME;
                    boolean income =
                            ordinal <= incomeNames.size()
                                    && name.length() >= 2
                                    && (incomeNames.get(ordinal - 1).startsWith(name)
                                            || name.startsWith(incomeNames.get(ordinal - 1)));
                    if (income) {
                        row = t4 && openingSeen ? incomeLines - 4 + ordinal : ordinal;
                    } else if (ordinal <= leiLines) {
                        row = incomeLines + ordinal;
                    } else {
                        current = UNKNOWN_LABEL;
                    }
                } else if (text.startsWith("本年收入合计")) {
                    row = incomeLines - (t4 ? 5 : 3);
                } else if (!t4 && text.startsWith("使用非财政拨款结余")) {
                    row = incomeLines - 2;
                } else if (text.startsWith(t4 ? "年初财政拨款结转和结余" : "年初结转和结余")) {
                    row = incomeLines - (t4 ? 4 : 1);
                    openingSeen = true;
                } else if (text.startsWith("本年支出合计")) {
                    row = incomeLines + leiLines + 1;
                } else if (!t4 && text.startsWith("结余分配")) {
                    row = incomeLines + leiLines + 2;
                } else if (text.startsWith(t4 ? "年末财政拨款结转和结余" : "年末结转和结余")) {
                    row = incomeLines + leiLines + (t4 ? 2 : 3);
                } else if (text.equals("总计")) {
                    row = !incomeTotalSeen && !incomeOnLine ? incomeLines : 2 * incomeLines;
                    incomeTotalSeen |= row == incomeLines;
                }
                if (row != null) {
                    current = row;
                    incomeOnLine |= row <= incomeLines;
                    labels.add(new int[] {row, token.column()});
                }
            }
            if (!labels.isEmpty() && !pending.isEmpty()) {
                // figures printed on the lines above: each goes to the label to its left on this
                // line
                for (Token figure : pending) {
                    Integer row = null;
                    for (int[] label : labels) {
                        if (label[1] <= figure.column()) {
                            row = label[0];
                        }
                    }
                    if (row == null) {
                        unplaced.add(
                                new Unplaced(
                                        figure.source(),
                                        table + " 的数字 " + figure.text(),
                                        "印在没有项目名称的行上，下一行左侧没有可对应的项目（" + line.where() + "）"));
                    } else {
                        rows.computeIfAbsent(row, key -> new ArrayList<>()).add(figure);
                    }
                }
                pending.clear();
            }
        }
        for (Token figure : pending) {
            unplaced.add(
                    new Unplaced(
                            figure.source(), table + " 的数字 " + figure.text(), "印在表末，后面没有任何项目名称"));
        }
        rows.values().forEach(PositionalGrid::leftToRight);
        return rows;
    }

    /** The number of an ordinal label such as 二十六、: 26; 0 when the text is not one. */
    static int ordinal(String text) {
        int mark = text.indexOf('、');
        if (mark <= 0 || mark > 3) {
            return 0;
        }
        int value = 0;
        int pendingDigit = 0;
        for (char c : text.substring(0, mark).toCharArray()) {
            int digit = NUMERALS.indexOf(c) + 1;
            if (digit == 0) {
                return 0;
            }
            if (digit == 10) {
                value += (pendingDigit == 0 ? 1 : pendingDigit) * 10;
                pendingDigit = 0;
            } else {
                pendingDigit = digit;
            }
        }
        return value + pendingDigit;
    }

    // 表2 / 表3 / 表5 / 表8 / 表9 ---------------------------------------------------------------

    @Override
    public List<CodeRow> codeRows(
            Template2020Reader.Section section, String table, List<Unplaced> unplaced) {
        List<CodeRow> rows = new ArrayList<>();
        List<Token> pending = new ArrayList<>();
        for (ReportLine line : gridLines(section)) {
            List<Token> tokens = Token.split(line);
            CodeRow row = null;
            int first = 0;
            String code = functionalCode(tokens);
            if (code != null) {
                row = new CodeRow(code, line);
                first = code.length() == 3 ? 1 : code.length() == 5 ? 2 : 3;
                if (tokens.get(0).text().length() == 7 || tokens.get(0).text().length() == 5) {
                    first = 1;
                }
            } else if (tokens.stream()
                            .anyMatch(token -> !token.number() && token.text().equals("合计"))
                    && (!pending.isEmpty() || tokens.stream().anyMatch(Token::number))) {
                // a 合计 with figures is the total row; the header's 合计 (a column heading) has none
                if (rows.stream().anyMatch(existing -> existing.key.equals("total"))) {
                    unplaced.add(new Unplaced(line, table + " 合计", "本表印了两个有数字的合计行"));
                    continue;
                }
                row = new CodeRow("total", line);
            }
            List<Token> figures =
                    tokens.subList(first, tokens.size()).stream().filter(Token::number).toList();
            if (row == null) {
                pending.addAll(figures);
                continue;
            }
            row.figures.addAll(pending);
            row.figures.addAll(figures);
            pending.clear();
            leftToRight(row.figures);
            rows.add(row);
        }
        for (Token figure : pending) {
            unplaced.add(
                    new Unplaced(
                            figure.source(),
                            table + " 的数字 " + figure.text(),
                            "印在表末，后面没有任何科目编码或合计"));
        }
        return rows;
    }

    /**
     * The functional code a line starts with: {@code 2010601} as one string, or {@code 201 06 01}
     * in 类 / 款 / 项 columns; null when the line starts otherwise.
     */
    private static String functionalCode(List<Token> tokens) {
        if (tokens.isEmpty()
                || !tokens.get(0).plainInteger()
                || !tokens.get(0).text().startsWith("2")) {
            return null;
        }
        String code = tokens.get(0).text();
        if (code.length() == 5 || code.length() == 7) {
            return code;
        }
        if (code.length() != 3) {
            return null;
        }
        for (int i = 1;
                i < tokens.size()
                        && i <= 2
                        && tokens.get(i).plainInteger()
                        && tokens.get(i).text().length() == 2;
                i++) {
            code += tokens.get(i).text();
        }
        return code;
    }

    // 表6 ------------------------------------------------------------------------------------

    /**
     * Two panels side by side, each with its codes (类, and 款 on the same line or the next) and one
     * figure per row. The right panel starts where its codes start on that page.
     */
    @Override
    public Map<String, List<Token>> economicRows(
            Template2020Reader.Section section, List<Unplaced> unplaced) {
        List<ReportLine> grid = gridLines(section);
        Map<Integer, Integer> rightPanelByPage = new LinkedHashMap<>();
        Map<Integer, Integer> leftCodeByPage = new LinkedHashMap<>();
        for (ReportLine line : grid) {
            for (Token token : Token.split(line)) {
                if (economicLei(token)) {
                    leftCodeByPage.merge(line.page(), token.column(), Math::min);
                }
            }
        }
        for (ReportLine line : grid) {
            for (Token token : Token.split(line)) {
                Integer left = leftCodeByPage.get(line.page());
                if ((economicLei(token) || token.text().contains("公用经费合计"))
                        && left != null
                        && token.column() > left + 4) {
                    rightPanelByPage.merge(line.page(), token.column(), Math::min);
                }
            }
        }
        Panel left = new Panel();
        Panel right = new Panel();
        for (int position = 0; position < grid.size(); position++) {
            ReportLine line = grid.get(position);
            int boundary = rightPanelByPage.getOrDefault(line.page(), Integer.MAX_VALUE);
            for (Token token : Token.split(line)) {
                (token.column() >= boundary ? right : left).take(token, position);
            }
        }
        Map<String, List<Token>> figures = new LinkedHashMap<>();
        left.resolve(figures, unplaced);
        right.resolve(figures, unplaced);
        return figures;
    }

    /**
     * An economic code that starts a 表6 row: a 类 ({@code 301}) or a 款 printed as one string ({@code
     * 30101}).
     */
    private static boolean economicLei(Token token) {
        return token.plainInteger()
                && (token.text().length() == 3 || token.text().length() == 5)
                && token.text().startsWith("3");
    }

    /**
     * One panel of 表6 as its tokens arrive, line by line. A row starts on its code line (类, with
     * its 款 on that line or the next) or its 合计 label; a figure on neither line goes to the row
     * whose start is nearest — the extractions print it a line above (pdftotext) or below (PDFBox
     * baselines) — and, equally near two rows, to the upper one, whose cell it is printed in.
     */
    private static final class Panel {

        private static final class Row {
            String key;
            final int position;
            int kuanPosition;
            final List<Token> figures = new ArrayList<>();

            Row(String key, int position) {
                this.key = key;
                this.position = position;
                this.kuanPosition = position;
            }
        }

        private final List<Row> rows = new ArrayList<>();
        private final Map<Token, Integer> loose = new LinkedHashMap<>();

        void take(Token token, int position) {
            Row current = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (!token.number()) {
                if (token.text().contains("人员经费合计")) {
                    rows.add(new Row("personnel-total", position));
                } else if (token.text().contains("公用经费合计")) {
                    rows.add(new Row("public-total", position));
                }
                return;
            }
            if (economicLei(token)) {
                rows.add(new Row(token.text(), position));
                return;
            }
            if (token.plainInteger()
                    && token.text().length() == 2
                    && current != null
                    && current.key.length() == 3
                    && current.key.startsWith("3")
                    && position - current.position <= 1) {
                current.key += token.text();
                current.kuanPosition = position;
                return;
            }
            if (current != null
                    && (position == current.position || position == current.kuanPosition)) {
                current.figures.add(token);
            } else {
                loose.put(token, position);
            }
        }

        void resolve(Map<String, List<Token>> figures, List<Unplaced> unplaced) {
            loose.forEach(
                    (figure, position) -> {
                        Row nearest = null;
                        for (Row row : rows) {
                            if (nearest == null
                                    || Math.abs(row.position - position)
                                            < Math.abs(nearest.position - position)) {
                                nearest = row;
                            }
                        }
                        if (nearest == null) {
                            unplaced.add(
                                    new Unplaced(
                                            figure.source(),
                                            "T6 的数字 " + figure.text(),
                                            "表6 这一栏没有任何经济分类科目编码或合计"));
                        } else {
                            nearest.figures.add(figure);
                        }
                    });
            for (Row row : rows) {
                figures.computeIfAbsent(row.key, key -> new ArrayList<>()).addAll(row.figures);
            }
        }
    }

    private static void leftToRight(List<Token> figures) {
        figures.sort(Comparator.comparingInt(Token::column));
    }
}
