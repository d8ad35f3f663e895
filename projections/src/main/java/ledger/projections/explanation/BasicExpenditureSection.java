package ledger.projections.explanation;

import java.util.ArrayList;
import java.util.List;
import ledger.core.classification.EconomicCode;
import ledger.projections.statement.NamedCell;
import ledger.projections.statement.StatementRow;

/** 六 一般公共预算财政拨款基本支出决算情况说明: 人员经费 and 公用经费 with what they include. */
final class BasicExpenditureSection implements ExplanationSection {

    private final ExplanationWriter writer;

    BasicExpenditureSection(ExplanationWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write() {
        writer.begin("六", "一般公共预算财政拨款基本支出决算情况说明", "");
        Figure basic = writer.figure("general.basic");
        Figure personnel =
                writer.cellAmount(
                        "basic.personnel", "人员经费", writer.set().address(NamedCell.PERSONNEL_COSTS));
        Figure running =
                writer.cellAmount(
                        "basic.public", "公用经费", writer.set().address(NamedCell.PUBLIC_COSTS));
        List<String> personnelItems = new ArrayList<>();
        List<String> publicItems = new ArrayList<>();
        for (StatementRow row : writer.set().table("T6").rows()) {
            if (row.level() != 2
                    || writer.set().fen(NamedCell.basicExpenditureOf(row.row())) == 0) {
                continue;
            }
            (EconomicCode.of(row.row()).isPersonnel() ? personnelItems : publicItems)
                    .add(row.label());
        }
        writer.body(
                writer.year() + " 年度一般公共预算财政拨款基本支出 ",
                basic,
                " 万元，其中，人员经费 ",
                personnel,
                " 万元",
                items(personnelItems),
                "；公用经费 ",
                running,
                " 万元",
                items(publicItems),
                "。");
        writer.sum("general.basic", "基本支出", basic, List.of(personnel, running));
    }

    private static String items(List<String> names) {
        return names.isEmpty() ? "" : "，主要包括：" + String.join("、", names);
    }
}
