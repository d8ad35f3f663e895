package ledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tamper evidence on PostgreSQL: an untouched store verifies clean; an event edited or deleted
 * directly in the database is named by {@code verify}, as is a seal row edited to hide it.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"ledger.integrity.key=test-key-0123456789abcdef", "ledger.integrity.seal-interval-ms=3600000"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TamperEvidenceIT {

    private static final String URL = TestDatabase.create("tamper");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
        // Small windows, so that sealing and verifying the sample crosses many of them.
        registry.add("ledger.integrity.seal-window", () -> "37");
    }

    @Autowired
    JournalImport journalImport;
    @Autowired
    EventSeals seals;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void ledgerWithTheSample() throws Exception {
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        if (events == 0) {
            try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
                journalImport.importJournal(in, "journal.csv", "tamper-it");
            }
            assertThat(seals.sealPending()).isEqualTo(jdbc.queryForObject(
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
    }

    @Test
    @Order(2)
    void anEventWhosePayloadWasEditedIsNamed() {
        String victim = eventAt(100);
        // Someone raises an expenditure by hand: 1 yuan more in the stored JSON.
        int changed = jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload,"
                + " 'UTF8'), '\"memo\"', '\"memo \"'), 'UTF8') WHERE event_identifier = ?", victim);
        assertThat(changed).isEqualTo(1);
        VerifyReport report = seals.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.problems().get(0)).contains(victim, "was changed after it was recorded");
    }

    @Test
    @Order(3)
    void editedMetadataIsNamedToo() {
        String victim = eventAt(200);
        jdbc.update("UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'),"
                + " 'tamper-it', 'someone-else'), 'UTF8') WHERE event_identifier = ?", victim);
        assertThat(seals.verify().problems()).anySatisfy(problem -> assertThat(problem).contains(victim, "changed"));
    }

    @Test
    @Order(4)
    void aDeletedEventIsNamed() {
        String victim = eventAt(300);
        jdbc.update("DELETE FROM domain_event_entry WHERE event_identifier = ?", victim);
        assertThat(seals.verify().problems()).anySatisfy(problem -> assertThat(problem).contains(victim, "deleted"));
    }

    @Test
    @Order(5)
    void rewritingASealToHideAnEditBreaksTheChain() {
        jdbc.update("UPDATE event_seal SET hash = repeat('a', 64) WHERE seal_sequence = 400");
        assertThat(seals.verify().problems()).anySatisfy(problem -> assertThat(problem)
                .contains("chain is broken at seal #401"));
    }

    private String eventAt(long sealSequence) {
        return jdbc.queryForObject("SELECT event_identifier FROM event_seal WHERE seal_sequence = ?", String.class,
                sealSequence);
    }
}
