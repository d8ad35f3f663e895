package ledger.projections.explanation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import ledger.core.account.ProjectCode;
import ledger.core.account.TransactionKind;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.ProcurementType;
import ledger.core.money.Money;
import ledger.projections.posting.Posting;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.StatementRow;
import ledger.projections.statement.StatementSet;

/**
 * Writes the sections of one 情况说明, keeping every figure it states by key and every sum of shown
 * parts it relies on. The wording follows the published 2020 report of 武汉市江汉区人民政府办公室;
 * a sentence whose subject the ledger lacks (no prior year, no budget) says so with a blank.
 */
final class ExplanationWriter {

    private static final int ONE = 1;
    private static final int TWO = 2;
    private static final String REASON = "主要原因";
    private static final String VEHICLE_RUNNING = "30231";

    private final ExplanationInput input;
    private final StatementSet set;
    private final List<Posting> postings;
    private final String year;
    private final String priorYear;

    private final List<Section> sections = new ArrayList<>();
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final Map<String, List<String>> sums = new LinkedHashMap<>();
    private final List<ExplanationFinding> notes = new ArrayList<>();

    private String number;
    private String title;
    private String chart;
    private List<Paragraph> paragraphs;

    ExplanationWriter(ExplanationInput input, StatementSet set, List<Posting> postings) {
        this.input = input;
        this.set = set;
        this.postings = postings;
        this.year = Integer.toString(input.year().value());
        this.priorYear = Integer.toString(input.year().value() - 1);
    }

    List<Section> sections() {
        return sections;
    }

    Map<String, Figure> figures() {
        return figures;
    }

    /** Total key → the keys of the shown parts it is the sum of. */
    Map<String, List<String>> sums() {
        return sums;
    }

    List<ExplanationFinding> notes() {
        return notes;
    }

    void writeAll() {
        totals();
        income();
        expenditure();
        fiscalTotals();
        generalExpenditure();
        basicExpenditure();
        threePublicCosts();
        govFund();
        soeCapital();
        runningCosts();
        procurement();
        assets();
        performance();
        finishSection();
    }

    // 一 … 四 -------------------------------------------------------------------------------------

    private void totals() {
        begin("一", "收入支出决算总体情况说明", "fig1");
        Figure total = cellAmount("total", "收、支总计", cell("T1", "30", 1));
        Change change = change("total", "收、支总计", total.amountFen(),
                PriorYearKey.TOTAL_INCOME_EXPENDITURE, ONE);
        body(year + " 年度收、支总计 ", total, " 万元。与 " + priorYear + " 年度相比，收、支总计各",
                change.parts, "。", change.reason());
    }

    private void income() {
        begin("二", "收入决算情况说明", "fig2");
        Figure income = cellAmount("income", "本年收入合计", cell("T1", "27", 1));
        long fiscalFen = 0;
        for (int line = 1; line <= 3; line++) {
            fiscalFen += set.fen(cell("T1", Integer.toString(line), 1));
        }
        List<Object> parts = new ArrayList<>(List.of(year + " 年度收入合计 ", income, " 万元。"));
        List<Figure> sources = new ArrayList<>();
        if (fiscalFen != 0 || income.amountFen() == 0) {
            Figure fiscal = amount("income.fiscal", "财政拨款收入", fiscalFen, cell("T4", "27", 1));
            sources.add(fiscal);
            parts.addAll(List.of("其中：财政拨款收入 ", fiscal, " 万元"));
            parts.addAll(shareOf("income.fiscal-share", "财政拨款收入占本年收入", fiscal, income,
                    "，占本年收入 "));
        }
        FundSource[] funds = FundSource.values();
        for (int line = 4; line <= 8; line++) {
            FundSource fund = funds[line - 1];
            long fen = set.fen(cell("T1", Integer.toString(line), 1));
            if (fen == 0) {
                continue;
            }
            Figure source = amount("income." + fund.code(), fund.chineseName(), fen,
                    cell("T1", Integer.toString(line), 1));
            sources.add(source);
            parts.addAll(List.of(sources.size() == 1 ? "其中：" : "；", fund.chineseName(), " ",
                    source, " 万元"));
            parts.addAll(shareOf("income." + fund.code() + "-share", fund.chineseName()
                    + "占本年收入", source, income, "，占本年收入 "));
        }
        parts.add(sources.isEmpty() ? "" : "。");
        body(parts.toArray());
        sum("income", "本年收入合计", income, sources);
    }

    private void expenditure() {
        begin("三", "支出决算情况说明", "fig3");
        Figure total = cellAmount("expenditure", "本年支出合计", cell("T1", "57", 2));
        String[][] natures = {{"basic", "基本支出", "2"}, {"project", "项目支出", "3"},
            {"remit", "上缴上级支出", "4"}, {"business-op", "经营支出", "5"},
            {"subsidy", "对附属单位补助支出", "6"}};
        List<Object> parts = new ArrayList<>(List.of(year + " 年度支出合计 ", total, " 万元。"));
        List<Figure> shown = new ArrayList<>();
        for (String[] nature : natures) {
            CellAddress address = cell("T3", "total", Integer.parseInt(nature[2]));
            boolean alwaysShown = nature[0].equals("basic") || nature[0].equals("project");
            if (set.fen(address) == 0 && !alwaysShown) {
                continue;
            }
            Figure part = cellAmount("expenditure." + nature[0], nature[1], address);
            parts.addAll(List.of(shown.isEmpty() ? "其中：" : "；", nature[1], " ", part, " 万元"));
            parts.addAll(shareOf("expenditure." + nature[0] + "-share", nature[1] + "占本年支出",
                    part, total, "，占本年支出 "));
            shown.add(part);
        }
        parts.add("。");
        body(parts.toArray());
        sum("expenditure", "本年支出合计", total, shown);
    }

    private void fiscalTotals() {
        begin("四", "财政拨款收入支出决算总体情况说明", "fig4");
        Figure total = cellAmount("fiscal-total", "财政拨款收、支总计", cell("T4", "32", 1));
        Change change = change("fiscal-total", "财政拨款收、支总计", total.amountFen(),
                PriorYearKey.FISCAL_INCOME_EXPENDITURE, ONE);
        body(year + " 年度财政拨款收、支总计 ", total, " 万元。与 " + priorYear
                + " 年度相比，财政拨款收、支总计各", change.parts, "。", change.reason());
    }

    // 五 一般公共预算财政拨款支出 -------------------------------------------------------------------

    private void generalExpenditure() {
        begin("五", "一般公共预算财政拨款支出决算情况说明", "");
        Figure general = cellAmount("general", "一般公共预算财政拨款支出", cell("T5", "total", 1));
        Figure expenditure = figures.get("expenditure");
        heading("（一）财政拨款支出决算总体情况。");
        Change change = change("general", "一般公共预算财政拨款支出", general.amountFen(),
                PriorYearKey.GENERAL_EXPENDITURE, ONE);
        body(year + " 年度一般公共预算财政拨款支出 ", general, " 万元",
                shareOf("general.share", "一般公共预算财政拨款支出占本年支出合计", general,
                        expenditure, "，占本年支出合计的 "),
                "。与 " + priorYear + " 年度相比，一般公共预算财政拨款支出", change.parts, "。",
                change.reason());

        heading("（二）财政拨款支出决算结构情况。");
        List<Object> structure = new ArrayList<>(List.of(year + " 年度一般公共预算财政拨款支出 ",
                general, " 万元"));
        List<Figure> byLei = new ArrayList<>();
        for (StatementRow row : set.table("T5").rows()) {
            CellAddress address = cell("T5", row.row(), 1);
            if (row.level() != 1 || set.fen(address) == 0) {
                continue;
            }
            String name = row.label() + "（类）";
            Figure lei = cellAmount("general.lei." + row.row(), name, address);
            byLei.add(lei);
            structure.addAll(List.of(byLei.size() == 1 ? "，主要用于以下方面：" : "；", name, " ", lei,
                    " 万元"));
            structure.addAll(shareOf("general.lei." + row.row() + ".share", name + "占比", lei,
                    general, "，占 "));
        }
        structure.add("。");
        body(structure.toArray());
        sum("general", "一般公共预算财政拨款支出", general, byLei);

        budgetAgainstActual(general);
    }

    /** 五(三): 年初预算 against 决算 in total and by 类, and the projects. */
    private void budgetAgainstActual(Figure general) {
        heading("（三）一般公共预算财政拨款支出决算具体情况。");
        Map<String, Long> budgetByLei = new TreeMap<>();
        long budgetFen = 0;
        for (Posting posting : postings) {
            if (posting.kind() == TransactionKind.BUDGET
                    && posting.account().fund() == FundSource.GENERAL) {
                budgetFen = Math.addExact(budgetFen, posting.amountFen());
                budgetByLei.merge(posting.account().functional().lei().code(),
                        posting.amountFen(), Math::addExact);
            }
        }
        Figure budget = amount("budget", "一般公共预算财政拨款支出年初预算", budgetFen, null);
        Figure basic = cellAmount("general.basic", "基本支出", cell("T5", "total", 2));
        Figure project = cellAmount("general.project", "项目支出", cell("T5", "total", 3));
        body(year + " 年度一般公共预算财政拨款支出年初预算为 ", budget, " 万元，支出决算为 ", general,
                " 万元", completion("budget.completion", "一般公共预算财政拨款支出完成年初预算",
                        general, budget), "。其中：基本支出 ", basic, " 万元，项目支出 ", project,
                " 万元。", projects().isEmpty() ? "" : "项目支出主要用于：");
        sum("general.basic+project", "一般公共预算财政拨款支出", general, List.of(basic, project));

        List<Figure> projectFigures = new ArrayList<>();
        int index = 0;
        for (Map.Entry<ProjectCode, Long> entry : projects().entrySet()) {
            String name = input.projectNames().getOrDefault(entry.getKey(), entry.getKey().code());
            Figure figure = amount("project." + entry.getKey().code(), name, entry.getValue(),
                    null);
            projectFigures.add(figure);
            index++;
            item("（" + index + "）" + name + " ", figure, " 万元，用于", blank("项目用途"), "。");
        }
        sum("general.project", "项目支出", project, projectFigures);

        List<Figure> budgetParts = new ArrayList<>();
        index = 0;
        for (String lei : leiWithBudgetOrSpending(budgetByLei)) {
            index++;
            String name = input.catalog().functionalName(FunctionalCode.of(lei)).orElse(lei);
            Figure leiBudget = amount("budget.lei." + lei, name + "（类）年初预算",
                    budgetByLei.getOrDefault(lei, 0L), null);
            budgetParts.add(leiBudget);
            Figure actual = cellAmount("general.lei." + lei, name + "（类）", cell("T5", lei, 1));
            List<Object> parts = new ArrayList<>(List.of(index + "." + name + "（类）。年初预算为 ",
                    leiBudget, " 万元，支出决算为 ", actual, " 万元"));
            parts.add(completion("budget.lei." + lei + ".completion", name + "（类）完成年初预算",
                    actual, leiBudget));
            int comparison = Long.compare(actual.amountFen(), leiBudget.amountFen());
            if (leiBudget.amountFen() == 0) {
                parts.addAll(List.of("，没有年初预算，", REASON + "是", blank(REASON)));
            } else if (comparison != 0) {
                parts.addAll(List.of("，支出决算数" + (comparison > 0 ? "大于" : "小于")
                        + "年初预算数的" + REASON + "是", blank(REASON)));
            }
            parts.add("。");
            item(parts.toArray());
        }
        sum("budget", "一般公共预算财政拨款支出年初预算", budget, budgetParts);
    }

    private List<String> leiWithBudgetOrSpending(Map<String, Long> budgetByLei) {
        List<String> lei = new ArrayList<>();
        for (StatementRow row : set.table("T5").rows()) {
            if (row.level() == 1 && set.fen(cell("T5", row.row(), 1)) != 0) {
                lei.add(row.row());
            }
        }
        budgetByLei.forEach((code, fen) -> {
            if (fen != 0 && !lei.contains(code)) {
                lei.add(code);
            }
        });
        lei.sort(null);
        return lei;
    }

    /** 一般公共预算 project spending by project, in project-code order. */
    private Map<ProjectCode, Long> projects() {
        Map<ProjectCode, Long> byProject = new TreeMap<>();
        for (Posting posting : postings) {
            if (posting.kind() == TransactionKind.EXPENDITURE
                    && posting.account().fund() == FundSource.GENERAL
                    && posting.nature() == ExpenditureNature.PROJECT && posting.project() != null) {
                byProject.merge(posting.project(), posting.amountFen(), Math::addExact);
            }
        }
        byProject.values().removeIf(fen -> fen == 0);
        return byProject;
    }

    // 六 基本支出 ----------------------------------------------------------------------------------

    private void basicExpenditure() {
        begin("六", "一般公共预算财政拨款基本支出决算情况说明", "");
        Figure basic = figures.get("general.basic");
        Figure personnel = cellAmount("basic.personnel", "人员经费",
                cell("T6", "personnel-total", 1));
        Figure running = cellAmount("basic.public", "公用经费", cell("T6", "public-total", 1));
        List<String> personnelItems = new ArrayList<>();
        List<String> publicItems = new ArrayList<>();
        for (StatementRow row : set.table("T6").rows()) {
            if (row.level() != 2 || set.fen(cell("T6", row.row(), 1)) == 0) {
                continue;
            }
            (EconomicCode.of(row.row()).isPersonnel() ? personnelItems : publicItems)
                    .add(row.label());
        }
        body(year + " 年度一般公共预算财政拨款基本支出 ", basic, " 万元，其中，人员经费 ", personnel,
                " 万元", items(personnelItems), "；公用经费 ", running, " 万元", items(publicItems),
                "。");
        sum("general.basic", "基本支出", basic, List.of(personnel, running));
    }

    private static String items(List<String> names) {
        return names.isEmpty() ? "" : "，主要包括：" + String.join("、", names);
    }

    // 七 “三公”经费 --------------------------------------------------------------------------------

    private void threePublicCosts() {
        begin("七", "一般公共预算财政拨款“三公”经费支出决算情况说明", "");
        Figure budget = cellAmount("three-public.budget", "“三公”经费年初预算", cell("T7", "1", 1));
        Figure actual = cellAmount("three-public", "“三公”经费支出决算", cell("T7", "1", 7));
        heading("（一）“三公”经费的单位范围。");
        if (budget.amountFen() == 0 && actual.amountFen() == 0) {
            body(input.unitName() + "没有一般公共预算财政拨款安排的“三公”经费。");
        } else {
            body(input.unitName() + "有一般公共预算财政拨款预算安排“三公”经费的单位包括"
                    + input.unitName() + "本级单位。");
        }
        heading("（二）一般公共预算财政拨款“三公”经费支出决算情况。");
        body(year + " 年度“三公”经费财政拨款年初预算数为 ", budget, " 万元，支出决算为 ", actual,
                " 万元", completion("three-public.completion", "“三公”经费完成年初预算", actual,
                        budget), "，其中：");
        Figure abroad = category("1.", "abroad", "因公出国(境)费", "因公出国(境)支出", 2, 8);
        Figure vehicles = vehicles();
        Figure reception = category("3.", "reception", "公务接待费", "公务接待费", 6, 12);
        sum("three-public", "“三公”经费支出决算", actual, List.of(abroad, vehicles, reception));
        sum("three-public.budget", "“三公”经费年初预算", budget, List.of(
                figures.get("three-public.abroad.budget"),
                figures.get("three-public.vehicles.budget"),
                figures.get("three-public.reception.budget")));
        yearOnYear();
    }

    /** 因公出国(境)费 or 公务接待费: budget column, actual column, completion, against budget. */
    private Figure category(String numbering, String key, String name, String none,
            int budgetColumn, int actualColumn) {
        String prefix = "three-public." + key;
        Figure budget = cellAmount(prefix + ".budget", name + "年初预算",
                cell("T7", "1", budgetColumn));
        Figure actual = cellAmount(prefix, name + "支出决算", cell("T7", "1", actualColumn));
        if (actual.amountFen() == 0) {
            item(numbering + "本单位 " + year + " 年无" + none + "。");
        } else {
            item(numbering + name + "支出决算为 ", actual, " 万元",
                    completion(prefix + ".completion", name + "完成年初预算", actual, budget),
                    againstBudget(prefix, name, actual, budget), "。");
        }
        return actual;
    }

    /** 2. 公务用车购置及运行费, with 购置费 and 运行费 and what 运行费 was spent on. */
    private Figure vehicles() {
        String prefix = "three-public.vehicles";
        Figure budget = cellAmount(prefix + ".budget", "公务用车购置及运行费年初预算",
                cell("T7", "1", 3));
        Figure actual = cellAmount(prefix, "公务用车购置及运行费支出决算", cell("T7", "1", 9));
        if (actual.amountFen() == 0) {
            item("2.本单位 " + year + " 年无公务用车购置及运行费支出。");
            return actual;
        }
        item("2.公务用车购置及运行费支出决算为 ", actual, " 万元",
                completion(prefix + ".completion", "公务用车购置及运行费完成年初预算", actual,
                        budget), "；其中：");
        int index = 0;
        Figure purchaseBudget = cellAmount("three-public.vehicle-purchase.budget",
                "公务用车购置费年初预算", cell("T7", "1", 4));
        Figure purchase = cellAmount("three-public.vehicle-purchase", "公务用车购置费",
                cell("T7", "1", 10));
        if (purchase.amountFen() != 0 || purchaseBudget.amountFen() != 0) {
            index++;
            item("(" + index + ")公务用车购置费 ", purchase, " 万元",
                    completion("three-public.vehicle-purchase.completion", "公务用车购置费完成年初预算",
                            purchase, purchaseBudget),
                    againstBudget("three-public.vehicle-purchase", "公务用车购置费", purchase,
                            purchaseBudget), "。");
        }
        Figure runningBudget = cellAmount("three-public.vehicle-running.budget",
                "公务用车运行费年初预算", cell("T7", "1", 5));
        Figure running = cellAmount("three-public.vehicle-running", "公务用车运行费",
                cell("T7", "1", 11));
        if (running.amountFen() != 0 || runningBudget.amountFen() != 0) {
            index++;
            List<Object> parts = new ArrayList<>(List.of("(" + index + ")公务用车运行费 ", running,
                    " 万元", completion("three-public.vehicle-running.completion",
                            "公务用车运行费完成年初预算", running, runningBudget),
                    againstBudget("three-public.vehicle-running", "公务用车运行费", running,
                            runningBudget), "。"));
            parts.addAll(runningByMemo());
            parts.addAll(List.of("年末公务用车保有量 ", blank("车辆数"), " 辆，截止 " + year
                    + " 年 12 月 31 日，开支财政拨款的公务用车保有量 ", blank("车辆数"), " 辆。"));
            item(parts.toArray());
        }
        sum(prefix, "公务用车购置及运行费支出决算", actual, List.of(purchase, running));
        return actual;
    }

    /** “比年初预算减少 5.45 万元，主要原因是【…】”; nothing when spending equals the budget. */
    private List<Object> againstBudget(String prefix, String name, Figure actual, Figure budget) {
        long difference = actual.amountFen() - budget.amountFen();
        if (difference == 0 || budget.amountFen() == 0) {
            return budget.amountFen() == 0
                    ? List.of("，没有年初预算，" + REASON + "是", blank(REASON)) : List.of();
        }
        Figure gap = amount(prefix + (difference < 0 ? ".under-budget" : ".over-budget"),
                name + (difference < 0 ? "比年初预算减少" : "比年初预算增加"), Math.abs(difference),
                null);
        return List.of("，比年初预算" + (difference < 0 ? "减少 " : "增加 "), gap, " 万元，" + REASON
                + "是", blank(REASON));
    }

    /** What 公务用车运行费 was spent on, by the memo (摘要) of its expenditures. */
    private List<Object> runningByMemo() {
        Map<String, String> memoOfTransaction = new HashMap<>();
        for (Posting posting : postings) {
            if (!posting.isReversal()) {
                memoOfTransaction.put(posting.transactionId().value(), posting.memo());
            }
        }
        Map<String, Long> byMemo = new LinkedHashMap<>();
        for (Posting posting : postings) {
            if (posting.kind() == TransactionKind.EXPENDITURE
                    && posting.account().fund() == FundSource.GENERAL
                    && posting.account().economic().code().equals(VEHICLE_RUNNING)) {
                String memo = posting.isReversal()
                        ? memoOfTransaction.getOrDefault(posting.reverses().value(), "")
                        : posting.memo();
                memo = memo == null || memo.isBlank() ? "无摘要" : memo.strip();
                byMemo.merge(memo, posting.amountFen(), Math::addExact);
            }
        }
        byMemo.values().removeIf(fen -> fen == 0);
        if (byMemo.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, Long>> ordered = new ArrayList<>(byMemo.entrySet());
        ordered.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        List<Object> parts = new ArrayList<>();
        parts.add("主要用于" + ordered.stream().map(Map.Entry::getKey)
                .collect(Collectors.joining("、")) + "（按支出摘要归集）。其中：");
        List<Figure> shown = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            String memo = ordered.get(i).getKey();
            Figure figure = amount("three-public.vehicle-running.memo." + memo, memo,
                    ordered.get(i).getValue(), null);
            shown.add(figure);
            parts.addAll(List.of(i == 0 ? "" : "；", memo + " ", figure, " 万元"));
        }
        parts.add("。");
        sum("three-public.vehicle-running", "公务用车运行费", figures.get(
                "three-public.vehicle-running"), shown);
        return parts;
    }

    private void yearOnYear() {
        Change total = change("three-public", "“三公”经费支出决算",
                figures.get("three-public").amountFen(), PriorYearKey.THREE_PUBLIC_COSTS, TWO);
        Change abroad = change("three-public.abroad", "因公出国(境)支出决算",
                figures.get("three-public.abroad").amountFen(), PriorYearKey.THREE_PUBLIC_ABROAD,
                TWO);
        Change vehicles = change("three-public.vehicles", "公务用车购置及运行费支出决算",
                figures.get("three-public.vehicles").amountFen(),
                PriorYearKey.THREE_PUBLIC_VEHICLES, TWO);
        Change reception = change("three-public.reception", "公务接待支出决算",
                figures.get("three-public.reception").amountFen(),
                PriorYearKey.THREE_PUBLIC_RECEPTION, TWO);
        List<Object> parts = new ArrayList<>(List.of(year + " 年度“三公”经费财政拨款支出决算数比 "
                + priorYear + " 年度", total.parts, "，其中：因公出国(境)支出决算", abroad.parts,
                "；公务用车购置及运行费支出决算", vehicles.parts, "；公务接待支出决算",
                reception.parts, "。"));
        List<Object> reasons = new ArrayList<>();
        String[] names = {"因公出国(境)费支出", "公务用车购置及运行费支出决算", "公务接待费支出决算"};
        Change[] changes = {abroad, vehicles, reception};
        for (int i = 0; i < changes.length; i++) {
            if (changes[i].changed) {
                reasons.addAll(List.of(reasons.isEmpty() ? "" : "，", names[i] + changes[i].verb
                        + "的" + REASON + "是", blank(REASON)));
            }
        }
        if (!reasons.isEmpty()) {
            parts.addAll(reasons);
            parts.add("。");
        }
        body(parts.toArray());
    }

    // 八 … 十三 -----------------------------------------------------------------------------------

    private void govFund() {
        begin("八", "政府性基金预算财政拨款收入支出决算情况", "");
        long[] fen = new long[7];
        for (int column = 1; column <= 6; column++) {
            fen[column] = set.fen(cell("T8", "total", column));
        }
        if (fen[1] == 0 && fen[2] == 0 && fen[3] == 0 && fen[6] == 0) {
            body(input.unitName() + "没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。");
            return;
        }
        body(year + " 年度政府性基金预算财政拨款年初结转和结余 ",
                cellAmount("gov-fund.opening", "政府性基金 年初结转和结余", cell("T8", "total", 1)),
                " 万元，本年收入 ",
                cellAmount("gov-fund.income", "政府性基金 本年收入", cell("T8", "total", 2)),
                " 万元，本年支出 ",
                cellAmount("gov-fund.expenditure", "政府性基金 本年支出", cell("T8", "total", 3)),
                " 万元，年末结转和结余 ",
                cellAmount("gov-fund.closing", "政府性基金 年末结转和结余", cell("T8", "total", 6)),
                " 万元。");
    }

    private void soeCapital() {
        begin("九", "国有资本经营预算财政拨款支出决算情况", "");
        if (set.fen(cell("T9", "total", 1)) == 0) {
            body(input.unitName() + "没有使用国有资本经营预算财政拨款安排的支出。");
            return;
        }
        body(year + " 年度国有资本经营预算财政拨款支出 ",
                cellAmount("soe-capital", "国有资本经营预算财政拨款支出", cell("T9", "total", 1)),
                " 万元，其中：基本支出 ",
                cellAmount("soe-capital.basic", "基本支出", cell("T9", "total", 2)), " 万元，项目支出 ",
                cellAmount("soe-capital.project", "项目支出", cell("T9", "total", 3)), " 万元。");
    }

    private void runningCosts() {
        begin("十", "机关运行经费支出情况", "");
        Figure running = cellAmount("running-costs", "机关运行经费", cell("T6", "public-total", 1));
        Change change = change("running-costs", "机关运行经费", running.amountFen(),
                PriorYearKey.RUNNING_COSTS, TWO);
        body(year + " 年度" + input.unitName() + "机关运行经费支出 ", running, " 万元，比 " + priorYear
                + " 年度", change.parts, "。", change.reason());
    }

    private void procurement() {
        begin("十一", "政府采购支出情况", "");
        Map<ProcurementType, Long> byType = new LinkedHashMap<>();
        for (ProcurementType type : ProcurementType.values()) {
            byType.put(type, 0L);
        }
        long totalFen = 0;
        long smeFen = 0;
        for (Posting posting : postings) {
            if (posting.kind() == TransactionKind.EXPENDITURE && posting.procurement() != null) {
                byType.merge(posting.procurement(), posting.amountFen(), Math::addExact);
                totalFen = Math.addExact(totalFen, posting.amountFen());
                if (Boolean.TRUE.equals(posting.sme())) {
                    smeFen = Math.addExact(smeFen, posting.amountFen());
                }
            }
        }
        String subject = year + " 年度" + input.unitName();
        if (totalFen == 0) {
            body(subject + "没有政府采购支出。");
            return;
        }
        Figure total = amount("procurement", "政府采购支出总额", totalFen, null);
        List<Object> parts = new ArrayList<>(List.of(subject + "政府采购支出总额 ", total, " 万元"));
        List<Figure> shown = new ArrayList<>();
        for (Map.Entry<ProcurementType, Long> type : byType.entrySet()) {
            if (type.getValue() == 0) {
                continue;
            }
            String name = "政府采购" + type.getKey().chineseName() + "支出";
            Figure figure = amount("procurement." + type.getKey().code(), name, type.getValue(),
                    null);
            parts.addAll(List.of(shown.isEmpty() ? "，其中：" : "，", name + " ", figure, " 万元"));
            shown.add(figure);
        }
        Figure sme = amount("procurement.sme", "授予中小企业合同金额", smeFen, null);
        parts.addAll(List.of("。授予中小企业合同金额 ", sme, " 万元"));
        parts.addAll(shareOf("procurement.sme-share", "授予中小企业合同金额占政府采购支出总额", sme,
                total, "，占政府采购支出总额的 ", TWO));
        parts.add("。");
        body(parts.toArray());
        sum("procurement", "政府采购支出总额", total, shown);
    }

    private void assets() {
        begin("十二", "国有资产占用情况", "");
        body("截至 " + year + " 年 12 月 31 日，" + input.unitName() + "共有车辆 ", blank("车辆数"),
                " 辆，其中，", blank("车辆用途构成"), "。", blank("单价 50 万元（含）以上通用设备"), "，",
                blank("单价 100 万元（含）以上专用设备"), "。（资产情况不在账簿中，由单位填写。）");
    }

    private void performance() {
        begin("十三", "预算绩效情况说明", "");
        heading("（一）预算绩效管理工作开展情况。");
        Map<ProjectCode, Long> projects = projects();
        long projectFen = projects.values().stream().mapToLong(Long::longValue).sum();
        Figure count = Figure.count("performance.projects", "开展绩效自评的项目个数",
                projects.size());
        register(count);
        Figure amount = amount("performance.project-amount", "开展绩效自评的项目资金", projectFen,
                null);
        body("根据预算绩效管理要求，我单位组织对 " + year + " 年度一般公共预算项目支出全面开展绩效自评，共涉及项目 ",
                count, " 个，资金 ", amount, " 万元",
                shareOf("performance.project-share", "绩效自评项目资金占一般公共预算项目支出总额", amount,
                        figures.get("general.project"), "，占一般公共预算项目支出总额的 "),
                "。", blank("绩效评价结论"), "。");
        heading("（二）部门(单位)整体支出自评结果。");
        body("我单位组织对部门开展整体支出绩效自评，资金 ", figures.get("general"), " 万元，",
                blank("整体支出绩效自评结果"), "。");
        heading("（三）项目支出自评结果。");
        body(blank("各项目绩效自评综述"), "。");
    }

    // figures, changes and shares ------------------------------------------------------------------

    /** The magnitude and direction of a change on last year, or a blank when last year is unknown. */
    private static final class Change {
        final List<Object> parts;
        final boolean changed;
        final String verb;

        Change(List<Object> parts, boolean changed, String verb) {
            this.parts = parts;
            this.changed = changed;
            this.verb = verb;
        }

        /** “主要原因是【…】。” when there is a change to explain. */
        List<Object> reason() {
            return changed ? List.of(REASON + "是", Fragment.blank(REASON), "。") : List.of();
        }
    }

    private Change change(String prefix, String label, long nowFen, PriorYearKey key, int scale) {
        Optional<Money> prior = input.prior().value(key);
        if (prior.isEmpty()) {
            return new Change(List.of(blank("增减（" + priorYear + " 年度" + label
                    + "缺失，请导入上年账簿或上年数文件）")), false, "");
        }
        long priorFen = prior.get().fen();
        long difference = Math.subtractExact(nowFen, priorFen);
        if (difference == 0) {
            return new Change(List.of("持平"), false, "持平");
        }
        String verb = difference > 0 ? "增加" : "减少";
        Figure amount = amount(prefix + ".change", label + "比上年" + verb, Math.abs(difference),
                null);
        List<Object> parts = new ArrayList<>(List.of(verb + " ", amount, " 万元"));
        if (priorFen != 0) {
            Figure percent = percent(prefix + ".change-percent", label + "比上年"
                    + (difference > 0 ? "增长" : "下降"), Math.abs(difference), Math.abs(priorFen),
                    scale);
            parts.addAll(List.of("，" + (difference > 0 ? "增长 " : "下降 "), percent));
        } else {
            parts.add("（上年为 0）");
        }
        return new Change(parts, true, verb);
    }

    private List<Object> shareOf(String key, String label, Figure part, Figure whole,
            String words) {
        return shareOf(key, label, part, whole, words, ONE);
    }

    private List<Object> shareOf(String key, String label, Figure part, Figure whole, String words,
            int scale) {
        if (whole == null || whole.amountFen() == 0) {
            return List.of();
        }
        return List.of(words, percent(key, label, part.amountFen(), whole.amountFen(), scale));
    }

    /** “，完成年初预算的 102.6%”; nothing without a budget. */
    private List<Object> completion(String key, String label, Figure actual, Figure budget) {
        if (budget.amountFen() == 0) {
            return List.of();
        }
        return List.of("，完成年初预算的 ", percent(key, label, actual.amountFen(),
                budget.amountFen(), ONE));
    }

    private Figure cellAmount(String key, String label, CellAddress address) {
        return amount(key, label, set.fen(address), address);
    }

    private Figure amount(String key, String label, long fen, CellAddress address) {
        return register(Figure.amount(key, label, fen, address));
    }

    private Figure percent(String key, String label, long numerator, long denominator,
            int scale) {
        return register(Figure.percent(key, label, numerator, denominator, scale));
    }

    /** Keeps a figure by key; a key stated twice must be the same figure. */
    private Figure register(Figure figure) {
        Figure earlier = figures.putIfAbsent(figure.key(), figure);
        if (earlier != null && !earlier.equals(figure)) {
            throw new IllegalStateException("figure " + figure.key() + " computed twice differently: "
                    + earlier + " and " + figure);
        }
        return earlier == null ? figure : earlier;
    }

    /**
     * Records that a shown total is the sum of shown parts (exactly, in fen), and notes a rounding
     * tail when the shown parts do not add up to the shown total.
     */
    private void sum(String name, String label, Figure total, List<Figure> parts) {
        if (total == null || parts.size() < 2) {
            return;
        }
        long exact = 0;
        BigDecimal shown = BigDecimal.ZERO;
        for (Figure part : parts) {
            exact = Math.addExact(exact, part.amountFen());
            shown = shown.add(part.value());
        }
        if (exact != total.amountFen()) {
            throw new IllegalStateException(label + ": parts " + parts + " do not add up to "
                    + total);
        }
        sums.putIfAbsent(total.key(), parts.stream().map(Figure::key).toList());
        if (shown.compareTo(total.value()) == 0) {
            return;
        }
        String shownParts = parts.stream().map(Figure::display).collect(Collectors.joining(" + "));
        String exactParts = parts.stream().map(part -> part.money().toWanYuanExact()
                .toPlainString()).collect(Collectors.joining(" + "));
        notes.add(new ExplanationFinding(ExplanationFinding.Kind.ROUNDING_TAIL, name, number, "",
                total.display(), number + " " + label + "：分项 " + shownParts + " = "
                + Figure.thousands(shown) + "，合计印 " + total.display() + "；各数由精确数（"
                + exactParts + " 万元）分别四舍五入，精确数之和等于合计，差额为尾差，不是错误。"));
    }

    private static CellAddress cell(String table, String row, int column) {
        return CellAddress.of(table, row, column);
    }

    private static Fragment blank(String prompt) {
        return Fragment.blank(prompt);
    }

    // sections and paragraphs ----------------------------------------------------------------------

    private void begin(String sectionNumber, String sectionTitle, String sectionChart) {
        finishSection();
        number = sectionNumber;
        title = sectionTitle;
        chart = sectionChart;
        paragraphs = new ArrayList<>();
    }

    private void finishSection() {
        if (paragraphs != null) {
            sections.add(new Section(number, title, paragraphs, chart));
            paragraphs = null;
        }
    }

    private void heading(String text) {
        paragraphs.add(new Paragraph(Paragraph.Style.HEADING, List.of(Fragment.text(text))));
    }

    private void body(Object... parts) {
        paragraphs.add(new Paragraph(Paragraph.Style.BODY, fragments(List.of(parts))));
    }

    private void item(Object... parts) {
        paragraphs.add(new Paragraph(Paragraph.Style.ITEM, fragments(List.of(parts))));
    }

    /** Strings become text, figures figures; lists are flattened; adjacent text is joined. */
    private static List<Fragment> fragments(Collection<?> parts) {
        List<Fragment> fragments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        flatten(parts, fragments, text);
        if (text.length() > 0) {
            fragments.add(Fragment.text(text.toString()));
        }
        return fragments;
    }

    private static void flatten(Collection<?> parts, List<Fragment> fragments,
            StringBuilder text) {
        for (Object part : parts) {
            if (part instanceof Collection<?> nested) {
                flatten(nested, fragments, text);
                continue;
            }
            if (part instanceof String words) {
                text.append(words);
                continue;
            }
            if (text.length() > 0) {
                fragments.add(Fragment.text(text.toString()));
                text.setLength(0);
            }
            if (part instanceof Figure figure) {
                fragments.add(Fragment.figure(figure));
            } else if (part instanceof Fragment fragment) {
                fragments.add(fragment);
            } else {
                throw new IllegalArgumentException("not a part of a paragraph: " + part);
            }
        }
    }
}
