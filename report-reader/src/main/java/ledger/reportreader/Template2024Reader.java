package ledger.reportreader;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 2024 format (../shared/reports/README.md): titles alone on their line with no year and no
 * （表 n）, no 行次 and no 栏次, so cells are addressed by position. Today this reader recognises the
 * format and its variant from the grid (24 or 26 类 lines in 表1) and reads a report whose tables are
 * empty, such as the official template; a 2024 report with figures is refused with that reason,
 * because placing figures by position is not built yet.
 */
final class Template2024Reader {

    /** The nine titles in 目录 order: 表1 … 表9. */
    static final List<String> TITLES = List.of("收入支出决算总表", "收入决算表", "支出决算表",
            "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表",
            "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表");
    private static final Pattern PART_TWO = Pattern.compile("^(?:第二部分)?\\s*(\\S.*?)\\s*(\\d{4})\\s*年度部门决算表$");
    private static final Pattern LEI_LINE = Pattern.compile("^([一二三四五六七八九十]+)、\\S*支出");
    private static final Pattern EXPLANATION_PART = Pattern.compile("^\\s*第三部分");

    private Template2024Reader() {
    }

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
            int table = TITLES.indexOf(text) + 1;
            boolean explanation = EXPLANATION_PART.matcher(text).find();
            if (table > 0 || explanation) {
                if (heading != null) {
                    sections.add(new Template2020Reader.Section(heading, List.copyOf(body)));
                }
                heading = table > 0 ? new TableHeading(table, text, year, unit, line) : null;
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
        for (Template2020Reader.Section section : sections) {
            for (ReportLine line : section.lines()) {
                for (Token token : Token.split(line)) {
                    if (token.number() && !token.plainInteger()) {
                        throw new ReportRefusal(line.where() + "：2024 格式（不印行次和栏次）的表" + section.heading().table()
                                + "“" + section.heading().title() + "”中有数字 " + token.text()
                                + "；本版本只能读取 2020 格式的数字和 2024 格式的空表，未读取任何数据。"
                                + " / figures of the 2024 format are not read yet");
                    }
                }
            }
        }
        int leiLines = leiLines(sections);
        String template = forced != null ? forced : leiLines == 26 ? "2024-26" : "2024";
        String reason = forced != null ? "由 --template 指定"
                : "表题不带“（表 n）”、不印行次，表1 有 " + leiLines + " 个功能分类类级支出行，按 " + template + " 模板读取";
        List<TableHeading> headings = sections.stream().map(Template2020Reader.Section::heading).toList();
        return new ReportReading(Template2020Reader.commonUnit(headings), Template2020Reader.commonYear(headings),
                template, reason, headings, List.of(), List.of());
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
