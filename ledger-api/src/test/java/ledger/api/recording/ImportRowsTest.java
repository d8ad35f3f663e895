package ledger.api.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import ledger.api.support.Samples;
import ledger.core.journal.JournalRow;
import ledger.core.text.Refusal;
import ledger.journal.JournalParse;
import ledger.journal.JournalReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal file on disk is read twice rather than held (issue 19: a million rows in 512 MB): once
 * to check it and note what it touches, again as it is posted. Both readings must be of the same
 * file.
 */
class ImportRowsTest {

    private final JournalReader reader = new JournalReader();

    @Test
    void aFileReadAgainGivesTheRowsAndNotesOfTheFileHeldWhole() throws Exception {
        Path file = Samples.jianghan2020Journal();
        JournalParse whole = reader.read(file, JournalReader.Options.DEFAULT);
        ImportRows held = ImportRows.of(whole.rows());

        ImportRows.FromFile fromFile =
                ImportRows.of(reader, file, JournalReader.Options.DEFAULT, ImportProgress.NONE);

        assertThat(fromFile.parse().ok()).isTrue();
        assertThat(fromFile.parse().rows()).as("nothing held").isEmpty();
        assertThat(fromFile.size()).isEqualTo(whole.rows().size()).isPositive();
        assertThat(fromFile.idsUsed()).isEqualTo(held.idsUsed());
        assertThat(fromFile.units()).isEqualTo(held.units());
        assertThat(fromFile.unitsWithCounterparts()).isEqualTo(held.unitsWithCounterparts());
        List<JournalRow> again = new ArrayList<>();
        fromFile.forEach(again::add);
        assertThat(again).isEqualTo(whole.rows());

        // The ids are let go while posting and noted again for a retry.
        fromFile.forgetIds();
        assertThat(fromFile.idsUsed()).isEqualTo(held.idsUsed());
    }

    @Test
    void aFileChangedBetweenTheTwoReadingsIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("日记账.csv");
        Files.copy(Samples.jianghan2020Journal(), file);
        ImportRows.FromFile rows =
                ImportRows.of(reader, file, JournalReader.Options.DEFAULT, ImportProgress.NONE);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.remove(lines.size() - 1);
        Files.write(file, lines, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        assertThatThrownBy(() -> rows.forEach(row -> {}))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("日记账.csv")
                .hasMessageContaining("在导入过程中被改动");
    }
}
