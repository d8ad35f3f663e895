package ledger.api.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import ledger.api.recording.ImportProgress;
import ledger.api.recording.ImportResult;

/**
 * One journal uploaded on the web and imported in the background: how far it has got (written by
 * the importing thread, read by the page's polling) and then its outcome, which is exactly what the
 * upload page showed before imports became jobs: the result, or every refused row, or "not
 * permitted".
 */
final class ImportJob implements ImportProgress {

    /** Where a job is: waiting for a worker, reading the file, deciding its rows, or finished. */
    enum Phase {
        QUEUED("排队等待"),
        READING("读取文件"),
        DECIDING("检查并记账"),
        DONE("完成");

        private final String chinese;

        Phase(String chinese) {
            this.chinese = chinese;
        }

        String chinese() {
            return chinese;
        }
    }

    /** How a finished job ended; exactly one of its parts is set. */
    record Outcome(
            ImportResult result,
            List<JournalPages.ProblemRow> problems,
            int refusedRows,
            boolean notPermitted,
            String failure) {}

    private final String id = UUID.randomUUID().toString();
    private final String user;
    private final String fileName;
    private final Instant started = Instant.now();
    private volatile Phase phase = Phase.QUEUED;
    private volatile long bytesRead;
    private volatile long totalBytes;
    private volatile int rowsDecided;
    private volatile int totalRows;
    private volatile Outcome outcome;
    private volatile Instant finished;

    ImportJob(String user, String fileName, long totalBytes) {
        this.user = user;
        this.fileName = fileName;
        this.totalBytes = totalBytes;
    }

    @Override
    public synchronized void reading(long bytesRead, long totalBytes) {
        if (phase == Phase.DONE) {
            return; // a late report (a stream closed after the end) never reopens a finished job
        }
        this.phase = Phase.READING;
        this.bytesRead = bytesRead;
        this.totalBytes = totalBytes;
    }

    @Override
    public synchronized void deciding(int rowsDecided, int totalRows) {
        if (phase == Phase.DONE) {
            return;
        }
        this.phase = Phase.DECIDING;
        this.rowsDecided = rowsDecided;
        this.totalRows = totalRows;
    }

    synchronized void finish(Outcome outcome) {
        this.outcome = outcome;
        this.finished = Instant.now();
        this.phase = Phase.DONE;
    }

    /** Percent of the current phase, 0–100; reading and deciding each fill the bar once. */
    int percent() {
        return switch (phase) {
            case QUEUED -> 0;
            case READING -> totalBytes <= 0 ? 0 : (int) Math.min(100, bytesRead * 100 / totalBytes);
            case DECIDING ->
                    totalRows <= 0 ? 0 : (int) Math.min(100, (long) rowsDecided * 100 / totalRows);
            case DONE -> 100;
        };
    }

    /** The JSON the job page polls: small, so polling every second costs nothing. */
    record Progress(
            String id,
            String phase,
            String phaseName,
            boolean done,
            long bytesRead,
            long totalBytes,
            int rowsDecided,
            int totalRows,
            int percent) {}

    public Progress progress() {
        Phase now = phase;
        return new Progress(
                id,
                now.name().toLowerCase(java.util.Locale.ROOT),
                now.chinese(),
                now == Phase.DONE,
                bytesRead,
                totalBytes,
                rowsDecided,
                totalRows,
                percent());
    }

    public String id() {
        return id;
    }

    String user() {
        return user;
    }

    public String fileName() {
        return fileName;
    }

    public Phase phase() {
        return phase;
    }

    Outcome outcome() {
        return outcome;
    }

    Instant started() {
        return started;
    }

    Instant finished() {
        return finished;
    }
}
