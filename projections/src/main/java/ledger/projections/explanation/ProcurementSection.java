package ledger.projections.explanation;

import static ledger.projections.explanation.ExplanationWriter.TWO;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.core.account.TransactionKind;
import ledger.core.classification.ProcurementType;
import ledger.projections.posting.Posting;

/** 十一 政府采购支出情况: by kind of purchase, and what went to small and medium enterprises. */
final class ProcurementSection implements ExplanationSection {

    private final ExplanationWriter writer;

    ProcurementSection(ExplanationWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write() {
        writer.begin("十一", "政府采购支出情况", "");
        Map<ProcurementType, Long> byType = new LinkedHashMap<>();
        for (ProcurementType type : ProcurementType.values()) {
            byType.put(type, 0L);
        }
        long totalFen = 0;
        long smeFen = 0;
        for (Posting posting : writer.postings()) {
            if (posting.kind() == TransactionKind.EXPENDITURE && posting.procurement() != null) {
                byType.merge(posting.procurement(), posting.amountFen(), Math::addExact);
                totalFen = Math.addExact(totalFen, posting.amountFen());
                if (Boolean.TRUE.equals(posting.sme())) {
                    smeFen = Math.addExact(smeFen, posting.amountFen());
                }
            }
        }
        String subject = writer.year() + " 年度" + writer.input().unitName();
        if (totalFen == 0) {
            writer.body(subject + "没有政府采购支出。");
            return;
        }
        Figure total = writer.amount("procurement", "政府采购支出总额", totalFen, null);
        List<Object> parts = new ArrayList<>(List.of(subject + "政府采购支出总额 ", total, " 万元"));
        List<Figure> shown = new ArrayList<>();
        for (Map.Entry<ProcurementType, Long> type : byType.entrySet()) {
            if (type.getValue() == 0) {
                continue;
            }
            String name = "政府采购" + type.getKey().chineseName() + "支出";
            Figure figure =
                    writer.amount(
                            "procurement." + type.getKey().code(), name, type.getValue(), null);
            parts.addAll(List.of(shown.isEmpty() ? "，其中：" : "，", name + " ", figure, " 万元"));
            shown.add(figure);
        }
        Figure sme = writer.amount("procurement.sme", "授予中小企业合同金额", smeFen, null);
        parts.addAll(List.of("。授予中小企业合同金额 ", sme, " 万元"));
        parts.addAll(
                writer.shareOf(
                        "procurement.sme-share",
                        "授予中小企业合同金额占政府采购支出总额",
                        sme,
                        total,
                        "，占政府采购支出总额的 ",
                        TWO));
        parts.add("。");
        writer.body(parts.toArray());
        writer.sum("procurement", "政府采购支出总额", total, shown);
    }
}
