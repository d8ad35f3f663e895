package ledger.projections.explanation;

import ledger.projections.statement.NamedCell;

/** 八 政府性基金预算财政拨款收入支出决算情况. */
final class GovFundSection implements ExplanationSection {

    private final ExplanationWriter writer;

    GovFundSection(ExplanationWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write() {
        writer.begin("八", "政府性基金预算财政拨款收入支出决算情况", "");
        if (writer.set().fen(writer.set().address(NamedCell.GOV_FUND_OPENING)) == 0
                && writer.set().fen(writer.set().address(NamedCell.GOV_FUND_INCOME)) == 0
                && writer.set().fen(writer.set().address(NamedCell.GOV_FUND_EXPENDITURE)) == 0
                && writer.set().fen(writer.set().address(NamedCell.GOV_FUND_CLOSING)) == 0) {
            writer.body(writer.input().unitName() + "没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。");
            return;
        }
        writer.body(
                writer.year() + " 年度政府性基金预算财政拨款年初结转和结余 ",
                writer.cellAmount(
                        "gov-fund.opening",
                        "政府性基金 年初结转和结余",
                        writer.set().address(NamedCell.GOV_FUND_OPENING)),
                " 万元，本年收入 ",
                writer.cellAmount(
                        "gov-fund.income",
                        "政府性基金 本年收入",
                        writer.set().address(NamedCell.GOV_FUND_INCOME)),
                " 万元，本年支出 ",
                writer.cellAmount(
                        "gov-fund.expenditure",
                        "政府性基金 本年支出",
                        writer.set().address(NamedCell.GOV_FUND_EXPENDITURE)),
                " 万元，年末结转和结余 ",
                writer.cellAmount(
                        "gov-fund.closing",
                        "政府性基金 年末结转和结余",
                        writer.set().address(NamedCell.GOV_FUND_CLOSING)),
                " 万元。");
    }
}
