package ledger.api.config;

import ledger.api.catalog.YearCatalogs;
import ledger.api.department.DepartmentStatementService;
import ledger.api.department.Departments;
import ledger.api.statement.AccountingService;
import ledger.api.statement.EventStoreStatements;
import ledger.api.statement.ExecutionService;
import ledger.api.statement.ProjectionStatus;
import ledger.api.statement.StatementService;
import ledger.api.statement.TraceQueries;
import ledger.api.store.EventPipeline;
import ledger.api.store.EventRowSeals;
import ledger.api.store.EventStoreAccess;
import ledger.api.store.EventStoreReading;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.api.store.SchemaVersions;
import ledger.api.store.SqlDialect;
import ledger.api.store.V6HashedFingerprints;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The application as a local read command ({@code statements}, {@code check}, {@code trace}, {@code
 * trial-balance}, {@code indicators}, {@code execution}) needs it, started instead of {@link
 * ledger.api.LedgerApplication} so that it answers in about a second: the database (migrated by
 * Flyway as in every start), the read-model repositories and the statement, check and trace
 * services, and nothing else: no Axon configuration, command bus or event processor, no scheduling,
 * no web server, no security. The same service classes as the whole application's, so a figure is
 * computed one way.
 *
 * <p>Without a processor it cannot bring the read models up to the event store, nor migrate the
 * schema: a read that finds them behind throws {@link ledger.api.statement.ReadModelsBehind} (or
 * {@link ledger.api.store.SchemaBehind}), and the command line then starts the whole application,
 * which migrates and catches up before it answers.
 *
 * <p>Not a {@code @Configuration} (nor a {@code @SpringBootConfiguration}): the whole application's
 * component scan and the tests' search for a configuration must not find it. Spring reads its
 * imports all the same when it is the source the application starts from.
 */
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class
})
@Import({
    V6HashedFingerprints.class,
    SchemaVersions.class,
    EventStoreReading.class,
    SqlDialect.class,
    EventRowSeals.class,
    EventStoreAccess.class,
    EventPipeline.class,
    JdbcLedgerRegistry.class,
    ProjectionConfiguration.class,
    YearCatalogs.class,
    Departments.class,
    ProjectionStatus.class,
    StatementService.class,
    ExecutionService.class,
    EventStoreStatements.class,
    AccountingService.class,
    TraceQueries.class,
    DepartmentStatementService.class
})
public class ReadingApplication {}
