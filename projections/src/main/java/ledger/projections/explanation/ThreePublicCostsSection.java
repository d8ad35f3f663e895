package ledger.projections.explanation;

import static ledger.projections.explanation.ExplanationWriter.REASON;
import static ledger.projections.explanation.ExplanationWriter.TWO;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ledger.core.account.TransactionKind;
import ledger.core.classification.FundSource;
import ledger.projections.explanation.ExplanationWriter.Change;
import ledger.projections.posting.Posting;
import ledger.projections.statement.NamedCell;

/**
 * 七 一般公共预算财政拨款“三公”经费支出决算情况说明: the three costs against their budget and last year; 公务用车运行费 by what
 * its memos say.
 */
final class ThreePublicCostsSection implements ExplanationSection {

    /** 经济分类 30231 公务用车运行维护费: the 运行费 whose memos say what it was spent on. */
    private static final String VEHICLE_RUNNING = "30231";

    private final ExplanationWriter writer;

    ThreePublicCostsSection(ExplanationWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write() {
        writer.begin("七", "一般公共预算财政拨款“三公”经费支出决算情况说明", "");
        Figure budget =
                writer.cellAmount(
                        "three-public.budget",
                        "“三公”经费年初预算",
                        writer.set().address(NamedCell.THREE_PUBLIC_BUDGET));
        Figure actual =
                writer.cellAmount(
                        "three-public", "“三公”经费支出决算", writer.set().address(NamedCell.THREE_PUBLIC));
        writer.heading("（一）“三公”经费的单位范围。");
        if (budget.amountFen() == 0 && actual.amountFen() == 0) {
            writer.body(writer.input().unitName() + "没有一般公共预算财政拨款安排的“三公”经费。");
        } else {
            writer.body(
                    writer.input().unitName()
                            + "有一般公共预算财政拨款预算安排“三公”经费的单位包括"
                            + writer.input().unitName()
                            + "本级单位。");
        }
        writer.heading("（二）一般公共预算财政拨款“三公”经费支出决算情况。");
        writer.body(
                writer.year() + " 年度“三公”经费财政拨款年初预算数为 ",
                budget,
                " 万元，支出决算为 ",
                actual,
                " 万元",
                writer.completion("three-public.completion", "“三公”经费完成年初预算", actual, budget),
                "，其中：");
        Figure abroad =
                category(
                        "1.",
                        "abroad",
                        "因公出国(境)费",
                        "因公出国(境)支出",
                        NamedCell.ABROAD_BUDGET,
                        NamedCell.ABROAD);
        Figure vehicles = vehicles();
        Figure reception =
                category(
                        "3.",
                        "reception",
                        "公务接待费",
                        "公务接待费",
                        NamedCell.RECEPTION_BUDGET,
                        NamedCell.RECEPTION);
        writer.sum("three-public", "“三公”经费支出决算", actual, List.of(abroad, vehicles, reception));
        writer.sum(
                "three-public.budget",
                "“三公”经费年初预算",
                budget,
                List.of(
                        writer.figure("three-public.abroad.budget"),
                        writer.figure("three-public.vehicles.budget"),
                        writer.figure("three-public.reception.budget")));
        yearOnYear();
    }

    /** 因公出国(境)费 or 公务接待费: budget column, actual column, completion, against budget. */
    private Figure category(
            String numbering,
            String key,
            String name,
            String none,
            NamedCell budgetCell,
            NamedCell actualCell) {
        String prefix = "three-public." + key;
        Figure budget =
                writer.cellAmount(
                        prefix + ".budget", name + "年初预算", writer.set().address(budgetCell));
        Figure actual = writer.cellAmount(prefix, name + "支出决算", writer.set().address(actualCell));
        if (actual.amountFen() == 0) {
            writer.item(numbering + "本单位 " + writer.year() + " 年无" + none + "。");
        } else {
            writer.item(
                    numbering + name + "支出决算为 ",
                    actual,
                    " 万元",
                    writer.completion(prefix + ".completion", name + "完成年初预算", actual, budget),
                    againstBudget(prefix, name, actual, budget),
                    "。");
        }
        return actual;
    }

    /** 2. 公务用车购置及运行费, with 购置费 and 运行费 and what 运行费 was spent on. */
    private Figure vehicles() {
        String prefix = "three-public.vehicles";
        Figure budget =
                writer.cellAmount(
                        prefix + ".budget",
                        "公务用车购置及运行费年初预算",
                        writer.set().address(NamedCell.VEHICLES_BUDGET));
        Figure actual =
                writer.cellAmount(
                        prefix, "公务用车购置及运行费支出决算", writer.set().address(NamedCell.VEHICLES));
        if (actual.amountFen() == 0) {
            writer.item("2.本单位 " + writer.year() + " 年无公务用车购置及运行费支出。");
            return actual;
        }
        writer.item(
                "2.公务用车购置及运行费支出决算为 ",
                actual,
                " 万元",
                writer.completion(prefix + ".completion", "公务用车购置及运行费完成年初预算", actual, budget),
                "；其中：");
        int index = 0;
        Figure purchaseBudget =
                writer.cellAmount(
                        "three-public.vehicle-purchase.budget",
                        "公务用车购置费年初预算",
                        writer.set().address(NamedCell.VEHICLE_PURCHASE_BUDGET));
        Figure purchase =
                writer.cellAmount(
                        "three-public.vehicle-purchase",
                        "公务用车购置费",
                        writer.set().address(NamedCell.VEHICLE_PURCHASE));
        if (purchase.amountFen() != 0 || purchaseBudget.amountFen() != 0) {
            index++;
            writer.item(
                    "(" + index + ")公务用车购置费 ",
                    purchase,
                    " 万元",
                    writer.completion(
                            "three-public.vehicle-purchase.completion",
                            "公务用车购置费完成年初预算",
                            purchase,
                            purchaseBudget),
                    againstBudget(
                            "three-public.vehicle-purchase", "公务用车购置费", purchase, purchaseBudget),
                    "。");
        }
        Figure runningBudget =
                writer.cellAmount(
                        "three-public.vehicle-running.budget",
                        "公务用车运行费年初预算",
                        writer.set().address(NamedCell.VEHICLE_RUNNING_BUDGET));
        Figure running =
                writer.cellAmount(
                        "three-public.vehicle-running",
                        "公务用车运行费",
                        writer.set().address(NamedCell.VEHICLE_RUNNING));
        if (running.amountFen() != 0 || runningBudget.amountFen() != 0) {
            index++;
            List<Object> parts =
                    new ArrayList<>(
                            List.of(
                                    "(" + index + ")公务用车运行费 ",
                                    running,
                                    " 万元",
                                    writer.completion(
                                            "three-public.vehicle-running.completion",
                                            "公务用车运行费完成年初预算",
                                            running,
                                            runningBudget),
                                    againstBudget(
                                            "three-public.vehicle-running",
                                            "公务用车运行费",
                                            running,
                                            runningBudget),
                                    "。"));
            parts.addAll(runningByMemo());
            parts.addAll(
                    List.of(
                            "年末公务用车保有量 ",
                            Fragment.blank("车辆数"),
                            " 辆，截止 " + writer.year() + " 年 12 月 31 日，开支财政拨款的公务用车保有量 ",
                            Fragment.blank("车辆数"),
                            " 辆。"));
            writer.item(parts.toArray());
        }
        writer.sum(prefix, "公务用车购置及运行费支出决算", actual, List.of(purchase, running));
        return actual;
    }

    /** “比年初预算减少 5.45 万元，主要原因是【…】”; nothing when spending equals the budget. */
    private List<Object> againstBudget(String prefix, String name, Figure actual, Figure budget) {
        long difference = actual.amountFen() - budget.amountFen();
        if (difference == 0 || budget.amountFen() == 0) {
            return budget.amountFen() == 0
                    ? List.of("，没有年初预算，" + REASON + "是", Fragment.blank(REASON))
                    : List.of();
        }
        Figure gap =
                writer.amount(
                        prefix + (difference < 0 ? ".under-budget" : ".over-budget"),
                        name + (difference < 0 ? "比年初预算减少" : "比年初预算增加"),
                        Math.abs(difference),
                        null);
        return List.of(
                "，比年初预算" + (difference < 0 ? "减少 " : "增加 "),
                gap,
                " 万元，" + REASON + "是",
                Fragment.blank(REASON));
    }

    /** What 公务用车运行费 was spent on, by the memo (摘要) of its expenditures. */
    private List<Object> runningByMemo() {
        Map<String, String> memoOfTransaction = new HashMap<>();
        for (Posting posting : writer.postings()) {
            if (!posting.isReversal()) {
                memoOfTransaction.put(posting.transactionId().value(), posting.memo());
            }
        }
        Map<String, Long> byMemo = new LinkedHashMap<>();
        for (Posting posting : writer.postings()) {
            if (posting.kind() == TransactionKind.EXPENDITURE
                    && posting.account().fund() == FundSource.GENERAL
                    && posting.account().economic().code().equals(VEHICLE_RUNNING)) {
                String memo =
                        posting.isReversal()
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
        parts.add(
                "主要用于"
                        + ordered.stream().map(Map.Entry::getKey).collect(Collectors.joining("、"))
                        + "（按支出摘要归集）。其中：");
        List<Figure> shown = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            String memo = ordered.get(i).getKey();
            Figure figure =
                    writer.amount(
                            "three-public.vehicle-running.memo." + memo,
                            memo,
                            ordered.get(i).getValue(),
                            null);
            shown.add(figure);
            parts.addAll(List.of(i == 0 ? "" : "；", memo + " ", figure, " 万元"));
        }
        parts.add("。");
        writer.sum(
                "three-public.vehicle-running",
                "公务用车运行费",
                writer.figure("three-public.vehicle-running"),
                shown);
        return parts;
    }

    private void yearOnYear() {
        Change total =
                writer.change(
                        "three-public",
                        "“三公”经费支出决算",
                        writer.figure("three-public").amountFen(),
                        PriorYearKey.THREE_PUBLIC_COSTS,
                        TWO);
        Change abroad =
                writer.change(
                        "three-public.abroad",
                        "因公出国(境)支出决算",
                        writer.figure("three-public.abroad").amountFen(),
                        PriorYearKey.THREE_PUBLIC_ABROAD,
                        TWO);
        Change vehicles =
                writer.change(
                        "three-public.vehicles",
                        "公务用车购置及运行费支出决算",
                        writer.figure("three-public.vehicles").amountFen(),
                        PriorYearKey.THREE_PUBLIC_VEHICLES,
                        TWO);
        Change reception =
                writer.change(
                        "three-public.reception",
                        "公务接待支出决算",
                        writer.figure("three-public.reception").amountFen(),
                        PriorYearKey.THREE_PUBLIC_RECEPTION,
                        TWO);
        List<Object> parts =
                new ArrayList<>(
                        List.of(
                                writer.year() + " 年度“三公”经费财政拨款支出决算数比 " + writer.priorYear() + " 年度",
                                total.parts,
                                "，其中：因公出国(境)支出决算",
                                abroad.parts,
                                "；公务用车购置及运行费支出决算",
                                vehicles.parts,
                                "；公务接待支出决算",
                                reception.parts,
                                "。"));
        List<Object> reasons = new ArrayList<>();
        String[] names = {"因公出国(境)费支出", "公务用车购置及运行费支出决算", "公务接待费支出决算"};
        Change[] changes = {abroad, vehicles, reception};
        for (int i = 0; i < changes.length; i++) {
            if (changes[i].changed) {
                reasons.addAll(
                        List.of(
                                reasons.isEmpty() ? "" : "，",
                                names[i] + changes[i].verb + "的" + REASON + "是",
                                Fragment.blank(REASON)));
            }
        }
        if (!reasons.isEmpty()) {
            parts.addAll(reasons);
            parts.add("。");
        }
        writer.body(parts.toArray());
    }
}
