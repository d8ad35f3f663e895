package ledger.api.integrity;

/**
 * Seals exist but the key that made them is not at hand: missing, or another key. Nothing is sealed
 * with it and no key is created in its place, which would seal over the old chain.
 */
public class WrongSealKey extends IllegalStateException {

    /** What {@code ledger verify} and the sealer say, first in Chinese. */
    public static final String REASON = "缺少或不是封存这些事件的密钥";

    WrongSealKey(String detail) {
        super(detail);
    }

    public static WrongSealKey missing(String where) {
        return new WrongSealKey(
                REASON
                        + "：已有封存记录，但找不到密钥（"
                        + where
                        + "）；未封存任何事件，也未创建新密钥。"
                        + "请恢复原密钥文件或设置 LEDGER_INTEGRITY_KEY。 The key that sealed these events is missing ("
                        + where
                        + "): nothing was sealed and no new key was created; restore the key file or set LEDGER_INTEGRITY_KEY.");
    }

    public static WrongSealKey different(String origin) {
        return new WrongSealKey(
                REASON
                        + "：所给密钥（"
                        + origin
                        + "）的指纹与封存记录不符；未封存任何事件。"
                        + " The key given ("
                        + origin
                        + ") is not the key that sealed these events (its fingerprint differs):"
                        + " nothing was sealed.");
    }
}
