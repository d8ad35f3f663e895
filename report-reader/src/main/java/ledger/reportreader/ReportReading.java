package ledger.reportreader;

import java.util.Comparator;
import java.util.List;
import ledger.projections.statement.PublishedFigure;
import ledger.projections.statement.PublishedFigures;

/**
 * What the reader got from one report: who and which year, which template it recognised and why,
 * every figure with its line, and every figure it could not place.
 *
 * @param unitName the unit or department named in the table headings
 * @param year the fiscal year of the table titles
 * @param template the template the figures are addressed in ({@code 2020}, {@code 2024}, …)
 * @param templateReason why that template: recognised from the grid, or named by the user
 * @param headings every table heading found, in order
 * @param figures every figure placed, in table order
 * @param unplaced every figure that could not be placed; not empty means the reading failed
 * @param lines every printed line of the report, for the checks of the document as a whole (目录,
 *     headings, 情况说明)
 */
public record ReportReading(
        String unitName,
        int year,
        String template,
        String templateReason,
        List<TableHeading> headings,
        List<ReadFigure> figures,
        List<Unplaced> unplaced,
        List<ReportLine> lines) {

    public ReportReading {
        headings = List.copyOf(headings);
        figures = figures.stream().sorted(Comparator.comparing(ReadFigure::cell)).toList();
        unplaced = List.copyOf(unplaced);
        lines = List.copyOf(lines);
    }

    /** A reading of the tables alone; {@link #withLines} adds the document's lines. */
    public ReportReading(
            String unitName,
            int year,
            String template,
            String templateReason,
            List<TableHeading> headings,
            List<ReadFigure> figures,
            List<Unplaced> unplaced) {
        this(unitName, year, template, templateReason, headings, figures, unplaced, List.of());
    }

    /** The same reading with every printed line of the document it came from. */
    ReportReading withLines(List<ReportLine> documentLines) {
        return new ReportReading(
                unitName,
                year,
                template,
                templateReason,
                headings,
                figures,
                unplaced,
                documentLines);
    }

    /** True when every figure found has its cell. */
    public boolean complete() {
        return unplaced.isEmpty();
    }

    /** The figures as published figures, for the checks and the reconciliation. */
    public PublishedFigures publishedFigures() {
        return PublishedFigures.of(
                figures.stream()
                        .map(
                                figure ->
                                        new PublishedFigure(
                                                figure.source().line(),
                                                figure.cell(),
                                                new java.math.BigDecimal(figure.printed())))
                        .toList());
    }

    /**
     * The published-figures TSV: a header naming the unit, year and template, then each figure
     * preceded by a comment with the page and line it was printed on.
     */
    public String toTsv(String sourceName) {
        StringBuilder tsv = new StringBuilder();
        tsv.append("# 部门决算公开数据（单位：万元），由 ledger read-report 从 ").append(sourceName).append(" 读出\n");
        tsv.append("# 单位：").append(unitName).append("\n");
        tsv.append("# 年度：").append(year).append("\n");
        tsv.append("# 模板：").append(template).append("（").append(templateReason).append("）\n");
        tsv.append("# Format: table<TAB>row<TAB>column<TAB>value; blank cells left out.\n");
        for (ReadFigure figure : figures) {
            tsv.append("# ").append(figure.source().where()).append("\n");
            tsv.append(figure.cell().table())
                    .append('\t')
                    .append(figure.cell().row())
                    .append('\t')
                    .append(figure.cell().column())
                    .append('\t')
                    .append(figure.printed())
                    .append('\n');
        }
        return tsv.toString();
    }
}
