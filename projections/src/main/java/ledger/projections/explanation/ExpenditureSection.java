package ledger.projections.explanation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.NamedCell;

/** 三 支出决算情况说明: 本年支出合计 by nature, with each nature's share. */
final class ExpenditureSection implements ExplanationSection {

    private final ExplanationWriter writer;

    ExpenditureSection(ExplanationWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write() {
        writer.begin("三", "支出决算情况说明", "fig3");
        Figure total =
                writer.cellAmount(
                        "expenditure",
                        "本年支出合计",
                        writer.set().address(NamedCell.EXPENDITURE_THIS_YEAR));
        Map<String, NamedCell> natures = new LinkedHashMap<>();
        natures.put("basic", NamedCell.EXPENDITURE_BASIC);
        natures.put("project", NamedCell.EXPENDITURE_PROJECT);
        natures.put("remit", NamedCell.EXPENDITURE_REMIT);
        natures.put("business-op", NamedCell.EXPENDITURE_BUSINESS_OP);
        natures.put("subsidy", NamedCell.EXPENDITURE_SUBSIDY);
        List<Object> parts = new ArrayList<>(List.of(writer.year() + " 年度支出合计 ", total, " 万元。"));
        List<Figure> shown = new ArrayList<>();
        for (Map.Entry<String, NamedCell> nature : natures.entrySet()) {
            CellAddress address = writer.set().address(nature.getValue());
            String name = nature.getValue().label();
            boolean alwaysShown =
                    nature.getKey().equals("basic") || nature.getKey().equals("project");
            if (writer.set().fen(address) == 0 && !alwaysShown) {
                continue;
            }
            Figure part = writer.cellAmount("expenditure." + nature.getKey(), name, address);
            parts.addAll(List.of(shown.isEmpty() ? "其中：" : "；", name, " ", part, " 万元"));
            parts.addAll(
                    writer.shareOf(
                            "expenditure." + nature.getKey() + "-share",
                            name + "占本年支出",
                            part,
                            total,
                            "，占本年支出 "));
            shown.add(part);
        }
        parts.add("。");
        writer.body(parts.toArray());
        writer.sum("expenditure", "本年支出合计", total, shown);
    }
}
