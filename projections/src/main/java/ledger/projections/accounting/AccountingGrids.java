package ledger.projections.accounting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import ledger.core.classification.ClassificationCatalog;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.FunctionalCode;

/** The 科目余额表, its ties and the 预算指标 account laid out as {@link Grid}s, in yuan. */
public final class AccountingGrids {

    private AccountingGrids() {}

    /**
     * 科目余额表: each 科目 (bold) then its 明细 lines; balances with their side (借/贷/平).
     *
     * @param unitName shown under the title
     */
    public static Grid trialBalance(
            TrialBalance balance, String unitName, ClassificationCatalog names) {
        BudgetJournal journal = balance.journal();
        List<String> subtitle = new ArrayList<>();
        subtitle.add(
                "单位："
                        + unitName
                        + "（"
                        + journal.unit()
                        + "，"
                        + journal.unitKind().chineseName()
                        + "）  "
                        + journal.year()
                        + " 年度"
                        + (journal.asOf() == null ? "" : "  截至 " + journal.asOf())
                        + "  金额单位：元");
        if (journal.proForma()) {
            subtitle.add(
                    "含预结账分录：年度未结转，结转科目按结账后列示 (includes the closing entries the year close would"
                            + " write)");
        } else if (journal.closed()) {
            subtitle.add("年度已结转：含年末结账分录 (the year is closed; its closing entries are included)");
        }
        List<Grid.Row> rows = new ArrayList<>();
        for (TrialBalance.Row row : balance.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.account().code());
            cells.add(row.isAccount() ? row.account().name() : "");
            cells.add(row.isAccount() ? "" : row.detail().detail());
            cells.add(row.isAccount() ? "" : codeAndName(row.detail().functional(), true, names));
            cells.add(row.isAccount() ? "" : codeAndName(row.detail().economic(), false, names));
            balanceCells(cells, row.openingFen());
            cells.add(row.debitFen());
            cells.add(row.creditFen());
            balanceCells(cells, row.closingFen());
            rows.add(
                    new Grid.Row(
                            cells,
                            row.isAccount() ? row.account().code() : row.detail().id(),
                            row.isAccount()));
        }
        TrialBalance.Row total = balance.total();
        List<Object> totalCells = new ArrayList<>(List.of("合计", "", "", "", ""));
        balanceCells(totalCells, total.openingFen());
        totalCells.add(total.debitFen());
        totalCells.add(total.creditFen());
        balanceCells(totalCells, total.closingFen());
        rows.add(new Grid.Row(totalCells, "", true));
        return new Grid(
                "科目余额表（预算会计）",
                subtitle,
                List.of(
                        "科目编码", "科目名称", "明细科目", "功能分类", "经济分类", "期初方向", "期初余额", "本期借方", "本期贷方",
                        "期末方向", "期末余额"),
                List.of(false, false, false, false, false, false, true, true, true, false, true),
                rows);
    }

    /** The ties to the 决算, each with both figures and whether it holds. */
    public static Grid ties(List<BudgetTies.Tie> ties) {
        List<Grid.Row> rows = new ArrayList<>();
        for (BudgetTies.Tie tie : ties) {
            rows.add(
                    new Grid.Row(
                            List.of(
                                    tie.description(),
                                    tie.accountsFen(),
                                    tie.statementFen(),
                                    tie.holds() ? "相符" : "不符"),
                            tie.rule(),
                            !tie.holds()));
        }
        return new Grid(
                "与部门决算的核对（审核公式）",
                List.of(),
                List.of("公式", "科目余额表", "决算", "结果"),
                List.of(false, true, true, false),
                rows);
    }

    /** 预算指标 account: each line (bold) then its 指标; then what each project spent. */
    public static Grid indicators(
            IndicatorAccount account, String unitName, ClassificationCatalog names) {
        List<String> subtitle =
                List.of(
                        "单位："
                                + unitName
                                + "（"
                                + account.unit()
                                + "）  "
                                + account.year()
                                + " 年度"
                                + (account.asOf() == null ? "" : "  截至 " + account.asOf())
                                + "  金额单位：元",
                        "指标 → 用款（已拨）→ 支付（已支）；可用 = 金额 − 已支");
        List<Grid.Row> rows = new ArrayList<>();
        long[] totals = new long[4];
        for (IndicatorAccount.Line line : account.lines()) {
            String id = line.account().id();
            rows.add(
                    new Grid.Row(
                            List.of(
                                    line.account().fund().chineseName(),
                                    codeAndName(line.account().functional().code(), true, names),
                                    codeAndName(line.account().economic().code(), false, names),
                                    "",
                                    "",
                                    line.amountFen(),
                                    line.appropriatedFen(),
                                    line.spentFen(),
                                    line.availableFen()),
                            id,
                            true));
            for (IndicatorAccount.Indicator indicator : line.indicators()) {
                rows.add(
                        new Grid.Row(
                                List.of(
                                        "",
                                        "",
                                        "",
                                        indicator.source().chineseName(),
                                        indicator.name(),
                                        indicator.amountFen(),
                                        indicator.appropriatedFen(),
                                        indicator.spentFen(),
                                        indicator.availableFen()),
                                id,
                                false));
            }
            totals[0] += line.amountFen();
            totals[1] += line.appropriatedFen();
            totals[2] += line.spentFen();
            totals[3] += line.availableFen();
        }
        rows.add(
                new Grid.Row(
                        List.of("合计", "", "", "", "", totals[0], totals[1], totals[2], totals[3]),
                        "",
                        true));
        for (IndicatorAccount.ProjectSpending project : account.projects()) {
            List<Object> cells = new ArrayList<>(Collections.nCopies(9, null));
            cells.set(0, "项目");
            cells.set(4, project.project().code());
            cells.set(7, project.spentFen());
            rows.add(new Grid.Row(cells, "project:" + project.project().code(), false));
        }
        return new Grid(
                "预算指标账",
                subtitle,
                List.of("资金来源", "功能分类", "经济分类", "指标来源", "指标", "金额", "已拨", "已支", "可用"),
                List.of(false, false, false, false, false, true, true, true, true),
                rows);
    }

    private static void balanceCells(List<Object> cells, long fen) {
        cells.add(fen > 0 ? "借" : fen < 0 ? "贷" : "平");
        cells.add(Math.abs(fen));
    }

    /** The 预算执行 columns, in the order {@link #execution} lays them out. */
    public static final List<BudgetExecution.Figure> EXECUTION_FIGURES =
            List.of(BudgetExecution.Figure.values());

    /**
     * 预算执行进度: 合计, then each 类, 款 and 项 (indented by level) with its budget lines; every row names
     * its key, so a page links each figure to the events behind it.
     *
     * @param scope 单位 or 部门, said before the name
     */
    public static Grid execution(
            BudgetExecution execution, String scope, ClassificationCatalog names) {
        List<String> subtitle =
                List.of(
                        scope
                                + "："
                                + execution.name()
                                + "（"
                                + execution.code()
                                + "）  "
                                + execution.year()
                                + " 年度"
                                + (execution.asOf() == null ? "  全年" : "  截至 " + execution.asOf())
                                + "  金额单位：元",
                        "调整后预算 = 年初预算 + 追加 − 调减；可用 = 年初结转 + 已拨 − 已支；执行率 = 已支 ÷ 调整后预算");
        List<Grid.Row> rows = new ArrayList<>();
        for (BudgetExecution.Row row : execution.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.level().chineseName());
            String indent =
                    "\u3000".repeat(row.level().ordinal() <= 1 ? 0 : row.level().ordinal() - 1);
            if (row.level() == BudgetExecution.Level.TOTAL) {
                cells.add("合计");
                cells.add("");
            } else if (row.level() == BudgetExecution.Level.LINE) {
                cells.add(
                        indent
                                + row.account().fund().chineseName()
                                + (execution.code().equals(row.account().unit().code())
                                        ? ""
                                        : "（" + row.account().unit() + "）"));
                cells.add(codeAndName(row.account().economic().code(), false, names));
            } else {
                cells.add(indent + codeAndName(row.functional(), true, names));
                cells.add("");
            }
            for (BudgetExecution.Figure figure : EXECUTION_FIGURES) {
                cells.add(row.fen(figure));
            }
            String percent = row.executedPercent();
            cells.add(percent.isEmpty() ? "" : percent + "%");
            rows.add(new Grid.Row(cells, row.key(), row.level().ordinal() <= 1));
        }
        List<String> headings = new ArrayList<>(List.of("级次", "功能分类 / 资金来源", "经济分类"));
        EXECUTION_FIGURES.forEach(f -> headings.add(f.chineseName()));
        headings.add("执行率");
        return new Grid(
                "预算执行进度",
                subtitle,
                headings,
                List.of(false, false, false, true, true, true, true, true, true, false),
                rows);
    }

    private static String codeAndName(
            String code, boolean functional, ClassificationCatalog names) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String name =
                functional
                        ? names.functionalName(FunctionalCode.of(code)).orElse("")
                        : names.economicName(EconomicCode.of(code)).orElse("");
        return name.isEmpty() ? code : code + " " + name;
    }
}
