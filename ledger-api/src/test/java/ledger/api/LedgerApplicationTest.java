package ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerApplicationTest {

    @Test
    void theCommandsOwnExitCodeIsKept() {
        assertThat(LedgerApplication.exitCode(() -> 3)).isEqualTo(3);
    }

    @Test
    void anErrorThatEscapesEveryHandlerEndsTheCommandWithAFailureCode() {
        assertThat(
                        LedgerApplication.exitCode(
                                () -> {
                                    throw new OutOfMemoryError("simulated");
                                }))
                .isEqualTo(LedgerApplication.FAILED);
    }
}
