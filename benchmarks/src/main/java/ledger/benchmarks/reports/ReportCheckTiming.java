package ledger.benchmarks.reports;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ledger.reportreader.ReportChecks;
import ledger.reportreader.ReportFinding;
import ledger.reportreader.ReportReader;
import ledger.reportreader.ReportReading;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * How long {@code ledger check-report} takes once the JVM has started (issue 16: under 2 s for a
 * 30-page report): each report is read and checked once cold and then five times warm. Besides the
 * files named, a 30-page PDF is made from the first: its last page repeated until it has 30 pages
 * (the tables and the 情况说明 unchanged, so the same figures and findings). It is measured first, so
 * its cold run is the JVM's first (classes loading, PDFBox initialising); the other cold runs are a
 * new file's first reading in a warm JVM. Besides the wall-clock time it gives the CPU time of the
 * reading thread (the reader is single-threaded), which other work on the machine disturbs far
 * less.
 *
 * <p>Run by {@code benchmarks/report-check-timing}; arguments: report files (PDF or text).
 */
public final class ReportCheckTiming {

    private static final int PAGES = 30;
    private static final int WARM_RUNS = 5;

    private ReportCheckTiming() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ReportCheckTiming REPORT.pdf|REPORT.txt …");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (String name : args) {
            files.add(Path.of(name));
        }
        if (files.get(0).toString().endsWith(".pdf")) {
            files.add(
                    0, thirtyPages(files.get(0))); // first, so that its cold run is the JVM's first
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println(
                "| report | pages | figures | findings | cold ms | warm ms (median of "
                        + WARM_RUNS
                        + ") | cold CPU ms | warm CPU ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Path file : files) {
            long cold = 0;
            long coldCpu = 0;
            List<Long> warm = new ArrayList<>();
            List<Long> warmCpu = new ArrayList<>();
            ReportReading reading = null;
            List<ReportFinding> findings = List.of();
            for (int run = 0; run <= WARM_RUNS; run++) {
                long start = System.nanoTime();
                long startCpu = threads.getCurrentThreadCpuTime();
                reading = ReportReader.read(file, Optional.empty());
                findings = ReportChecks.check(reading);
                long millis = (System.nanoTime() - start) / 1_000_000;
                long cpuMillis = (threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000;
                if (run == 0) {
                    cold = millis;
                    coldCpu = cpuMillis;
                } else {
                    warm.add(millis);
                    warmCpu.add(cpuMillis);
                }
            }
            warm.sort(null);
            warmCpu.sort(null);
            int pages =
                    reading.lines().isEmpty()
                            ? 0
                            : reading.lines().get(reading.lines().size() - 1).page();
            System.out.println(
                    "| "
                            + file.getFileName()
                            + " | "
                            + pages
                            + " | "
                            + reading.figures().size()
                            + " | "
                            + findings.size()
                            + " | "
                            + cold
                            + " | "
                            + warm.get(warm.size() / 2)
                            + " | "
                            + coldCpu
                            + " | "
                            + warmCpu.get(warmCpu.size() / 2)
                            + " |");
        }
    }

    /**
     * The PDF with its last page repeated up to 30 pages, in a temporary file. Each new page shares
     * the last page's resources (its fonts) and content, as the pages of one real report share
     * their fonts.
     */
    private static Path thirtyPages(Path pdf) throws IOException {
        Path copy = Files.createTempFile("report-30-pages-", ".pdf");
        copy.toFile().deleteOnExit();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDPage last = document.getPage(document.getNumberOfPages() - 1);
            while (document.getNumberOfPages() < PAGES) {
                COSDictionary page = new COSDictionary(last.getCOSObject());
                page.removeItem(COSName.PARENT);
                document.addPage(new PDPage(page));
            }
            document.save(copy.toFile());
        }
        return copy;
    }
}
