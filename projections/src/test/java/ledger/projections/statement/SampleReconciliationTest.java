package ledger.projections.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.posting.Posting;
import org.junit.jupiter.api.Test;

/**
 * Goal: the 2020 reference ledger of 武汉市江汉区人民政府办公室 regenerates its published report except where
 * the report contradicts itself. Method: replay the sample journal into postings, compute,
 * reconcile against the sample's published.tsv. Skipped when the sample is not there.
 */
class SampleReconciliationTest {

    @Test
    void theReferenceLedgerDiffersFromItsReportOnlyWhereTheReportContradictsItself()
            throws IOException {
        Path journal = SampleJournal.DIRECTORY.resolve("journal.csv");
        Path publishedFile = SampleJournal.DIRECTORY.resolve("published.tsv");
        assumeTrue(Files.exists(journal) && Files.exists(publishedFile), "sample not present");
        List<Posting> postings = SampleJournal.read(journal);
        StatementSet ledger =
                StatementEngine.compute(
                        UnitCode.of("jianghan-gov-office"),
                        "武汉市江汉区人民政府办公室",
                        FiscalYear.of(2020),
                        null,
                        postings);
        PublishedFigures published;
        try (Reader reader = Files.newBufferedReader(publishedFile, StandardCharsets.UTF_8)) {
            published = PublishedFigures.parse(reader);
        }

        ReconciliationReport report = Reconciliation.reconcile(ledger, published);
        report.lines().forEach(System.out::println);

        assertThat(StatementChecks.evaluate(ledger)).noneMatch(Finding::isError);
        assertThat(report.publishedContradictions()).isNotEmpty();
        assertThat(report.unexplained()).isEmpty();
        assertThat(report.regeneratedExactly()).isGreaterThan(published.size() * 9 / 10);
    }
}
