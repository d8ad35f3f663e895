package ledger.reportreader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ledger.projections.statement.CellAddress;

/**
 * The 2024 format (../shared/reports/README.md): titles alone on their line with no year and no （表
 * n）, no 行次 and no 栏次, so cells are addressed by position. Today this reader recognises the format
 * and its variant from the grid (24 or 26 类 lines in 表1) and places every figure by position
 * ({@link PositionalGrid}; 表7 by its twelve 预算数/决算数 headings), with the 2020 reader's column
 * placement by the template's rules where a row's figures leave its columns open.
 */
final class Template2024Reader {

    /** The nine titles in 目录 order: 表1 … 表9. */
    static final List<String> TITLES =
            List.of(
                    "收入支出决算总表",
                    "收入决算表",
                    "支出决算表",
                    "财政拨款收入支出决算总表",
                    "一般公共预算财政拨款支出决算表",
                    "一般公共预算财政拨款基本支出决算表",
                    "财政拨款“三公”经费支出决算表",
                    "政府性基金预算财政拨款收入支出决算表",
                    "国有资本经营预算财政拨款收入支出决算表");

    private static final Pattern PART_TWO =
            Pattern.compile("^(?:第二部分)?\\s*(\\S.*?)\\s*(\\d{4})\\s*年度部门决算表$");
    private static final Pattern TABLE_NUMBER = Pattern.compile("\\s*[（(]\\s*表\\s*\\d+\\s*[）)]$");
    private static final Pattern LEI_LINE = Pattern.compile("^([一二三四五六七八九十]+)、\\S*支出");
    private static final Pattern EXPLANATION_PART = Pattern.compile("^\\s*第三部分");

    private Template2024Reader() {}

    /** Tables titled the 2024 way, each with its lines up to the next title or the 情况说明. */
    static List<Template2020Reader.Section> sections(List<ReportLine> lines) {
        String unit = "";
        int year = 0;
        List<Template2020Reader.Section> sections = new ArrayList<>();
        TableHeading heading = null;
        List<ReportLine> body = new ArrayList<>();
        for (ReportLine line : lines) {
            String text = line.text().strip();
            Matcher partTwo = PART_TWO.matcher(text);
            if (partTwo.find()) {
                unit = partTwo.group(1).replaceAll("\\s+", "");
                year = Integer.parseInt(partTwo.group(2));
            }
            // a title may carry its number, 收入支出决算总表（表 1）, or not
            int table = TITLES.indexOf(TABLE_NUMBER.matcher(text).replaceFirst("")) + 1;
            boolean explanation = EXPLANATION_PART.matcher(text).find();
            if (table > 0 || explanation) {
                if (heading != null) {
                    sections.add(new Template2020Reader.Section(heading, List.copyOf(body)));
                }
                heading =
                        table > 0
                                ? new TableHeading(table, TITLES.get(table - 1), year, unit, line)
                                : null;
                body.clear();
                continue;
            }
            if (heading != null) {
                body.add(line);
            }
        }
        if (heading != null) {
            sections.add(new Template2020Reader.Section(heading, List.copyOf(body)));
        }
        return sections;
    }

    static ReportReading read(List<Template2020Reader.Section> sections, String forced) {
        int leiLines = leiLines(sections);
        String template = forced != null ? forced : leiLines == 26 ? "2024-26" : "2024";
        String reason =
                forced != null
                        ? "由 --template 指定"
                        : "表题不带“（表 n）”、不印行次，表1 有 "
                                + leiLines
                                + " 个功能分类类级支出行，按 "
                                + template
                                + " 模板读取";
        int tableLeiLines = template.equals("2024-26") ? 26 : 24;
        Map<Integer, Template2020Reader.Section> byTable = new LinkedHashMap<>();
        sections.forEach(section -> byTable.putIfAbsent(section.heading().table(), section));
        Template2020Reader reader =
                Template2020Reader.readTables(
                        byTable,
                        new PositionalGrid(tableLeiLines),
                        new Template2020Reader.GridSize(tableLeiLines + 4, tableLeiLines + 6, 6));
        List<ReadFigure> figures = new ArrayList<>(reader.placedFigures());
        List<Unplaced> unplaced = new ArrayList<>(reader.unplacedFigures());
        readThreePublicCosts(byTable.get(7), figures, unplaced);
        List<TableHeading> headings =
                sections.stream().map(Template2020Reader.Section::heading).toList();
        return new ReportReading(
                Template2020Reader.commonUnit(headings),
                Template2020Reader.commonYear(headings),
                template,
                reason,
                headings,
                figures,
                unplaced);
    }

    /**
     * 表7: one row under a line of twelve headings 预算数 / 决算数 in pairs; each figure goes to the
     * heading nearest to it (position 1 合计·预算数 … 12 公务接待费·决算数).
     */
    private static void readThreePublicCosts(
            Template2020Reader.Section section, List<ReadFigure> figures, List<Unplaced> unplaced) {
        if (section == null) {
            return;
        }
        List<Token> headings = null;
        List<Token> values = new ArrayList<>();
        for (ReportLine line : PositionalGrid.gridLines(section)) {
            List<Token> tokens = Token.split(line);
            List<Token> columnHeadings =
                    tokens.stream()
                            .filter(
                                    token ->
                                            token.text().equals("预算数")
                                                    || token.text().equals("决算数"))
                            .toList();
            if (columnHeadings.size() == 12) {
                headings = columnHeadings;
                continue;
            }
            tokens.stream().filter(Token::number).forEach(values::add);
        }
        if (values.isEmpty()) {
            return;
        }
        if (headings == null) {
            values.forEach(
                    value ->
                            unplaced.add(
                                    new Unplaced(
                                            value.source(),
                                            "T7 的数字 " + value.text(),
                                            "表7 没有找到 12 个“预算数/决算数”栏目标题，无法按位置确定栏次")));
            return;
        }
        Map<Integer, Token> byColumn = new LinkedHashMap<>();
        for (Token value : values) {
            int centre = value.column() + value.text().length() / 2;
            int nearest = 0;
            for (int i = 1; i < headings.size(); i++) {
                if (Math.abs(headings.get(i).column() + 1 - centre)
                        < Math.abs(headings.get(nearest).column() + 1 - centre)) {
                    nearest = i;
                }
            }
            if (value.source().page() != headings.get(0).source().page()
                    || byColumn.containsKey(nearest + 1)) {
                unplaced.add(
                        new Unplaced(
                                value.source(),
                                "T7 的数字 " + value.text(),
                                "与栏目标题不在同一页，或与另一个数字落在同一栏（第 " + (nearest + 1) + " 栏）"));
                continue;
            }
            byColumn.put(nearest + 1, value);
        }
        byColumn.forEach(
                (column, value) -> {
                    CellAddress cell = CellAddress.of("T7", "1", column);
                    figures.add(new ReadFigure(cell, value.printed(), value.source()));
                });
    }

    /** The number of 类 lines (一、… 二十六、) on 表1's expenditure side. */
    private static int leiLines(List<Template2020Reader.Section> sections) {
        int count = 0;
        for (Template2020Reader.Section section : sections) {
            if (section.heading().table() != 1) {
                continue;
            }
            for (ReportLine line : section.lines()) {
                for (Token token : Token.split(line)) {
                    if (!token.number() && LEI_LINE.matcher(token.text()).find()) {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
