package ledger.reportreader;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a published 部门决算, PDF or text, into figures addressed in its template's cells. The
 * template is recognised from the grid unless the caller names it.
 */
public final class ReportReader {

    /** The templates the reader knows. */
    public static final List<String> TEMPLATES = List.of("2020");

    /** The nine table titles as the 2024 format prints them: alone on their line, no year, no （表 n）. */
    private static final Set<String> TITLES_2024 = Set.of("收入支出决算总表", "收入决算表", "支出决算表",
            "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表",
            "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表");

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
            throw untitledTables(lines).orElseGet(Template2020Reader::noTables);
        }
        String reason = template.isPresent() ? "由 --template 指定" : "表题带“（表 n）”，表格印有行次和栏次，按 2020 格式读取";
        return Template2020Reader.read(lines, reason);
    }

    /**
     * Tables titled as the 2024 format titles them: recognised, and refused with that reason,
     * because reading that format's positional grid is not built yet.
     */
    private static Optional<ReportRefusal> untitledTables(List<ReportLine> lines) {
        for (ReportLine line : lines) {
            if (TITLES_2024.contains(line.text().strip())) {
                return Optional.of(new ReportRefusal(line.where() + " 的“" + line.text().strip()
                        + "”是 2024 格式的表题（不带“（表 n）”，不印行次和栏次）；本版本只能读取 2020 格式"
                        + "（印有行次和栏次），未读取任何数据。/ the 2024 format is recognised but not read yet"));
            }
        }
        return Optional.empty();
    }
}
