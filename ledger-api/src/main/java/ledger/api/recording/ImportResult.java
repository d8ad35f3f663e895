package ledger.api.recording;

import java.time.Duration;

/**
 * What an accepted journal did.
 *
 * @param rows transactions in the file
 * @param applied rows that were new and are now in the ledger
 * @param repeated rows already in the ledger with the same content (re-import changes nothing)
 * @param events events appended
 * @param readAs what the file was read as: {@code UTF-8}, {@code GB18030 (GBK)} or {@code xlsx
 *     工作表「…」}, so a clerk sees that the encoding was understood
 */
public record ImportResult(
        String source,
        int rows,
        int applied,
        int repeated,
        int events,
        Duration took,
        String correlationId,
        String readAs) {

    public ImportResult {
        readAs = readAs == null ? "" : readAs;
    }

    public double rowsPerSecond() {
        double seconds = Math.max(took.toNanos(), 1) / 1e9;
        return rows / seconds;
    }

    public ImportResult withReadAs(String what) {
        return new ImportResult(source, rows, applied, repeated, events, took, correlationId, what);
    }

    public ImportResult named(String name) {
        return new ImportResult(name, rows, applied, repeated, events, took, correlationId, readAs);
    }

    /** One line for the command line, in Chinese: what was read, as what, and what it did. */
    public String summary() {
        return String.format(
                "已导入 %s%s：%d 行，新记入 %d 行，已记过 %d 行，写入 %d 个事件，用时 %.2f 秒（每秒 %,.0f 行）",
                source,
                readAs.isEmpty() ? "" : "（按 " + readAs + " 读取）",
                rows,
                applied,
                repeated,
                events,
                took.toNanos() / 1e9,
                rowsPerSecond());
    }
}
