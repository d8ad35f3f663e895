package ledger.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain stays free of frameworks: no Spring, no JPA, no JDBC, and no Axon Spring stereotypes
 * (aggregates are registered from ledger.api.config instead). Only Axon's modelling annotations and
 * Jackson's annotations are allowed in.
 */
@AnalyzeClasses(packages = "ledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class LedgerCoreArchitectureTest {

    // Goal: nothing in ledger.core depends on Spring, JPA, JDBC or Axon's Spring integration.
    @ArchTest
    static final ArchRule theDomainDependsOnNoInfrastructureFramework = noClasses()
            .that().resideInAPackage("ledger.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "java.sql..", "org.axonframework.spring..")
            .because("ledger-core is the domain: the same rules run in the aggregate, the batch import and the tests");
}
