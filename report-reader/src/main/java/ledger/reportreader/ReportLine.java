package ledger.reportreader;

/**
 * One printed line of a report, where a reader can find it again: the page (from 1) and the line on
 * that page (from 1).
 */
public record ReportLine(int page, int line, String text) {

    /** {@code 第 3 页第 12 行}, the way a finding points back at the report. */
    public String where() {
        return "第 " + page + " 页第 " + line + " 行";
    }
}
