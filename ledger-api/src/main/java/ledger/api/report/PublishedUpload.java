package ledger.api.report;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import ledger.projections.statement.PublishedFigures;
import ledger.projections.statement.StatementTemplate;
import ledger.reportreader.ReportReader;
import ledger.reportreader.ReportReading;
import ledger.reportreader.ReportRefusal;
import ledger.reportreader.ReportSource;

/**
 * The published figures of an upload for the reconciliation: either a published-figures TSV, or the
 * published report itself — its PDF, or its text — read as {@code ledger read-report} reads it, so
 * nobody types figures by hand. A report's figures are addressed in the template it was read in,
 * which the reconciliation then uses unless the user named one.
 *
 * @param template the template name to reconcile in: the one asked for, else the report's, else
 *     null (the year's default)
 * @param note for a report, what was read (unit, year, template, how many figures); else null
 */
public record PublishedUpload(String text, String template, String note, boolean report) {

    /**
     * @param requestedTemplate the template the user named, or null
     * @throws IllegalArgumentException in Chinese, when the report cannot be read whole, is of
     *     another year, or the TSV is malformed (naming its lines)
     */
    public static PublishedUpload of(
            byte[] content, String name, String requestedTemplate, int year) {
        if (!ReportSource.isPdf(content) && looksLikeFiguresTsv(content)) {
            return new PublishedUpload(
                    new String(content, StandardCharsets.UTF_8), requestedTemplate, null, false);
        }
        String builtIn =
                requestedTemplate != null
                                && StatementTemplate.BUILT_IN.contains(requestedTemplate.strip())
                        ? requestedTemplate.strip()
                        : null;
        ReportReading reading;
        try {
            reading = ReportReader.read(content, name, Optional.ofNullable(builtIn));
        } catch (ReportRefusal refused) {
            throw new IllegalArgumentException("无法读取上传的报告：" + refused.getMessage());
        }
        if (!reading.complete()) {
            List<String> first =
                    reading.unplaced().stream().limit(20).map(Object::toString).toList();
            throw new IllegalArgumentException(
                    "报告中有 "
                            + reading.unplaced().size()
                            + " 个数字无法确定单元格，未对账："
                            + String.join("；", first));
        }
        if (reading.year() > 0 && reading.year() != year) {
            throw new ledger.core.text.Refusal(
                    ledger.core.text.Reason.of("report.otherYear", reading.year(), year));
        }
        String note =
                "读自报告 "
                        + name
                        + "：单位 "
                        + reading.unitName()
                        + "；年度 "
                        + reading.year()
                        + "；模板 "
                        + reading.template()
                        + "（"
                        + reading.templateReason()
                        + "）；读出 "
                        + reading.figures().size()
                        + " 个数字";
        return new PublishedUpload(
                reading.toTsv(name),
                requestedTemplate != null ? requestedTemplate : reading.template(),
                note,
                true);
    }

    /** The figures, addressed in {@code template} (the one the statements are laid out in). */
    public PublishedFigures figures(StatementTemplate template) {
        return PublishedFigures.parse(new StringReader(text), template);
    }

    /**
     * A published-figures TSV: every line blank, a {@code #} comment, or a table id and a tab. A
     * report's text (titles, headings, columns of figures) never is.
     */
    static boolean looksLikeFiguresTsv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        boolean anyFigure = false;
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("\uFEFF#")) {
                continue;
            }
            if (!stripped.matches("\uFEFF?T\\d+\t.*")) {
                return false;
            }
            anyFigure = true;
        }
        return anyFigure || text.isBlank();
    }
}
