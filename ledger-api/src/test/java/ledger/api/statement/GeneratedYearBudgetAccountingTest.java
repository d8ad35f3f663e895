package ledger.api.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import ledger.benchmarks.SyntheticYear;
import ledger.core.account.AccountBook;
import ledger.core.account.AccountEvent;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.InMemoryLedgerRegistry;
import ledger.core.account.UnitCode;
import ledger.core.classification.FundSource;
import ledger.core.journal.JournalPosting;
import ledger.core.journal.JournalPosting.KnownNames;
import ledger.core.journal.JournalPosting.LoadedAccount;
import ledger.core.year.YearClose;
import ledger.journal.JournalParse;
import ledger.journal.JournalReader;
import ledger.projections.accounting.BudgetChart;
import ledger.projections.accounting.BudgetEntries;
import ledger.projections.accounting.BudgetEntry;
import ledger.projections.accounting.BudgetJournal;
import ledger.projections.accounting.BudgetTies;
import ledger.projections.accounting.TrialBalance;
import ledger.projections.accounting.UnitKind;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingProjection;
import ledger.projections.statement.StatementEngine;
import ledger.projections.statement.StatementSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Goal: on generated multi-fund years every event's 预算会计 entries balance to the fen, every tie to
 * the 决算 holds for administrative and institution units alike, and a closed year's closing entries
 * end exactly where the next year's opening begins. Method: a small {@link SyntheticYear} through
 * the real reader and account rules in memory, its events turned into postings as the projection
 * does; then the year close's own plan ({@link YearClose}) on the same books.
 */
class GeneratedYearBudgetAccountingTest {

    private static final FiscalYear YEAR = FiscalYear.of(2020);
    private static final BudgetChart CHART = BudgetChart.standard();

    static final List<Posting> postings = new ArrayList<>();
    static final Map<AccountKey, AccountBook> books = new HashMap<>();
    static final InMemoryLedgerRegistry registry = new InMemoryLedgerRegistry();
    static Set<String> units;

    @BeforeAll
    static void generateAndPost() throws IOException {
        SyntheticYear year = new SyntheticYear(SyntheticYear.Settings.of(3_000, 2020, 3, 17L, 10));
        StringWriter csv = new StringWriter();
        SyntheticYear.Summary summary =
                year.generate(csv, new StringWriter(), new StringWriter(), new StringWriter());
        units = summary.units().keySet();
        JournalParse parse = new JournalReader().read(new StringReader(csv.toString()));
        assertThat(parse.problems()).isEmpty();
        JournalPosting.Outcome outcome =
                new JournalPosting(
                                registry,
                                keys -> {
                                    Map<AccountKey, LoadedAccount> loaded = new HashMap<>();
                                    keys.forEach(
                                            key ->
                                                    loaded.put(
                                                            key,
                                                            new LoadedAccount(
                                                                    books.computeIfAbsent(
                                                                            key, AccountBook::new),
                                                                    -1L)));
                                    return loaded;
                                },
                                new KnownNames(Map.of(), Map.of()))
                        .post(parse.rows());
        assertThat(outcome.problems()).isEmpty();
        outcome.transactions().forEach(registry::record);
        for (JournalPosting.PendingEvent event : outcome.events()) {
            if (event.payload() instanceof AccountEvent accountEvent) {
                add(accountEvent);
            }
        }
    }

    private static void add(AccountEvent event) {
        long index = postings.size() + 1;
        postings.add(
                PostingProjection.toPosting(event, "event-" + index, index, "test", Instant.EPOCH));
    }

    @Test
    void theGeneratedYearHasSeveralFundsAndUnits() {
        assertThat(units).hasSize(3);
        assertThat(postings.stream().map(p -> p.account().fund()).distinct().count())
                .isGreaterThan(3);
        assertThat(postings.stream().anyMatch(p -> !p.account().fund().isFiscalAppropriation()))
                .isTrue();
        assertThat(postings.stream().anyMatch(Posting::isReversal)).isTrue();
    }

    @Test
    void everyEventsEntriesBalanceToTheFen() {
        for (UnitKind kind : UnitKind.values()) {
            for (Posting posting : postings) {
                List<BudgetEntry> entries = BudgetEntries.of(posting, kind, CHART);
                assertThat(entries.stream().mapToLong(BudgetEntry::signedFen).sum())
                        .as(posting.transactionId() + " " + posting.kind())
                        .isZero();
            }
        }
    }

    @Test
    void everyTieHoldsForEveryUnitOfEitherKind() {
        for (String unit : units) {
            UnitCode code = UnitCode.of(unit);
            StatementSet statements = StatementEngine.compute(code, unit, YEAR, null, postings);
            for (UnitKind kind : UnitKind.values()) {
                TrialBalance balance =
                        trialBalance(code, YEAR, null, kind, BudgetJournal.Closing.PRO_FORMA);
                assertThat(balance.balanced()).as(unit).isTrue();
                assertThat(BudgetTies.ties(balance, statements))
                        .allSatisfy(
                                tie ->
                                        assertThat(tie.holds())
                                                .as(unit + " " + kind + " " + tie.description())
                                                .isTrue());
                assertThat(
                                balance.account(kind == UnitKind.ADMINISTRATIVE ? "7201" : "7101")
                                        .debitFen())
                        .isZero();
            }
            LocalDate midYear = LocalDate.of(2020, 7, 15);
            StatementSet july = StatementEngine.compute(code, unit, YEAR, midYear, postings);
            assertThat(
                            BudgetTies.findings(
                                    trialBalance(
                                            code,
                                            YEAR,
                                            midYear,
                                            UnitKind.ADMINISTRATIVE,
                                            BudgetJournal.Closing.PRO_FORMA),
                                    july))
                    .as(unit + " as of " + midYear)
                    .isEmpty();
        }
    }

    @Test
    void aClosedYearsClosingEntriesAndTheNextYearsOpeningAgree() {
        List<Posting> closed = new ArrayList<>(postings);
        int before = postings.size();
        for (String unit : units) {
            UnitCode code = UnitCode.of(unit);
            List<AccountBook> ofUnit =
                    books.values().stream()
                            .filter(b -> b.key().unit().equals(code) && b.key().year().equals(YEAR))
                            .toList();
            YearClose.Plan plan =
                    YearClose.plan(code, YEAR, YEAR.lastDay(), ofUnit, AccountBook::new, registry);
            for (AccountEvent event : plan.accountEvents()) {
                long index = closed.size() + 1;
                closed.add(
                        PostingProjection.toPosting(
                                event, "event-" + index, index, "test", Instant.EPOCH));
            }
        }
        assertThat(closed.size()).isGreaterThan(before);
        FiscalYear next = YEAR.next();
        for (String unit : units) {
            UnitCode code = UnitCode.of(unit);
            // the year close is seen from its 年末结转 postings alone; no pro-forma close is asked for
            TrialBalance ending =
                    TrialBalance.of(
                            BudgetJournal.of(
                                    code,
                                    YEAR,
                                    null,
                                    closed,
                                    UnitKind.ADMINISTRATIVE,
                                    CHART,
                                    false,
                                    BudgetJournal.Closing.WHEN_CLOSED),
                            CHART);
            TrialBalance opening =
                    TrialBalance.of(
                            BudgetJournal.of(
                                    code,
                                    next,
                                    null,
                                    closed,
                                    UnitKind.ADMINISTRATIVE,
                                    CHART,
                                    false,
                                    BudgetJournal.Closing.WHEN_CLOSED),
                            CHART);
            assertThat(ending.journal().closed()).isTrue();
            assertThat(ending.journal().proForma()).isFalse();
            assertThat(ending.balanced()).isTrue();
            assertThat(opening.balanced()).isTrue();
            for (TrialBalance.Row row : ending.rows()) {
                if (row.account().isIncome() || row.account().isExpenditure()) {
                    assertThat(row.closingFen())
                            .as(unit + " " + row.account().label() + " after closing")
                            .isZero();
                }
            }
            Map<String, Long> closingByLine = new TreeMap<>();
            Map<String, Long> openingByLine = new TreeMap<>();
            for (TrialBalance.Row row : ending.rows()) {
                if (row.closingFen() != 0) {
                    closingByLine.put(
                            row.isAccount() ? row.account().code() : row.detail().id(),
                            row.closingFen());
                }
            }
            for (TrialBalance.Row row : opening.rows()) {
                if (row.openingFen() != 0) {
                    openingByLine.put(
                            row.isAccount() ? row.account().code() : row.detail().id(),
                            row.openingFen());
                }
            }
            assertThat(openingByLine).as(unit).isNotEmpty().isEqualTo(closingByLine);
            // and the closing entries themselves name the 年末结转 event of their line
            assertThat(ending.journal().entries())
                    .filteredOn(BudgetEntry::closing)
                    .filteredOn(
                            e ->
                                    e.account().code().equals("8101")
                                            || e.account().code().equals("8201"))
                    .isNotEmpty()
                    .anySatisfy(e -> assertThat(e.eventId()).isNotEmpty());
            StatementSet statements = StatementEngine.compute(code, unit, YEAR, null, closed);
            assertThat(BudgetTies.findings(ending, statements)).as(unit).isEmpty();
        }
        assertThat(
                        closed.stream()
                                .filter(p -> p.account().year().equals(next))
                                .map(p -> p.account().fund())
                                .distinct()
                                .filter(FundSource::isFiscalAppropriation)
                                .count())
                .isPositive();
    }

    private static TrialBalance trialBalance(
            UnitCode unit,
            FiscalYear year,
            LocalDate asOf,
            UnitKind kind,
            BudgetJournal.Closing closing) {
        return TrialBalance.of(
                BudgetJournal.of(unit, year, asOf, postings, kind, CHART, false, closing), CHART);
    }
}
