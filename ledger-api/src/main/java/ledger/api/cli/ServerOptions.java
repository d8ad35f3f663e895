package ledger.api.cli;

import java.io.Console;
import java.net.URI;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --server URL --user NAME}: the command talks to a running ledger over its HTTP API, as
 * that user, instead of opening the database; the server then checks the user's role and units as
 * for any client. The password comes from {@code LEDGER_PASSWORD} or a prompt, never from argv
 * (where every user of the machine could read it in the process list).
 */
public class ServerOptions {

    static final String PASSWORD_VARIABLE = "LEDGER_PASSWORD";

    @Option(
            names = "--server",
            descriptionKey = "server.server",
            paramLabel = "URL",
            description =
                    "a running ledger's address (e.g. http://localhost:8080): work through its HTTP API"
                            + " instead of the database; needs --user")
    String server;

    @Option(
            names = "--user",
            descriptionKey = "server.user",
            paramLabel = "NAME",
            description =
                    "with --server: sign in as NAME; the password from "
                            + PASSWORD_VARIABLE
                            + " or a prompt")
    String user;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** True when the command is to go through a server. */
    public boolean remote() {
        if (server == null && user != null) {
            throw usage("cli.userWithoutServer");
        }
        return server != null;
    }

    /**
     * The client for {@code --server}, signed in as {@code --user}.
     *
     * @throws CommandLine.ParameterException (exit code 2) for a bad URL, a missing user or
     *     password, or {@code --db} given too
     */
    LedgerClient client(DatabaseOptions database) {
        if (database != null && database.url != null) {
            throw usage("cli.dbAndServer");
        }
        URI address;
        try {
            address = URI.create(server.endsWith("/") ? server : server + "/");
        } catch (IllegalArgumentException malformed) {
            throw usage("cli.serverUrl", server);
        }
        if (address.getScheme() == null
                || !address.getScheme().matches("https?")
                || address.getHost() == null) {
            throw usage("cli.serverUrl", server);
        }
        if (user == null || user.isBlank()) {
            throw usage("cli.serverNeedsUser", PASSWORD_VARIABLE);
        }
        return new LedgerClient(address, user, password());
    }

    private char[] password() {
        String fromEnvironment = environment().apply(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("password for %s at %s: ", user, server);
            if (typed != null && typed.length > 0) {
                return typed;
            }
        }
        throw usage("cli.noPassword", user, PASSWORD_VARIABLE);
    }

    /** The environment the command line was given (the process's, or a test's). */
    private Function<String, String> environment() {
        CommandLine root = command == null ? null : command.commandLine();
        while (root != null && root.getParent() != null) {
            root = root.getParent();
        }
        if (root != null && root.getCommand() instanceof LedgerCommandLine ledger) {
            return ledger.environment;
        }
        return System::getenv;
    }

    private CommandLine.ParameterException usage(String code, Object... args) {
        if (command == null) {
            throw new ledger.core.text.Refusal(ledger.core.text.Reason.of(code, args));
        }
        return Usage.error(command, code, args);
    }
}
