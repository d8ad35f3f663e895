package ledger.projections.explanation;

import static ledger.projections.explanation.ExplanationWriter.TWO;

import ledger.projections.explanation.ExplanationWriter.Change;
import ledger.projections.statement.NamedCell;

/** 十 机关运行经费支出情况: 公用经费 and its change on last year. */
final class RunningCostsSection implements ExplanationSection {

    private final ExplanationWriter writer;

    RunningCostsSection(ExplanationWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write() {
        writer.begin("十", "机关运行经费支出情况", "");
        Figure running =
                writer.cellAmount(
                        "running-costs", "机关运行经费", writer.set().address(NamedCell.PUBLIC_COSTS));
        Change change =
                writer.change(
                        "running-costs",
                        "机关运行经费",
                        running.amountFen(),
                        PriorYearKey.RUNNING_COSTS,
                        TWO);
        writer.body(
                writer.year() + " 年度" + writer.input().unitName() + "机关运行经费支出 ",
                running,
                " 万元，比 " + writer.priorYear() + " 年度",
                change.parts,
                "。",
                change.reason());
    }
}
