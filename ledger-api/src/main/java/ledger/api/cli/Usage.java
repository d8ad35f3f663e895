package ledger.api.cli;

import ledger.core.text.Reason;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A usage error (exit code 2) worded from the message catalog, in Chinese as the command line
 * speaks, with the options' English names: the same catalog the pages and the API refuse from.
 */
final class Usage {

    private Usage() {}

    static ParameterException error(CommandSpec spec, String code, Object... args) {
        return error(spec.commandLine(), code, args);
    }

    static ParameterException error(CommandLine command, String code, Object... args) {
        return new ParameterException(command, Reason.of(code, args).chinese());
    }
}
