package ledger.api.cli;

import java.io.PrintStream;
import ledger.api.recording.ImportProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A long import's progress as bars on the terminal: first the file read (in MB), then the rows
 * decided. Drawn on standard error, so a result redirected from standard output stays clean, and
 * only when asked for or when a person is watching (see {@link #wanted(boolean)}).
 */
final class TerminalProgress implements ImportProgress, AutoCloseable {

    private static final long KILOBYTE = 1L << 10;
    private static final long MEGABYTE = 1L << 20;

    private final PrintStream out;
    private ProgressBar reading;
    private ProgressBar deciding;
    private boolean finished;

    TerminalProgress(PrintStream out) {
        this.out = out;
    }

    /**
     * Bars are drawn when {@code --progress} asks for them, or when the command runs on an
     * interactive terminal: carriage-return redraws would garble a log file or a pipe.
     */
    static boolean wanted(boolean asked) {
        return asked || System.console() != null;
    }

    @Override
    public synchronized void reading(long bytesRead, long totalBytes) {
        if (reading == null) {
            // Kilobytes for a small file, whose size in whole megabytes would read 0/0.
            boolean large = totalBytes >= 10 * MEGABYTE;
            reading =
                    bar(
                            "读取文件",
                            Math.max(totalBytes, 0),
                            large ? " MB" : " KB",
                            large ? MEGABYTE : KILOBYTE);
        }
        reading.stepTo(bytesRead);
    }

    @Override
    public synchronized void deciding(int rowsDecided, int totalRows) {
        if (deciding == null) {
            if (finished) {
                return;
            }
            closeReading();
            deciding = bar("检查记账", totalRows, " 行", 1);
        }
        deciding.stepTo(rowsDecided);
        if (rowsDecided >= totalRows) {
            // Ended on its own line, before the import logs or prints its result.
            deciding.close();
            deciding = null;
            finished = true;
        }
    }

    private ProgressBar bar(String task, long max, String unit, long unitSize) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUnit(unit, unitSize)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .build();
    }

    private void closeReading() {
        if (reading != null) {
            // A file read to its end is whole, whatever the size said before it was read.
            reading.maxHint(reading.getCurrent());
            reading.close();
            reading = null;
        }
    }

    @Override
    public synchronized void close() {
        closeReading();
        if (deciding != null) {
            deciding.close();
            deciding = null;
        }
        out.flush();
    }
}
