package ledger.api.store;

import javax.sql.DataSource;
import ledger.api.config.AxonStorageConfiguration;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The event store as the light start of a local read command has it: Axon's JDBC storage engine on
 * the same tables, schema and serializer as the whole application's, without Axon's configuration
 * (no command bus, no event processors). Reads only: the catalogs and departments read their few
 * events through it; nothing in that start appends.
 *
 * <p>Imported by {@link ledger.api.config.ReadingApplication} only: deliberately not a
 * {@code @Configuration}, which the whole application's component scan would pick up as a second
 * event store.
 */
public class EventStoreReading {

    /** The one serializer, under the name the store's own readers ask for. */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return AxonStorageConfiguration.serializer();
    }

    @Bean(destroyMethod = "shutDown")
    public EventStore eventStore(
            DataSource dataSource, PlatformTransactionManager transactions, Serializer serializer) {
        JdbcEventStorageEngine engine =
                JdbcEventStorageEngine.builder()
                        .snapshotSerializer(serializer)
                        .eventSerializer(serializer)
                        .upcasterChain(NoOpEventUpcaster.INSTANCE)
                        .connectionProvider(
                                new UnitOfWorkAwareConnectionProviderWrapper(
                                        new SpringDataSourceConnectionProvider(dataSource)))
                        .transactionManager(new SpringTransactionManager(transactions))
                        .schema(AxonStorageConfiguration.eventSchema())
                        .build();
        return EmbeddedEventStore.builder().storageEngine(engine).build();
    }
}
