package ledger.api.integrity;

import java.util.List;

/**
 * What {@code ledger verify} found.
 *
 * @param sealedEvents events whose seals were checked
 * @param pending      events recorded after the newest seal (sealed within seconds normally)
 * @param chainHead    the last seal: write it down to notice later truncation of the newest events
 * @param problems     tampering found, earliest first; empty when the store is intact
 */
public record VerifyReport(long sealedEvents, long pending, String chainHead, List<String> problems, String keyOrigin) {

    public boolean intact() {
        return problems.isEmpty();
    }
}
