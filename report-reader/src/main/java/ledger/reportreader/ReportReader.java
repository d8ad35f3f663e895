package ledger.reportreader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ledger.projections.statement.StatementTemplate;

/**
 * Reads a published 部门决算, PDF or text, into figures addressed in its template's cells. The template
 * is recognised from the grid unless the caller names it: titles with （表 n） and printed 行次/栏次 are
 * the 2020 format; titles alone on their line are the 2024 format, whose 表1 has 24 类 lines ({@code
 * 2024}) or keeps the 2020 list of 26 ({@code 2024-26}).
 */
public final class ReportReader {

    /** The templates the reader knows. */
    public static final List<String> TEMPLATES = StatementTemplate.BUILT_IN;

    private ReportReader() {}

    /**
     * @param template a template name from {@link #TEMPLATES}, or empty to recognise it
     * @throws ReportRefusal when the file cannot be read as a report at all
     */
    public static ReportReading read(Path file, Optional<String> template) {
        return read(ReportSource.lines(file), template);
    }

    /**
     * As {@link #read(Path, Optional)} for content already in memory, such as an upload.
     *
     * @param name the file's name, for messages and to refuse a ".pdf" that is not one
     */
    public static ReportReading read(byte[] content, String name, Optional<String> template) {
        return read(ReportSource.lines(content, name), template);
    }

    static ReportReading read(List<ReportLine> lines, Optional<String> template) {
        if (template.isPresent() && !TEMPLATES.contains(template.get())) {
            throw new ReportRefusal(
                    "不认识的模板“" + template.get() + "”，可用的模板：" + TEMPLATES + "。/ unknown template");
        }
        boolean forced2024 = template.filter(name -> name.startsWith("2024")).isPresent();
        if (!forced2024 && !Template2020Reader.sections(lines).isEmpty()) {
            String reason =
                    template.isPresent() ? "由 --template 指定" : "表题带“（表 n）”，表格印有行次和栏次，按 2020 格式读取";
            return inTemplateCells(Template2020Reader.read(lines, reason)).withLines(lines);
        }
        List<Template2020Reader.Section> sections2024 = Template2024Reader.sections(lines);
        if (sections2024.isEmpty() || template.filter("2020"::equals).isPresent()) {
            throw Template2020Reader.noTables();
        }
        return inTemplateCells(Template2024Reader.read(sections2024, template.orElse(null)))
                .withLines(lines);
    }

    /**
     * The reading with every figure checked against the cells of its template, the same {@link
     * StatementTemplate} the ledger's statements are laid out in: a figure placed in a cell the
     * template lacks is named as unplaced, never written.
     */
    static ReportReading inTemplateCells(ReportReading reading) {
        StatementTemplate template = StatementTemplate.builtIn(reading.template());
        List<ReadFigure> kept = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>(reading.unplaced());
        for (ReadFigure figure : reading.figures()) {
            Optional<String> problem = template.problemWith(figure.cell());
            if (problem.isPresent()) {
                unplaced.add(
                        new Unplaced(
                                figure.source(),
                                figure.printed(),
                                "模板 "
                                        + template.name()
                                        + " 没有单元格 "
                                        + figure.cell()
                                        + "（"
                                        + problem.get()
                                        + "）"));
            } else {
                kept.add(figure);
            }
        }
        return unplaced.size() == reading.unplaced().size()
                ? reading
                : new ReportReading(
                        reading.unitName(),
                        reading.year(),
                        reading.template(),
                        reading.templateReason(),
                        reading.headings(),
                        kept,
                        unplaced,
                        reading.lines());
    }
}
