package ledger.api.recording;

import java.time.Duration;

/**
 * What an accepted journal did.
 *
 * @param rows     transactions in the file
 * @param applied  rows that were new and are now in the ledger
 * @param repeated rows already in the ledger with the same content (re-import changes nothing)
 * @param events   events appended
 */
public record ImportResult(String source, int rows, int applied, int repeated, int events, Duration took,
                           String correlationId) {

    public double rowsPerSecond() {
        double seconds = Math.max(took.toNanos(), 1) / 1e9;
        return rows / seconds;
    }

    public String summary() {
        return String.format("imported %s: %d rows, %d new, %d already recorded, %d events in %.2f s (%,.0f rows/s)",
                source, rows, applied, repeated, events, took.toNanos() / 1e9, rowsPerSecond());
    }
}
