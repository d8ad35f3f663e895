package ledger.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import ledger.api.store.EventRowSeals;
import ledger.api.store.SealedAppend;
import ledger.core.account.BudgetAccount;
import ledger.projections.posting.PostingProjection;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on a relational database without Axon Server: the JDBC storage engine with snake_case tables
 * created by Flyway, and Jackson for every serialized thing (events, metadata, commands, tokens),
 * so that an auditor reads the store with plain SQL and records deserialize (XStream cannot read
 * records back).
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    /** Metadata an event inherits from the command that caused it. */
    public static final String USER = "user";

    public static final String TRANSACTION_ID = "transactionId";

    /** Static, so the light start of a read command shares it without Axon's configuration. */
    @Bean
    public static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Axon's JDBC storage engine as its Spring Boot auto-configuration builds it, except that each
     * event row is written with its seal ({@link SealedAppend}): an event is never stored unsealed,
     * whichever path wrote it. Its statements join the command's transaction without a savepoint of
     * their own ({@link SavepointTransactions#joining}).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(
            Serializer serializer,
            PersistenceExceptionResolver exceptions,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connections,
            PlatformTransactionManager transactions,
            EventSchema schema,
            EventRowSeals seals) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(SavepointTransactions.joining(transactions))
                .schema(schema)
                .appendEvents(new SealedAppend(seals))
                .build();
    }

    /** The one ObjectMapper events are written with: ISO dates, records as plain objects. */
    public static ObjectMapper eventObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The one serializer, for events, metadata, commands and tokens alike: Axon asks for three
     * (general, events, messages) and each name gets this same instance, so the event rows written
     * by the store's batch append and by Axon are read by one and the same configuration.
     */
    @Bean
    @Primary
    public static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(eventObjectMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** Every event carries the acting user and the client transaction id of its command. */
    @Bean
    public CorrelationDataProvider userAndTransactionCorrelation() {
        return new SimpleCorrelationDataProvider(USER, TRANSACTION_ID);
    }

    /**
     * And a correlation id naming the command it came from, as a batch's events name their batch.
     */
    @Bean
    public CorrelationDataProvider commandCorrelation() {
        return new MessageOriginProvider();
    }

    /**
     * Tokens record which node processes which segment. The node id names this instance in those
     * claims: {@code ledger.node-id}, by default host, process and a random suffix, so that two
     * instances never mistake each other's claims, even inside one JVM.
     */
    @Bean
    public TokenStore tokenStore(
            ConnectionProvider connections,
            Serializer serializer,
            TokenSchema schema,
            @Value("${ledger.node-id:}") String nodeId) {
        String node =
                nodeId.isBlank()
                        ? ManagementFactory.getRuntimeMXBean().getName()
                                + "-"
                                + UUID.randomUUID().toString().substring(0, 8)
                        : nodeId;
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(schema)
                .nodeId(node)
                .contentType(byte[].class)
                .build();
    }

    /**
     * With several nodes, each claims at most this many segments of the postings processor, so that
     * the work is shared rather than taken whole by the first node up; the others take over a
     * segment when its owner stops renewing its claim. 0 (the default) claims as many as are free.
     */
    @Bean
    public ConfigurerModule postingsSegmentShare(
            @Value("${ledger.processing.max-claimed-segments:0}") int maximum) {
        return configurer -> {
            if (maximum > 0) {
                configurer
                        .eventProcessing()
                        .registerPooledStreamingEventProcessorConfiguration(
                                PostingProjection.PROCESSING_GROUP,
                                (configuration, builder) -> builder.maxClaimedSegments(maximum));
            }
        };
    }

    /**
     * Axon's transactions, with a savepoint for each command of a batch (see {@link
     * SavepointTransactions}).
     */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SavepointTransactions(transactions);
    }

    /** Accounts kept in memory between single commands (see {@link KeptAggregates}). */
    static final int KEPT_ACCOUNTS = 20_000;

    /**
     * The aggregate is registered here rather than by a Spring stereotype, so the domain stays
     * Spring-free; with a cache, so Axon's repository keeps hot accounts instead of replaying them.
     */
    @Bean
    public ConfigurerModule budgetAccountRegistration(KeptAggregates kept) {
        return (Configurer configurer) ->
                configurer.configureAggregate(
                        AggregateConfigurer.defaultConfiguration(BudgetAccount.class)
                                .configureCache(configuration -> kept));
    }

    /** The cache above, a bean so that a refusal can drop a stale account from it. */
    @Bean
    public KeptAggregates keptAggregates() {
        return new KeptAggregates(KEPT_ACCOUNTS);
    }

    /**
     * Every account command to {@code BudgetAccount}'s one handler, whoever sends it: on the bus
     * rather than the gateway, so that a command dispatched on the bus directly is routed too.
     */
    @Bean
    public InitializingBean accountCommandRouting(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(BudgetAccount.commandRouting());
    }
}
