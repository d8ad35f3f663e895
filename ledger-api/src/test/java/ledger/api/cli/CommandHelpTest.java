package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every command's {@code --help} (issue 17 item 7): Chinese first with English after, two or more
 * real examples, and every option and parameter described in Chinese, all taken from {@code
 * ledger/api/cli/usage.properties}. The commands are found by walking the registered command tree,
 * so a command (or option) added without its entries in that file fails here. No database: help is
 * printed before anything starts.
 */
class CommandHelpTest {

    private static final ResourceBundle USAGE = ResourceBundle.getBundle("ledger.api.cli.usage");

    /**
     * Every command under {@code ledger}, the root included, hidden ones too (they still answer
     * --help).
     */
    static Stream<Arguments> commands() {
        List<CommandLine> all = new ArrayList<>();
        collect(LedgerCommandLine.commandLine(), all);
        return all.stream()
                .map(command -> Arguments.of(command.getCommandSpec().qualifiedName(" ")));
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void answersHelpInChineseWithExamples(String path) {
        List<String> args = new ArrayList<>(Arrays.asList(path.split(" ")));
        args.remove(0); // "ledger"
        args.add("--help");
        CommandLine cli = LedgerCommandLine.commandLine(name -> null);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute(args.toArray(String[]::new))).as(err.toString()).isZero();
        String help = out.toString();
        CommandSpec spec = find(cli, path);
        String key = spec.qualifiedName(".");

        String description = bundled(key + ".usage.description");
        assertThat(chinese(description.codePointAt(0)))
                .as("%s: Chinese first: %s", key, description)
                .isTrue();
        assertThat(description).as(key + ": English after the Chinese").contains(" / ");
        assertThat(help)
                .as(key)
                .contains(description.lines().findFirst().orElseThrow().substring(0, 8));

        String footer = bundled(key + ".usage.footer");
        assertThat(help).as(key).contains("示例 / Examples:");
        // "  ledger user list", or with the environment it reads: "  LEDGER_HOME=/srv ledger user
        // list"
        Pattern example = Pattern.compile("  ([A-Z_]+=\\S* )*" + Pattern.quote(path) + "( .*)?");
        List<String> examples =
                help.lines().filter(line -> example.matcher(line).matches()).toList();
        assertThat(examples)
                .as("%s: two or more examples of this very command", key)
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(examples).as(key).anyMatch(line -> line.startsWith("  " + path));
        // picocli would break a longer line at column 80, and the example could no longer be pasted
        assertThat(footer.lines().filter(line -> columns(line) > 80))
                .as("%s: example lines within 80 columns (a CJK character takes two)", key)
                .isEmpty();

        for (ArgSpec arg : spec.args()) {
            String text = String.join(" ", arg.description());
            assertThat(text.codePoints().anyMatch(CommandHelpTest::chinese))
                    .as("%s %s: described in Chinese, not \"%s\"", key, name(arg), text)
                    .isTrue();
            assertThat(keys(spec, arg).stream().anyMatch(USAGE::containsKey))
                    .as(
                            "%s %s: described in usage.properties under one of %s",
                            key, name(arg), keys(spec, arg))
                    .isTrue();
        }
    }

    @Test
    void everyEntryBelongsToACommandOrOption() {
        Set<String> used =
                new HashSet<>(
                        List.of(
                                "usage.synopsisHeading",
                                "usage.commandListHeading",
                                "usage.optionListHeading",
                                "usage.parameterListHeading"));
        List<CommandLine> all = new ArrayList<>();
        collect(LedgerCommandLine.commandLine(), all);
        for (CommandLine command : all) {
            CommandSpec spec = command.getCommandSpec();
            String key = spec.qualifiedName(".");
            used.add(key + ".usage.description");
            used.add(key + ".usage.footer");
            spec.args().forEach(arg -> used.addAll(keys(spec, arg)));
        }
        // a numbered line (key.0, key.1 …) belongs to its key
        List<String> stale =
                USAGE.keySet().stream()
                        .filter(k -> !used.contains(k.replaceFirst("\\.\\d+$", "")))
                        .sorted()
                        .toList();
        assertThat(stale).as("entries for commands or options that no longer exist").isEmpty();
    }

    @Test
    void theHeadingsAreChineseAndStillSayUsage() {
        CommandLine cli = LedgerCommandLine.commandLine(name -> null);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("serve", "--help")).isZero();
        assertThat(out.toString())
                .startsWith("用法 / Usage: ledger serve")
                .contains("选项 / Options:", "--bind", "--demo");
    }

    /**
     * Where picocli looks for an argument's text: its descriptionKey, else its name, each qualified
     * first.
     */
    private static List<String> keys(CommandSpec spec, ArgSpec arg) {
        String command = spec.qualifiedName(".");
        List<String> keys = new ArrayList<>();
        if (!arg.descriptionKey().isEmpty()) {
            keys.add(command + "." + arg.descriptionKey());
            keys.add(arg.descriptionKey());
        } else if (arg instanceof OptionSpec option) {
            Arrays.stream(option.names())
                    .forEach(n -> keys.add(command + "." + n.replaceFirst("^-+", "")));
        } else if (arg instanceof PositionalParamSpec positional) {
            keys.add(command + "." + positional.paramLabel() + "[" + positional.index() + "]");
        }
        return keys;
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    private static String bundled(String key) {
        List<String> lines = new ArrayList<>();
        if (USAGE.containsKey(key)) {
            lines.add(USAGE.getString(key));
        }
        for (int i = 0; USAGE.containsKey(key + "." + i); i++) {
            lines.add(USAGE.getString(key + "." + i));
        }
        assertThat(lines).as("usage.properties has " + key).isNotEmpty();
        return String.join("\n", lines);
    }

    private static CommandSpec find(CommandLine root, String path) {
        CommandLine command = root;
        for (String name : path.substring(6).trim().split(" ")) {
            if (!name.isEmpty()) {
                command = command.getSubcommands().get(name);
            }
        }
        return command.getCommandSpec();
    }

    private static int columns(String line) {
        return line.codePoints()
                .map(
                        c ->
                                chinese(c)
                                                || Character.UnicodeBlock.of(c)
                                                        == Character.UnicodeBlock
                                                                .HALFWIDTH_AND_FULLWIDTH_FORMS
                                                || Character.UnicodeBlock.of(c)
                                                        == Character.UnicodeBlock
                                                                .CJK_SYMBOLS_AND_PUNCTUATION
                                        ? 2
                                        : 1)
                .sum();
    }

    private static boolean chinese(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
