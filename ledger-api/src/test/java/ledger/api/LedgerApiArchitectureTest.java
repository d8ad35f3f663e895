package ledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.TreeMap;
import ledger.projections.statement.CellAddress;
import org.junit.jupiter.api.Test;

/**
 * The application: only the store writes SQL; the web pages, the API, the reports and the command
 * line read through the read-model repositories and services. Classes outside the store that still
 * use JDBC are listed here, each with its reason, and the list may only shrink.
 */
@AnalyzeClasses(packages = "ledger.api", importOptions = ImportOption.DoNotIncludeTests.class)
class LedgerApiArchitectureTest {

    private static final String[] JDBC = {
        "java.sql..", "javax.sql..", "org.springframework.jdbc.."
    };

    /**
     * Classes outside ledger.api.store that use JDBC today, and why. Remove an entry when it is
     * fixed.
     */
    static final Map<String, String> JUSTIFIED_SQL =
            Map.of(
                    "ledger.api.config.ProjectionConfiguration",
                    "wiring only: hands the JdbcTemplate to the projections' own repository, which owns the read-model SQL",
                    "ledger.api.integrity.EventSeals",
                    "tamper evidence keeps its own seal tables and hashes the event rows as stored bytes; it is a store"
                            + " of its own, apart from the events it checks",
                    "ledger.api.statement.BulkReplay",
                    "the bulk rebuild and catch-up of the postings projection: streams domain_event_entry and COPYs into"
                            + " posting and token_entry; it is projection machinery that is to move beside the projection",
                    "ledger.api.statement.ProjectionStatus",
                    "reads the postings processor's token rows to tell how far behind it is, and starts the bulk catch-up",
                    "ledger.api.recording.TransactionRecorder",
                    "reads a failed command's SQLState (unique key, serialization failure, deadlock) to tell a lost race,"
                            + " which it sends again, from a real failure; it writes no SQL");

    private static final DescribedPredicate<JavaClass> JUSTIFIED =
            DescribedPredicate.describe(
                    "listed in JUSTIFIED_SQL",
                    type -> JUSTIFIED_SQL.containsKey(topLevelName(type)));

    // Goal: SQL is written in one place, the store, so the event-row format and the registers have
    // one owner.
    @ArchTest
    static final ArchRule onlyTheStoreUsesJdbc =
            noClasses()
                    .that()
                    .resideInAPackage("ledger.api..")
                    .and()
                    .resideOutsideOfPackage("ledger.api.store..")
                    .and(DescribedPredicate.not(JUSTIFIED))
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(JDBC)
                    .because(
                            "only ledger.api.store writes SQL (issue 13); the exceptions are listed with their reasons");

    // Goal: pages, API, reports and command line read through read-model repositories, never by
    // SQL.
    @ArchTest
    static final ArchRule webApiReportsAndCommandLineReadThroughRepositories =
            noClasses()
                    .that()
                    .resideInAnyPackage(
                            "ledger.api.web..",
                            "ledger.api.rest..",
                            "ledger.api.report..",
                            "ledger.api.cli..",
                            "ledger.api.security..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(JDBC)
                    .because(
                            "the read models have repositories (PostingRepository, StatementService, ReportService)");

    // Goal: the charts name the cells they draw (NamedCell); only the table layout knows where they
    // are.
    @ArchTest
    static final ArchRule theChartsNameCellsAndNeverPlaceThem =
            noClasses()
                    .that()
                    .haveFullyQualifiedName("ledger.api.report.ReportCharts")
                    .should()
                    .callMethod(CellAddress.class, "of", String.class, String.class, int.class)
                    .orShould()
                    .callMethod(CellAddress.class, "of", String.class, int.class, int.class)
                    .because(
                            "cell coordinates belong to the table layout (NamedCell beside TableLayout)");

    @Test
    void everyListedExceptionStillNeedsJdbcSoTheListOnlyShrinks() {
        JavaClasses classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("ledger.api");
        Map<String, Boolean> usesJdbc = new TreeMap<>();
        JUSTIFIED_SQL.keySet().forEach(name -> usesJdbc.put(name, false));
        for (JavaClass type : classes) {
            String name = topLevelName(type);
            if (usesJdbc.containsKey(name)
                    && type.getDirectDependenciesFromSelf().stream()
                            .anyMatch(dependency -> isJdbc(dependency.getTargetClass()))) {
                usesJdbc.put(name, true);
            }
        }
        assertThat(usesJdbc)
                .as("listed in JUSTIFIED_SQL but no longer using JDBC: remove them from the list")
                .doesNotContainValue(false);
    }

    private static boolean isJdbc(JavaClass target) {
        String name = target.getPackageName();
        return name.startsWith("java.sql")
                || name.startsWith("javax.sql")
                || name.startsWith("org.springframework.jdbc");
    }

    private static String topLevelName(JavaClass type) {
        String name = type.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
