package ledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import ledger.api.config.AxonStorageConfiguration;
import ledger.api.support.TestDatabase;
import ledger.core.account.AccountCommand;
import ledger.core.account.AccountKey;
import ledger.core.account.AppropriateFunds;
import ledger.core.account.BalanceCarriedIn;
import ledger.core.account.Entry;
import ledger.core.account.FundsAppropriated;
import ledger.core.account.RecordExpenditure;
import ledger.core.account.RecordedTransaction;
import ledger.core.account.ReverseTransaction;
import ledger.core.account.Spending;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.TransactionReversed;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.ProcurementType;
import ledger.core.money.Money;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V6 on a store written before it: every fingerprint stored as '|'-joined fields becomes exactly
 * the hash the code now computes for the same content, also where voucher and memo hold '|' (the
 * voucher is then read from the transaction's event), on PostgreSQL and on the embedded H2.
 */
class FingerprintMigrationIT {

    private static final AccountKey ACCOUNT =
            AccountKey.parse("2021/fp-unit/general/2010301/30201");

    private static Entry entry(String id, String voucher, String memo) {
        return new Entry(TransactionId.of(id), LocalDate.of(2021, 1, 5), voucher, memo);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void storedFingerprintsAreRehashedToWhatTheCodeComputes(String vendor) throws Exception {
        String url =
                vendor.equals("h2")
                        ? "jdbc:h2:mem:fp"
                                + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"
                        : TestDatabase.create("fpmigration");
        String user = vendor.equals("h2") ? "sa" : TestDatabase.user();
        String password = vendor.equals("h2") ? "" : TestDatabase.password();
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .target("4")
                .load()
                .migrate();

        AppropriateFunds plain =
                new AppropriateFunds(
                        ACCOUNT, entry("fp-plain", "V-1", "拨款"), Money.parseYuan("100.00"));
        AppropriateFunds barInVoucher =
                new AppropriateFunds(ACCOUNT, entry("fp-1", "A|B", "C"), Money.parseYuan("1.00"));
        AppropriateFunds barInMemo =
                new AppropriateFunds(ACCOUNT, entry("fp-2", "A", "B|C|D"), Money.parseYuan("2.00"));
        RecordExpenditure spent =
                new RecordExpenditure(
                        ACCOUNT,
                        entry("fp-3", "", ""),
                        Money.parseYuan("3.00"),
                        new Spending(ExpenditureNature.PUBLIC, null, ProcurementType.GOODS, true));
        ReverseTransaction reversal =
                new ReverseTransaction(
                        ACCOUNT, entry("fp-4", "R|1", "undo"), TransactionId.of("fp-plain"));
        BalanceCarriedIn carried =
                new BalanceCarriedIn(
                        ACCOUNT, entry("carry-in-fp", "", ""), Money.parseYuan("5.00"), ACCOUNT);
        Map<String, String> expected = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            for (AccountCommand command :
                    new AccountCommand[] {plain, barInVoucher, barInMemo, spent, reversal}) {
                RecordedTransaction recorded = RecordedTransaction.of(command);
                // What the code before V6 stored: the same fields, joined with '|'.
                insert(connection, recorded, String.join("|", command.fingerprintFields()));
                expected.put(recorded.id().value(), command.fingerprint());
            }
            RecordedTransaction carriedIn = RecordedTransaction.carried(carried);
            insert(connection, carriedIn, "carry-in|500");
            expected.put("carry-in-fp", carriedIn.fingerprint());
            // Only the ambiguous rows need their event; the others must not depend on one.
            storeEvent(
                    connection,
                    0,
                    new FundsAppropriated(ACCOUNT, barInVoucher.entry(), barInVoucher.amount()));
            storeEvent(
                    connection,
                    1,
                    new FundsAppropriated(ACCOUNT, barInMemo.entry(), barInMemo.amount()));
            storeEvent(
                    connection,
                    2,
                    new TransactionReversed(
                            ACCOUNT,
                            reversal.entry(),
                            reversal.reversed(),
                            TransactionKind.APPROPRIATION,
                            plain.amount(),
                            null));
        }

        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .javaMigrations(new V6HashedFingerprints())
                .load()
                .migrate();

        assertThat(stored(url, user, password)).isEqualTo(expected);
        assertThat(expected.get("fp-1"))
                .isNotEqualTo(
                        new AppropriateFunds(
                                        ACCOUNT, entry("fp-1", "A", "B|C"), Money.parseYuan("1.00"))
                                .fingerprint());
    }

    private static void insert(Connection connection, RecordedTransaction t, String fingerprint)
            throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement(
                        "INSERT INTO ledger_transaction (unit,"
                                + " fiscal_year, transaction_id, kind, transaction_date, account_id, fingerprint, reverses)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, t.unit().code());
            insert.setInt(2, t.year().value());
            insert.setString(3, t.id().value());
            insert.setString(4, t.kind().code());
            insert.setObject(5, t.date());
            insert.setString(6, t.accountId());
            insert.setString(7, fingerprint);
            insert.setString(8, t.reverses() == null ? null : t.reverses().value());
            insert.executeUpdate();
        }
    }

    private static void storeEvent(Connection connection, long sequence, Object payload)
            throws Exception {
        try (PreparedStatement insert =
                connection.prepareStatement(
                        "INSERT INTO domain_event_entry"
                                + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                                + " payload, meta_data) VALUES (?, ?, ?, 'BudgetAccount', '2021-01-05T00:00:00Z', ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, ACCOUNT.id());
            insert.setLong(3, sequence);
            insert.setString(4, payload.getClass().getName());
            insert.setBytes(
                    5, AxonStorageConfiguration.eventObjectMapper().writeValueAsBytes(payload));
            insert.setBytes(6, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    private static Map<String, String> stored(String url, String user, String password)
            throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT transaction_id, fingerprint FROM ledger_transaction")) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getString(2));
            }
        }
        return stored;
    }
}
