package ledger.api.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import ledger.core.account.Fingerprint;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway V6, on both databases: replaces every fingerprint stored in {@code ledger_transaction}
 * before V6 (the content's fields joined with '|') by {@link Fingerprint#of} of the same fields, so
 * that a repeat of an old transaction is still recognised and a reused id still refused.
 *
 * <p>Java rather than SQL because the old value must be taken apart, which SQL cannot do alike on
 * H2 and PostgreSQL, and because it is ambiguous exactly where the bug was: every field but the
 * last two (voucher, memo) is a code, date, number or id that never holds '|', so they split
 * safely; when the remaining "voucher|memo" holds more than one '|', the voucher is read from the
 * transaction's own event. Spring Boot hands this bean to Flyway, whatever the vendor location.
 */
@Component
public class V6HashedFingerprints implements JavaMigration {

    private static final int BATCH = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6");
    }

    @Override
    public String getDescription() {
        return "hashed fingerprints";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement read =
                        connection.prepareStatement(
                                "SELECT unit, fiscal_year, transaction_id, kind,"
                                        + " account_id, fingerprint FROM ledger_transaction");
                PreparedStatement update =
                        connection.prepareStatement(
                                "UPDATE ledger_transaction SET fingerprint = ?"
                                        + " WHERE unit = ? AND fiscal_year = ? AND transaction_id = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    String stored = rows.getString("fingerprint");
                    if (Fingerprint.isHash(stored)) {
                        continue;
                    }
                    String transactionId = rows.getString("transaction_id");
                    String accountId = rows.getString("account_id");
                    List<String> fields =
                            fieldsOf(
                                    rows.getString("kind"),
                                    stored,
                                    () -> voucherOf(connection, accountId, transactionId));
                    update.setString(1, Fingerprint.of(fields));
                    update.setString(2, rows.getString("unit"));
                    update.setInt(3, rows.getInt("fiscal_year"));
                    update.setString(4, transactionId);
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }

    /**
     * Reads the voucher of a stored transaction from its event, for an old value that cannot be
     * split alone.
     */
    @FunctionalInterface
    interface VoucherLookup {
        String voucher() throws SQLException;
    }

    /**
     * The fields an old, '|'-joined fingerprint was made of, in the order {@code
     * AccountCommand.fingerprintFields()} gives them (the order was kept for this).
     */
    static List<String> fieldsOf(String kind, String stored, VoucherLookup lookup)
            throws SQLException {
        int fixed =
                switch (kind) {
                    // A year close stored "kind|fen" and nothing else.
                    case "carry-forward", "carry-in" -> 2;
                    case "reversal" -> 3;
                    case "expenditure" -> 10;
                    default -> 6;
                };
        List<String> fields = new ArrayList<>(fixed + 2);
        int from = 0;
        for (int i = 0; i < fixed - 1; i++) {
            int bar = stored.indexOf('|', from);
            if (bar < 0) {
                throw malformed(kind, stored);
            }
            fields.add(stored.substring(from, bar));
            from = bar + 1;
        }
        if (fixed == 2) {
            if (stored.indexOf('|', from) >= 0) {
                throw malformed(kind, stored);
            }
            fields.add(stored.substring(from));
            return fields;
        }
        int bar = stored.indexOf('|', from);
        if (bar < 0) {
            throw malformed(kind, stored);
        }
        fields.add(stored.substring(from, bar));
        String voucherAndMemo = stored.substring(bar + 1);
        int split = voucherAndMemo.indexOf('|');
        if (split < 0) {
            throw malformed(kind, stored);
        }
        if (voucherAndMemo.indexOf('|', split + 1) >= 0) {
            String voucher = lookup.voucher();
            if (voucher == null || !voucherAndMemo.startsWith(voucher + "|")) {
                throw new IllegalStateException(
                        "V6: the stored content "
                                + stored
                                + " does not begin its voucher"
                                + " and memo with the voucher of its event ("
                                + voucher
                                + ")");
            }
            split = voucher.length();
        }
        fields.add(voucherAndMemo.substring(0, split));
        fields.add(voucherAndMemo.substring(split + 1));
        return fields;
    }

    private static IllegalStateException malformed(String kind, String stored) {
        return new IllegalStateException(
                "V6: a stored " + kind + " content has not the fields of its kind: " + stored);
    }

    /** The voucher in the payload of the account event that carries the transaction id. */
    private static String voucherOf(Connection connection, String accountId, String transactionId)
            throws SQLException {
        try (PreparedStatement events =
                connection.prepareStatement(
                        "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            events.setString(1, accountId);
            try (ResultSet rows = events.executeQuery()) {
                while (rows.next()) {
                    JsonNode entry = readTree(rows.getBytes(1)).path("entry");
                    if (transactionId.equals(entry.path("transactionId").asText(null))) {
                        return entry.path("voucher").asText("");
                    }
                }
            }
        }
        return null;
    }

    private static JsonNode readTree(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("V6: an event payload is not JSON", unreadable);
        }
    }
}
