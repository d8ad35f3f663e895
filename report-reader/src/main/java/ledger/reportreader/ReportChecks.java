package ledger.reportreader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.Finding;
import ledger.projections.statement.StatementChecks;

/**
 * {@code check-report}: a report against itself, with no ledger. The figures against every 审核公式 of
 * the template (the same {@link StatementChecks} the ledger's own statements pass), and the
 * document as a whole: every required table present, one unit and one year in every heading, no
 * template placeholder left in.
 */
public final class ReportChecks {

    /** The tables the 2020 template requires, 表1–表9. */
    static final List<Integer> REQUIRED_TABLES = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9);

    /** A template's placeholder left in a name: XX局, ××单位. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)XX|××|＊＊|\\*\\*");

    private ReportChecks() {}

    public static List<ReportFinding> check(ReportReading reading) {
        List<ReportFinding> findings = new ArrayList<>(documentFindings(reading));
        if (reading.template().startsWith("2024")) {
            // the 2020 rules name cells the 2024 grid does not have (表4 61–63, 表7, 表9)
            findings.addAll(Rules2024.check(reading));
            if (!reading.figures().isEmpty()) {
                findings.addAll(
                        ExplanationChecks.check(
                                reading)); // an empty template says nothing to check
            }
            return findings;
        }
        findings.addAll(Rules2024.fundTables2020(reading));
        Map<CellAddress, ReadFigure> byCell =
                reading.figures().stream()
                        .collect(Collectors.toMap(ReadFigure::cell, Function.identity()));
        for (Finding finding : StatementChecks.evaluate(reading.publishedFigures())) {
            StringBuilder cells = new StringBuilder();
            for (CellAddress cell : finding.cells()) {
                ReadFigure figure = byCell.get(cell);
                cells.append(cells.isEmpty() ? "" : "；")
                        .append(cell)
                        .append(" = ")
                        .append(
                                figure == null
                                        ? "空白"
                                        : figure.printed() + "（" + figure.source().where() + "）");
            }
            String kind = finding.isError() ? "不符" : "差 0.01，属尾差";
            findings.add(
                    new ReportFinding(
                            finding.isError(),
                            finding.rule(),
                            kind + "。" + cells + "。" + finding.message()));
        }
        findings.addAll(ExplanationChecks.check(reading));
        return findings;
    }

    static List<ReportFinding> documentFindings(ReportReading reading) {
        List<ReportFinding> findings = new ArrayList<>();
        Set<Integer> present = new LinkedHashSet<>();
        reading.headings().forEach(heading -> present.add(heading.table()));
        Map<Integer, ReportLine> contents = contents(reading);
        for (int table : REQUIRED_TABLES) {
            if (!present.contains(table)) {
                ReportLine listed = contents.get(table);
                findings.add(
                        new ReportFinding(
                                true,
                                "document.table-missing",
                                "缺少表"
                                        + table
                                        + "：模板要求公开表1–表9"
                                        + (listed == null
                                                ? ""
                                                : "，目录也列出了它（" + listed.where() + "），正文却没有")
                                        + "。/ table "
                                        + table
                                        + " is missing"));
            }
        }
        if (!contents.isEmpty()) {
            for (TableHeading heading : reading.headings()) {
                if (!contents.containsKey(heading.table())) {
                    findings.add(
                            new ReportFinding(
                                    true,
                                    "document.contents",
                                    "目录与正文不符：正文有表"
                                            + heading.table()
                                            + "“"
                                            + heading.title()
                                            + "”（"
                                            + heading.source().where()
                                            + "），目录没有列出。/ table not in the contents"));
                }
            }
            List<Integer> listedOrder =
                    contents.keySet().stream().filter(present::contains).toList();
            List<Integer> bodyOrder = present.stream().filter(contents::containsKey).toList();
            if (!listedOrder.equals(bodyOrder)) {
                findings.add(
                        new ReportFinding(
                                true,
                                "document.contents",
                                "目录与正文不符：目录的顺序是表"
                                        + listedOrder
                                        + "，正文的顺序是表"
                                        + bodyOrder
                                        + "。/ the contents list the tables in another order"));
            }
        }
        findings.addAll(partHeadings(reading));
        for (TableHeading heading : reading.headings()) {
            if (heading.year() != reading.year()) {
                findings.add(
                        new ReportFinding(
                                true,
                                "document.year",
                                "表"
                                        + heading.table()
                                        + " 标题的年度是 "
                                        + heading.year()
                                        + "，而报告年度是 "
                                        + reading.year()
                                        + "（"
                                        + heading.source().where()
                                        + "）。/ heading year differs"));
            }
            if (!heading.unitName().isEmpty() && !heading.unitName().equals(reading.unitName())) {
                findings.add(
                        new ReportFinding(
                                true,
                                "document.unit",
                                "表"
                                        + heading.table()
                                        + " 的单位是“"
                                        + heading.unitName()
                                        + "”，而报告单位是“"
                                        + reading.unitName()
                                        + "”（"
                                        + heading.source().where()
                                        + "）。/ heading unit differs"));
            }
            if (PLACEHOLDER.matcher(heading.unitName()).find()) {
                findings.add(
                        new ReportFinding(
                                true,
                                "document.placeholder",
                                "表"
                                        + heading.table()
                                        + " 的单位名称“"
                                        + heading.unitName()
                                        + "”是模板占位符，未替换为实际单位（"
                                        + heading.source().where()
                                        + "）。/ template placeholder left in"));
            }
        }
        return findings;
    }

    private static final Pattern CONTENTS = Pattern.compile("^目\\s*录$");
    private static final Pattern CONTENTS_ENTRY = Pattern.compile("^([一二三四五六七八九十]+)、\\s*(\\S+)$");
    private static final Pattern PART_HEADING =
            Pattern.compile("^第[一二三四五六]部分\\s*(.*?)\\s*(\\d{4})\\s*年度");
    private static final Pattern COVER_YEAR = Pattern.compile("^(\\d{4})\\s*年度部门决算$");
    private static final Pattern AS_OF = Pattern.compile("截至(\\d{4})年12月31日");
    private static final Pattern COMPARED_WITH =
            Pattern.compile("(?:与|比|较)(\\d{4})年度?(?:相比|持平|增加|减少|增长|下降)");

    /**
     * The tables the 目录 lists, by number, with the line listing each; empty when the report has no
     * 目录.
     */
    static Map<Integer, ReportLine> contents(ReportReading reading) {
        Map<Integer, ReportLine> listed = new LinkedHashMap<>();
        List<ReportLine> lines = reading.lines();
        int end =
                reading.headings().isEmpty()
                        ? lines.size()
                        : Math.max(0, lines.indexOf(reading.headings().get(0).source()));
        boolean inContents = false;
        for (ReportLine line : lines.subList(0, end)) {
            String text = line.text().strip();
            if (CONTENTS.matcher(text).find()) {
                inContents = true;
                continue;
            }
            Matcher entry = CONTENTS_ENTRY.matcher(text);
            if (inContents && entry.find()) {
                int table =
                        Template2024Reader.TITLES.indexOf(
                                        entry.group(2).replaceAll("[（(]\\s*表\\s*\\d+\\s*[）)]$", ""))
                                + 1;
                if (table > 0) {
                    listed.putIfAbsent(table, line);
                }
            }
        }
        return listed;
    }

    /**
     * The cover, the part headings (第一部分 … 概况, 第二部分 … 2024 年度部门决算表, 第三部分 … 情况说明) and the dates of
     * the 情况说明 name the report's unit and year: 截至 2024 年 12 月 31 日, a comparison with the year
     * before, the unit's own name followed by its year. A placeholder such as XX left in the 情况说明
     * is one finding naming where it first appears and how often.
     */
    static List<ReportFinding> partHeadings(ReportReading reading) {
        List<ReportFinding> findings = new ArrayList<>();
        if (reading.year() == 0) {
            return findings;
        }
        String unit = reading.unitName().replaceAll("\\s+", "");
        List<ReportLine> placeholders = new ArrayList<>();
        for (ReportLine line : reading.lines()) {
            String text = line.text().strip();
            Matcher part = PART_HEADING.matcher(text);
            Matcher cover = COVER_YEAR.matcher(text);
            int year =
                    part.find()
                            ? Integer.parseInt(part.group(2))
                            : cover.find() ? Integer.parseInt(cover.group(1)) : 0;
            if (year != 0 && year != reading.year()) {
                findings.add(
                        new ReportFinding(
                                true,
                                "document.year",
                                "标题“"
                                        + text.replaceAll("\\s+", "")
                                        + "”的年度是 "
                                        + year
                                        + "，而报告年度是 "
                                        + reading.year()
                                        + "（"
                                        + line.where()
                                        + "）。/ heading year differs"));
            }
            if (text.startsWith("第") && text.contains("部分") && PLACEHOLDER.matcher(text).find()) {
                placeholders.add(line);
            }
            if (part.find(0)
                    && !part.group(1).isEmpty()
                    && !unit.isEmpty()
                    && !part.group(1).replaceAll("\\s+", "").equals(unit)
                    && !PLACEHOLDER.matcher(text).find()) {
                findings.add(
                        new ReportFinding(
                                true,
                                "document.unit",
                                "标题“"
                                        + text.replaceAll("\\s+", "")
                                        + "”的单位是“"
                                        + part.group(1).replaceAll("\\s+", "")
                                        + "”，而报告单位是“"
                                        + unit
                                        + "”（"
                                        + line.where()
                                        + "）。/ heading unit differs"));
            }
        }
        if (!placeholders.isEmpty()) {
            findings.add(
                    new ReportFinding(
                            true,
                            "document.placeholder",
                            "各部分标题中有模板占位符，未替换为实际单位（"
                                    + placeholders.stream()
                                            .map(ReportLine::where)
                                            .collect(Collectors.joining("、"))
                                    + "）。/ template placeholder left in"));
        }
        Narrative narrative = Narrative.of(reading.lines());
        String text = narrative.text();
        Matcher asOf = AS_OF.matcher(text);
        while (asOf.find()) {
            narrativeYear(
                    findings, narrative, asOf.group(1), asOf.start(1), reading.year(), "截至日期");
        }
        if (!unit.isEmpty()) {
            Matcher own = Pattern.compile(Pattern.quote(unit) + "(\\d{4})年").matcher(text);
            while (own.find()) {
                narrativeYear(
                        findings,
                        narrative,
                        own.group(1),
                        own.start(1),
                        reading.year(),
                        "“" + unit + "”之后的年度");
            }
        }
        Matcher compared = COMPARED_WITH.matcher(text);
        while (compared.find()) {
            narrativeYear(
                    findings,
                    narrative,
                    compared.group(1),
                    compared.start(1),
                    reading.year() - 1,
                    "比较的上年");
        }
        Matcher placeholder = PLACEHOLDER.matcher(text);
        if (placeholder.find()) {
            int first = placeholder.start();
            long count = 1 + placeholder.results().count();
            findings.add(
                    new ReportFinding(
                            true,
                            "document.placeholder",
                            "情况说明中有 "
                                    + count
                                    + " 处模板占位符（如“"
                                    + text.substring(first, Math.min(text.length(), first + 6))
                                    + "”），第一处在"
                                    + narrative.where(first)
                                    + "。/ template placeholder left in the explanation"));
        }
        return findings;
    }

    private static void narrativeYear(
            List<ReportFinding> findings,
            Narrative narrative,
            String printed,
            int at,
            int expected,
            String what) {
        if (Integer.parseInt(printed) != expected) {
            findings.add(
                    new ReportFinding(
                            true,
                            "document.year",
                            "情况说明中"
                                    + what
                                    + "是 "
                                    + printed
                                    + " 年，应为 "
                                    + expected
                                    + " 年（"
                                    + narrative.where(at)
                                    + "）。/ wrong year in the explanation"));
        }
    }
}
