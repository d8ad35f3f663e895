package ledger.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The content a client transaction id stands for, as stored in the id register: a SHA-256 hash of
 * the transaction's canonical fields, each prefixed with its length.
 *
 * <p>The length prefix is what makes the encoding unambiguous: fields merely joined with a
 * separator let voucher {@code A|B} with memo {@code C} look like voucher {@code A} with memo
 * {@code B|C}, so a reused id with other content would pass as a repeat. Whatever a field holds
 * (separators, quotes, line breaks), two different field lists never share an encoding. The one
 * function every writer uses: commands ({@link AccountCommand#fingerprint()}), the year close
 * ({@link RecordedTransaction#carried}) and the migration that rehashed the stored registers.
 */
public final class Fingerprint {

    private Fingerprint() {}

    /**
     * Lowercase hex of SHA-256 over, for each field in order, its UTF-8 length (4 bytes) and bytes.
     */
    public static String of(List<String> fields) {
        MessageDigest digest = sha256();
        for (String field : fields) {
            if (field == null) {
                throw new IllegalArgumentException(
                        "a fingerprint field is null; absent values are empty strings");
            }
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            digest.update(
                    new byte[] {
                        (byte) (bytes.length >>> 24),
                        (byte) (bytes.length >>> 16),
                        (byte) (bytes.length >>> 8),
                        (byte) bytes.length
                    });
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String of(String... fields) {
        return of(List.of(fields));
    }

    /** True for what {@link #of} returns: 64 lowercase hex digits. */
    public static boolean isHash(String stored) {
        if (stored == null || stored.length() != 64) {
            return false;
        }
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest's contract).
            throw new IllegalStateException(missing);
        }
    }
}
