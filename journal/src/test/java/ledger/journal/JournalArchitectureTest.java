package ledger.journal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The journal file format: CSV text or an xlsx workbook in, the domain's rows and problems out;
 * nothing else.
 */
@AnalyzeClasses(packages = "ledger.journal", importOptions = ImportOption.DoNotIncludeTests.class)
class JournalArchitectureTest {

    // Goal: reading a journal needs the domain's types and a CSV parser, POI for workbooks, and no
    // framework, SQL or HTTP.
    @ArchTest
    static final ArchRule theJournalReaderDependsOnTheDomainAndTheCsvParserOnly =
            classes()
                    .that()
                    .resideInAPackage("ledger.journal..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage(
                            "ledger.journal..",
                            "ledger.core..",
                            "org.apache.commons.csv..",
                            "org.apache.poi..",
                            "org.xml.sax..",
                            "javax.xml..",
                            "java..")
                    .because(
                            "one reader serves the import, `ledger record`, the web upload and the tests alike; what"
                                    + " it may reach is what a file format needs");
}
