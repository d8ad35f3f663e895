package ledger.projections.explanation;

import java.util.ArrayList;
import java.util.List;
import ledger.projections.posting.Posting;
import ledger.projections.statement.StatementEngine;
import ledger.projections.statement.StatementSet;

/**
 * Writes a unit-year's 部门决算情况说明 from its postings, section by section as the published report does
 * (一 收入支出决算总体 … 十三 预算绩效). Every number is computed from the ledger: the statement cells (表1–表9),
 * the 年初预算 ({@code budget} postings of 一般公共预算财政拨款), the projects, procurement and 中小企业 columns of
 * expenditures, and last year's figures. Where a person has to write (reasons for a change, a
 * project's purpose, what the ledger does not hold such as vehicles) the text carries a marked
 * blank.
 *
 * <p>Rounding: an amount is its exact fen sum rounded half-up to 0.01 万元; a percentage is the exact
 * ratio of two fen sums ×100 rounded half-up, to one decimal, except where the published report
 * prints two (“三公”经费 year on year, 机关运行经费 growth, the 中小企业 share). Changes are stated as magnitudes
 * with 增加/减少 and 增长/下降.
 *
 * <p>Figure keys: {@code total}, {@code total.change}, {@code total.change-percent}; {@code
 * income}, {@code income.fiscal}, {@code income.fiscal-share}, {@code income.<fund>}…; {@code
 * expenditure}, {@code expenditure.basic}, {@code expenditure.basic-share}, {@code
 * expenditure.project}, {@code expenditure.project-share}…; {@code fiscal-total}…; {@code general},
 * {@code general.share}, {@code general.change}…, {@code general.lei.<类>}, {@code
 * general.lei.<类>.share}; {@code budget}, {@code budget.completion}, {@code general.basic}, {@code
 * general.project}, {@code project.<code>}, {@code budget.lei.<类>}, {@code
 * budget.lei.<类>.completion}; {@code basic.personnel}, {@code basic.public}; {@code
 * three-public.budget}, {@code three-public}, {@code three-public.completion} and the same under
 * {@code three-public.abroad}, {@code .vehicles}, {@code .vehicle-purchase}, {@code
 * .vehicle-running}, {@code .reception} (with {@code .budget}, {@code .completion}, {@code
 * .change}, {@code .change-percent}), {@code three-public.vehicle-running.under-budget}, {@code
 * three-public.vehicle-running.memo.<摘要>}; {@code gov-fund.*}, {@code soe-capital.*}; {@code
 * running-costs}, {@code running-costs.change}, {@code running-costs.change-percent}; {@code
 * procurement}, {@code procurement.goods|services|works}, {@code procurement.sme}, {@code
 * procurement.sme-share}; {@code performance.projects}, {@code performance.project-amount}, {@code
 * performance.project-share}.
 */
public final class ExplanationGenerator {

    private ExplanationGenerator() {}

    public static Explanation generate(ExplanationInput input) {
        List<Posting> inScope = new ArrayList<>();
        for (Posting posting : input.postings()) {
            if (posting.account().unit().equals(input.unit())
                    && posting.account().year().equals(input.year())
                    && (input.asOf() == null || !posting.date().isAfter(input.asOf()))) {
                inScope.add(posting);
            }
        }
        StatementSet statements =
                StatementEngine.compute(
                        input.unit(),
                        input.unitName(),
                        input.year(),
                        input.asOf(),
                        inScope,
                        input.catalog(),
                        input.template());
        ExplanationWriter writer = new ExplanationWriter(input, statements, inScope);
        writer.writeAll();
        List<ExplanationFinding> findings =
                new ArrayList<>(StatedCheck.check(input.stated(), writer.figures(), writer.sums()));
        findings.addAll(writer.notes());
        return new Explanation(
                statements, input.prior(), writer.sections(), writer.figures(), findings);
    }
}
