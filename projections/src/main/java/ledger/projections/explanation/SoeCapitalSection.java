package ledger.projections.explanation;

import ledger.projections.statement.NamedCell;

/** 九 国有资本经营预算财政拨款支出决算情况. */
final class SoeCapitalSection implements ExplanationSection {

    private final ExplanationWriter writer;

    SoeCapitalSection(ExplanationWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write() {
        writer.begin("九", "国有资本经营预算财政拨款支出决算情况", "");
        if (writer.set().fen(writer.set().address(NamedCell.SOE_CAPITAL)) == 0) {
            writer.body(writer.input().unitName() + "没有使用国有资本经营预算财政拨款安排的支出。");
            return;
        }
        writer.body(
                writer.year() + " 年度国有资本经营预算财政拨款支出 ",
                writer.cellAmount(
                        "soe-capital",
                        "国有资本经营预算财政拨款支出",
                        writer.set().address(NamedCell.SOE_CAPITAL)),
                " 万元，其中：基本支出 ",
                writer.cellAmount(
                        "soe-capital.basic",
                        "基本支出",
                        writer.set().address(NamedCell.SOE_CAPITAL_BASIC)),
                " 万元，项目支出 ",
                writer.cellAmount(
                        "soe-capital.project",
                        "项目支出",
                        writer.set().address(NamedCell.SOE_CAPITAL_PROJECT)),
                " 万元。");
    }
}
