package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.spi.FilterReply;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ConsoleLoggingTest {

    private final ConsoleLogging.ClosedPoolAtExit filter = new ConsoleLogging.ClosedPoolAtExit();
    private final Logger eventStore =
            (Logger)
                    LoggerFactory.getLogger(
                            "org.axonframework.eventsourcing.eventstore.EmbeddedEventStore");

    @Test
    void theEventStoresFetchCutByTheClosingPoolIsDropped() {
        RuntimeException closing =
                new IllegalStateException(
                        "Could not open JDBC Connection for transaction",
                        new SQLException(
                                "HikariDataSource HikariDataSource (HikariPool-1) has been closed."));
        assertThat(
                        filter.decide(
                                null,
                                eventStore,
                                Level.ERROR,
                                "Failed to read events",
                                null,
                                closing))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void anyOtherFailureStillShows() {
        RuntimeException down =
                new IllegalStateException(
                        "connection refused", new SQLException("Connection refused"));
        assertThat(
                        filter.decide(
                                null, eventStore, Level.ERROR, "Failed to read events", null, down))
                .isEqualTo(FilterReply.NEUTRAL);
        Logger other = (Logger) LoggerFactory.getLogger("ledger.api.Something");
        RuntimeException closing =
                new IllegalStateException(new SQLException("pool has been closed."));
        assertThat(filter.decide(null, other, Level.ERROR, "x", null, closing))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
