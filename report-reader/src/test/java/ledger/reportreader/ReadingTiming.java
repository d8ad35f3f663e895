package ledger.reportreader;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How long reading and checking a report takes after the JVM has started (issue 16: under 2 s for a
 * 30-page report). A measurement, not a test: run it by hand (README "Reading a published report").
 * Arguments: report files; each is read and checked once cold, then five times warm.
 */
public final class ReadingTiming {

    private ReadingTiming() {
    }

    public static void main(String[] args) {
        for (String name : args) {
            Path file = Path.of(name);
            for (int run = 0; run < 6; run++) {
                long start = System.nanoTime();
                String outcome;
                try {
                    ReportReading reading = ReportReader.read(file, Optional.empty());
                    outcome = reading.figures().size() + " figures, " + ReportChecks.check(reading).size() + " findings";
                } catch (ReportRefusal refusal) {
                    outcome = "refused: " + refusal.getMessage();
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.println(file.getFileName() + (run == 0 ? " cold " : " warm ") + millis + " ms: " + outcome);
            }
        }
    }

    /** Extracting the lines of a PDF alone (its glyph positions), for a PDF no template reads yet. */
    static long pdfLinesMillis(Path pdf) {
        long start = System.nanoTime();
        ReportSource.lines(pdf);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
