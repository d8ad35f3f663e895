package ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic of {@link SignInThrottle}: when attempts are refused, for how long, and when
 * forgotten.
 */
class SignInThrottleTest {

    private final AtomicReference<Instant> now =
            new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
    private final SignInThrottle throttle =
            new SignInThrottle(
                    new Clock() {
                        @Override
                        public ZoneOffset getZone() {
                            return ZoneOffset.UTC;
                        }

                        @Override
                        public Clock withZone(java.time.ZoneId zone) {
                            return this;
                        }

                        @Override
                        public Instant instant() {
                            return now.get();
                        }
                    },
                    SignInThrottle.FREE_FAILURES);

    @Test
    void fourFailuresAreFreeTheFifthLocksForThirtySeconds() {
        for (int i = 1; i < SignInThrottle.FREE_FAILURES; i++) {
            throttle.failed("wang", "10.0.0." + i);
            assertThat(throttle.refusedFor("wang", "10.0.1.1")).isEmpty();
        }
        throttle.failed("wang", "10.0.0.9");
        assertThat(throttle.refusedFor("wang", "10.0.1.1")).hasValue(Duration.ofSeconds(30));
        pass(Duration.ofSeconds(29));
        assertThat(throttle.refusedFor("wang", "10.0.1.1")).hasValue(Duration.ofSeconds(1));
        pass(Duration.ofSeconds(1));
        assertThat(throttle.refusedFor("wang", "10.0.1.1")).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheDelayUpToAnHour() {
        assertThat(SignInThrottle.lock(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SignInThrottle.lock(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SignInThrottle.lock(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(SignInThrottle.lock(7)).isEqualTo(Duration.ofHours(1));
        assertThat(SignInThrottle.lock(1_000)).isEqualTo(Duration.ofHours(1));
        for (int i = 0; i < 6; i++) {
            throttle.failed("li", "10.0.0.1");
            pass(Duration.ofSeconds(61));
        }
        // the sixth failure locked for 60 s, 61 s ago
        assertThat(throttle.refusedFor("li", "10.9.9.9")).isEmpty();
        throttle.failed("li", "10.0.0.1");
        assertThat(throttle.refusedFor("li", "10.9.9.9")).hasValue(Duration.ofMinutes(2));
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES - 1; i++) {
            throttle.failed("zhao", "10.0.0.1");
        }
        pass(SignInThrottle.WINDOW.plusSeconds(1));
        throttle.failed("zhao", "10.0.0.1");
        assertThat(throttle.refusedFor("zhao", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressIsCountedAcrossUserNamesAndASuccessClearsOnlyTheUser() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            throttle.failed("guess" + i, "10.0.0.7");
        }
        assertThat(throttle.refusedFor("li", "10.0.0.7")).isPresent();
        assertThat(throttle.refusedFor("li", "10.0.0.8")).isEmpty();

        for (int i = 0; i < SignInThrottle.FREE_FAILURES - 1; i++) {
            throttle.failed("sun", "10.1.0." + i);
        }
        throttle.succeeded("sun");
        throttle.failed("sun", "10.1.0.9");
        assertThat(throttle.refusedFor("sun", "10.2.0.1")).as("the count started again").isEmpty();
        throttle.succeeded("guess0");
        assertThat(throttle.refusedFor("li", "10.0.0.7"))
                .as("the address is still counted")
                .isPresent();
    }

    @Test
    void theTableStaysBounded() {
        for (int i = 0; i < SignInThrottle.MAX_TRACKED / 2 + 100; i++) {
            throttle.failed("spray" + i, "10.0." + (i / 250) + "." + (i % 250));
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(SignInThrottle.MAX_TRACKED);
    }

    private void pass(Duration duration) {
        now.set(now.get().plus(duration));
    }
}
