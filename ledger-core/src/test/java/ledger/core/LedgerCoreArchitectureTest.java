package ledger.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * ledger-core is the domain: money, the classification, accounts and their rules, the year close.
 * It depends on no other module and on no framework but Axon's modelling annotations and Jackson's
 * annotations (aggregates are registered from ledger.api.config); files, SQL and HTTP live above
 * it.
 */
@AnalyzeClasses(packages = "ledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class LedgerCoreArchitectureTest {

    // Goal: nothing in ledger.core depends on Spring, JPA, JDBC or Axon's Spring integration.
    @ArchTest
    static final ArchRule theDomainDependsOnNoInfrastructureFramework =
            noClasses()
                    .that()
                    .resideInAPackage("ledger.core..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.springframework..",
                            "jakarta.persistence..",
                            "java.sql..",
                            "javax.sql..",
                            "org.axonframework.spring..",
                            "jakarta.servlet..",
                            "java.net.http..")
                    .because(
                            "ledger-core is the domain: the same rules run in the aggregate, the batch import and the tests");

    // Goal: reading and writing journal files is the journal module's (ledger-journal), not the
    // domain's.
    @ArchTest
    static final ArchRule theDomainReadsAndWritesNoFiles =
            noClasses()
                    .that()
                    .resideInAPackage("ledger.core..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("org.apache.commons.csv..", "java.nio.file..")
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("java.io.File")
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("java.io.FileReader")
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("java.io.FileWriter")
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("java.io.FileInputStream")
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("java.io.FileOutputStream")
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("java.io.Writer")
                    .because(
                            "journal files are read by ledger-journal and written by ledger-benchmarks; the domain"
                                    + " only reads its own classification catalog from the classpath");

    // Goal: the domain is the bottom of the build; no module above it leaks back in.
    @ArchTest
    static final ArchRule theDomainKnowsNoModuleAboveIt =
            noClasses()
                    .that()
                    .resideInAPackage("ledger.core..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "ledger.journal..",
                            "ledger.benchmarks..",
                            "ledger.projections..",
                            "ledger.api..")
                    .because(
                            "ledger-core → ledger-journal / ledger-benchmarks / projections → ledger-api, never back");
}
