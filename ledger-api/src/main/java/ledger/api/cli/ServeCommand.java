package ledger.api.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ledger serve}: the HTTP API until stopped. */
@Command(name = "serve", description = "Serve the HTTP API (documented at /swagger-ui) until stopped.")
public class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        ConfigurableApplicationContext context = database.start(true, "server.port=" + port);
        PrintWriter out = spec.commandLine().getOut();
        out.println("ledger serving on http://localhost:" + port + " with " + database.database().describe());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                stopped.countDown();
            }
        });
        stopped.await();
        return 0;
    }
}
