package ledger.api.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret the seals are keyed with. It must not live in the database the seals protect:
 * {@code ledger.integrity.key} / {@code LEDGER_INTEGRITY_KEY} (production: from the operator's secret
 * store), otherwise a key file {@code ./data/integrity.key} created on first use, readable by its
 * owner only.
 */
public record SealKey(byte[] secret, String origin) {

    public static final String PROPERTY = "ledger.integrity.key";
    static final Path DEFAULT_FILE = Path.of("data", "integrity.key");

    public static SealKey resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 16) {
                throw new IllegalArgumentException(PROPERTY + " must be at least 16 characters");
            }
            return new SealKey(configured.getBytes(StandardCharsets.UTF_8), "configured key");
        }
        return fromFile(DEFAULT_FILE);
    }

    static SealKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.writeString(file, HexFormat.of().formatHex(fresh) + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the file system's own permissions apply.
                }
            }
            String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return new SealKey(HexFormat.of().parseHex(hex), "key file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the seal key " + file.toAbsolutePath(), e);
        }
    }
}
