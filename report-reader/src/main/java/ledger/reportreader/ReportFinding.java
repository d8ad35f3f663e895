package ledger.reportreader;

/**
 * One thing {@code check-report} found: the rule, whether it is broken ({@code error}) or a note (a
 * rounding tail 尾差, within 0.01), and a sentence naming the cells with their figures, the
 * arithmetic and where each figure is printed.
 */
public record ReportFinding(boolean error, String rule, String message) {

    @Override
    public String toString() {
        return (error ? "错误 ERROR " : "提示 NOTE ") + rule + "：" + message;
    }
}
