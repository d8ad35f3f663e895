package ledger.projections.explanation;

import static ledger.projections.explanation.ExplanationWriter.ONE;

import ledger.projections.explanation.ExplanationWriter.Change;
import ledger.projections.statement.NamedCell;

/** 四 财政拨款收入支出决算总体情况说明: 财政拨款收、支总计 and its change on last year. */
final class FiscalTotalsSection implements ExplanationSection {

    private final ExplanationWriter writer;

    FiscalTotalsSection(ExplanationWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write() {
        writer.begin("四", "财政拨款收入支出决算总体情况说明", "fig4");
        Figure total =
                writer.cellAmount(
                        "fiscal-total",
                        "财政拨款收、支总计",
                        writer.set().address(NamedCell.FISCAL_TOTAL_INCOME));
        Change change =
                writer.change(
                        "fiscal-total",
                        "财政拨款收、支总计",
                        total.amountFen(),
                        PriorYearKey.FISCAL_INCOME_EXPENDITURE,
                        ONE);
        writer.body(
                writer.year() + " 年度财政拨款收、支总计 ",
                total,
                " 万元。与 " + writer.priorYear() + " 年度相比，财政拨款收、支总计各",
                change.parts,
                "。",
                change.reason());
    }
}
