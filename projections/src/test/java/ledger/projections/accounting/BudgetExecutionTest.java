package ledger.projections.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ledger.core.account.AccountBook;
import ledger.core.account.AccountEvent;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.classification.ClassificationCatalog;
import ledger.projections.accounting.BudgetExecution.Figure;
import ledger.projections.accounting.BudgetExecution.Level;
import ledger.projections.accounting.BudgetExecution.Row;
import ledger.projections.posting.Posting;
import org.junit.jupiter.api.Test;

/**
 * Goal: 预算执行进度 sums the postings the way the account rules count money, so each budget line's 可用 is
 * the figure a refused expenditure names; 类 = Σ 款 = Σ 项 = Σ lines; a figure is the sum of the
 * events behind it; an earlier date shows less. Method: the 2020 sample journal run through the
 * real reader and rules in memory, and small journals for the edge cases.
 */
class BudgetExecutionTest {

    private static final FiscalYear YEAR = FiscalYear.of(2020);
    private static final String HEADER =
            "id,date,kind,unit,fund,functional,economic,nature,amount,reverses\n";

    private static BudgetExecution of(List<Posting> postings, LocalDate asOf) {
        return BudgetExecution.of(
                "jianghan-gov-office", "江汉区政府办", YEAR, asOf, postings, p -> false);
    }

    @Test
    void eachLineAgreesWithTheAccountBookTheRulesKeep() {
        String journal = Ledgers.sampleJournal();
        Map<AccountKey, AccountBook> books = new HashMap<>();
        for (AccountEvent event : Ledgers.events(journal)) {
            books.computeIfAbsent(event.account(), AccountBook::new).apply(event);
        }
        BudgetExecution execution = of(Ledgers.postings(journal), null);
        List<Row> lines = execution.rows().stream().filter(r -> r.level() == Level.LINE).toList();
        assertThat(lines).hasSize(books.size());
        for (Row line : lines) {
            AccountBook book = books.get(line.account());
            assertThat(line.adjustedFen()).as(line.key()).isEqualTo(book.budget().fen());
            assertThat(line.appropriatedFen()).as(line.key()).isEqualTo(book.appropriated().fen());
            assertThat(line.spentFen()).as(line.key()).isEqualTo(book.spent().fen());
            assertThat(line.availableFen()).as(line.key()).isEqualTo(book.available().fen());
        }
    }

    @Test
    void everyLevelIsTheSumOfTheLevelBelowAndTheTotalOfTheClasses() {
        BudgetExecution execution = of(Ledgers.sample(), null);
        List<Row> rows = execution.rows();
        assertThat(rows.get(0).level()).isEqualTo(Level.TOTAL);
        for (Level parent : List.of(Level.TOTAL, Level.CLASS, Level.SECTION, Level.ITEM)) {
            Level child = Level.values()[parent.ordinal() + 1];
            for (Row row : rows.stream().filter(r -> r.level() == parent).toList()) {
                List<Row> children =
                        rows.stream()
                                .filter(
                                        r ->
                                                r.level() == child
                                                        && (parent == Level.TOTAL
                                                                || r.functional()
                                                                        .startsWith(
                                                                                row.functional())))
                                .toList();
                assertThat(children).as(row.key()).isNotEmpty();
                for (Figure figure : Figure.values()) {
                    assertThat(children.stream().mapToLong(r -> r.fen(figure)).sum())
                            .as(row.key() + " " + figure)
                            .isEqualTo(row.fen(figure));
                }
            }
        }
        assertThat(rows.get(0).spentFen())
                .isEqualTo(
                        Ledgers.sample().stream()
                                .filter(
                                        p ->
                                                p.kind()
                                                        == ledger.core.account.TransactionKind
                                                                .EXPENDITURE)
                                .mapToLong(Posting::amountFen)
                                .sum());
    }

    @Test
    void aFigureIsTheSumOfTheEventsBehindIt() {
        List<Posting> postings = Ledgers.sample();
        BudgetExecution execution = of(postings, LocalDate.of(2020, 6, 30));
        for (Row row : execution.rows()) {
            for (Figure figure : Figure.values()) {
                List<Posting> behind = execution.behind(row.key(), figure, postings, p -> false);
                assertThat(behind.stream().mapToLong(figure::contribution).sum())
                        .as(row.key() + " " + figure)
                        .isEqualTo(row.fen(figure));
                assertThat(behind)
                        .allSatisfy(
                                p ->
                                        assertThat(p.date())
                                                .isBeforeOrEqualTo(LocalDate.of(2020, 6, 30)));
            }
        }
        assertThatThrownBy(() -> execution.behind("999", Figure.SPENT, postings, p -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999");
    }

    @Test
    void anEarlierDateCountsOnlyWhatIsDatedUpToIt() {
        List<Posting> postings =
                Ledgers.postings(
                        HEADER
                                + "A,2020-01-05,budget,u,general,2010301,30101,,1000.00,\n"
                                + "B,2020-02-01,appropriation,u,general,2010301,30101,,600.00,\n"
                                + "C,2020-03-01,expenditure,u,general,2010301,30101,personnel,200.00,\n"
                                + "D,2020-03-31,supplement,u,general,2010301,30101,,500.00,\n"
                                + "E,2020-04-02,expenditure,u,general,2010301,30101,personnel,100.00,\n"
                                + "F,2020-04-03,reversal,u,,,,,,E\n");
        Row march = of(postings, LocalDate.of(2020, 3, 31)).row("2010301");
        assertThat(march.initialFen()).isEqualTo(100_000);
        assertThat(march.adjustedFen()).isEqualTo(150_000);
        assertThat(march.appropriatedFen()).isEqualTo(60_000);
        assertThat(march.spentFen()).isEqualTo(20_000);
        assertThat(march.availableFen()).isEqualTo(40_000);
        assertThat(march.executedPercent()).isEqualTo("13.3");
        Row april2 = of(postings, LocalDate.of(2020, 4, 2)).row("201");
        assertThat(april2.spentFen()).isEqualTo(30_000);
        assertThat(april2.executedPercent()).isEqualTo("20.0");
        Row year = of(postings, null).row(BudgetExecution.TOTAL_KEY);
        assertThat(year.spentFen()).as("the reversal undoes E").isEqualTo(20_000);
        assertThatThrownBy(() -> of(postings, LocalDate.of(2021, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2021-01-01");
    }

    @Test
    void anUnbudgetedLineHasNoExecutionRateAndOpeningBalancesAreAvailable() {
        List<Posting> postings =
                Ledgers.postings(
                        HEADER
                                + "A,2020-01-01,opening,u,general,2010301,30201,,300.00,\n"
                                + "B,2020-02-01,appropriation,u,other,2010301,30201,,600.00,\n"
                                + "C,2020-03-01,expenditure,u,other,2010301,30201,public,200.00,\n"
                                + "G,2020-03-01,expenditure,u,general,2010301,30201,public,100.00,\n");
        BudgetExecution execution = of(postings, null);
        Row total = execution.row(BudgetExecution.TOTAL_KEY);
        assertThat(total.executedPercent()).isEmpty();
        assertThat(total.openingFen()).isEqualTo(30_000);
        assertThat(total.availableFen()).isEqualTo(30_000 + 60_000 - 30_000);
        Grid grid = AccountingGrids.execution(execution, "单位", ClassificationCatalog.standard());
        assertThat(grid.headings())
                .containsSubsequence("年初预算", "调整后预算", "年初结转", "已拨", "已支", "可用", "执行率");
        assertThat(grid.render()).contains("201 一般公共服务支出", "一般公共预算财政拨款", "其他收入", "600.00");
    }
}
