package ledger.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The synthetic year: the domain's books decide its rows; it talks to no database or framework. */
@AnalyzeClasses(
        packages = "ledger.benchmarks",
        importOptions = ImportOption.DoNotIncludeTests.class)
class BenchmarksArchitectureTest {

    // Goal: the generator needs the domain and the JDK only.
    @ArchTest
    static final ArchRule theGeneratorDependsOnTheDomainOnly =
            classes()
                    .that()
                    .resideInAPackage("ledger.benchmarks")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage("ledger.benchmarks..", "ledger.core..", "java..")
                    .because(
                            "`ledger generate` writes files and needs no database, server or framework");

    // Goal: the report timing measures the reader exactly as `ledger check-report` runs it, nothing
    // else.
    @ArchTest
    static final ArchRule theReportTimingUsesTheReaderOnly =
            classes()
                    .that()
                    .resideInAPackage("ledger.benchmarks.reports..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage(
                            "ledger.benchmarks.reports..",
                            "ledger.reportreader..",
                            "org.apache.pdfbox..",
                            "java..")
                    .because(
                            "the timing of issue 16 is of reading and checking a report, with no database or framework");

    // Goal: a row is valid because AccountBook.decide accepted it, so the generator must call it.
    @ArchTest
    static final ArchRule theGeneratorAsksTheAccountBook =
            classes()
                    .that()
                    .haveFullyQualifiedName("ledger.benchmarks.SyntheticYear")
                    .should()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("ledger.core.account.AccountBook")
                    .because("the generator keeps no copy of the account rules (issue 13)");
}
