package ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LedgerApplicationTest {

    @Test
    void theCommandsOwnExitCodeIsKept() {
        assertThat(LedgerApplication.exitCode(() -> 3)).isEqualTo(3);
    }

    @Test
    void anErrorThatEscapesEveryHandlerEndsTheCommandWithAFailureCode() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(
                        LedgerApplication.exitCode(
                                () -> {
                                    throw new StackOverflowError("simulated");
                                },
                                new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(LedgerApplication.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("错误 / error: java.lang.StackOverflowError: simulated");
    }

    @Test
    void runningOutOfMemorySaysHowMuchTheCommandHadAndHowToGiveItMore() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(
                        LedgerApplication.exitCode(
                                () -> {
                                    throw new IllegalStateException(
                                            "the import failed",
                                            new OutOfMemoryError("Java heap space"));
                                },
                                new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(LedgerApplication.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("错误：内存不足（Java 堆上限 ");
    }
}
