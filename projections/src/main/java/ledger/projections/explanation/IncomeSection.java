package ledger.projections.explanation;

import java.util.ArrayList;
import java.util.List;
import ledger.core.classification.FundSource;
import ledger.projections.statement.NamedCell;

/** 二 收入决算情况说明: 本年收入合计 by source, with each source's share. */
final class IncomeSection implements ExplanationSection {

    private final ExplanationWriter writer;

    IncomeSection(ExplanationWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write() {
        writer.begin("二", "收入决算情况说明", "fig2");
        Figure income =
                writer.cellAmount(
                        "income", "本年收入合计", writer.set().address(NamedCell.INCOME_THIS_YEAR));
        long fiscalFen = 0;
        for (FundSource fund : FundSource.values()) {
            if (fund.isFiscalAppropriation()) {
                fiscalFen += writer.set().fen(NamedCell.incomeFrom(writer.set().template(), fund));
            }
        }
        List<Object> parts = new ArrayList<>(List.of(writer.year() + " 年度收入合计 ", income, " 万元。"));
        List<Figure> sources = new ArrayList<>();
        if (fiscalFen != 0 || income.amountFen() == 0) {
            Figure fiscal =
                    writer.amount(
                            "income.fiscal",
                            "财政拨款收入",
                            fiscalFen,
                            writer.set().address(NamedCell.FISCAL_INCOME_THIS_YEAR));
            sources.add(fiscal);
            parts.addAll(List.of("其中：财政拨款收入 ", fiscal, " 万元"));
            parts.addAll(
                    writer.shareOf(
                            "income.fiscal-share", "财政拨款收入占本年收入", fiscal, income, "，占本年收入 "));
        }
        for (FundSource fund : FundSource.values()) {
            long fen = writer.set().fen(NamedCell.incomeFrom(writer.set().template(), fund));
            if (fund.isFiscalAppropriation() || fen == 0) {
                continue;
            }
            Figure source =
                    writer.amount(
                            "income." + fund.code(),
                            fund.chineseName(),
                            fen,
                            NamedCell.incomeFrom(writer.set().template(), fund));
            sources.add(source);
            parts.addAll(
                    List.of(
                            sources.size() == 1 ? "其中：" : "；",
                            fund.chineseName(),
                            " ",
                            source,
                            " 万元"));
            parts.addAll(
                    writer.shareOf(
                            "income." + fund.code() + "-share",
                            fund.chineseName() + "占本年收入",
                            source,
                            income,
                            "，占本年收入 "));
        }
        parts.add(sources.isEmpty() ? "" : "。");
        writer.body(parts.toArray());
        writer.sum("income", "本年收入合计", income, sources);
    }
}
