package ledger.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a short while, that a password matched its stored hash, so that an API client
 * sending HTTP Basic credentials with every call pays for bcrypt once per {@code ttl} instead of
 * tens of milliseconds of CPU per call.
 *
 * <p>What is remembered is an HMAC-SHA-256, under a random key that never leaves this process, of
 * the stored hash and the offered password: neither the clear password nor anything that could be
 * checked offline without the key. Only successes are remembered, so every wrong password still
 * costs a full bcrypt check. Keying by the stored hash means a changed password (a new hash) finds
 * nothing remembered: the old password is refused at once.
 */
public final class RememberedPasswordChecks implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final SecretKeySpec key;

    /** HMAC (base64) → expiry in epoch milliseconds. */
    private final Map<String, Long> matched = new ConcurrentHashMap<>();

    public RememberedPasswordChecks(
            PasswordEncoder delegate, Duration ttl, int maxEntries, Clock clock) {
        if (ttl.isNegative() || maxEntries < 0) {
            throw new IllegalArgumentException("ttl and maxEntries must not be negative");
        }
        this.delegate = delegate;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || maxEntries == 0 || ttl.isZero()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        long now = clock.millis();
        Long expires = matched.get(fingerprint);
        if (expires != null && expires > now) {
            return true;
        }
        boolean ok = delegate.matches(rawPassword, encodedPassword);
        if (ok) {
            remember(fingerprint, now);
        } else if (expires != null) {
            matched.remove(fingerprint);
        }
        return ok;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** How many successful checks are remembered now (never more than the bound). */
    public int size() {
        return matched.size();
    }

    private void remember(String fingerprint, long now) {
        if (matched.size() >= maxEntries) {
            // Expired entries go first; if the table is still full it is emptied: a bounded table
            // matters more than sparing a few users one more bcrypt check.
            matched.values().removeIf(expiry -> expiry <= now);
            if (matched.size() >= maxEntries) {
                Iterator<String> oldest = matched.keySet().iterator();
                while (matched.size() >= maxEntries && oldest.hasNext()) {
                    oldest.next();
                    oldest.remove();
                }
            }
        }
        matched.put(fingerprint, now + ttl.toMillis());
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(
                    "HmacSHA256 is part of every Java runtime", unavailable);
        }
    }
}
