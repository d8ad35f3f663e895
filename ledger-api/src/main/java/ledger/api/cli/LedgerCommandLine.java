package ledger.api.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import ledger.api.config.EmbeddedDatabaseInUse;
import ledger.api.recording.JournalRefused;
import ledger.core.account.RuleViolation;
import ledger.core.journal.JournalProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ledger}: the command line. Exit codes: 0 success, 1 input refused (the reasons on stderr,
 * nothing written), 2 usage error.
 *
 * <p>Every command's {@code --help} (description, examples, option texts) is data: {@code
 * ledger/api/cli/usage.properties}, in Chinese with English after it, which subcommands inherit and
 * which wins over the {@code description} strings in the annotations (left there as the English
 * fallback). Keys are qualified by the command path, e.g. {@code ledger.close.usage.description};
 * an option's key is its name without dashes ({@code ledger.close.year}), or its {@code
 * descriptionKey} for options shared by several commands ({@code statement.year}).
 */
@Command(
        name = "ledger",
        resourceBundle = "ledger.api.cli.usage",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        version = "ledger 0.1.0",
        description =
                "Event-sourced budget ledger: record the year, regenerate the 部门决算 tables 表1–表9, audit any figure.",
        subcommands = {
            ImportCommand.class,
            StatementsCommand.class,
            CheckCommand.class,
            ReconcileCommand.class,
            TraceCommand.class,
            ReplayCommand.class,
            CloseCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            VerifyCommand.class,
            RecordCommand.class,
            ChartsCommand.class,
            ExplanationCommand.class,
            GenerateCommand.class,
            LoadCommand.class,
            ReadReportCommand.class,
            CheckReportCommand.class,
            CatalogCommand.class,
            DepartmentCommand.class,
            UserCommand.class,
            TrialBalanceCommand.class,
            IndicatorsCommand.class,
            TemplateCommand.class,
            ExecutionCommand.class
        })
public class LedgerCommandLine implements Runnable {

    public static final int REFUSED = 1;

    /** How a refusal starts on standard error: in Chinese, like every reason after it. */
    public static final String REFUSED_PREFIX = "已拒绝：";

    /** How a failure that is not the input's fault starts. */
    static final String ERROR = "错误：";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Where {@code LEDGER_PASSWORD} is read from: the process's environment, or a test's. */
    final Function<String, String> environment;

    LedgerCommandLine(Function<String, String> environment) {
        this.environment = environment;
    }

    public static int run(String[] args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        return commandLine(System::getenv);
    }

    /**
     * The command line, printing through its own {@link CommandLine#getOut()} and {@link
     * CommandLine#getErr()} (replace them with {@code setOut}/{@code setErr} to capture a run) in
     * an encoding that can write Chinese; {@code environment} supplies {@code LEDGER_PASSWORD} for
     * {@code --server}.
     */
    public static CommandLine commandLine(Function<String, String> environment) {
        CommandLine cli = new CommandLine(new LedgerCommandLine(environment));
        cli.setOut(Output.writer(System.out));
        cli.setErr(Output.writer(System.err));
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cli.setExecutionStrategy(
                parseResult -> {
                    List<CommandLine> invoked = parseResult.asCommandLineList();
                    return Output.during(
                            invoked.get(invoked.size() - 1), () -> runLast.execute(parseResult));
                });
        cli.setParameterExceptionHandler(new ParseErrors());
        cli.setExecutionExceptionHandler(
                (exception, command, parseResult) -> {
                    PrintWriter err = command.getErr();
                    Throwable cause = rootRefusal(exception);
                    if (cause instanceof LedgerClient.ServerRefused server) {
                        String prefix =
                                server.status() == 0 || server.status() >= 500
                                        ? ERROR
                                        : REFUSED_PREFIX;
                        server.reasons().forEach(reason -> err.println(prefix + reason));
                    } else if (cause instanceof JournalRefused refused) {
                        err.println(
                                REFUSED_PREFIX
                                        + "共 "
                                        + refused.problems().size()
                                        + " 处问题，没有写入任何内容");
                        refused.problems().forEach(problem -> err.println("  " + problem));
                    } else if (cause instanceof RuleViolation violation) {
                        err.println(
                                REFUSED_PREFIX
                                        + new JournalProblem(
                                                0, violation.field(), violation.reason())
                                        + "；没有写入任何内容");
                    } else if (OutOfMemory.isIn(exception)) {
                        err.println(OutOfMemory.message(Runtime.getRuntime().maxMemory()));
                    } else if (cause instanceof EmbeddedDatabaseInUse inUse) {
                        err.println(ERROR + inUse.getMessage());
                    } else if (cause instanceof IllegalArgumentException invalid) {
                        err.println(REFUSED_PREFIX + invalid.getMessage());
                    } else {
                        err.println(ERROR + exception);
                        exception.printStackTrace(err);
                    }
                    err.flush();
                    return REFUSED;
                });
        return cli;
    }

    private static Throwable rootRefusal(Throwable exception) {
        Throwable current = exception;
        while (current != null) {
            if (current instanceof LedgerClient.ServerRefused
                    || current instanceof JournalRefused
                    || current instanceof RuleViolation
                    || current instanceof EmbeddedDatabaseInUse
                    || current instanceof IllegalArgumentException) {
                return current;
            }
            current = current.getCause();
        }
        return exception;
    }

    @Override
    public void run() {
        throw Usage.error(
                spec, "cli.subcommandNeeded", String.join(", ", spec.subcommands().keySet()));
    }
}
