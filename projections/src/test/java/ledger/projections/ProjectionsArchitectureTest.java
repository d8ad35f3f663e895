package ledger.projections;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import ledger.core.account.AccountCommand;
import ledger.projections.statement.CellAddress;

/**
 * Read models are built from events only: the postings projection turns events into rows, and the
 * statements, checks, reconciliation, traces and 情况说明 compute from postings handed to them.
 */
@AnalyzeClasses(
        packages = "ledger.projections",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectionsArchitectureTest {

    /**
     * What decides and writes: commands, the account rules and their registers, the batch poster.
     */
    private static final DescribedPredicate<JavaClass> THE_WRITE_SIDE =
            JavaClass.Predicates.assignableTo(AccountCommand.class)
                    .or(JavaClass.Predicates.simpleName("AccountBook"))
                    .or(JavaClass.Predicates.simpleName("BudgetAccount"))
                    .or(JavaClass.Predicates.assignableTo(ledger.core.account.LedgerRegistry.class))
                    .or(JavaClass.Predicates.resideInAPackage("ledger.core.journal.."))
                    .or(JavaClass.Predicates.simpleName("YearClose"))
                    .as(
                            "the write side (commands, AccountBook, BudgetAccount, registries, journal posting, YearClose)");

    // Goal: projections never reach up into the application or sideways into files and generators.
    @ArchTest
    static final ArchRule projectionsKnowNoModuleAboveThem =
            noClasses()
                    .that()
                    .resideInAPackage("ledger.projections..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("ledger.api..", "ledger.journal..", "ledger.benchmarks..")
                    .because(
                            "ledger-api uses the projections; the projections read events, not journal files");

    // Goal: a read model is a function of the events; it never asks the write side to decide
    // anything.
    @ArchTest
    static final ArchRule projectionsReadEventsNotTheWriteSide =
            noClasses()
                    .that()
                    .resideInAPackage("ledger.projections..")
                    .should()
                    .dependOnClassesThat(THE_WRITE_SIDE)
                    .because(
                            "read models are rebuilt from the event store alone (`ledger replay`)");

    // Goal: only the postings projection and its repository talk to the database; the reports
    // compute.
    @ArchTest
    static final ArchRule onlyThePostingPackageTouchesTheDatabase =
            noClasses()
                    .that()
                    .resideInAPackage("ledger.projections..")
                    .and()
                    .resideOutsideOfPackage("ledger.projections.posting..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "java.sql..",
                            "javax.sql..",
                            "org.springframework..",
                            "org.axonframework..")
                    .because(
                            "statements, checks, traces and 情况说明 are pure functions of the postings handed to them");

    // Goal: no web or application framework in the read models, only Spring's JDBC template and
    // Axon's handlers.
    @ArchTest
    static final ArchRule projectionsUseNoWebOrBootFramework =
            noClasses()
                    .that()
                    .resideInAPackage("ledger.projections..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.springframework.web..",
                            "org.springframework.boot..",
                            "jakarta.servlet..")
                    .because("HTTP and the application's wiring are ledger-api's");

    // Goal: the 情况说明 names the cells it states (NamedCell); only the table layout knows where they
    // are.
    @ArchTest
    static final ArchRule theExplanationNamesCellsAndNeverPlacesThem =
            noClasses()
                    .that()
                    .resideInAPackage("ledger.projections.explanation..")
                    .should()
                    .callMethod(CellAddress.class, "of", String.class, String.class, int.class)
                    .orShould()
                    .callMethod(CellAddress.class, "of", String.class, int.class, int.class)
                    .because(
                            "cell coordinates belong to the table layout (NamedCell beside TableLayout), which the"
                                    + " next issue turns into data");
}
