package ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberedPasswordChecksTest {

    /** bcrypt at its lowest cost, counting how often it is really asked. */
    private static final class CountingBcrypt implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    private static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

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
            return now;
        }
    }

    private final CountingBcrypt bcrypt = new CountingBcrypt();
    private final StepClock clock = new StepClock();
    private final RememberedPasswordChecks checks =
            new RememberedPasswordChecks(bcrypt, Duration.ofMinutes(2), 3, clock);
    private final String stored = bcrypt.encode("secret-1");

    @Test
    void aSuccessfulCheckIsRememberedUntilItsTimeRunsOut() {
        assertThat(checks.matches("secret-1", stored)).isTrue();
        assertThat(checks.matches("secret-1", stored)).isTrue();
        assertThat(bcrypt.checks).hasValue(1);

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(checks.matches("secret-1", stored)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndCostsAFullCheckEveryTime() {
        assertThat(checks.matches("secret-1", stored)).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(checks.matches("secret-2", stored)).isFalse();
        }
        assertThat(checks.matches("", stored)).isFalse();
        assertThat(bcrypt.checks).hasValue(5);
        assertThat(checks.size()).isEqualTo(1);
    }

    @Test
    void aChangedPasswordRefusesTheOldOneAtOnce() {
        assertThat(checks.matches("secret-1", stored)).isTrue();
        String changed = bcrypt.encode("secret-2");
        assertThat(checks.matches("secret-1", changed)).isFalse();
        assertThat(checks.matches("secret-2", changed)).isTrue();
    }

    @Test
    void theTableStaysWithinItsBound() {
        for (int user = 0; user < 10; user++) {
            String hash = bcrypt.encode("password-" + user);
            assertThat(checks.matches("password-" + user, hash)).isTrue();
            assertThat(checks.size()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void nothingIsRememberedWhenTurnedOff() {
        RememberedPasswordChecks off =
                new RememberedPasswordChecks(bcrypt, Duration.ZERO, 100, clock);
        assertThat(off.matches("secret-1", stored)).isTrue();
        assertThat(off.matches("secret-1", stored)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
        assertThat(off.size()).isZero();
    }
}
