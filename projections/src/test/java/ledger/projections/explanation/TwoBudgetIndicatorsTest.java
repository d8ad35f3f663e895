package ledger.projections.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import ledger.core.account.FiscalYear;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.projections.posting.Posting;
import ledger.projections.statement.NamedCell;
import ledger.projections.statement.StatementEngine;
import ledger.projections.statement.StatementSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Goal: a line whose 年初预算 arrives as two 指标 (two {@code budget} rows) counts both, in T7's 预算数 and
 * in the 情况说明's 年初预算 and 完成年初预算. Method: a small journal through the real reader, the account rules
 * and the postings projection, then the statement engine and the 情况说明 generator.
 */
class TwoBudgetIndicatorsTest {

    private static final UnitCode UNIT = UnitCode.of("two-indicators");
    private static final FiscalYear YEAR = FiscalYear.of(2020);
    private static final String JOURNAL =
            """
            id,date,kind,unit,unit_name,fund,functional,economic,nature,amount,indicator
            b1,2020-01-02,budget,two-indicators,两个指标的单位,general,2010301,30217,,3000.00,江财预〔2020〕1号
            b2,2020-01-03,budget,two-indicators,,general,2010301,30217,,2000.00,江财预〔2020〕7号
            a1,2020-02-01,appropriation,two-indicators,,general,2010301,30217,,5000.00,
            e1,2020-03-01,expenditure,two-indicators,,general,2010301,30217,public,4000.00,
            """;

    static SampleLedger ledger;
    static StatementSet statements;
    static Explanation explanation;

    @BeforeAll
    static void runTheJournal() {
        ledger = SampleLedger.of(JOURNAL);
        statements = StatementEngine.compute(UNIT, ledger.unitName, YEAR, null, ledger.postings);
        explanation =
                ExplanationGenerator.generate(
                        ExplanationInput.of(UNIT, ledger.unitName, YEAR, ledger.postings));
    }

    @Test
    void bothBudgetRowsArePostedWithTheirIndicators() {
        assertThat(ledger.postings)
                .filteredOn(p -> p.kind() == TransactionKind.BUDGET)
                .extracting(Posting::amountFen, Posting::indicator)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(300_000L, "江财预〔2020〕1号"),
                        org.assertj.core.groups.Tuple.tuple(200_000L, "江财预〔2020〕7号"));
    }

    @Test
    void tableSevenBudgetsTheSumOfBothIndicators() {
        // 3,000 + 2,000 yuan = 0.50 万元 of 公务接待费 预算数, and so of the 三公 total.
        assertThat(statements.value(NamedCell.RECEPTION_BUDGET.address()).toWanYuan())
                .isEqualByComparingTo("0.50");
        assertThat(statements.value(NamedCell.THREE_PUBLIC_BUDGET.address()).toWanYuan())
                .isEqualByComparingTo("0.50");
    }

    @Test
    void theExplanationCountsBothIndicatorsAsTheInitialBudget() {
        assertThat(value("budget")).isEqualByComparingTo("0.50");
        // 4,000 spent of 5,000 budgeted: 80.0%, not 133.3% as against the first 指标 alone.
        assertThat(value("budget.completion")).isEqualByComparingTo("80.0");
        assertThat(value("three-public.budget")).isEqualByComparingTo("0.5");
    }

    private static BigDecimal value(String key) {
        return explanation.require(key).value();
    }
}
