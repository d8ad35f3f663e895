package ledger.reportreader;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a published 部门决算, PDF or text, into figures addressed in its template's cells. The
 * template is recognised from the grid unless the caller names it.
 */
public final class ReportReader {

    /** The templates the reader knows. */
    public static final List<String> TEMPLATES = List.of("2020");

    private ReportReader() {
    }

    /**
     * @param template a template name from {@link #TEMPLATES}, or empty to recognise it
     * @throws ReportRefusal when the file cannot be read as a report at all
     */
    public static ReportReading read(Path file, Optional<String> template) {
        return read(ReportSource.lines(file), template);
    }

    static ReportReading read(List<ReportLine> lines, Optional<String> template) {
        if (template.isPresent() && !TEMPLATES.contains(template.get())) {
            throw new ReportRefusal("不认识的模板“" + template.get() + "”，可用的模板：" + TEMPLATES
                    + "。/ unknown template");
        }
        if (Template2020Reader.sections(lines).isEmpty()) {
            throw Template2020Reader.noTables();
        }
        String reason = template.isPresent() ? "由 --template 指定" : "表格印有行次和栏次，按 2020 格式读取";
        return Template2020Reader.read(lines, reason);
    }
}
