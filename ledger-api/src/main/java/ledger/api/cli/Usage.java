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
        return new Error(command, Reason.of(code, args).chinese());
    }

    /**
     * A usage error the ledger worded itself, already Chinese: {@link ParseErrors} prints it as is.
     */
    static final class Error extends ParameterException {
        private static final long serialVersionUID = 1L;

        Error(CommandLine command, String message) {
            super(command, message);
        }
    }
}
