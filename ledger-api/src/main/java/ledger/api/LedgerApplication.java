package ledger.api;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.IntSupplier;
import ledger.api.cli.LedgerCommandLine;
import ledger.api.cli.OutOfMemory;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ledger: one executable for the command line and the server ({@code ledger serve}). */
@SpringBootApplication
public class LedgerApplication {

    /**
     * Exit code when the command ends by an error no handler turned into an answer (an
     * OutOfMemoryError, say).
     */
    static final int FAILED = 70;

    /**
     * How long the shutdown hooks (closing the context, sealing the chain) may take before the
     * process ends anyway.
     */
    static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(60);

    public static void main(String[] args) {
        // A ledger of public money does not report usage to third parties, and our machines have no
        // network beyond the package registries anyway.
        System.setProperty(
                "axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        exit(exitCode(() -> LedgerCommandLine.run(args)));
    }

    /**
     * The command's exit code, or {@link #FAILED} when it ends by a throwable no handler answered.
     */
    static int exitCode(IntSupplier command) {
        return exitCode(command, System.err);
    }

    static int exitCode(IntSupplier command, PrintStream err) {
        try {
            return command.getAsInt();
        } catch (Throwable failure) {
            if (OutOfMemory.isIn(failure)) {
                err.println(OutOfMemory.message(Runtime.getRuntime().maxMemory()));
                return FAILED;
            }
            // An Error escapes picocli's handler. Without this the main thread would die and the
            // non-daemon threads Axon starts (its janitor, the event store's producer) would keep a
            // finished command's JVM alive, so a script waiting for it would hang.
            err.println("错误 / error: " + failure);
            failure.printStackTrace(err);
            return FAILED;
        }
    }

    /**
     * System.exit, with a daemon watchdog that halts the JVM should a shutdown hook never return.
     */
    static void exit(int code) {
        Thread watchdog =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(SHUTDOWN_LIMIT.toMillis());
                            } catch (InterruptedException stopped) {
                                return;
                            }
                            System.err.println(
                                    "错误：关闭超过 "
                                            + SHUTDOWN_LIMIT.toSeconds()
                                            + " 秒，进程强制结束"
                                            + " / error: shutdown took over "
                                            + SHUTDOWN_LIMIT.toSeconds()
                                            + " s; halting");
                            Runtime.getRuntime().halt(code == 0 ? FAILED : code);
                        },
                        "ledger-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(code);
    }
}
