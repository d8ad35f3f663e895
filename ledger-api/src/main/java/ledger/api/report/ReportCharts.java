package ledger.api.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ledger.api.report.Chart.Series;
import ledger.core.classification.FundSource;
import ledger.core.money.Money;
import ledger.projections.explanation.PriorYearFigures;
import ledger.projections.explanation.PriorYearKey;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.NamedCell;
import ledger.projections.statement.StatementRow;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.TableLayout;

/**
 * The charts of the 情况说明 from the statements and last year's figures: 图1 收、支决算总计变动 (表1 总计, this
 * year against last), 图2 收入决算结构 (表1 income lines), 图3 支出决算结构 (表3 基本/项目…, and by functional 类), 图4
 * 财政拨款收、支决算总计变动 (表4 总计).
 */
public final class ReportCharts {

    private ReportCharts() {}

    public static List<Chart> of(StatementSet set, PriorYearFigures prior) {
        return List.of(
                totals(set, prior),
                income(set),
                expenditure(set),
                expenditureByLei(set),
                fiscalTotals(set, prior));
    }

    /** 图 1: 收入总计 and 支出总计, last year and this. */
    static Chart totals(StatementSet set, PriorYearFigures prior) {
        return yearOnYear(
                "fig1",
                "图 1：收、支决算总计变动情况",
                set,
                prior,
                PriorYearKey.TOTAL_INCOME_EXPENDITURE,
                "收入总计",
                set.address(NamedCell.TOTAL_INCOME),
                "支出总计",
                set.address(NamedCell.TOTAL_EXPENDITURE));
    }

    /** 图 4: 财政拨款收入总计 and 支出总计, last year and this. */
    static Chart fiscalTotals(StatementSet set, PriorYearFigures prior) {
        return yearOnYear(
                "fig4",
                "图 4：财政拨款收、支决算总计变动情况",
                set,
                prior,
                PriorYearKey.FISCAL_INCOME_EXPENDITURE,
                "财政拨款收入总计",
                set.address(NamedCell.FISCAL_TOTAL_INCOME),
                "财政拨款支出总计",
                set.address(NamedCell.FISCAL_TOTAL_EXPENDITURE));
    }

    private static Chart yearOnYear(
            String id,
            String caption,
            StatementSet set,
            PriorYearFigures prior,
            PriorYearKey key,
            String incomeName,
            CellAddress income,
            String expenditureName,
            CellAddress expenditure) {
        List<String> years = new ArrayList<>();
        List<BigDecimal> incomes = new ArrayList<>();
        List<BigDecimal> expenditures = new ArrayList<>();
        Optional<Money> last = prior.value(key);
        if (last.isPresent()) {
            years.add(prior.year() + " 年度");
            incomes.add(last.get().toWanYuan());
            expenditures.add(last.get().toWanYuan());
        }
        years.add(set.year() + " 年度");
        incomes.add(set.value(income).toWanYuan());
        expenditures.add(set.value(expenditure).toWanYuan());
        return new Chart(
                id,
                caption,
                Chart.Type.BAR,
                years,
                List.of(
                        new Series(incomeName, incomes),
                        new Series(expenditureName, expenditures)));
    }

    /** 图 2: income by source, the three 财政拨款 together. */
    static Chart income(StatementSet set) {
        List<String> names = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        long fiscal = 0;
        for (FundSource fund : FundSource.values()) {
            if (fund.isFiscalAppropriation()) {
                fiscal += set.fen(NamedCell.incomeFrom(set.template(), fund));
            }
        }
        add(names, values, "财政拨款收入", fiscal);
        for (FundSource fund : FundSource.values()) {
            if (!fund.isFiscalAppropriation()) {
                add(
                        names,
                        values,
                        fund.chineseName(),
                        set.fen(NamedCell.incomeFrom(set.template(), fund)));
            }
        }
        return pie("fig2", "图 2：收入决算结构", names, values, "本年收入");
    }

    /** 图 3: expenditure by nature (基本支出, 项目支出, …). */
    static Chart expenditure(StatementSet set) {
        List<String> names = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (NamedCell nature :
                List.of(
                        NamedCell.EXPENDITURE_BASIC,
                        NamedCell.EXPENDITURE_PROJECT,
                        NamedCell.EXPENDITURE_REMIT,
                        NamedCell.EXPENDITURE_BUSINESS_OP,
                        NamedCell.EXPENDITURE_SUBSIDY)) {
            add(names, values, nature.label(), set.fen(set.address(nature)));
        }
        return pie("fig3", "图 3：支出决算结构", names, values, "本年支出");
    }

    /** 图 3 continued: expenditure by functional 类. */
    static Chart expenditureByLei(StatementSet set) {
        List<String> names = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (StatementRow row : set.table(TableLayout.T3.id()).rows()) {
            if (row.level() == 1) {
                add(names, values, row.label(), set.fen(NamedCell.expenditureOf(row.row())));
            }
        }
        return pie("fig3-lei", "图 3（续）：支出决算结构（按功能分类类级）", names, values, "本年支出");
    }

    private static Chart pie(
            String id,
            String caption,
            List<String> names,
            List<BigDecimal> values,
            String seriesName) {
        return new Chart(
                id, caption, Chart.Type.PIE, names, List.of(new Series(seriesName, values)));
    }

    private static void add(List<String> names, List<BigDecimal> values, String name, long fen) {
        if (fen != 0) {
            names.add(name);
            values.add(Money.ofFen(fen).toWanYuan());
        }
    }
}
