package ledger.projections.explanation;

/**
 * 十 预算绩效管理情况 (the 2024 format): the unit's 绩效 rules, targets, evaluations and 自评 scores are not in
 * the ledger, so every number and name is a marked blank for the unit to fill in; nothing is
 * claimed that the postings cannot show.
 */
final class PerformanceManagementSection implements ExplanationSection {

    private final ExplanationWriter writer;

    PerformanceManagementSection(ExplanationWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write() {
        writer.begin("十", "预算绩效管理情况", "");
        String year = writer.year();
        writer.body(
                writer.input().unitName() + year + " 年度预算绩效管理工作开展情况如下：本部门建立了如下预算绩效管理制度：",
                Fragment.blank("预算绩效管理制度名称"),
                "，建立了",
                Fragment.blank("预算绩效管理工作机制"),
                "的预算绩效管理工作机制；全过程绩效管理实施情况：编报绩效目标的 " + year + " 年度项目 ",
                Fragment.blank("项目个数"),
                " 个，涉及预算金额 ",
                Fragment.blank("预算金额"),
                " 万元；绩效跟踪评价的 " + year + " 年度项目 ",
                Fragment.blank("项目个数"),
                " 个，涉及预算金额 ",
                Fragment.blank("预算金额"),
                " 万元；绩效自评的 " + year + " 年度项目 ",
                Fragment.blank("项目个数"),
                " 个，涉及预算金额 ",
                Fragment.blank("预算金额"),
                " 万元，平均得分 ",
                Fragment.blank("平均得分"),
                " 分（",
                Fragment.blank("绩效评级与整改情况"),
                "）。（绩效管理情况不在账簿中，由单位填写。）");
    }
}
