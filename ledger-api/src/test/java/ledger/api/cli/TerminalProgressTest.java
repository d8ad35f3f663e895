package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The import's progress hook drawn as terminal bars: the file read, then the rows decided, to the
 * end.
 */
class TerminalProgressTest {

    @Test
    void barsShowTheFileReadThenTheRowsDecidedAndEndAtTheWhole() throws Exception {
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        byte[] file = new byte[3 << 20];
        try (PrintStream err = new PrintStream(drawn, true, StandardCharsets.UTF_8);
                TerminalProgress bars = new TerminalProgress(err)) {
            try (InputStream in = bars.counting(new ByteArrayInputStream(file), file.length)) {
                in.readAllBytes();
            }
            for (int row = 0; row <= 1_000; row++) {
                bars.deciding(row, 1_000);
            }
        }
        String text = drawn.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("读取文件")
                .contains("检查记账")
                .contains("1000/1000")
                .contains("3072/3072 KB")
                .contains("100%");
        // Redrawn in place on one line with carriage returns, never scrolling one line per row.
        assertThat(text.lines().count()).isLessThan(10);
    }

    @Test
    void aLargeFileIsCountedInMegabytes() throws Exception {
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        try (PrintStream err = new PrintStream(drawn, true, StandardCharsets.UTF_8);
                TerminalProgress bars = new TerminalProgress(err)) {
            bars.reading(12L << 20, 12L << 20);
            bars.deciding(5, 5);
        }
        assertThat(drawn.toString(StandardCharsets.UTF_8)).contains("12/12 MB").contains("5/5 行");
    }

    @Test
    void anUncountedImportReadsTheStreamItself() {
        InputStream in = new ByteArrayInputStream(new byte[1]);
        assertThat(ledger.api.recording.ImportProgress.NONE.counting(in, 1)).isSameAs(in);
    }
}
