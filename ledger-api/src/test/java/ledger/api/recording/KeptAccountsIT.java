package ledger.api.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import ledger.api.LedgerApplication;
import ledger.api.config.AccountWarmUp;
import ledger.api.config.KeptAggregates;
import ledger.api.support.TestDatabase;
import ledger.core.journal.JournalRow;
import ledger.journal.JournalReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Accounts kept in memory between single commands: a server fills the cache with the accounts most
 * recently written to when it starts, and a command refused on a kept account that an import wrote
 * to since is decided again on the account as stored.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = AccountWarmUp.PROPERTY + "=true")
class KeptAccountsIT {

    private static final String URL = TestDatabase.create("kept");
    private static final String HEADER =
            "id,date,kind,unit,unit_name,fund,functional,economic,nature,amount,voucher,memo,reverses\n";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired TransactionRecorder recorder;
    @Autowired JournalImport journalImport;
    @Autowired KeptAggregates kept;
    @Autowired AccountWarmUp warmUp;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aCommandRefusedOnAKeptAccountThatAnImportWroteToIsDecidedOnTheAccountAsStored() {
        assertThat(
                        post(
                                "K-1,2020-01-08,budget,kept-a,单位 A,general,2010301,30201,,10000.00,记-1,年初预算,"))
                .isInstanceOf(PostingAnswer.Recorded.class);
        assertThat(
                        post(
                                "K-2,2020-01-15,appropriation,kept-a,,general,2010301,30201,,100.00,记-2,拨款,"))
                .isInstanceOf(PostingAnswer.Recorded.class);
        // The account is kept with 100 received; the import adds 1,000 behind the cache's back.
        journalImport.importJournal(
                csv("K-3,2020-02-01,appropriation,kept-a,,general,2010301,30201,,1000.00,记-3,拨款,"),
                "more.csv",
                "tester");

        PostingAnswer spent =
                post(
                        "K-4,2020-02-02,expenditure,kept-a,,general,2010301,30201,public,500.00,记-4,支出,");

        assertThat(spent).isInstanceOf(PostingAnswer.Recorded.class);
        // A refusal that stands after the fresh look is still a refusal.
        assertThat(
                        post(
                                "K-5,2020-02-03,expenditure,kept-a,,general,2010301,30201,public,9000.00,记-5,支出,"))
                .isInstanceOf(PostingAnswer.Refused.class);
    }

    @Test
    void warmingUpKeepsEveryRecentlyWrittenAccount() {
        post("W-1,2020-01-08,budget,kept-w,单位 W,general,2010301,30201,,500.00,记-1,年初预算,");
        post("W-2,2020-01-08,budget,kept-w,,general,2010301,30202,,500.00,记-2,年初预算,");
        kept.removeAll();

        int loaded = warmUp.warmUp();

        Integer accounts =
                jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT aggregate_identifier) FROM domain_event_entry"
                                + " WHERE type = 'BudgetAccount'",
                        Integer.class);
        assertThat(loaded).isEqualTo(accounts).isGreaterThanOrEqualTo(2);
        assertThat(kept.size()).isEqualTo(accounts);
        assertThat(kept.containsKey("2020/kept-w/general/2010301/30202")).isTrue();
        // A command on a warmed account continues its history.
        assertThat(post("W-3,2020-01-20,supplement,kept-w,,general,2010301,30202,,50.00,记-3,追加,"))
                .isInstanceOf(PostingAnswer.Recorded.class);
    }

    private PostingAnswer post(String line) {
        JournalRow row = new JournalReader().read(csv(line)).rows().get(0);
        return recorder.post(row, "tester");
    }

    private static ByteArrayInputStream csv(String line) {
        return new ByteArrayInputStream((HEADER + line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
