package ledger.api.config;

import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A ledger process for {@link EmbeddedDatabaseIT}: starts on the embedded database in {@code
 * args[0]}, imports the sample, prints {@code ready EVENTS SEALED} and runs until stopped, as
 * {@code ledger serve} does; its shutdown hook is what must seal the events.
 */
public final class SignalledLedger {

    private SignalledLedger() {}

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext ledger = EmbeddedLedger.start(Path.of(args[0]), true);
        long events = EmbeddedLedger.importSample(ledger);
        long sealed = EmbeddedLedger.count(ledger, "SELECT COUNT(*) FROM event_seal");
        System.out.println("ready " + events + " " + sealed);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
