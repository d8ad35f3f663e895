package ledger.api.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import ledger.api.statement.BulkReplay;
import ledger.api.statement.ProjectionStatus;
import ledger.api.store.EventStoreAccess;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ledger replay}: rebuild every read model from the event store. */
@Command(
        name = "replay",
        description = "Reset the projections and rebuild every read model from the event store.")
public class ReplayCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = database.start(false)) {
            ProjectionStatus projections = context.getBean(ProjectionStatus.class);
            if (!projections.replaysInBulk()) {
                // The processor's reset replays from its tokens: let it first finish what it
                // started.
                projections.awaitCaughtUp(Duration.ofMinutes(30));
            }
            long events = context.getBean(EventStoreAccess.class).eventCount();
            ProjectionStatus.Replayed replayed = projections.rebuild(Duration.ofMinutes(30));
            double seconds = Math.max(replayed.took().toNanos(), 1) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "replayed %,d events into the read models in %.2f s (%,.0f events/s)%n",
                    events, seconds, events / seconds);
            BulkReplay.Result bulk = replayed.bulk();
            if (bulk != null) {
                out.printf(
                        "  bulk: %,d postings; load %.2f s (CPU: reader %.2f s, decoders %.2f s),"
                                + " indexes %.2f s, commit %.2f s; tokens at %d%n",
                        bulk.postings(),
                        seconds(bulk.load()),
                        seconds(bulk.readerCpu()),
                        seconds(bulk.decoderCpu()),
                        seconds(bulk.indexes()),
                        seconds(bulk.commit()),
                        bulk.head());
            }
            out.flush();
            return 0;
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
