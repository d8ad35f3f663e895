package ledger.projections.explanation;

import static ledger.projections.explanation.ExplanationWriter.ONE;
import static ledger.projections.explanation.ExplanationWriter.REASON;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ledger.core.account.ProjectCode;
import ledger.core.account.TransactionKind;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.projections.explanation.ExplanationWriter.Change;
import ledger.projections.posting.Posting;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.NamedCell;
import ledger.projections.statement.StatementRow;

/**
 * 五 一般公共预算财政拨款支出决算情况说明: the total, its structure by 类, and 年初预算 against 决算 in total, by 类 and by
 * project.
 */
final class GeneralExpenditureSection implements ExplanationSection {

    private final ExplanationWriter writer;

    GeneralExpenditureSection(ExplanationWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write() {
        writer.begin("五", "一般公共预算财政拨款支出决算情况说明", "");
        Figure general =
                writer.cellAmount(
                        "general",
                        "一般公共预算财政拨款支出",
                        writer.set().address(NamedCell.GENERAL_EXPENDITURE));
        Figure expenditure = writer.figure("expenditure");
        writer.heading("（一）财政拨款支出决算总体情况。");
        Change change =
                writer.change(
                        "general",
                        "一般公共预算财政拨款支出",
                        general.amountFen(),
                        PriorYearKey.GENERAL_EXPENDITURE,
                        ONE);
        writer.body(
                writer.year() + " 年度一般公共预算财政拨款支出 ",
                general,
                " 万元",
                writer.shareOf(
                        "general.share", "一般公共预算财政拨款支出占本年支出合计", general, expenditure, "，占本年支出合计的 "),
                "。与 " + writer.priorYear() + " 年度相比，一般公共预算财政拨款支出",
                change.parts,
                "。",
                change.reason());

        writer.heading("（二）财政拨款支出决算结构情况。");
        List<Object> structure =
                new ArrayList<>(List.of(writer.year() + " 年度一般公共预算财政拨款支出 ", general, " 万元"));
        List<Figure> byLei = new ArrayList<>();
        for (StatementRow row : writer.set().table("T5").rows()) {
            CellAddress address = NamedCell.generalExpenditureOf(row.row());
            if (row.level() != 1 || writer.set().fen(address) == 0) {
                continue;
            }
            String name = row.label() + "（类）";
            Figure lei = writer.cellAmount("general.lei." + row.row(), name, address);
            byLei.add(lei);
            structure.addAll(
                    List.of(byLei.size() == 1 ? "，主要用于以下方面：" : "；", name, " ", lei, " 万元"));
            structure.addAll(
                    writer.shareOf(
                            "general.lei." + row.row() + ".share",
                            name + "占比",
                            lei,
                            general,
                            "，占 "));
        }
        structure.add("。");
        writer.body(structure.toArray());
        writer.sum("general", "一般公共预算财政拨款支出", general, byLei);

        budgetAgainstActual(general);
    }

    /** 五(三): 年初预算 against 决算 in total and by 类, and the projects. */
    private void budgetAgainstActual(Figure general) {
        writer.heading("（三）一般公共预算财政拨款支出决算具体情况。");
        Map<String, Long> budgetByLei = new TreeMap<>();
        long budgetFen = 0;
        for (Posting posting : writer.postings()) {
            if (posting.kind() == TransactionKind.BUDGET
                    && posting.account().fund() == FundSource.GENERAL) {
                budgetFen = Math.addExact(budgetFen, posting.amountFen());
                budgetByLei.merge(
                        posting.account().functional().lei().code(),
                        posting.amountFen(),
                        Math::addExact);
            }
        }
        Figure budget = writer.amount("budget", "一般公共预算财政拨款支出年初预算", budgetFen, null);
        Figure basic =
                writer.cellAmount(
                        "general.basic", "基本支出", writer.set().address(NamedCell.GENERAL_BASIC));
        Figure project =
                writer.cellAmount(
                        "general.project", "项目支出", writer.set().address(NamedCell.GENERAL_PROJECT));
        writer.body(
                writer.year() + " 年度一般公共预算财政拨款支出年初预算为 ",
                budget,
                " 万元，支出决算为 ",
                general,
                " 万元",
                writer.completion("budget.completion", "一般公共预算财政拨款支出完成年初预算", general, budget),
                "。其中：基本支出 ",
                basic,
                " 万元，项目支出 ",
                project,
                " 万元。",
                writer.generalProjects().isEmpty() ? "" : "项目支出主要用于：");
        writer.sum("general.basic+project", "一般公共预算财政拨款支出", general, List.of(basic, project));

        List<Figure> projectFigures = new ArrayList<>();
        int index = 0;
        for (Map.Entry<ProjectCode, Long> entry : writer.generalProjects().entrySet()) {
            String name =
                    writer.input()
                            .projectNames()
                            .getOrDefault(entry.getKey(), entry.getKey().code());
            Figure figure =
                    writer.amount("project." + entry.getKey().code(), name, entry.getValue(), null);
            projectFigures.add(figure);
            index++;
            writer.item(
                    "（" + index + "）" + name + " ", figure, " 万元，用于", Fragment.blank("项目用途"), "。");
        }
        writer.sum("general.project", "项目支出", project, projectFigures);

        List<Figure> budgetParts = new ArrayList<>();
        index = 0;
        for (String lei : leiWithBudgetOrSpending(budgetByLei)) {
            index++;
            String name =
                    writer.input().catalog().functionalName(FunctionalCode.of(lei)).orElse(lei);
            Figure leiBudget =
                    writer.amount(
                            "budget.lei." + lei,
                            name + "（类）年初预算",
                            budgetByLei.getOrDefault(lei, 0L),
                            null);
            budgetParts.add(leiBudget);
            Figure actual =
                    writer.cellAmount(
                            "general.lei." + lei,
                            name + "（类）",
                            NamedCell.generalExpenditureOf(lei));
            List<Object> parts =
                    new ArrayList<>(
                            List.of(
                                    index + "." + name + "（类）。年初预算为 ",
                                    leiBudget,
                                    " 万元，支出决算为 ",
                                    actual,
                                    " 万元"));
            parts.add(
                    writer.completion(
                            "budget.lei." + lei + ".completion",
                            name + "（类）完成年初预算",
                            actual,
                            leiBudget));
            int comparison = Long.compare(actual.amountFen(), leiBudget.amountFen());
            if (leiBudget.amountFen() == 0) {
                parts.addAll(List.of("，没有年初预算，", REASON + "是", Fragment.blank(REASON)));
            } else if (comparison != 0) {
                parts.addAll(
                        List.of(
                                "，支出决算数" + (comparison > 0 ? "大于" : "小于") + "年初预算数的" + REASON + "是",
                                Fragment.blank(REASON)));
            }
            parts.add("。");
            writer.item(parts.toArray());
        }
        writer.sum("budget", "一般公共预算财政拨款支出年初预算", budget, budgetParts);
    }

    private List<String> leiWithBudgetOrSpending(Map<String, Long> budgetByLei) {
        List<String> lei = new ArrayList<>();
        for (StatementRow row : writer.set().table("T5").rows()) {
            if (row.level() == 1
                    && writer.set().fen(NamedCell.generalExpenditureOf(row.row())) != 0) {
                lei.add(row.row());
            }
        }
        budgetByLei.forEach(
                (code, fen) -> {
                    if (fen != 0 && !lei.contains(code)) {
                        lei.add(code);
                    }
                });
        lei.sort(null);
        return lei;
    }
}
