package ledger.api.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ledger serve}: the HTTP API until stopped. */
@Command(name = "serve", description = "Serve the HTTP API (documented at /swagger-ui) until stopped.")
public class ServeCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        ConfigurableApplicationContext context = database.start(true, "server.port=" + port);
        System.out.println("ledger serving on http://localhost:" + port + " with " + database.database().describe());
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
