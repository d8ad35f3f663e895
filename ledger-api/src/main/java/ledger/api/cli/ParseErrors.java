package ledger.api.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import ledger.core.text.Reason;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * picocli's own usage errors (a missing option, an unknown one, a value that is not a number) in
 * Chinese first, from the message catalog, with picocli's English after them; the ledger's own
 * usage errors ({@link Usage.Error}) are Chinese already and print as they are. Then the usage, or
 * the commands meant, as picocli does; exit code 2.
 */
final class ParseErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        String chinese = chinese(exception);
        if (chinese == null) {
            err.println(exception.getMessage());
        } else {
            err.println(chinese);
            err.println("  (" + exception.getMessage() + ")");
        }
        List<String> meant =
                exception instanceof CommandLine.UnmatchedArgumentException unmatched
                        ? unmatched.getSuggestions()
                        : List.of();
        if (meant.isEmpty()) {
            command.usage(err);
        } else {
            err.println(Reason.of("cli.parse.didYouMean", String.join("、", meant)).chinese());
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The error in Chinese; null when it is one of the ledger's own, worded in Chinese. */
    static String chinese(ParameterException exception) {
        if (exception instanceof Usage.Error) {
            return null;
        }
        Reason reason;
        if (exception instanceof CommandLine.MissingParameterException missing) {
            List<ArgSpec> options =
                    missing.getMissing().stream().filter(ArgSpec::isOption).toList();
            reason =
                    options.isEmpty()
                            ? Reason.of("cli.parse.missingParameter", names(missing.getMissing()))
                            : Reason.of("cli.parse.missingOption", names(options));
        } else if (exception instanceof CommandLine.UnmatchedArgumentException unmatched) {
            String arguments = String.join(" ", unmatched.getUnmatched());
            reason =
                    unmatched.isUnknownOption()
                            ? Reason.of("cli.parse.unknownOption", arguments)
                            : Reason.of("cli.parse.unmatched", arguments);
        } else if (exception instanceof CommandLine.OverwrittenOptionException twice) {
            reason = Reason.of("cli.parse.twice", name(twice.getOverwritten()));
        } else if (exception.getArgSpec() != null && exception.getValue() != null) {
            reason =
                    Reason.of(
                            "cli.parse.invalidValue",
                            name(exception.getArgSpec()),
                            exception.getValue());
        } else {
            reason = Reason.of("cli.parse.other");
        }
        return reason.chinese();
    }

    private static String names(List<ArgSpec> args) {
        return args.stream().map(ParseErrors::name).collect(Collectors.joining("、"));
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option
                ? option.longestName() + (option.arity().max() > 0 ? "=" + option.paramLabel() : "")
                : arg.paramLabel();
    }
}
