package ledger.api.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a command's text goes: the standard output and error of the command line that runs it
 * ({@link CommandLine#getOut()}, {@link CommandLine#getErr()}), so that a caller that sets them — a
 * test, an embedding tool — gets everything the command prints, and {@code --out FILE}.
 */
final class Output {

    /** The command line executing on this thread, for commands that do not hold their spec. */
    private static final ThreadLocal<CommandLine> EXECUTING = new ThreadLocal<>();

    private Output() {}

    /**
     * Runs {@code work} with {@code commandLine}'s streams as this thread's {@link #out()} and
     * {@link #err()}.
     */
    static <T> T during(CommandLine commandLine, Supplier<T> work) {
        CommandLine outer = EXECUTING.get();
        EXECUTING.set(commandLine);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                EXECUTING.remove();
            } else {
                EXECUTING.set(outer);
            }
        }
    }

    /** Standard output of the command line executing on this thread (else the process's). */
    static PrintWriter out() {
        CommandLine executing = EXECUTING.get();
        return executing != null ? executing.getOut() : writer(System.out);
    }

    /** Standard error of the command line executing on this thread (else the process's). */
    static PrintWriter err() {
        CommandLine executing = EXECUTING.get();
        return executing != null ? executing.getErr() : writer(System.err);
    }

    /**
     * Writes {@code text} to the executing command's standard output, or to {@code file} when
     * given.
     */
    static void write(String text, Path file) throws IOException {
        write(out(), err(), text, file);
    }

    /** Writes {@code text} to the command's standard output, or to {@code file} when given. */
    static void write(CommandSpec spec, String text, Path file) throws IOException {
        write(spec.commandLine().getOut(), spec.commandLine().getErr(), text, file);
    }

    private static void write(PrintWriter out, PrintWriter err, String text, Path file)
            throws IOException {
        String ended = text.endsWith("\n") ? text : text + "\n";
        if (file == null) {
            out.print(ended);
            out.flush();
        } else {
            Files.writeString(file, ended, StandardCharsets.UTF_8);
            err.println("wrote " + file);
            err.flush();
        }
    }

    /**
     * A writer on a console stream in an encoding that can write the statements' Chinese: the
     * console's own when it can (UTF-8, GBK, …), else UTF-8 — not the ASCII a JDK 17 falls back to
     * when no locale is set, which would print every heading as question marks.
     */
    static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, consoleCharset()), true);
    }

    static Charset consoleCharset() {
        for (String property : List.of("stdout.encoding", "sun.stdout.encoding")) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name) && writesChinese(Charset.forName(name))) {
                return Charset.forName(name);
            }
        }
        Charset standard = Charset.defaultCharset();
        return writesChinese(standard) ? standard : StandardCharsets.UTF_8;
    }

    private static boolean writesChinese(Charset charset) {
        return charset.canEncode() && charset.newEncoder().canEncode("收入支出决算总表");
    }
}
