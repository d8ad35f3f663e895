package ledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.recording.TransactionRecorder;
import ledger.api.store.EventRowSeals;
import ledger.api.store.SqlDialect;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import ledger.core.journal.JournalRow;
import ledger.journal.JournalReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every event row is sealed as it is written, by the batch COPY (the sample journal) and by Axon's
 * single-command path alike, and {@code verify} names, from the row seals, a row inserted by plain
 * SQL (with no seal or a made-up one), an altered payload, a deleted row and two rows swapped. Each
 * tampering touches its own account, so each test finds its own problem whatever ran before it.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "ledger.integrity.key=row-seal-key-0123456789",
            "ledger.integrity.seal-interval-ms=3600000"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RowSealsIT {

    private static final String URL = TestDatabase.create("rowseals");
    private static final String HEADER =
            "id,date,kind,unit,unit_name,fund,functional,economic,nature,project,amount,"
                    + "reverses";

    /** The account the single commands write, through Axon's storage engine. */
    private static final String COMMANDED = "2020/seal-unit/general/2010301/30201";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired JournalImport journalImport;
    @Autowired TransactionRecorder recorder;
    @Autowired EventSeals seals;
    @Autowired EventRowSeals rowSeals;
    @Autowired JdbcTemplate jdbc;
    @Autowired SqlDialect dialect;
    @Autowired TransactionTemplate transaction;

    @TempDir static Path keys;

    @BeforeEach
    void ledgerWithTheSampleAndSomeSingleCommands() throws Exception {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class) > 0) {
            return;
        }
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            journalImport.importJournal(in, "journal.csv", "row-seals-it");
        }
        recorder.record(
                row("S-BUDGET,2020-01-02,budget,seal-unit,印章,general,2010301,30201,,,100.00,"),
                "approver");
        recorder.record(
                row("S-FUNDS,2020-01-03,appropriation,seal-unit,,general,2010301,30201,,,100.00,"),
                "approver");
        for (int i = 1; i <= 3; i++) {
            recorder.record(
                    row(
                            "S-X"
                                    + i
                                    + ",2020-03-0"
                                    + i
                                    + ",expenditure,seal-unit,,general,2010301,30201,public,,"
                                    + i
                                    + ".00,"),
                    "approver");
        }
        seals.sealPending();
    }

    /**
     * A command's predecessor is the seal this node saw committed, not the column as it reads now:
     * the single-command path does not read it back (one round trip per event less), and a seal
     * changed behind the ledger's back does not become part of the chain. Put back after.
     */
    @Test
    @Order(0)
    void aSingleCommandChainsToTheSealItsNodeSawCommittedNotToTheColumnAsItReadsNow() {
        recorder.record(
                row("S-T1,2020-03-10,expenditure,seal-unit,,general,2010301,30201,public,,1.00,"),
                "approver");
        long last =
                jdbc.queryForObject(
                        "SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        COMMANDED);
        String genuine = sealOf(COMMANDED, last);
        jdbc.update(
                "UPDATE domain_event_entry SET seal = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                "ff".repeat(32),
                COMMANDED,
                last);
        recorder.record(
                row("S-T2,2020-03-11,expenditure,seal-unit,,general,2010301,30201,public,,1.00,"),
                "approver");
        jdbc.update(
                "UPDATE domain_event_entry SET seal = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                genuine,
                COMMANDED,
                last);

        Map<String, Object> next =
                jdbc.queryForMap(
                        "SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                        COMMANDED,
                        last + 1);
        assertThat(next.get("seal"))
                .isEqualTo(
                        EventRowSeals.compute(
                                rowSeals.mac(),
                                genuine,
                                (String) next.get("event_identifier"),
                                COMMANDED,
                                last + 1,
                                (String) next.get("type"),
                                (String) next.get("time_stamp"),
                                (String) next.get("payload_type"),
                                (String) next.get("payload_revision"),
                                (byte[]) next.get("payload"),
                                (byte[]) next.get("meta_data")));
    }

    private String sealOf(String account, long sequence) {
        return jdbc.queryForObject(
                "SELECT seal FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                String.class,
                account,
                sequence);
    }

    @Test
    @Order(1)
    void
            everyEventIsWrittenWithItsSealByTheCopyAndBySingleCommandsAndAnUntouchedStoreVerifiesClean() {
        assertThat(
                        jdbc.queryForObject(
                                "SELECT COUNT(*) FROM domain_event_entry WHERE seal IS NULL",
                                Long.class))
                .isZero();
        assertThat(events(COMMANDED)).hasSizeGreaterThanOrEqualTo(5);
        VerifyReport report = seals.verify();
        assertThat(report.problems()).isEmpty();
        assertThat(report.rowSeals())
                .isEqualTo(
                        jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class));
    }

    @Test
    @Order(2)
    void aRowInsertedByPlainSqlIsNamedWithOrWithoutAMadeUpSeal() {
        String account = account(0);
        insertAfterTheLast(account, "forged-unsealed", null);
        String madeUp = account(1);
        insertAfterTheLast(madeUp, "forged-made-up-seal", "ab".repeat(32));
        List<String> problems = seals.verify().problems();
        assertThat(problems)
                .anySatisfy(
                        problem ->
                                assertThat(problem)
                                        .startsWith("事件 forged-unsealed")
                                        .contains(
                                                "没有随写入生成的印章",
                                                "inserted behind the ledger's back",
                                                account));
        assertThat(problems)
                .anySatisfy(
                        problem ->
                                assertThat(problem)
                                        .startsWith("事件 forged-made-up-seal")
                                        .contains(
                                                "与写入时的印章不符",
                                                "inserted with a forged seal",
                                                madeUp));
    }

    @Test
    @Order(3)
    void anAlteredPayloadIsNamed() {
        String account = account(2);
        String victim = events(account).get(1);
        assertThat(
                        jdbc.update(
                                "UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload,"
                                        + " 'UTF8'), '\"memo\"', '\"memo \"'), 'UTF8') WHERE event_identifier = ?",
                                victim))
                .isEqualTo(1);
        assertThat(seals.verify().problems())
                .anySatisfy(
                        problem ->
                                assertThat(problem)
                                        .startsWith("事件 " + victim)
                                        .contains(
                                                "记录后被修改",
                                                "altered after it was recorded",
                                                account + " #1"));
    }

    @Test
    @Order(4)
    void aDeletedRowIsNamedByTheGapItLeaves() {
        String account = account(3);
        String victim = events(account).get(1);
        jdbc.update("DELETE FROM domain_event_entry WHERE event_identifier = ?", victim);
        assertThat(seals.verify().problems())
                .anySatisfy(
                        problem ->
                                assertThat(problem)
                                        .isEqualTo(
                                                account
                                                        + " 缺少第 1 号事件：已被删除。 event #1 of "
                                                        + account
                                                        + " is missing: deleted."));
    }

    @Test
    @Order(5)
    void twoRowsSwappedAreNamedAsReorderedOnTheSingleCommandPath() {
        List<String> before = events(COMMANDED);
        String first = before.get(2);
        String second = before.get(3);
        jdbc.update(
                "UPDATE domain_event_entry SET sequence_number = -1 WHERE event_identifier = ?",
                first);
        jdbc.update(
                "UPDATE domain_event_entry SET sequence_number = 2 WHERE event_identifier = ?",
                second);
        jdbc.update(
                "UPDATE domain_event_entry SET sequence_number = 3 WHERE event_identifier = ?",
                first);
        List<String> problems = seals.verify().problems();
        assertThat(problems)
                .anySatisfy(
                        problem ->
                                assertThat(problem)
                                        .isEqualTo(
                                                "事件 "
                                                        + second
                                                        + " 现为 "
                                                        + COMMANDED
                                                        + " 第 2 号，写入时为第 3 号：事件的顺序被改动。 Event "
                                                        + second
                                                        + " is stored as #2 of "
                                                        + COMMANDED
                                                        + " but was sealed as #3: events were reordered."));
        assertThat(problems)
                .anySatisfy(
                        problem ->
                                assertThat(problem)
                                        .startsWith(
                                                "事件 "
                                                        + first
                                                        + " 现为 "
                                                        + COMMANDED
                                                        + " 第 3 号，写入时为第 2 号"));
        // The event after the pair is intact but no longer follows the event it was sealed after.
        assertThat(problems)
                .anySatisfy(
                        problem ->
                                assertThat(problem)
                                        .startsWith("事件 " + before.get(4))
                                        .contains("reordered or replaced"));
    }

    @Test
    @Order(6)
    void underAnotherKeyWithNoFingerprintToAskVerifySaysTheKeyIsWrongNotThatEveryEventWasForged() {
        // A store whose chain and fingerprint are gone: only the row seals can tell the key is not
        // theirs.
        jdbc.update("DELETE FROM event_seal");
        jdbc.update(
                "UPDATE event_seal_head SET last_sequence = 0, last_hash = repeat('0', 64), key_fingerprint = NULL");
        EventSeals otherKey =
                new EventSeals(
                        jdbc,
                        dialect,
                        transaction,
                        "another-key-0123456789",
                        keys.resolve("unused.key").toString(),
                        false,
                        50_000);
        VerifyReport report = otherKey.verify();
        assertThat(report.wrongKey()).isTrue();
        assertThat(report.problems())
                .singleElement()
                .satisfies(
                        problem ->
                                assertThat(problem)
                                        .startsWith(WrongSealKey.REASON)
                                        .contains("not the key that sealed these events"));
        assertThat(seals.verify().wrongKey()).isFalse();
    }

    /** The n-th sample account (in order) with at least four events. */
    private String account(int n) {
        return jdbc.queryForList(
                        "SELECT aggregate_identifier FROM domain_event_entry WHERE aggregate_identifier"
                                + " LIKE '2020/jianghan%' GROUP BY aggregate_identifier HAVING COUNT(*) >= 4 ORDER BY 1",
                        String.class)
                .get(n);
    }

    private List<String> events(String account) {
        return jdbc.queryForList(
                "SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number",
                String.class,
                account);
    }

    /** A copy of the account's last event as its next one, the way a forger would add an event. */
    private void insertAfterTheLast(String account, String eventId, String seal) {
        assertThat(
                        jdbc.update(
                                "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,"
                                        + " type, time_stamp, payload_type, payload_revision, payload, meta_data, seal)"
                                        + " SELECT ?, aggregate_identifier, sequence_number + 1, type, time_stamp, payload_type, payload_revision,"
                                        + " payload, meta_data, ? FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number"
                                        + " DESC LIMIT 1",
                                eventId,
                                seal,
                                account))
                .isEqualTo(1);
    }

    private static JournalRow row(String csv) {
        var parse = new JournalReader().read(new StringReader(HEADER + "\n" + csv + "\n"));
        assertThat(parse.problems()).isEmpty();
        return parse.rows().get(0);
    }
}
