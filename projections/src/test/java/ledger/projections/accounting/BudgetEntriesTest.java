package ledger.projections.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.posting.Posting;
import org.junit.jupiter.api.Test;

/**
 * Goal: each kind of movement gives the 预算会计 entries of 政府会计制度, balanced to the fen, and a reversal
 * gives the same entries in red ink. Method: small journals through the real reader and account
 * rules, each posting's entries compared line by line.
 */
class BudgetEntriesTest {

    private static final BudgetChart CHART = BudgetChart.standard();
    private static final String JOURNAL =
            """
            id,date,kind,unit,fund,functional,economic,nature,project,amount,reverses
            o1,2020-01-01,opening,u1,general,2010301,30101,,,100.00,
            b1,2020-01-02,budget,u1,general,2010301,30101,,,5000.00,
            a1,2020-02-01,appropriation,u1,general,2010301,30101,,,5000.00,
            e1,2020-03-01,expenditure,u1,general,2010301,30101,personnel,,1200.50,
            a2,2020-02-01,appropriation,u1,business,2010301,30201,,,800.00,
            e2,2020-03-02,expenditure,u1,business,2010301,30201,project,P1,300.00,
            e3,2020-03-03,expenditure,u1,business,2010301,30201,remit,,100.00,
            r1,2020-03-04,reversal,u1,,,,,,,e1
            """;

    private static List<BudgetEntry> entriesOf(String transaction, UnitKind kind) {
        Posting posting =
                Ledgers.postings(JOURNAL).stream()
                        .filter(p -> p.transactionId().value().equals(transaction))
                        .findFirst()
                        .orElseThrow();
        return BudgetEntries.of(posting, kind, CHART);
    }

    @Test
    void anAppropriationDebitsFundsAndCreditsTheIncomeOfItsFund() {
        assertThat(entriesOf("a1", UnitKind.ADMINISTRATIVE))
                .extracting(
                        e -> e.side(),
                        e -> e.account().code(),
                        BudgetEntry::detail,
                        BudgetEntry::amountFen)
                .containsExactly(
                        tuple(Side.DEBIT, "8001", "零余额账户用款额度", 500_000L),
                        tuple(Side.CREDIT, "6001", "一般公共预算财政拨款", 500_000L));
        assertThat(entriesOf("a2", UnitKind.ADMINISTRATIVE))
                .extracting(e -> e.account().code(), BudgetEntry::detail)
                .containsExactly(tuple("8001", "货币资金"), tuple("6101", "事业收入"));
    }

    @Test
    void anExpenditureDebitsTheSpendingOfItsNatureAndTheUnitsKind() {
        assertThat(entriesOf("e1", UnitKind.ADMINISTRATIVE))
                .extracting(
                        e -> e.side(),
                        e -> e.account().code(),
                        BudgetEntry::detail,
                        BudgetEntry::amountFen)
                .containsExactly(
                        tuple(Side.DEBIT, "7101", "财政拨款支出/基本支出/人员经费", 120_050L),
                        tuple(Side.CREDIT, "8001", "零余额账户用款额度", 120_050L));
        assertThat(entriesOf("e1", UnitKind.INSTITUTION).get(0).account().code()).isEqualTo("7201");
        assertThat(entriesOf("e2", UnitKind.ADMINISTRATIVE).get(0))
                .extracting(e -> e.account().code(), BudgetEntry::detail)
                .containsExactly("7101", "非财政专项资金支出/项目支出");
        assertThat(entriesOf("e3", UnitKind.ADMINISTRATIVE).get(0))
                .extracting(e -> e.account().code(), BudgetEntry::detail)
                .containsExactly("7401", "其他资金支出");
    }

    @Test
    void anExpenditureRunsByFunctionalAndEconomicCodeAndFundsByNeither() {
        List<BudgetEntry> entries = entriesOf("e1", UnitKind.ADMINISTRATIVE);
        assertThat(entries.get(0).detailKey().id())
                .isEqualTo("7101|财政拨款支出/基本支出/人员经费|2010301|30101");
        assertThat(entries.get(1).detailKey().id()).isEqualTo("8001|零余额账户用款额度||");
    }

    @Test
    void anOpeningBalanceIsCarryOverAgainstFundsAndCountsAsOpening() {
        assertThat(entriesOf("o1", UnitKind.ADMINISTRATIVE))
                .extracting(
                        e -> e.side(),
                        e -> e.account().code(),
                        BudgetEntry::detail,
                        BudgetEntry::opening)
                .containsExactly(
                        tuple(Side.DEBIT, "8001", "零余额账户用款额度", true),
                        tuple(Side.CREDIT, "8101", "累计结转/一般公共预算财政拨款", true));
    }

    @Test
    void aBudgetIsAuthorityAndMakesNoEntry() {
        assertThat(entriesOf("b1", UnitKind.ADMINISTRATIVE)).isEmpty();
    }

    @Test
    void aReversalGivesTheReversedEntriesInRedInk() {
        String reversalEvent =
                Ledgers.postings(JOURNAL).stream()
                        .filter(p -> p.transactionId().value().equals("r1"))
                        .findFirst()
                        .orElseThrow()
                        .eventId();
        assertThat(entriesOf("r1", UnitKind.ADMINISTRATIVE))
                .extracting(
                        e -> e.side(),
                        e -> e.account().code(),
                        BudgetEntry::amountFen,
                        BudgetEntry::eventId)
                .containsExactly(
                        tuple(Side.DEBIT, "7101", -120_050L, reversalEvent),
                        tuple(Side.CREDIT, "8001", -120_050L, reversalEvent));
    }

    @Test
    void everyPostingsEntriesBalanceAndTheClosingEmptiesIncomeAndSpending() {
        List<Posting> postings = Ledgers.postings(JOURNAL);
        for (Posting posting : postings) {
            assertThat(
                            BudgetEntries.of(posting, UnitKind.ADMINISTRATIVE, CHART).stream()
                                    .mapToLong(BudgetEntry::signedFen)
                                    .sum())
                    .as(posting.transactionId().value())
                    .isZero();
        }
        TrialBalance balance =
                TrialBalance.of(
                        BudgetJournal.of(
                                UnitCode.of("u1"),
                                FiscalYear.of(2020),
                                null,
                                postings,
                                UnitKind.ADMINISTRATIVE,
                                CHART,
                                false,
                                BudgetJournal.Closing.PRO_FORMA),
                        CHART);
        assertThat(balance.balanced()).isTrue();
        for (String code : List.of("6001", "6101", "7101", "7401")) {
            assertThat(balance.account(code).closingFen()).as(code).isZero();
        }
        // general: 100 + 5,000 (the expenditure reversed); business: 800 − 300 − 100
        assertThat(balance.account("8101").closingFen()).isEqualTo(-510_000L);
        assertThat(balance.account("8201").closingFen()).isEqualTo(-40_000L);
        assertThat(balance.account("8001").closingFen()).isEqualTo(550_000L);
        assertThat(balance.account("8101").openingFen()).isEqualTo(-10_000L);
    }

    @Test
    void withoutCloseTheCarryOverHoldsOnlyTheOpening() {
        TrialBalance balance =
                TrialBalance.of(
                        BudgetJournal.of(
                                UnitCode.of("u1"),
                                FiscalYear.of(2020),
                                null,
                                Ledgers.postings(JOURNAL),
                                UnitKind.ADMINISTRATIVE,
                                CHART,
                                false,
                                BudgetJournal.Closing.WHEN_CLOSED),
                        CHART);
        assertThat(balance.account("8101").closingFen()).isEqualTo(-10_000L);
        assertThat(balance.account("6001").closingFen()).isEqualTo(-500_000L);
        assertThat(balance.balanced()).isTrue();
    }
}
