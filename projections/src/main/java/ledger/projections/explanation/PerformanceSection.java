package ledger.projections.explanation;

import java.util.Map;
import ledger.core.account.ProjectCode;

/** 十三 预算绩效情况说明: the projects that were self-assessed, and blanks for the conclusions. */
final class PerformanceSection implements ExplanationSection {

    private final ExplanationWriter writer;

    PerformanceSection(ExplanationWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write() {
        writer.begin("十三", "预算绩效情况说明", "");
        writer.heading("（一）预算绩效管理工作开展情况。");
        Map<ProjectCode, Long> projects = writer.generalProjects();
        long projectFen = projects.values().stream().mapToLong(Long::longValue).sum();
        Figure count = Figure.count("performance.projects", "开展绩效自评的项目个数", projects.size());
        writer.register(count);
        Figure amount =
                writer.amount("performance.project-amount", "开展绩效自评的项目资金", projectFen, null);
        writer.body(
                "根据预算绩效管理要求，我单位组织对 " + writer.year() + " 年度一般公共预算项目支出全面开展绩效自评，共涉及项目 ",
                count,
                " 个，资金 ",
                amount,
                " 万元",
                writer.shareOf(
                        "performance.project-share",
                        "绩效自评项目资金占一般公共预算项目支出总额",
                        amount,
                        writer.figure("general.project"),
                        "，占一般公共预算项目支出总额的 "),
                "。",
                Fragment.blank("绩效评价结论"),
                "。");
        writer.heading("（二）部门(单位)整体支出自评结果。");
        writer.body(
                "我单位组织对部门开展整体支出绩效自评，资金 ",
                writer.figure("general"),
                " 万元，",
                Fragment.blank("整体支出绩效自评结果"),
                "。");
        writer.heading("（三）项目支出自评结果。");
        writer.body(Fragment.blank("各项目绩效自评综述"), "。");
    }
}
