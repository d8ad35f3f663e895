package ledger.api.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ledger.api.config.PrivateFiles;

/**
 * The secret the seals are keyed with. It must not live in the database the seals protect: {@code
 * ledger.integrity.key} / {@code LEDGER_INTEGRITY_KEY} (production: from the operator's secret
 * store), otherwise the key file {@code ledger.integrity.key-file} (default {@code
 * LEDGER_INTEGRITY_KEY_FILE}, else {@code integrity.key} in the data directory), created owner-only
 * while no seal exists yet.
 */
public record SealKey(byte[] secret, String origin) {

    public static final String PROPERTY = "ledger.integrity.key";
    public static final String FILE_PROPERTY = "ledger.integrity.key-file";

    /**
     * LEDGER_INTEGRITY_KEY_FILE (a mounted secret), else integrity.key in the data directory
     * ({@code LedgerHome}).
     */
    public static final String DEFAULT_FILE =
            "${LEDGER_INTEGRITY_KEY_FILE:${ledger.home:${LEDGER_HOME:data}}/integrity.key}";

    /**
     * What the fingerprint is the MAC of: a fixed text, so the fingerprint reveals nothing of the
     * key.
     */
    private static final byte[] FINGERPRINT_LABEL =
            "ledger event seal key fingerprint v1".getBytes(StandardCharsets.US_ASCII);

    /**
     * @throws IllegalArgumentException for a configured key too short to be a secret
     */
    static void checkConfigured(String configured) {
        if (configured != null && !configured.isBlank() && configured.length() < 16) {
            throw new IllegalArgumentException(PROPERTY + " must be at least 16 characters");
        }
    }

    /**
     * The configured key, else the key file's; empty when there is neither. Never creates a key.
     */
    public static Optional<SealKey> find(String configured, Path file) {
        checkConfigured(configured);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(
                    new SealKey(configured.getBytes(StandardCharsets.UTF_8), "configured key"));
        }
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return Optional.of(
                    new SealKey(HexFormat.of().parseHex(hex), "key file " + file.toAbsolutePath()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seal key " + file.toAbsolutePath(), e);
        }
    }

    /**
     * A new random key in a new file, owner-only from its first byte. If another process created it
     * meanwhile, that key is the one.
     */
    public static SealKey create(Path file) {
        Path absolute = file.toAbsolutePath();
        PrivateFiles.directory(absolute.getParent());
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            PrivateFiles.writeNew(
                    absolute,
                    (HexFormat.of().formatHex(fresh) + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            return find(null, file).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the seal key " + absolute, e);
        }
        return new SealKey(fresh, "key file " + absolute);
    }

    public Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /**
     * Names the key without revealing it: stored with the seals to recognise the key that made
     * them.
     */
    public String fingerprint() {
        return HexFormat.of().formatHex(mac().doFinal(FINGERPRINT_LABEL));
    }
}
