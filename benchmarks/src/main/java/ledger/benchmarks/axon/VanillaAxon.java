package ledger.benchmarks.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import ledger.core.account.AccountCommand;
import ledger.core.account.BudgetAccount;
import ledger.core.account.FiscalYear;
import ledger.core.account.InMemoryLedgerRegistry;
import ledger.core.account.LedgerRegistry;
import ledger.core.account.RecordedTransaction;
import ledger.core.account.RuleViolation;
import ledger.core.account.TransactionId;
import ledger.core.account.UnitCode;
import ledger.core.account.YearStatus;
import ledger.core.journal.JournalRow;
import ledger.journal.JournalReader;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The reference for single commands (issue 19): the ledger's own aggregate, {@link BudgetAccount},
 * under Axon's defaults — the default configuration's simple command bus, Axon's JDBC storage
 * engine with its own schema, no cache, no snapshots, each command's events appended and committed
 * on their own (Axon's default without Spring is no transaction manager: the append commits) — in a
 * scratch database of the same PostgreSQL, fed the journal's rows as single commands from 1 client,
 * then from 8. Jackson, not Axon's default XStream, serializes: XStream cannot read records back.
 * The id register is in memory, so the reference pays nothing for it and is, if anything,
 * flattered.
 *
 * <pre>VanillaAxon JDBC-URL JOURNAL.csv SECONDS [WARM-UP-COMMANDS]</pre>
 *
 * Prints one line per run in the format of {@code ledger load post}: {@code clients=… sent=…
 * acknowledged=… refused=… errors=… seconds=… acknowledged_per_second=…}.
 */
public final class VanillaAxon {

    private VanillaAxon() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println(
                    "usage: VanillaAxon JDBC-URL JOURNAL.csv SECONDS [WARM-UP-COMMANDS]");
            System.exit(2);
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        String url = args[0];
        List<AccountCommand> commands = commands(Path.of(args[1]));
        double seconds = Double.parseDouble(args[2]);
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername(System.getenv().getOrDefault("PGUSER", "postgres"));
        pool.setMaximumPoolSize(10);
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            Configuration axon = configure(dataSource);
            axon.start();
            // The aggregate's one handler takes every account command under one name, as in the
            // ledger.
            axon.commandBus().registerDispatchInterceptor(BudgetAccount.commandRouting());
            try {
                CommandGateway gateway = axon.commandGateway();
                AtomicInteger next = new AtomicInteger();
                run(gateway, commands, next, 1, Math.min(warmUp, commands.size()), 3600, false);
                run(gateway, commands, next, 1, commands.size(), seconds, true);
                run(gateway, commands, next, 8, commands.size(), seconds, true);
            } finally {
                axon.shutdown();
            }
        }
    }

    static Configuration configure(HikariDataSource dataSource) {
        Serializer serializer =
                JacksonSerializer.builder()
                        .objectMapper(
                                new ObjectMapper()
                                        .registerModule(new JavaTimeModule())
                                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                        .build();
        LedgerRegistry registry = new SharedRegistry(new InMemoryLedgerRegistry());
        return DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .registerComponent(LedgerRegistry.class, c -> registry)
                .configureEmbeddedEventStore(
                        c -> {
                            JdbcEventStorageEngine engine =
                                    JdbcEventStorageEngine.builder()
                                            .connectionProvider(
                                                    new DataSourceConnectionProvider(dataSource))
                                            .transactionManager(NoTransactionManager.INSTANCE)
                                            .eventSerializer(serializer)
                                            .snapshotSerializer(serializer)
                                            .build();
                            engine.createSchema(PostgresEventTableFactory.INSTANCE);
                            return engine;
                        })
                .configureAggregate(AggregateConfigurer.defaultConfiguration(BudgetAccount.class))
                .buildConfiguration();
    }

    /**
     * The journal's postings in file order (transfers and reversals, which need the register, left
     * out).
     */
    static List<AccountCommand> commands(Path journal) throws IOException {
        try (InputStream in = Files.newInputStream(journal)) {
            var parse = new JournalReader().read(in);
            if (!parse.problems().isEmpty()) {
                throw new IllegalArgumentException(journal + ": " + parse.problems().get(0));
            }
            List<AccountCommand> commands = new ArrayList<>();
            for (JournalRow row : parse.rows()) {
                if (row.command() != null && row.counterpart() == null) {
                    commands.add(row.command());
                }
            }
            return commands;
        }
    }

    /**
     * Sends commands from {@code next} on, from {@code clients} threads, until {@code end} or the
     * time is up.
     */
    private static void run(
            CommandGateway gateway,
            List<AccountCommand> commands,
            AtomicInteger next,
            int clients,
            int end,
            double seconds,
            boolean print)
            throws InterruptedException {
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + (long) (seconds * 1e9);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            threads.execute(
                    () -> {
                        int at;
                        while (System.nanoTime() < deadline
                                && (at = next.getAndIncrement()) < end) {
                            try {
                                gateway.sendAndWait(commands.get(at));
                                acknowledged.incrementAndGet();
                            } catch (RuleViolation refusal) {
                                refused.incrementAndGet();
                            } catch (RuntimeException failed) {
                                if (causedByRefusal(failed)) {
                                    refused.incrementAndGet();
                                } else if (errors.incrementAndGet() == 1) {
                                    failed.printStackTrace();
                                }
                            }
                        }
                    });
        }
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.DAYS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (print) {
            long sent = acknowledged.get() + refused.get() + errors.get();
            System.out.printf(
                    Locale.ROOT,
                    "clients=%d sent=%d acknowledged=%d repeated=0 refused=%d errors=%d"
                            + " seconds=%.3f acknowledged_per_second=%.1f%n",
                    clients,
                    sent,
                    acknowledged.get(),
                    refused.get(),
                    errors.get(),
                    elapsed,
                    acknowledged.get() / elapsed);
        }
    }

    private static boolean causedByRefusal(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation) {
                return true;
            }
        }
        return false;
    }

    /** The in-memory register shared by the client threads (it is not thread-safe by itself). */
    private record SharedRegistry(InMemoryLedgerRegistry registry) implements LedgerRegistry {
        @Override
        public synchronized YearStatus yearStatus(UnitCode unit, FiscalYear year) {
            return registry.yearStatus(unit, year);
        }

        @Override
        public synchronized Optional<RecordedTransaction> transaction(
                UnitCode unit, FiscalYear year, TransactionId id) {
            return registry.transaction(unit, year, id);
        }

        @Override
        public synchronized boolean hasOpeningTransactions(UnitCode unit, FiscalYear year) {
            return registry.hasOpeningTransactions(unit, year);
        }

        @Override
        public synchronized ledger.core.classification.ClassificationCatalog catalog(
                FiscalYear year) {
            return registry.catalog(year);
        }

        @Override
        public synchronized void record(RecordedTransaction transaction) {
            registry.record(transaction);
        }
    }
}
