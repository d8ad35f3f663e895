package ledger.projections.explanation;

import static ledger.projections.explanation.ExplanationWriter.ONE;

import ledger.projections.explanation.ExplanationWriter.Change;
import ledger.projections.statement.NamedCell;

/** 一 收入支出决算总体情况说明: 收、支总计 and its change on last year. */
final class TotalsSection implements ExplanationSection {

    private final ExplanationWriter writer;

    TotalsSection(ExplanationWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write() {
        writer.begin("一", "收入支出决算总体情况说明", "fig1");
        Figure total =
                writer.cellAmount("total", "收、支总计", writer.set().address(NamedCell.TOTAL_INCOME));
        Change change =
                writer.change(
                        "total",
                        "收、支总计",
                        total.amountFen(),
                        PriorYearKey.TOTAL_INCOME_EXPENDITURE,
                        ONE);
        writer.body(
                writer.year() + " 年度收、支总计 ",
                total,
                " 万元。与 " + writer.priorYear() + " 年度相比，收、支总计各",
                change.parts,
                "。",
                change.reason());
    }
}
