package ledger.api.integrity;

import java.util.List;

/**
 * What {@code ledger verify} found.
 *
 * @param sealedEvents events whose seals were checked
 * @param pending events recorded after the newest seal (sealed within seconds normally)
 * @param chainHead the last seal: write it down to notice later truncation of the newest events
 * @param problems tampering found, earliest first; empty when the store is intact
 * @param keyOrigin where the key came from
 * @param wrongKey the key that sealed the events is missing or not this one: nothing was checked,
 *     and {@code problems} holds that one reason ({@link WrongSealKey})
 * @param rowSeals events whose own seal, written with the row, was checked (V8 on)
 */
public record VerifyReport(
        long sealedEvents,
        long pending,
        String chainHead,
        List<String> problems,
        String keyOrigin,
        boolean wrongKey,
        long rowSeals) {

    public boolean intact() {
        return problems.isEmpty() && !wrongKey;
    }
}
