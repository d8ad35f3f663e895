package ledger.benchmarks.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ledger.benchmarks.SyntheticYear;
import ledger.core.account.AccountCommand;
import ledger.core.account.PayTransfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vanilla Axon reference is fed the journal's own postings, in file order, and nothing it
 * cannot decide alone.
 */
class VanillaAxonTest {

    @TempDir Path dir;

    @Test
    void theReferenceSendsEveryPostingOfTheJournalInFileOrderAndLeavesOutReversals()
            throws IOException {
        StringWriter csv = new StringWriter();
        new SyntheticYear(SyntheticYear.Settings.of(2_000, 2020, 3, 7, 100))
                .generate(csv, new StringWriter(), new StringWriter(), new StringWriter());
        Path journal = dir.resolve("journal.csv");
        Files.writeString(journal, csv.toString(), StandardCharsets.UTF_8);
        List<String> lines = csv.toString().lines().skip(1).toList();
        List<String> postings =
                lines.stream().filter(line -> !line.split(",", -1)[2].equals("reversal")).toList();

        List<AccountCommand> commands = VanillaAxon.commands(journal);

        assertThat(lines.size()).isGreaterThan(postings.size());
        assertThat(commands)
                .hasSize(postings.size())
                .noneMatch(command -> command instanceof PayTransfer);
        assertThat(
                        commands.stream()
                                .map(command -> command.entry().transactionId().value())
                                .toList())
                .isEqualTo(postings.stream().map(line -> line.split(",", -1)[0]).toList());
    }
}
