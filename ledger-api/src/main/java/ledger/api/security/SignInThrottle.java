package ledger.api.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing: after {@code freeFailures} (default {@link #FREE_FAILURES}) failed
 * sign-ins of one user name, or from one address, within {@link #WINDOW}, further attempts for that
 * name or from that address are refused (429) for a delay that doubles with each further failure,
 * up to {@link #LONGEST_LOCK}. Every failure is logged with the user name and the address, never
 * the password.
 *
 * <p>A success clears the user's own count, not the address's: one valid account must not reset the
 * counter of an address guessing another. Both counts are bounded in memory: at most {@link
 * #MAX_TRACKED} names and addresses are followed; beyond that the oldest quiet ones go.
 */
public final class SignInThrottle {

    public static final int FREE_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    public static final Duration LONGEST_LOCK = Duration.ofHours(1);
    static final int MAX_TRACKED = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private record Failures(int count, long lastMillis, long lockedUntilMillis) {}

    private final Clock clock;
    private final int freeFailures;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInThrottle(Clock clock, int freeFailures) {
        if (freeFailures < 1) {
            throw new IllegalArgumentException(
                    "ledger.security.sign-in-throttle.free-failures must be at least 1");
        }
        this.clock = clock;
        this.freeFailures = freeFailures;
    }

    /**
     * How long attempts for this user from this address are still refused; empty when they may try.
     */
    public Optional<Duration> refusedFor(String user, String address) {
        long now = clock.millis();
        long until =
                Math.max(lockedUntil(userKey(user), now), lockedUntil(addressKey(address), now));
        return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
    }

    /**
     * A wrong password or an unknown user: counted for the name and for the address, and logged.
     */
    public void failed(String user, String address) {
        long now = clock.millis();
        int byUser = count(userKey(user), now);
        int byAddress = count(addressKey(address), now);
        log.warn(
                "登录失败 sign-in failed: user '{}' from {} ({} failures of this user, {} from this address"
                        + " in {} minutes)",
                printable(user),
                printable(address),
                byUser,
                byAddress,
                WINDOW.toMinutes());
    }

    public void succeeded(String user) {
        failures.remove(userKey(user));
    }

    private long lockedUntil(String key, long now) {
        Failures known = failures.get(key);
        return known == null ? 0 : known.lockedUntilMillis();
    }

    private int count(String key, long now) {
        if (failures.size() >= MAX_TRACKED && !failures.containsKey(key)) {
            forgetQuiet(now);
        }
        Failures counted =
                failures.compute(
                        key,
                        (k, known) -> {
                            int count =
                                    known == null || now - known.lastMillis() > WINDOW.toMillis()
                                            ? 1
                                            : known.count() + 1;
                            long lockedUntil =
                                    count < freeFailures
                                            ? 0
                                            : now + lock(count - freeFailures).toMillis();
                            return new Failures(count, now, lockedUntil);
                        });
        return counted.count();
    }

    /**
     * The delay after the last free failure and {@code beyond} more: 30 s, doubling each time, at
     * most an hour.
     */
    static Duration lock(int beyond) {
        int doublings = Math.min(beyond, 20);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    private void forgetQuiet(long now) {
        failures.entrySet()
                .removeIf(
                        entry ->
                                now - entry.getValue().lastMillis() > WINDOW.toMillis()
                                        && entry.getValue().lockedUntilMillis() <= now);
        if (failures.size() >= MAX_TRACKED) {
            // Still full of recent failures (a spray from many addresses): a bounded table matters
            // more.
            failures.clear();
        }
    }

    int tracked() {
        return failures.size();
    }

    private static String userKey(String user) {
        return "user:" + (user == null ? "" : user.strip());
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /** A name as typed may hold anything: no line breaks or control characters reach the log. */
    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        StringBuilder clean = new StringBuilder(cut.length());
        cut.codePoints()
                .forEach(
                        c ->
                                clean.appendCodePoint(
                                        Character.isISOControl(c)
                                                        || Character.getType(c) == Character.FORMAT
                                                ? '?'
                                                : c));
        return clean.toString();
    }
}
