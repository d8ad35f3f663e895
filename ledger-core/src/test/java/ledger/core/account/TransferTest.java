package ledger.core.account;

import static ledger.core.LedgerFixtures.budgetAccountFixture;
import static ledger.core.LedgerFixtures.day;
import static ledger.core.LedgerFixtures.entry;
import static ledger.core.LedgerFixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.core.department.DepartmentLine;
import ledger.core.department.DepartmentRegister;
import ledger.core.journal.JournalPosting;
import ledger.core.journal.JournalRow;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transfer between two units of one department: the payer's leg on the aggregate (the rule each
 * leg obeys) and both legs through the batch poster, which stores both or neither.
 */
class TransferTest {

    private static final FiscalYear YEAR = FiscalYear.of(2020);
    private static final UnitCode TOP = UnitCode.of("street-office");
    private static final UnitCode SERVICE = UnitCode.of("street-service");
    private static final UnitCode OUTSIDER = UnitCode.of("culture-office");
    private static final DepartmentRegister DEPARTMENTS = register();

    private static DepartmentRegister register() {
        var decision =
                DepartmentRegister.empty()
                        .check(
                                List.of(
                                        new DepartmentLine(
                                                2,
                                                "street",
                                                "某街道",
                                                "street-office",
                                                "街道办事处",
                                                "行政单位",
                                                "",
                                                "2020"),
                                        new DepartmentLine(
                                                3,
                                                "street",
                                                "某街道",
                                                "street-service",
                                                "服务中心",
                                                "事业单位",
                                                "street-office",
                                                "2020"),
                                        new DepartmentLine(
                                                4,
                                                "culture",
                                                "文化局",
                                                "culture-office",
                                                "文化局",
                                                "行政单位",
                                                "",
                                                "2020")),
                                "d.csv");
        assertThat(decision.problems()).isEmpty();
        return new DepartmentRegister(List.of(decision.registered()));
    }

    private static AccountKey line(UnitCode unit, FundSource fund) {
        return new AccountKey(
                YEAR, unit, fund, FunctionalCode.of("2010301"), EconomicCode.of("30299"));
    }

    private static final AccountKey PAYER = line(TOP, FundSource.OTHER);

    private FixtureConfiguration<BudgetAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = budgetAccountFixture(new InMemoryLedgerRegistry().withUnits(DEPARTMENTS));
    }

    private static FundsAppropriated received(String amount) {
        return new FundsAppropriated(PAYER, entry("in", day(2, 1)), yuan(amount));
    }

    private static PayTransfer subsidy(UnitCode to, String amount) {
        return new PayTransfer(
                PAYER, entry("t1", day(3, 1)), yuan(amount), ExpenditureNature.SUBSIDY, to);
    }

    @Test
    void aParentSubsidisesItsSubordinateUpToWhatItHas() {
        fixture.given(received("100.00"))
                .when(subsidy(SERVICE, "100.00"))
                .expectEvents(
                        new TransferPaid(
                                PAYER,
                                entry("t1", day(3, 1)),
                                yuan("100.00"),
                                Spending.of(ExpenditureNature.SUBSIDY),
                                SERVICE));
    }

    @Test
    void aTransferOneFenBeyondThePayersFundsIsRefusedNamingTheAmount() {
        fixture.given(received("100.00"))
                .when(subsidy(SERVICE, "100.01"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("划转 100.01 元超过付款单位该预算行可用资金 100.00 元"));
    }

    @Test
    void aTransferToAUnitOfAnotherDepartmentIsRefusedNamingToUnit() {
        fixture.given(received("100.00"))
                .when(subsidy(OUTSIDER, "1.00"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("单位 culture-office 在 2020 年不属于部门 street"));
    }

    @Test
    void aTransferToThePayerItselfIsRefused() {
        fixture.given(received("100.00"))
                .when(subsidy(TOP, "1.00"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("不能划转给本单位"));
    }

    @Test
    void aRemittanceGoesOnlyToTheDirectParent() {
        fixture.given(received("100.00"))
                .when(
                        new PayTransfer(
                                PAYER,
                                entry("t2", day(3, 1)),
                                yuan("1.00"),
                                ExpenditureNature.REMIT,
                                SERVICE))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("上缴上级只能上缴给直属上级单位"));
    }

    @Test
    void fiscalMoneyIsNeverTransferred() {
        AccountKey general = line(TOP, FundSource.GENERAL);
        fixture.given(
                        new InitialBudgetSet(general, entry("b", day(1, 2)), yuan("10.00")),
                        new FundsAppropriated(general, entry("a", day(2, 1)), yuan("10.00")))
                .when(
                        new PayTransfer(
                                general,
                                entry("t3", day(3, 1)),
                                yuan("1.00"),
                                ExpenditureNature.SUBSIDY,
                                SERVICE))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("财政拨款"));
    }

    @Test
    void theBatchStoresBothLegsOrNeither() {
        InMemoryLedgerRegistry registry = new InMemoryLedgerRegistry().withUnits(DEPARTMENTS);
        Map<AccountKey, JournalPosting.LoadedAccount> empty = new HashMap<>();
        JournalPosting posting =
                new JournalPosting(
                        registry, keys -> empty, new JournalPosting.KnownNames(Map.of(), Map.of()));
        Entry in = entry("in", day(2, 1));
        PayTransfer pay = subsidy(SERVICE, "60.00");
        JournalRow income =
                new JournalRow(
                        2,
                        TransactionKind.APPROPRIATION,
                        TOP,
                        in,
                        new AppropriateFunds(PAYER, in, yuan("100.00")),
                        null,
                        "",
                        null,
                        null);
        JournalRow transfer =
                new JournalRow(
                        3,
                        TransactionKind.TRANSFER,
                        TOP,
                        pay.entry(),
                        pay,
                        null,
                        "",
                        null,
                        null,
                        pay.receiverLeg());
        var outcome = posting.post(List.of(income, transfer));
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.events())
                .extracting(e -> e.payload().getClass().getSimpleName())
                .containsExactly(
                        "UnitRegistered", "FundsAppropriated", "TransferPaid", "TransferReceived");
        assertThat(((TransferReceived) outcome.events().get(3).payload()).account())
                .isEqualTo(line(SERVICE, FundSource.SUPERIOR));
        // The receiver already used the id for something else: the whole row, both legs, is
        // refused.
        InMemoryLedgerRegistry used = new InMemoryLedgerRegistry().withUnits(DEPARTMENTS);
        used.withTransaction(
                new RecordedTransaction(
                        SERVICE,
                        YEAR,
                        pay.entry().transactionId(),
                        TransactionKind.APPROPRIATION,
                        day(1, 5),
                        "x",
                        "other",
                        null));
        var refused =
                new JournalPosting(
                                used,
                                keys -> new HashMap<>(),
                                new JournalPosting.KnownNames(Map.of(), Map.of()))
                        .post(List.of(income, transfer));
        assertThat(refused.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(3);
                            assertThat(p.column()).isEqualTo("id");
                        });
        assertThat(refused.events()).isEmpty();
    }
}
