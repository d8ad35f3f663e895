package ledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ledger.api.LedgerApplication;
import ledger.api.cli.LedgerCommandLine;
import ledger.api.recording.JournalImport;
import ledger.api.store.SqlDialect;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
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
import picocli.CommandLine;

/**
 * Tamper evidence on PostgreSQL: an untouched store verifies clean; an event edited (in any stored
 * column), deleted or slipped in below sealed ones directly in the database is named by {@code
 * verify}, as is a seal row edited to hide it and the newest events cut with their seals. A missing
 * or different key is said as such, never taken for tampering, and seals nothing.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "ledger.integrity.key=test-key-0123456789abcdef",
            "ledger.integrity.seal-interval-ms=3600000"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TamperEvidenceIT {

    private static final String URL = TestDatabase.create("tamper");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
        // Small windows, so that sealing and verifying the sample crosses many of them.
        registry.add("ledger.integrity.seal-window", () -> "37");
    }

    @Autowired JournalImport journalImport;
    @Autowired EventSeals seals;
    @Autowired JdbcTemplate jdbc;
    @Autowired SqlDialect dialect;
    @Autowired TransactionTemplate transaction;

    @TempDir static Path keys;

    /** The chain head of the untouched store, as an auditor writes it down. */
    static String notedChainHead;

    @BeforeEach
    void ledgerWithTheSample() throws Exception {
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        if (events == 0) {
            try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
                journalImport.importJournal(in, "journal.csv", "tamper-it");
            }
            assertThat(seals.sealPending())
                    .isEqualTo(
                            jdbc.queryForObject(
                                    "SELECT COUNT(*) FROM domain_event_entry", Integer.class));
        }
    }

    @Test
    @Order(1)
    void anUntouchedStoreVerifiesClean() {
        VerifyReport report = seals.verify();
        assertThat(report.problems()).isEmpty();
        assertThat(report.sealedEvents()).isEqualTo(487);
        assertThat(report.pending()).isZero();
        assertThat(report.chainHead()).hasSize(64);
        assertThat(seals.sealPending()).isZero();
        assertThat(seals.verify(report.chainHead()).problems()).isEmpty();
        notedChainHead = report.chainHead();
    }

    @Test
    @Order(2)
    void anotherKeyIsRefusedAndVerifySaysItIsNotTheKeyNotThatEventsWereTampered() {
        EventSeals otherKey =
                sealsWithKey("another-key-0123456789abcdef", keys.resolve("unused.key"));
        VerifyReport report = otherKey.verify();
        assertThat(report.wrongKey()).isTrue();
        assertThat(report.intact()).isFalse();
        assertThat(report.problems())
                .singleElement()
                .satisfies(
                        problem ->
                                assertThat(problem)
                                        .startsWith(WrongSealKey.REASON)
                                        .contains(
                                                "configured key",
                                                "not the key that sealed these events")
                                        .doesNotContain("changed", "tamper"));
        String headBefore = headRow();
        assertThatThrownBy(otherKey::sealPending)
                .isInstanceOf(WrongSealKey.class)
                .hasMessageContaining(WrongSealKey.REASON);
        assertThat(headRow()).isEqualTo(headBefore);

        // Seals made before the fingerprint was kept: the key is recognised by the seals
        // themselves.
        jdbc.update("UPDATE event_seal_head SET key_fingerprint = NULL");
        assertThat(otherKey.verify().wrongKey()).isTrue();
        assertThatThrownBy(otherKey::sealPending).isInstanceOf(WrongSealKey.class);
        assertThat(seals.verify().problems()).isEmpty();
        assertThat(seals.sealPending()).isZero();
        assertThat(jdbc.queryForObject("SELECT key_fingerprint FROM event_seal_head", String.class))
                .hasSize(64);
        assertThat(otherKey.verify().wrongKey()).isTrue();
    }

    @Test
    @Order(3)
    void aMissingKeyIsNeitherCreatedNorTakenForTampering() {
        Path keyFile = keys.resolve("data").resolve("integrity.key");
        EventSeals noKey = sealsWithKey("", keyFile);
        VerifyReport report = noKey.verify();
        assertThat(report.wrongKey()).isTrue();
        assertThat(report.problems())
                .singleElement()
                .satisfies(
                        problem ->
                                assertThat(problem)
                                        .startsWith(WrongSealKey.REASON)
                                        .contains("missing", keyFile.toAbsolutePath().toString())
                                        .doesNotContain("changed"));
        assertThatThrownBy(noKey::sealPending)
                .isInstanceOf(WrongSealKey.class)
                .hasMessageContaining("no new key");
        assertThat(keyFile).doesNotExist();
        assertThat(seals.verify().problems()).isEmpty();
    }

    @Test
    @Order(4)
    void verifyOnTheCommandLineSaysTheKeyIsMissingOrNotTheOneAndExitsWith1() {
        // The command line is given no key here: it reads ./data/integrity.key, which is absent or
        // not the configured key these events were sealed with.
        CommandLine cli = LedgerCommandLine.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("verify", "--db", URL);
        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith(WrongSealKey.REASON).doesNotContain("TAMPERED");
    }

    @Test
    @Order(5)
    void anEventWhosePayloadWasEditedIsNamed() {
        String victim = eventAt(100);
        // Someone raises an expenditure by hand: 1 yuan more in the stored JSON.
        int changed =
                jdbc.update(
                        "UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload,"
                                + " 'UTF8'), '\"memo\"', '\"memo \"'), 'UTF8') WHERE event_identifier = ?",
                        victim);
        assertThat(changed).isEqualTo(1);
        VerifyReport report = seals.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.problems().get(0)).contains(victim, "was changed after it was recorded");
    }

    @Test
    @Order(6)
    void editedMetadataIsNamedToo() {
        String victim = eventAt(200);
        jdbc.update(
                "UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'),"
                        + " 'tamper-it', 'someone-else'), 'UTF8') WHERE event_identifier = ?",
                victim);
        assertThat(seals.verify().problems())
                .anySatisfy(problem -> assertThat(problem).contains(victim, "changed"));
    }

    @Test
    @Order(7)
    void anEditedTimestampIsNamed() {
        String victim = eventAt(110);
        assertThat(
                        jdbc.update(
                                "UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00Z'"
                                        + " WHERE event_identifier = ?",
                                victim))
                .isEqualTo(1);
        assertThat(seals.verify().problems())
                .anySatisfy(problem -> assertThat(problem).contains(victim, "changed"));
    }

    @Test
    @Order(8)
    void anEventMovedToAnotherAccountIsNamed() {
        String victim = eventAt(120);
        assertThat(
                        jdbc.update(
                                "UPDATE domain_event_entry SET aggregate_identifier = aggregate_identifier || '0'"
                                        + " WHERE event_identifier = ?",
                                victim))
                .isEqualTo(1);
        assertThat(seals.verify().problems())
                .anySatisfy(problem -> assertThat(problem).contains(victim, "changed"));
    }

    @Test
    @Order(9)
    void aRenumberedEventIsNamed() {
        String victim = eventAt(130);
        assertThat(
                        jdbc.update(
                                "UPDATE domain_event_entry SET sequence_number = sequence_number + 1000"
                                        + " WHERE event_identifier = ?",
                                victim))
                .isEqualTo(1);
        assertThat(seals.verify().problems())
                .anySatisfy(problem -> assertThat(problem).contains(victim, "changed"));
    }

    @Test
    @Order(10)
    void anEventGivenAnotherTypeIsNamed() {
        String victim = eventAt(140);
        String otherType =
                jdbc.queryForObject(
                        "SELECT payload_type FROM domain_event_entry WHERE payload_type <>"
                                + " (SELECT payload_type FROM domain_event_entry WHERE event_identifier = ?) LIMIT 1",
                        String.class,
                        victim);
        assertThat(
                        jdbc.update(
                                "UPDATE domain_event_entry SET payload_type = ? WHERE event_identifier = ?",
                                otherType,
                                victim))
                .isEqualTo(1);
        assertThat(seals.verify().problems())
                .anySatisfy(problem -> assertThat(problem).contains(victim, "changed"));
    }

    @Test
    @Order(11)
    void aDeletedEventIsNamed() {
        String victim = eventAt(300);
        jdbc.update("DELETE FROM domain_event_entry WHERE event_identifier = ?", victim);
        assertThat(seals.verify().problems())
                .anySatisfy(problem -> assertThat(problem).contains(victim, "deleted"));
    }

    @Test
    @Order(12)
    void rewritingASealToHideAnEditBreaksTheChain() {
        jdbc.update("UPDATE event_seal SET hash = repeat('a', 64) WHERE seal_sequence = 400");
        assertThat(seals.verify().problems())
                .anySatisfy(
                        problem -> assertThat(problem).contains("chain is broken at seal #401"));
    }

    @Test
    @Order(13)
    void anEventInsertedWithoutASealBelowSealedOnesIsNamed() {
        String copied = eventAt(150);
        // A copy of a stored event, as a forger would make one, slipped in below the sealed events.
        assertThat(
                        jdbc.update(
                                "INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                                        + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                                        + " SELECT (SELECT MIN(global_index) - 1 FROM domain_event_entry), 'forged-event', aggregate_identifier"
                                        + " || '-forged', sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data"
                                        + " FROM domain_event_entry WHERE event_identifier = ?",
                                copied))
                .isEqualTo(1);
        assertThat(seals.verify().problems())
                .anySatisfy(
                        problem ->
                                assertThat(problem)
                                        .contains(
                                                "forged-event",
                                                "has no seal although later events do"));
    }

    @Test
    @Order(14)
    void theNewestEventsCutWithTheirSealsAreNamed() {
        cutNewest(8);
        assertThat(seals.verify().problems())
                .anySatisfy(
                        problem ->
                                assertThat(problem)
                                        .contains(
                                                "the end of the seal chain was cut: the head names seal #487 but the chain ends at #479"));
    }

    @Test
    @Order(15)
    void aCutWhoseHeadRowWasSetBackIsNamedAgainstTheNotedChainHead() {
        // The thorough forger also sets the head row back to the last remaining seal.
        jdbc.update(
                "UPDATE event_seal_head SET last_sequence = s.seal_sequence, last_hash = s.hash FROM event_seal s"
                        + " WHERE s.seal_sequence = (SELECT MAX(seal_sequence) FROM event_seal)");
        assertThat(seals.verify().problems())
                .noneSatisfy(problem -> assertThat(problem).contains("cut"));
        assertThat(seals.verify(notedChainHead).problems())
                .anySatisfy(
                        problem ->
                                assertThat(problem)
                                        .contains(
                                                "the chain head noted earlier ("
                                                        + notedChainHead
                                                        + ") is no longer in the seal chain",
                                                "ends at seal #479"));
    }

    @Test
    @Order(16)
    void everySealAndTheKeyFileRemovedAreNamedAgainstTheNotedChainHead() {
        // The whole chain wiped and the head reset, the key file gone. Before every row carried its
        // own
        // seal, this looked like a ledger that never sealed anything; now the rows' seals show it
        // was
        // sealed, so the key is said to be missing rather than nothing being checked.
        jdbc.update("DELETE FROM event_seal");
        jdbc.update(
                "UPDATE event_seal_head SET last_sequence = 0, last_hash = repeat('0', 64), low_water = 0,"
                        + " key_fingerprint = NULL");
        EventSeals keyFileGone = sealsWithKey("", keys.resolve("gone").resolve("integrity.key"));
        assertThat(keyFileGone.verify().wrongKey()).isTrue();
        assertThat(keyFileGone.verify().problems())
                .singleElement()
                .satisfies(
                        problem ->
                                assertThat(problem)
                                        .startsWith(WrongSealKey.REASON)
                                        .contains("missing"));
        assertThat(seals.verify(notedChainHead).problems())
                .anySatisfy(
                        problem ->
                                assertThat(problem)
                                        .contains(
                                                "the chain head noted earlier ("
                                                        + notedChainHead
                                                        + ") is no longer in the seal chain"));
    }

    /** Deletes the newest {@code count} events together with their seals. */
    private void cutNewest(int count) {
        List<Long> newest =
                jdbc.queryForList(
                        "SELECT global_index FROM event_seal ORDER BY seal_sequence DESC LIMIT ?",
                        Long.class,
                        count);
        for (Long index : newest) {
            jdbc.update("DELETE FROM event_seal WHERE global_index = ?", index);
            jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", index);
        }
    }

    private EventSeals sealsWithKey(String configuredKey, Path keyFile) {
        return new EventSeals(
                jdbc, dialect, transaction, configuredKey, keyFile.toString(), true, 37);
    }

    private String headRow() {
        return jdbc.queryForObject(
                "SELECT last_sequence || ' ' || last_hash || ' ' || low_water || ' '"
                        + " || key_fingerprint FROM event_seal_head",
                String.class);
    }

    private String eventAt(long sealSequence) {
        return jdbc.queryForObject(
                "SELECT event_identifier FROM event_seal WHERE seal_sequence = ?",
                String.class,
                sealSequence);
    }
}
