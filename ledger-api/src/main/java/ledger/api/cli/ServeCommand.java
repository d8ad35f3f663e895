package ledger.api.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import ledger.api.config.AccountWarmUp;
import ledger.api.security.DemoUsers;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger serve}: the HTTP API until stopped. It listens on the loopback interface only
 * unless {@code --bind} names another address. The demo users (passwords published in the README)
 * can sign in on the embedded default database, for someone trying the ledger, and on PostgreSQL
 * only with {@code --demo}; either way a warning says so.
 */
@Command(
        name = "serve",
        description = "Serve the HTTP API (documented at /swagger-ui) until stopped.")
public class ServeCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description =
                    "address to listen on (default ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every"
                            + " interface)")
    String bind;

    @Option(
            names = "--read-db",
            paramLabel = "JDBC_URL",
            description =
                    "a read-only hot standby of the --db database (user and password in the URL) that"
                            + " statements, traces and pages read from; writes still go to --db")
    String readDb;

    @Option(
            names = "--demo",
            description =
                    "let the demo users (passwords published in the README) sign in;"
                            + " always on for the embedded default database")
    boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        boolean demoUsers = demoUsers();
        ConfigurableApplicationContext context =
                database.start(
                        true,
                        demoUsers ? List.of(DemoUsers.PROFILE) : List.of(),
                        serverProperties().toArray(String[]::new));
        PrintWriter out = spec.commandLine().getOut();
        out.println("ledger serving on " + address() + " with " + database.database().describe());
        if (demoUsers) {
            out.println(
                    "警告 WARNING: 演示用户（clerk / approver / auditor，密码见 README）可以登录，只可用于试用；"
                            + "正式使用请连接 PostgreSQL（--db）并配置自己的用户 (the demo users, whose passwords are"
                            + " published, can sign in: for trying the ledger only)");
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener(
                event -> {
                    if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                        stopped.countDown();
                    }
                });
        stopped.await();
        return 0;
    }

    /** The demo users work on the embedded default (a newcomer's trial) or when asked for. */
    boolean demoUsers() {
        return demo || database.database().embedded();
    }

    List<String> serverProperties() {
        List<String> properties = new ArrayList<>();
        properties.add("server.port=" + port);
        properties.add("server.address=" + bind);
        properties.add(AccountWarmUp.PROPERTY + "=true");
        if (readDb != null) {
            properties.add("ledger.read-datasource.url=" + readDb);
        }
        return properties;
    }

    /** Where to point a browser: every interface is reached on this machine as localhost. */
    String address() {
        boolean everyInterface = bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
        String host = everyInterface ? "localhost" : bind.contains(":") ? "[" + bind + "]" : bind;
        return "http://"
                + host
                + ":"
                + port
                + (everyInterface ? " (listening on every interface)" : "");
    }
}
