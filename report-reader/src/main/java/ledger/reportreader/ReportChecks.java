package ledger.reportreader;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ledger.projections.statement.CellAddress;
import ledger.projections.statement.Finding;
import ledger.projections.statement.StatementChecks;

/**
 * {@code check-report}: a report against itself, with no ledger. The figures against every 审核公式
 * of the template (the same {@link StatementChecks} the ledger's own statements pass), and the
 * document as a whole: every required table present, one unit and one year in every heading, no
 * template placeholder left in.
 */
public final class ReportChecks {

    /** The tables the 2020 template requires, 表1–表9. */
    static final List<Integer> REQUIRED_TABLES = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9);
    /** A template's placeholder left in a name: XX局, ××单位. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)XX|××|＊＊|\\*\\*");

    private ReportChecks() {
    }

    public static List<ReportFinding> check(ReportReading reading) {
        List<ReportFinding> findings = new ArrayList<>(documentFindings(reading));
        if (reading.template().startsWith("2024")) {
            // the 2020 rules name cells the 2024 grid does not have (表4 61–63, 表7, 表9)
            findings.addAll(Rules2024.check(reading));
            return findings;
        }
        Map<CellAddress, ReadFigure> byCell = reading.figures().stream()
                .collect(Collectors.toMap(ReadFigure::cell, Function.identity()));
        for (Finding finding : StatementChecks.evaluate(reading.publishedFigures())) {
            StringBuilder cells = new StringBuilder();
            for (CellAddress cell : finding.cells()) {
                ReadFigure figure = byCell.get(cell);
                cells.append(cells.isEmpty() ? "" : "；").append(cell).append(" = ")
                        .append(figure == null ? "空白" : figure.printed() + "（" + figure.source().where() + "）");
            }
            String kind = finding.isError() ? "不符" : "差 0.01，属尾差";
            findings.add(new ReportFinding(finding.isError(), finding.rule(),
                    kind + "。" + cells + "。" + finding.message()));
        }
        return findings;
    }

    static List<ReportFinding> documentFindings(ReportReading reading) {
        List<ReportFinding> findings = new ArrayList<>();
        Set<Integer> present = new LinkedHashSet<>();
        reading.headings().forEach(heading -> present.add(heading.table()));
        for (int table : REQUIRED_TABLES) {
            if (!present.contains(table)) {
                findings.add(new ReportFinding(true, "document.table-missing", "缺少表" + table
                        + "：模板要求公开表1–表9。/ table " + table + " is missing"));
            }
        }
        for (TableHeading heading : reading.headings()) {
            if (heading.year() != reading.year()) {
                findings.add(new ReportFinding(true, "document.year", "表" + heading.table() + " 标题的年度是 "
                        + heading.year() + "，而报告年度是 " + reading.year() + "（" + heading.source().where()
                        + "）。/ heading year differs"));
            }
            if (!heading.unitName().isEmpty() && !heading.unitName().equals(reading.unitName())) {
                findings.add(new ReportFinding(true, "document.unit", "表" + heading.table() + " 的单位是“"
                        + heading.unitName() + "”，而报告单位是“" + reading.unitName() + "”（" + heading.source().where()
                        + "）。/ heading unit differs"));
            }
            if (PLACEHOLDER.matcher(heading.unitName()).find()) {
                findings.add(new ReportFinding(true, "document.placeholder", "表" + heading.table() + " 的单位名称“"
                        + heading.unitName() + "”是模板占位符，未替换为实际单位（" + heading.source().where()
                        + "）。/ template placeholder left in"));
            }
        }
        return findings;
    }
}
