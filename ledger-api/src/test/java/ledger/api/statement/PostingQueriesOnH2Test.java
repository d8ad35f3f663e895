package ledger.api.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ledger.core.account.FiscalYear;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingFilter;
import ledger.projections.posting.PostingKey;
import ledger.projections.posting.PostingRepository;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The trace queries on the embedded database (H2 in PostgreSQL mode, migrated as the CLI migrates
 * it): counts and sums by key, a page of the postings of some keys (a key without nature among
 * them), a 摘要 search whose text holds LIKE's own wildcards, the streamed read, and the links
 * between a reversal and its original. TraceQueriesIT checks the same against PostgreSQL.
 */
class PostingQueriesOnH2Test {

    private static final UnitCode UNIT = UnitCode.of("h2-unit");
    private static final FiscalYear YEAR = FiscalYear.of(2020);

    private JdbcTemplate jdbc;
    private PostingRepository postings;

    @BeforeEach
    void migrateAndFill() {
        DriverManagerDataSource h2 =
                new DriverManagerDataSource(
                        "jdbc:h2:mem:traces"
                                + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(h2)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(h2);
        postings = new PostingRepository(jdbc);
        row("e1", 1, "InitialBudgetSet", "budget", 100_000, "2020-01-05", null, "T1", null, "年初预算");
        row(
                "e2",
                2,
                "AppropriationReceived",
                "appropriation",
                80_000,
                "2020-02-01",
                null,
                "T2",
                null,
                "拨款 100%");
        row(
                "e3",
                3,
                "ExpenditureRecorded",
                "expenditure",
                30_000,
                "2020-03-01",
                "public",
                "T3",
                null,
                "办公 50%_用品");
        row(
                "e4",
                4,
                "ExpenditureRecorded",
                "expenditure",
                20_000,
                "2020-04-01",
                "public",
                "T4",
                null,
                "差旅");
        row(
                "e5",
                5,
                "TransactionReversed",
                "expenditure",
                -30_000,
                "2020-04-02",
                "public",
                "T5",
                "T3",
                "冲销");
    }

    private void row(
            String event,
            long index,
            String type,
            String kind,
            long fen,
            String date,
            String nature,
            String transaction,
            String reverses,
            String memo) {
        jdbc.update(
                "INSERT INTO posting (event_id, global_index, event_type, fiscal_year, unit, fund, functional,"
                        + " economic, kind, amount_fen, posting_date, nature, transaction_id, reverses, voucher, memo)"
                        + " VALUES (?, ?, ?, 2020, 'h2-unit', 'general', '2010301', '30201', ?, ?, ?, ?, ?, ?, ?, ?)",
                event,
                index,
                type,
                kind,
                fen,
                java.sql.Date.valueOf(date),
                nature,
                transaction,
                reverses,
                "记-" + index,
                memo);
    }

    @Test
    void keysPagesSearchesStreamsAndReversalLinksWorkOnTheEmbeddedDatabase() {
        List<PostingKey> keys = postings.keysOf(UNIT, YEAR, PostingFilter.NONE);
        assertThat(keys).hasSize(3);
        PostingKey spent =
                keys.stream()
                        .filter(k -> k.kind() == TransactionKind.EXPENDITURE)
                        .findFirst()
                        .orElseThrow();
        assertThat(spent.count()).isEqualTo(3);
        assertThat(spent.sumFen()).isEqualTo(20_000);
        PostingKey budget =
                keys.stream()
                        .filter(k -> k.kind() == TransactionKind.BUDGET)
                        .findFirst()
                        .orElseThrow();
        assertThat(budget.nature()).isNull();

        assertThat(postings.page(UNIT, YEAR, PostingFilter.NONE, List.of(spent, budget), 1, 2))
                .extracting(Posting::eventId)
                .containsExactly("e3", "e4");
        assertThat(postings.page(UNIT, YEAR, PostingFilter.NONE, List.of(), 0, 10)).isEmpty();

        PostingFilter percent = new PostingFilter(null, null, null, null, "50%_", null, null, null);
        assertThat(postings.page(UNIT, YEAR, percent, null, 0, 10))
                .extracting(Posting::eventId)
                .containsExactly("e3");
        PostingFilter amount =
                new PostingFilter(
                        LocalDate.of(2020, 3, 1),
                        null,
                        TransactionKind.EXPENDITURE,
                        null,
                        null,
                        30_000L,
                        30_000L,
                        null);
        assertThat(postings.page(UNIT, YEAR, amount, null, 0, 10))
                .extracting(Posting::eventId)
                .containsExactly("e3", "e5");
        assertThat(postings.keysOf(UNIT, YEAR, amount))
                .singleElement()
                .satisfies(key -> assertThat(key.sumFen()).isZero());

        List<String> streamed = new ArrayList<>();
        postings.each(
                UNIT, YEAR, PostingFilter.NONE, List.of(spent), 2, p -> streamed.add(p.eventId()));
        assertThat(streamed).containsExactly("e3", "e4", "e5");

        PostingRepository.ReversalPairs links =
                postings.reversalLinks(
                        UNIT, postings.page(UNIT, YEAR, PostingFilter.NONE, null, 0, 10));
        assertThat(links.originals()).containsExactly(java.util.Map.entry("T5", "e3"));
        assertThat(links.reversals()).containsExactly(java.util.Map.entry("T3", "e5"));
    }
}
