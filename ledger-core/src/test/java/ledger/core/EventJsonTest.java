package ledger.core;

import static ledger.core.LedgerFixtures.UNIT;
import static ledger.core.LedgerFixtures.account;
import static ledger.core.LedgerFixtures.day;
import static ledger.core.LedgerFixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.stream.Stream;
import ledger.core.account.AccountKey;
import ledger.core.account.BalanceCarriedForward;
import ledger.core.account.BalanceCarriedIn;
import ledger.core.account.BudgetReduced;
import ledger.core.account.BudgetSupplemented;
import ledger.core.account.Entry;
import ledger.core.account.ExpenditureRecorded;
import ledger.core.account.FiscalYear;
import ledger.core.account.FundsAppropriated;
import ledger.core.account.InitialBudgetSet;
import ledger.core.account.OpeningBalanceRecorded;
import ledger.core.account.ProjectCode;
import ledger.core.account.ProjectRegistered;
import ledger.core.account.Spending;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.TransactionReversed;
import ledger.core.account.UnitRegistered;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.core.classification.ProcurementType;
import ledger.core.year.FiscalYearClosed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events are stored as JSON (axon.serializer.general=jackson) and read back on every replay, so
 * each one must survive the round trip unchanged, and read well in SQL.
 */
class EventJsonTest {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final AccountKey PROJECT_LINE = account(FundSource.GENERAL, "2010301", "30201");
    private static final Entry ENTRY =
            new Entry(TransactionId.of("2020/03:015"), day(3, 15), "记-015", "扶贫资金拨付");
    private static final Spending PROJECT_SPENDING =
            new Spending(
                    ExpenditureNature.PROJECT,
                    ProjectCode.of("JH2020-P04"),
                    ProcurementType.SERVICES,
                    true);

    static Stream<Object> everyEvent() {
        AccountKey lastYear =
                new AccountKey(
                        FiscalYear.of(2019),
                        UNIT,
                        FundSource.GENERAL,
                        PROJECT_LINE.functional(),
                        PROJECT_LINE.economic());
        return Stream.of(
                new InitialBudgetSet(PROJECT_LINE, ENTRY, yuan("1304200.00")),
                new BudgetSupplemented(PROJECT_LINE, ENTRY, yuan("0.01")),
                new BudgetReduced(PROJECT_LINE, ENTRY, yuan("5")),
                new FundsAppropriated(PROJECT_LINE, ENTRY, yuan("99.99")),
                new ExpenditureRecorded(PROJECT_LINE, ENTRY, yuan("136350.00"), PROJECT_SPENDING),
                new ExpenditureRecorded(
                        PROJECT_LINE, ENTRY, yuan("1.00"), Spending.of(ExpenditureNature.PUBLIC)),
                new OpeningBalanceRecorded(PROJECT_LINE, ENTRY, yuan("103000.00")),
                new TransactionReversed(
                        PROJECT_LINE,
                        ENTRY,
                        TransactionId.of("x1"),
                        TransactionKind.EXPENDITURE,
                        yuan("136350.00"),
                        PROJECT_SPENDING),
                new TransactionReversed(
                        PROJECT_LINE,
                        ENTRY,
                        TransactionId.of("a1"),
                        TransactionKind.APPROPRIATION,
                        yuan("1.00"),
                        null),
                new BalanceCarriedForward(
                        PROJECT_LINE, ENTRY, yuan("319400.00"), PROJECT_LINE.nextYear()),
                new BalanceCarriedIn(PROJECT_LINE, ENTRY, yuan("103000.00"), lastYear),
                new UnitRegistered(UNIT, "武汉市江汉区人民政府办公室"),
                new ProjectRegistered(UNIT, ProjectCode.of("JH2020-P04"), "扶贫开发工作经费"),
                new FiscalYearClosed(
                        UNIT,
                        FiscalYear.of(2020),
                        LocalDate.of(2020, 12, 31),
                        2,
                        yuan("319400.00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void everyEventReadsBackEqualFromItsJson(Object event) throws Exception {
        // Goal: replay sees exactly the event that was stored.
        String json = MAPPER.writeValueAsString(event);
        assertThat(MAPPER.readValue(json, event.getClass())).as(json).isEqualTo(event);
    }

    @Test
    void anExpenditureReadsWellAsJson() throws Exception {
        // Goal: codes, fund, nature and dates are plain strings a person can query in SQL.
        String json =
                MAPPER.writeValueAsString(
                        new ExpenditureRecorded(
                                PROJECT_LINE, ENTRY, yuan("136350.00"), PROJECT_SPENDING));
        assertThat(json)
                .contains("\"year\":2020")
                .contains("\"unit\":\"jianghan-gov-office\"")
                .contains("\"functional\":\"2010301\"")
                .contains("\"economic\":\"30201\"")
                .contains("\"fund\":\"general\"")
                .contains("\"nature\":\"project\"")
                .contains("\"project\":\"JH2020-P04\"")
                .contains("\"procurement\":\"services\"")
                .contains("\"date\":\"2020-03-15\"")
                .contains("\"transactionId\":\"2020/03:015\"")
                .contains("\"fen\":13635000");
    }

    @Test
    void aReversalNamesWhatItReversesReadably() throws Exception {
        // Goal: the reversed id and kind are plain strings too.
        String json =
                MAPPER.writeValueAsString(
                        new TransactionReversed(
                                PROJECT_LINE,
                                ENTRY,
                                TransactionId.of("x1"),
                                TransactionKind.EXPENDITURE,
                                yuan("1.00"),
                                PROJECT_SPENDING));
        assertThat(json)
                .contains("\"reversed\":\"x1\"")
                .contains("\"reversedKind\":\"expenditure\"");
    }
}
