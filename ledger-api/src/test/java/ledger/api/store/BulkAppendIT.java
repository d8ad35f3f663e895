package ledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import ledger.api.LedgerApplication;
import ledger.api.recording.ImportResult;
import ledger.api.recording.JournalImport;
import ledger.api.support.TestDatabase;
import ledger.core.account.ExpenditureRecorded;
import ledger.core.account.FiscalYear;
import ledger.core.account.InMemoryLedgerRegistry;
import ledger.core.account.RecordedTransaction;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.core.journal.JournalPosting;
import ledger.core.journal.JournalPosting.KnownNames;
import ledger.core.journal.JournalPosting.Outcome;
import ledger.core.journal.JournalPosting.PendingEvent;
import ledger.journal.JournalParse;
import ledger.journal.JournalReader;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk path on PostgreSQL: a binary COPY writes exactly the rows Axon's storage engine would,
 * free text of any kind arrives verbatim, and a duplicate fails as an INSERT's would (so the
 * import's retry on a concurrent writer still works).
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BulkAppendIT {

    private static final String URL = TestDatabase.create("bulkappend");
    private static final String HEADER =
            "id,date,kind,unit,unit_name,fund,functional,economic,nature,amount,voucher,"
                    + "memo,reverses";

    /** Everything a COPY in text or CSV format would have to escape, and then some. */
    private static final List<String> ODD =
            List.of(
                    "他说\"你好\", 再见",
                    "back\\slash \\N and \\\\",
                    "tab\there",
                    "line\nbreak",
                    "逗号,引号\"\"",
                    "'single' quotes; DROP TABLE posting; --",
                    "emoji 🧾 𠀀",
                    "\\.",
                    "€ ñ ü — …",
                    "x");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired EventStoreAccess store;
    @Autowired JdbcLedgerRegistry registry;
    @Autowired JournalImport journalImport;
    @Autowired EventStore eventStore;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void copyWritesTheRowsAxonsStorageEngineWrites() throws Exception {
        // Goal: the same events appended both ways → identical columns, and Axon reads both back
        // equal.
        List<PendingEvent> events = decide(journal("cmp", 250)).events();
        List<PendingEvent> copied =
                events.stream()
                        .map(
                                e ->
                                        new PendingEvent(
                                                "copy/" + e.aggregateId(),
                                                e.aggregateType(),
                                                e.sequenceNumber(),
                                                e.payload(),
                                                e.line()))
                        .toList();
        String correlation = UUID.randomUUID().toString();
        transaction.executeWithoutResult(
                status -> {
                    store.appendThroughAxon(events, "tester", correlation);
                    store.appendByCopy(copied, "tester", correlation);
                });

        // Other tests' imports share the database: only this test's aggregates are compared.
        List<Map<String, Object>> viaAxon = rows("~ '^(2020/cmp/|unit/cmp$)'");
        List<Map<String, Object>> viaCopy = rows("~ '^copy/(2020/cmp/|unit/cmp$)'");
        assertThat(viaCopy).hasSize(events.size()).hasSameSizeAs(viaAxon);
        for (int i = 0; i < viaAxon.size(); i++) {
            Map<String, Object> axon = viaAxon.get(i);
            Map<String, Object> copy = viaCopy.get(i);
            assertThat(copy.get("aggregate_identifier"))
                    .isEqualTo("copy/" + axon.get("aggregate_identifier"));
            for (String column :
                    List.of("sequence_number", "type", "payload_type", "payload_revision")) {
                assertThat(copy.get(column)).as(column).isEqualTo(axon.get(column));
            }
            assertThat((byte[]) copy.get("payload")).isEqualTo((byte[]) axon.get("payload"));
            assertThat(json(copy.get("meta_data"))).isEqualTo(json(axon.get("meta_data")));
            String stamp = (String) copy.get("time_stamp");
            assertThat(stamp).hasSameSizeAs((String) axon.get("time_stamp"));
            assertThat(DateTimeUtils.formatInstant(DateTimeUtils.parseInstant(stamp)))
                    .isEqualTo(stamp);
            assertThat((String) copy.get("event_identifier"))
                    .isNotEqualTo(axon.get("event_identifier"));
            assertThat((Long) copy.get("global_index"))
                    .isGreaterThan((Long) viaAxon.get(viaAxon.size() - 1).get("global_index"));
        }
        // Event ids of a COPY: proper UUIDs (version 7), distinct, rising with the global index, so
        // that they append to the unique index instead of scattering over it.
        List<String> ids =
                viaCopy.stream()
                        .sorted(java.util.Comparator.comparing(r -> (Long) r.get("global_index")))
                        .map(r -> (String) r.get("event_identifier"))
                        .toList();
        assertThat(ids)
                .doesNotHaveDuplicates()
                .isSorted()
                .allSatisfy(
                        id ->
                                assertThat(UUID.fromString(id))
                                        .satisfies(
                                                uuid -> {
                                                    assertThat(uuid.version()).isEqualTo(7);
                                                    assertThat(uuid.variant()).isEqualTo(2);
                                                    assertThat(uuid.toString()).isEqualTo(id);
                                                }));

        String account = events.get(5).aggregateId();
        List<? extends DomainEventMessage<?>> original =
                eventStore.readEvents(account).asStream().toList();
        List<? extends DomainEventMessage<?>> fromCopy =
                eventStore.readEvents("copy/" + account).asStream().toList();
        assertThat(fromCopy).hasSameSizeAs(original).isNotEmpty();
        for (int i = 0; i < original.size(); i++) {
            assertThat(fromCopy.get(i).getPayload()).isEqualTo(original.get(i).getPayload());
            assertThat(fromCopy.get(i).getMetaData()).isEqualTo(original.get(i).getMetaData());
        }
    }

    @Test
    void oddFreeTextGoesThroughTheCopyVerbatimAndAReImportMatchesIt() {
        // Goal: memos and vouchers with quotes, backslashes, \N, tabs, newlines, Chinese → stored
        // as the
        // reader cleaned them, read back equal; the same file again is all "already recorded".
        String file = journal("odd", 300);
        ImportResult first = importText(file);
        assertThat(first.events()).isGreaterThanOrEqualTo(EventStoreAccess.COPY_FROM);

        List<String> memos = new ArrayList<>();
        List<String> vouchers = new ArrayList<>();
        for (var row :
                new JournalReader()
                        .read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)))
                        .rows()) {
            memos.add(row.entry().memo());
            vouchers.add(row.entry().voucher());
        }
        assertThat(memos)
                .contains("tab here", "line break")
                .anyMatch(memo -> memo.startsWith("back\\slash \\N and \\\\ "))
                .anyMatch(memo -> memo.startsWith("emoji 🧾 𠀀 "))
                .anyMatch(memo -> memo.startsWith("\\. "));
        List<String> storedMemos =
                jdbc.queryForList(
                        "SELECT convert_from(payload, 'UTF8')::jsonb #>> '{entry,memo}'"
                                + " FROM domain_event_entry WHERE aggregate_identifier LIKE '2020/odd/%' ORDER BY global_index",
                        String.class);
        List<String> storedVouchers =
                jdbc.queryForList(
                        "SELECT convert_from(payload, 'UTF8')::jsonb"
                                + " #>> '{entry,voucher}' FROM domain_event_entry WHERE aggregate_identifier LIKE '2020/odd/%'"
                                + " ORDER BY global_index",
                        String.class);
        assertThat(storedMemos).isEqualTo(memos);
        assertThat(storedVouchers).isEqualTo(vouchers);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT COUNT(*) FROM ledger_transaction WHERE unit = 'odd'",
                                Integer.class))
                .isEqualTo(300);

        ImportResult again = importText(file);
        assertThat(again.applied()).isZero();
        assertThat(again.repeated()).isEqualTo(300);
    }

    @Test
    void theRecordsLoadedToTellARepeatShareTheirUnitYearDateAndAccount() {
        // Goal: importing a file again loads a record per id; a million of them fit a 512 MB heap
        // only when rows of one account and day share those values instead of a copy each.
        importText(journal("share", 260));
        List<String> ids = IntStream.rangeClosed(1, 260).mapToObj(i -> "share-" + i).toList();
        List<RecordedTransaction> loaded =
                registry.transactions(UnitCode.of("share"), FiscalYear.of(2020), ids);
        assertThat(loaded).hasSize(260);
        for (RecordedTransaction t : loaded) {
            assertThat(t).isEqualTo(registry.transaction(t.unit(), t.year(), t.id()).orElseThrow());
        }
        List<RecordedTransaction> spent =
                loaded.stream().filter(t -> t.kind() == TransactionKind.EXPENDITURE).toList();
        RecordedTransaction first = spent.get(0);
        assertThat(spent)
                .hasSize(258)
                .allSatisfy(
                        t -> {
                            assertThat(t.unit()).isSameAs(first.unit());
                            assertThat(t.year()).isSameAs(first.year());
                            assertThat(t.date()).isSameAs(first.date());
                            assertThat(t.accountId()).isSameAs(first.accountId());
                        });
    }

    @Test
    void aDuplicateInACopyFailsAsAnInsertWouldAndLeavesNothing() {
        // Goal: an event number or an id already taken, in a COPY-sized batch →
        // DataIntegrityViolation,
        // the batch rolled back whole.
        Outcome outcome = decide(journal("dup", 250));
        transaction.executeWithoutResult(
                status -> {
                    store.append(outcome.events(), "tester", "c1");
                    registry.recordAll(outcome.transactions());
                });
        long events = store.eventCount();
        int ids = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_transaction", Integer.class);

        List<PendingEvent> clash = new ArrayList<>();
        for (PendingEvent e : outcome.events()) {
            clash.add(
                    new PendingEvent(
                            "other/" + e.aggregateId(),
                            e.aggregateType(),
                            e.sequenceNumber(),
                            e.payload(),
                            e.line()));
        }
        clash.add(outcome.events().get(outcome.events().size() - 1));
        assertThatThrownBy(
                        () ->
                                transaction.executeWithoutResult(
                                        status -> store.append(clash, "tester", "c2")))
                .isInstanceOf(DataIntegrityViolationException.class);

        List<RecordedTransaction> taken = new ArrayList<>();
        for (RecordedTransaction t : outcome.transactions()) {
            taken.add(
                    new RecordedTransaction(
                            t.unit(),
                            t.year(),
                            ledger.core.account.TransactionId.of("n-" + t.id()),
                            t.kind(),
                            t.date(),
                            t.accountId(),
                            t.fingerprint(),
                            t.reverses()));
        }
        taken.add(outcome.transactions().get(0));
        assertThatThrownBy(
                        () -> transaction.executeWithoutResult(status -> registry.recordAll(taken)))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(store.eventCount()).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_transaction", Integer.class))
                .isEqualTo(ids);
    }

    @Test
    void aRuleBrokenLateInAStreamedImportAbandonsTheCopyAndWritesNothing() {
        // Goal: 299 good rows already streamed into the COPY, then an overspending row → refused
        // naming that row (and a later one), nothing stored, and the same file fixed imports whole.
        long events = store.eventCount();
        String file =
                journal("late", 300)
                        + "late-301,2020-03-02,expenditure,late,,general,2010301,30201,public,"
                        + "99999999.00,v,超支,\n"
                        + "late-302,2020-03-02,expenditure,late,,general,2010301,30201,public,"
                        + "99999999.00,v,超支,\n";
        int lastLine =
                (int)
                        file.chars()
                                .filter(c -> c == '\n')
                                .count(); // memos with line breaks span lines
        assertThatThrownBy(() -> importText(file))
                .isInstanceOfSatisfying(
                        ledger.api.recording.JournalRefused.class,
                        refused ->
                                assertThat(refused.problems())
                                        .extracting(ledger.core.journal.JournalProblem::line)
                                        .containsExactly(lastLine - 1, lastLine));
        assertThat(store.eventCount()).isEqualTo(events);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT COUNT(*) FROM ledger_transaction WHERE unit = 'late'",
                                Integer.class))
                .isZero();
        assertThat(importText(journal("late", 300)).applied()).isEqualTo(300);
        assertThat(store.eventCount()).isEqualTo(events + 301);
    }

    /**
     * A valid journal of one account of {@code unit}: budget, appropriation, then small
     * expenditures.
     */
    private static String journal(String unit, int rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        csv.append(unit)
                .append("-1,2020-01-08,budget,")
                .append(unit)
                .append(",单位 ")
                .append(unit)
                .append(",general,2010301,30201,,1000000.00,记-1,年初预算,\n");
        csv.append(unit)
                .append("-2,2020-01-15,appropriation,")
                .append(unit)
                .append(",,general,2010301,30201,,")
                .append("1000000.00,记-2,拨款,\n");
        for (int i = 3; i <= rows; i++) {
            String memo = ODD.get(i % ODD.size()) + " " + i;
            if (i % ODD.size() == 2 || i % ODD.size() == 3) {
                memo = ODD.get(i % ODD.size());
            }
            String voucher = i % 3 == 0 ? "凭证\"" + i + "\\N" : "v-" + i;
            csv.append(unit)
                    .append('-')
                    .append(i)
                    .append(",2020-03-01,expenditure,")
                    .append(unit)
                    .append(",,general,2010301,30201,public,1.00,")
                    .append(quote(voucher))
                    .append(',')
                    .append(quote(memo))
                    .append(",\n");
        }
        return csv.toString();
    }

    private static String quote(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }

    private static Outcome decide(String file) {
        JournalParse parse =
                new JournalReader()
                        .read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
        assertThat(parse.problems()).isEmpty();
        Outcome outcome =
                new JournalPosting(
                                new InMemoryLedgerRegistry(),
                                keys -> Map.of(),
                                new KnownNames(Map.of(), Map.of()))
                        .post(parse.rows());
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.events()).anyMatch(e -> e.payload() instanceof ExpenditureRecorded);
        return outcome;
    }

    private ImportResult importText(String text) {
        return journalImport.importJournal(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "odd.csv",
                "tester");
    }

    private List<Map<String, Object>> rows(String aggregateFilter) {
        return jdbc.queryForList(
                "SELECT * FROM domain_event_entry WHERE aggregate_identifier "
                        + aggregateFilter
                        + " ORDER BY CASE WHEN aggregate_identifier LIKE 'copy/%' THEN substr(aggregate_identifier, 6)"
                        + " ELSE aggregate_identifier END, sequence_number");
    }

    private JsonNode json(Object bytes) throws Exception {
        return mapper.readTree((byte[]) bytes);
    }
}
