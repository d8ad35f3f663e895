package ledger.api.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Iterator;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Sends the application's console log to standard error, so that standard output carries only what
 * a command prints: {@code ledger statements --format json > set.json} must give JSON, not a
 * framework warning followed by JSON. Applied once Spring Boot has configured logging and before
 * the context starts (where warnings are logged).
 */
final class ConsoleLogging implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        toStandardError();
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context
                && context.getTurboFilterList().stream()
                        .noneMatch(ClosedPoolAtExit.class::isInstance)) {
            context.addTurboFilter(new ClosedPoolAtExit());
        }
    }

    /**
     * When a command's context closes, Axon's event store producer thread may be halfway through a
     * fetch as the connection pool closes, and logs "Failed to read events" with a stack trace
     * after the command's own answer, though the command has finished and nothing is lost. Only
     * that error, with the closed pool as its cause, is dropped; any other read failure still
     * shows.
     */
    static final class ClosedPoolAtExit extends TurboFilter {
        @Override
        public FilterReply decide(
                Marker marker,
                Logger logger,
                Level level,
                String format,
                Object[] params,
                Throwable failure) {
            if (level != Level.ERROR
                    || failure == null
                    || !logger.getName()
                            .equals(
                                    "org.axonframework.eventsourcing.eventstore.EmbeddedEventStore")) {
                return FilterReply.NEUTRAL;
            }
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (String.valueOf(cause.getMessage()).endsWith("has been closed.")) {
                    return FilterReply.DENY;
                }
            }
            return FilterReply.NEUTRAL;
        }
    }

    static void toStandardError() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        for (Logger logger : context.getLoggerList()) {
            Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders();
            while (appenders.hasNext()) {
                if (appenders.next() instanceof ConsoleAppender<ILoggingEvent> console
                        && !"System.err".equals(console.getTarget())) {
                    console.stop();
                    console.setTarget("System.err");
                    console.start();
                }
            }
        }
    }
}
