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
        if (writer.set().fen(NamedCell.SOE_CAPITAL.address()) == 0) {
            writer.body(writer.input().unitName() + "没有使用国有资本经营预算财政拨款安排的支出。");
            return;
        }
        writer.body(writer.year() + " 年度国有资本经营预算财政拨款支出 ",
                writer.cellAmount("soe-capital", "国有资本经营预算财政拨款支出", NamedCell.SOE_CAPITAL.address()),
                " 万元，其中：基本支出 ",
                writer.cellAmount("soe-capital.basic", "基本支出", NamedCell.SOE_CAPITAL_BASIC.address()), " 万元，项目支出 ",
                writer.cellAmount("soe-capital.project", "项目支出", NamedCell.SOE_CAPITAL_PROJECT.address()), " 万元。");
    }
}
