package ledger.reportreader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Reading a report: a file format in, published figures out; nothing else. */
@AnalyzeClasses(
        packages = "ledger.reportreader",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ReportReaderArchitectureTest {

    // Goal: the reader needs the statements' addresses and figures, and a PDF library, and no
    // framework, SQL or HTTP.
    @ArchTest
    static final ArchRule theReaderDependsOnTheStatementsAndPdfBoxOnly =
            classes()
                    .that()
                    .resideInAPackage("ledger.reportreader..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage(
                            "ledger.reportreader..",
                            "ledger.projections.statement..",
                            "org.apache.pdfbox..",
                            "java..")
                    .because(
                            "one reader serves `ledger read-report`, `check-report`, `reconcile --report` and the tests"
                                    + " alike; what it may reach is what reading a file needs");
}
