package ledger.reportreader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ledger.projections.statement.CellAddress;

/**
 * The 情况说明 of a 2024-format report against its own tables. Every amount the text states after a
 * name the template gives (收入支出总计, 本年收入合计, 财政拨款收入, 基本支出, 一般公共服务支出（类）, 人员经费, 机关运行经费, “三公”经费 …) is
 * set beside the cell that carries it; every share (占 …%), 完成年初预算 %, year-on-year change (比 2023
 * 年度增加 … 万元，增长 …%) is recomputed from the tables; the 年初预算 of the 项 listed in 五（三） must add up to
 * the stated total and each 项's 支出决算 is its 表5 figure; the 政府采购 total is the sum of its parts;
 * every comparison word (小于 / 大于 / 等于 / 持平, 增加 / 减少, 增长 / 下降) agrees with the figures it compares.
 *
 * <p>Tolerance is what rounding explains: an amount 0.01 away is a note (尾差); a percentage is a
 * note when some figures within half a cent of the printed ones give it, an error otherwise. 基本持平
 * allows 1% of the budget; 持平 and 等于 want equal figures. A sentence the extraction broke apart so
 * that a figure has no name is not checked (never guessed); a name the table does not print is
 * skipped.
 */
final class ExplanationChecks {

    private static final BigDecimal TAIL = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
    private static final Pattern AMOUNT = Pattern.compile(NUMBER + "万元");
    private static final Pattern SHARE = Pattern.compile("^，占([^，。；%\\d]{0,12}?)的?" + NUMBER + "%");
    private static final Pattern COMPLETION = Pattern.compile("^，完成(?:年初)?预算的" + NUMBER + "%");
    private static final Pattern YEAR_ON_YEAR =
            Pattern.compile(
                    "^(?:，占[^。；]*?%)?[。，；]?(?:与|比)(\\d{4})年度?(?:相比)?，?"
                            + "[^，。；%\\d]*?(增加|减少|增长|下降)"
                            + NUMBER
                            + "万元，?(增加|减少|增长|下降)"
                            + NUMBER
                            + "%");
    private static final Pattern PARENT = Pattern.compile("^，(?:其中|主要用于[^：]{0,6})：");
    private static final Pattern COMPARISON = Pattern.compile("决算数(?:与预算数)?(小于|大于|等于|基本持平|持平)");

    /** The comparison sentence right after an actual figure (and its 完成预算 %), about that figure. */
    private static final Pattern NEXT_COMPARISON =
            Pattern.compile("^(?:，完成(?:年初)?预算的[\\d.]+%)?[。，]?决算数(?:与预算数)?" + "(小于|大于|等于|基本持平|持平)");

    private static final Pattern THREE_PUBLIC_COMPARISON =
            Pattern.compile("“三公”经费(?:财政拨款)?支出决算数(?:与预算数)?" + "(小于|大于|等于|基本持平|持平)");
    private static final Pattern ITEM = Pattern.compile("(\\d{1,2})、[^、。]{0,40}?（类）");
    private static final Pattern ITEM_NAMES =
            Pattern.compile("、([^（）、。]{1,30})（类）([^（）]{1,30})（款）([^（）\\d]{1,40})（项）");
    private static final Pattern PROCUREMENT =
            Pattern.compile("政府采购(?:金额|支出总额)[^。，]{0,20}?为?" + NUMBER + "万元，其中：([^。]*)");
    private static final Pattern PROCUREMENT_PART =
            Pattern.compile("(货物|工程|服务)(?:采购金额|支出)" + NUMBER + "万元");
    private static final Pattern LEI_LABEL = Pattern.compile("([^：:（）()]+?)[（(]类[）)](支出)?$");

    /** 2020: "1.一般公共服务支出(类)。年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 P%". */
    private static final Pattern LEI_ITEM =
            Pattern.compile(
                    "(\\d{1,2})[.．、]([^（(。，]{2,20})[（(]类[）)]。年初预算为"
                            + NUMBER
                            + "万元，支出决算为"
                            + NUMBER
                            + "万元(?:，完成年初预算的"
                            + NUMBER
                            + "(%?))?");

    private static final Pattern LEI_COMPARISON = Pattern.compile("^[^。]*?支出决算数(大于|小于|等于)年初预算数");
    private static final Pattern LISTED =
            Pattern.compile("(人员经费|公用经费)" + NUMBER + "万元，主要包括：([^；。]*)");
    private static final Pattern MISSING_PERCENT =
            Pattern.compile("完成(?:年初)?预算的(\\d+\\.\\d+)(?![\\d%])");
    private static final Pattern CODE_LINE =
            Pattern.compile("^(2\\d{2})(?:\\s+(\\d{2}))?(?:\\s+(\\d{2}))?\\s+([^\\s\\d,.]+)");
    private static final Pattern JOINED_CODE_LINE =
            Pattern.compile("^(2\\d{4}(?:\\d{2})?)\\s+([^\\s\\d,.]+)");

    private final ReportReading reading;
    private final Narrative narrative;
    private final Map<CellAddress, ReadFigure> figures = new LinkedHashMap<>();
    private final Map<String, List<CellAddress>> phrases = new LinkedHashMap<>();
    private final Map<String, List<CellAddress>> budgets = new LinkedHashMap<>();
    private final List<ReportFinding> findings = new ArrayList<>();

    private ExplanationChecks(ReportReading reading, Narrative narrative) {
        this.reading = reading;
        this.narrative = narrative;
        reading.figures().forEach(figure -> figures.put(figure.cell(), figure));
        int lei = reading.template().equals("2024") ? 24 : 26;
        definePhrases(lei + 4, lei + 6, reading.template().equals("2020"));
    }

    static List<ReportFinding> check(ReportReading reading) {
        Narrative narrative = Narrative.of(reading.lines());
        if (narrative.isEmpty()) {
            return List.of();
        }
        ExplanationChecks checks = new ExplanationChecks(reading, narrative);
        checks.mentions();
        checks.items();
        checks.leiItems();
        checks.procurement();
        checks.threePublicComparison();
        checks.percentSigns();
        checks.listedKuan();
        return checks.findings;
    }

    /**
     * The names the template's 情况说明 gives its figures, and the cells that carry them: the 2024
     * wording and the 2020 one (收、支总计, 收入合计, 财政拨款支出, 公务用车购置及运行费 …). 表7's columns are positions in
     * 2024 (预算数/决算数 in pairs) and 栏次 in 2020 (1–6 预算数, 7–12 决算数).
     */
    private void definePhrases(int k1, int k4, boolean format2020) {
        phrase("财政拨款收入支出总计", cell("T4", k4, 1));
        phrase("财政拨款收、支总计", cell("T4", k4, 1));
        phrase("收入支出总计", cell("T1", k1, 1));
        phrase("收、支总计", cell("T1", k1, 1));
        phrase("本年收入合计", cell("T1", k1 - 3, 1));
        phrase("收入合计", cell("T1", k1 - 3, 1));
        phrase("本年收入", cell("T1", k1 - 3, 1));
        phrase("本年支出合计", cell("T1", 2 * k1 - 3, 2));
        phrase("支出合计", cell("T1", 2 * k1 - 3, 2));
        phrase("本年支出", cell("T1", 2 * k1 - 3, 2));
        phrase("年初结转和结余", cell("T1", k1 - 1, 1));
        phrase("年末结转和结余", cell("T1", 2 * k1 - 1, 2));
        phrase("财政拨款收入", cell("T1", 1, 1), cell("T1", 2, 1), cell("T1", 3, 1));
        phrase("财政拨款支出", cell("T4", k4 + (k4 - 6) + 1, 2));
        phrase("财政拨款收入合计", cell("T4", k4 - 5, 1));
        phrase("财政拨款支出合计", cell("T4", k4 + (k4 - 6) + 1, 2));
        // the 基本/项目 split of all three fiscal sources: 表5, 表8 and 表9
        int soeBasic = format2020 ? 2 : 4;
        phrase(
                "财政拨款基本支出",
                cell("T5", "total", 2),
                cell("T8", "total", 4),
                cell("T9", "total", soeBasic));
        phrase(
                "财政拨款项目支出",
                cell("T5", "total", 3),
                cell("T8", "total", 5),
                cell("T9", "total", soeBasic + 1));
        List<String> funds =
                List.of(
                        "一般公共预算财政拨款收入",
                        "政府性基金预算财政拨款收入",
                        "国有资本经营预算财政拨款收入",
                        "上级补助收入",
                        "事业收入",
                        "经营收入",
                        "附属单位上缴收入",
                        "其他收入");
        for (int i = 0; i < funds.size(); i++) {
            phrase(funds.get(i), cell("T1", i + 1, 1));
        }
        List<String> natures = List.of("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出");
        for (int i = 0; i < natures.size(); i++) {
            phrase(natures.get(i), cell("T3", "total", i + 2));
        }
        phrase("一般公共预算财政拨款支出", cell("T5", "total", 1));
        phrase("一般公共预算财政拨款支出决算", cell("T5", "total", 1));
        phrase("一般公共预算财政拨款基本支出", cell("T5", "total", 2));
        phrase("一般公共预算财政拨款项目支出", cell("T5", "total", 3));
        phrase("政府性基金预算财政拨款支出", cell("T8", "total", 3));
        phrase("国有资本经营预算财政拨款支出", cell("T9", "total", format2020 ? 1 : 3));
        phrase("人员经费", cell("T6", "personnel-total", 1));
        phrase("公用经费", cell("T6", "public-total", 1));
        phrase("机关运行经费", cell("T6", "public-total", 1));
        phrase("机关运行经费支出", cell("T6", "public-total", 1));
        // 表7: each item's 决算数 and 预算数
        int[][] columns =
                format2020
                        ? new int[][] {{7, 1}, {8, 2}, {9, 3}, {10, 4}, {11, 5}, {12, 6}}
                        : new int[][] {{2, 1}, {4, 3}, {6, 5}, {8, 7}, {10, 9}, {12, 11}};
        for (String name : List.of("“三公”经费财政拨款支出", "“三公”经费财政拨款", "“三公”经费")) {
            threePublicCost(name, columns[0][0], columns[0][1]);
        }
        threePublicCost("因公出国（境）费", columns[1][0], columns[1][1]);
        for (String name : List.of("公务用车购置及运行维护费", "公务用车购置及运行费")) {
            threePublicCost(name, columns[2][0], columns[2][1]);
        }
        threePublicCost("公务用车购置费", columns[3][0], columns[3][1]);
        for (String name : List.of("公务用车运行维护费", "公务用车运行费")) {
            threePublicCost(name, columns[4][0], columns[4][1]);
        }
        threePublicCost("公务接待费", columns[5][0], columns[5][1]);
    }

    private void threePublicCost(String name, int actual, int budget) {
        for (String suffix : List.of("", "决算", "支出决算")) {
            phrase(name + suffix, cell("T7", "1", actual));
            budgets.put(name + suffix, List.of(cell("T7", "1", budget)));
        }
        phrase(name + "年初预算", cell("T7", "1", budget));
        phrase(name + "支出年初预算", cell("T7", "1", budget));
    }

    private void phrase(String name, CellAddress... cells) {
        phrases.put(name, List.of(cells));
    }

    // every amount after a name ------------------------------------------------------------------

    /**
     * A named amount: where it is printed, the name, the cells it should equal and the value
     * stated.
     */
    private record Mention(
            int start,
            int end,
            String name,
            List<CellAddress> cells,
            BigDecimal stated,
            String printed) {}

    private void mentions() {
        String text = narrative.text();
        Matcher amounts = AMOUNT.matcher(text);
        Mention parent = null;
        String subject = null;
        BigDecimal statedBudget = null;
        int itemsFrom = text.indexOf("一般公共预算财政拨款支出决算具体情况");
        Matcher firstItem = ITEM.matcher(text);
        itemsFrom =
                itemsFrom >= 0 && firstItem.find(itemsFrom) ? firstItem.start() : Integer.MAX_VALUE;
        int itemsTo = text.indexOf("一般公共预算财政拨款基本支出决算情况说明", Math.min(itemsFrom, text.length()));
        itemsTo = itemsTo < 0 ? text.length() : itemsTo;
        while (amounts.find()) {
            if (amounts.start() >= itemsFrom && amounts.start() < itemsTo) {
                continue; // the 项 of 五（三）: see items()
            }
            String label = label(text, amounts.start());
            BigDecimal stated = new BigDecimal(amounts.group(1).replace(",", ""));
            String after =
                    text.substring(amounts.end(), Math.min(text.length(), amounts.end() + 120));
            if (label.endsWith("年初预算")) {
                subject = label.substring(0, label.length() - "年初预算".length());
                statedBudget = stated;
            } else if (label.equals("支出决算") || label.equals("决算")) {
                label = subject == null ? label : subject + "决算";
            }
            Mention mention =
                    resolve(label, amounts.start(), amounts.end(), stated, amounts.group(1));
            if (mention == null) {
                continue;
            }
            compareWithTable(mention);
            Matcher share = SHARE.matcher(after);
            if (share.find()) {
                share(mention, share, parent, amounts.end());
            }
            Matcher completion = COMPLETION.matcher(after);
            if (completion.find()) {
                completion(mention, completion, statedBudget, amounts.end());
            }
            if (mention.name().endsWith("决算") && mention.name().length() > 2) {
                comparisonWord(mention, statedBudget, after, amounts.end());
            }
            Matcher change = YEAR_ON_YEAR.matcher(after);
            if (change.find()) {
                yearOnYear(mention, change, amounts.end());
            }
            if (PARENT.matcher(after).find()) {
                parent = mention;
            }
        }
    }

    /** The words before an amount, back to the last punctuation, without a closing 为 / 是. */
    private static String label(String text, int end) {
        int start = end;
        while (start > 0 && "，。；：、,;:".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        String label = text.substring(start, end);
        return label.replaceAll("(为|是|共|达)$", "").replaceAll("(年初预算|决算)数$", "$1");
    }

    private Mention resolve(String label, int start, int end, BigDecimal stated, String printed) {
        Matcher lei = LEI_LABEL.matcher(label);
        if (lei.find()) {
            // 一般公共服务支出（类） (2024) or 一般公共服务(类)支出 (2020)
            String code =
                    FunctionalLei.byName().get(lei.group(1) + (lei.group(2) == null ? "" : "支出"));
            return code == null
                    ? null
                    : new Mention(start, end, label, List.of(cell("T5", code, 1)), stated, printed);
        }
        String best = null;
        for (String name : phrases.keySet()) {
            if (label.endsWith(name) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best == null
                ? null
                : new Mention(start, end, best, phrases.get(best), stated, printed);
    }

    private void compareWithTable(Mention mention) {
        BigDecimal table = sum(mention.cells());
        BigDecimal difference = mention.stated().subtract(table);
        BigDecimal atPrinted =
                table.setScale(Math.max(0, mention.stated().scale()), RoundingMode.HALF_UP);
        if (difference.signum() == 0 || atPrinted.compareTo(mention.stated()) == 0) {
            return;
        }
        boolean blank = mention.cells().stream().noneMatch(figures::containsKey);
        String stated =
                "情况说明写“"
                        + mention.name()
                        + " "
                        + mention.printed()
                        + " 万元”（"
                        + narrative.where(mention.start())
                        + "）";
        if (blank) {
            findings.add(
                    new ReportFinding(
                            true,
                            "explanation.table-blank",
                            "表中无此数。"
                                    + stated
                                    + "，而应载明此数的 "
                                    + cells(mention.cells())
                                    + "。/ the text states a figure its table leaves blank"));
            return;
        }
        boolean tail = difference.abs().compareTo(TAIL) <= 0;
        findings.add(
                new ReportFinding(
                        !tail,
                        "explanation.amount",
                        (tail ? "差 0.01，属尾差。" : "不符。")
                                + stated
                                + " ≠ "
                                + cells(mention.cells())
                                + "，差 "
                                + difference.toPlainString()
                                + "。/ the text's figure differs from its table"));
    }

    private void share(Mention mention, Matcher share, Mention parent, int at) {
        String baseName = share.group(1);
        List<CellAddress> base =
                baseName.isEmpty() ? parent == null ? null : parent.cells() : phrases.get(baseName);
        if (base == null) {
            return;
        }
        BigDecimal printed = new BigDecimal(share.group(2));
        percent(
                "explanation.share",
                "“"
                        + mention.name()
                        + "”占"
                        + (baseName.isEmpty() ? parent.name() : baseName)
                        + "的比重",
                printed,
                mention.cells(),
                base,
                at);
    }

    private void completion(Mention mention, Matcher completion, BigDecimal statedBudget, int at) {
        List<CellAddress> budget = budgets.get(mention.name());
        BigDecimal printed = new BigDecimal(completion.group(1));
        if (budget != null) {
            if (sum(budget).signum() == 0) {
                return; // no budget: 完成预算的 0% says nothing a table could contradict
            }
            percent(
                    "explanation.completion",
                    "“" + mention.name() + "”完成预算的比例",
                    printed,
                    mention.cells(),
                    budget,
                    at);
        } else if (statedBudget != null && statedBudget.signum() != 0) {
            percentOf(
                    "explanation.completion",
                    "“" + mention.name() + "”完成年初预算的比例",
                    printed,
                    sum(mention.cells()),
                    cells(mention.cells()),
                    statedBudget,
                    "情况说明所写年初预算 " + statedBudget.toPlainString(),
                    at);
        }
    }

    /** 决算数小于预算数 / 大于 / 等于 / 基本持平, after an actual figure set against its budget. */
    private void comparisonWord(Mention mention, BigDecimal statedBudget, String after, int at) {
        List<CellAddress> budgetCells = budgets.get(mention.name());
        BigDecimal budget = budgetCells != null ? sum(budgetCells) : statedBudget;
        if (budget == null) {
            return;
        }
        Matcher word = NEXT_COMPARISON.matcher(after);
        if (word.find()) {
            String budgetShown =
                    budgetCells != null ? cells(budgetCells) : "年初预算 " + budget.toPlainString();
            wordAgrees(
                    word.group(1),
                    sum(mention.cells()),
                    budget,
                    cells(mention.cells()),
                    budgetShown,
                    at + word.start(1));
        }
    }

    /** “三公”经费支出决算数小于预算数: 表7's 合计 决算数 against its 预算数. */
    private void threePublicComparison() {
        Matcher word = THREE_PUBLIC_COMPARISON.matcher(narrative.text());
        if (word.find()) {
            List<CellAddress> actual = List.of(cell("T7", "1", 2));
            List<CellAddress> budget = List.of(cell("T7", "1", 1));
            wordAgrees(
                    word.group(1),
                    sum(actual),
                    sum(budget),
                    cells(actual),
                    cells(budget),
                    word.start(1));
        }
    }

    private void wordAgrees(
            String word,
            BigDecimal actual,
            BigDecimal budget,
            String actualShown,
            String budgetShown,
            int at) {
        int order = actual.compareTo(budget);
        boolean agrees =
                switch (word) {
                    case "小于" -> order < 0;
                    case "大于" -> order > 0;
                    case "等于", "持平" -> order == 0;
                    default ->
                            actual.subtract(budget).abs().compareTo(budget.abs().divide(HUNDRED))
                                    <= 0; // 基本持平: within 1%
                };
        if (!agrees) {
            findings.add(
                    new ReportFinding(
                            true,
                            "explanation.comparison-word",
                            "比较词不符。情况说明写“决算数"
                                    + word
                                    + "预算数”（"
                                    + narrative.where(at)
                                    + "），而决算数 "
                                    + actualShown
                                    + "，预算数 "
                                    + budgetShown
                                    + "。/ the comparison word contradicts the figures"));
        }
    }

    private void yearOnYear(Mention mention, Matcher change, int at) {
        String amountWord = change.group(2);
        String percentWord = change.group(4);
        boolean up = amountWord.equals("增加") || amountWord.equals("增长");
        boolean agrees = up == (percentWord.equals("增加") || percentWord.equals("增长"));
        if (!agrees) {
            findings.add(
                    new ReportFinding(
                            true,
                            "explanation.comparison-word",
                            "比较词不符。情况说明写“"
                                    + amountWord
                                    + change.group(3)
                                    + "万元，"
                                    + percentWord
                                    + change.group(5)
                                    + "%”（"
                                    + narrative.where(at + change.start(2))
                                    + "）：金额与百分比的增减方向相反。/ increase and decrease words contradict each other"));
            return;
        }
        BigDecimal current = sum(mention.cells());
        BigDecimal amount = new BigDecimal(change.group(3).replace(",", ""));
        BigDecimal prior = up ? current.subtract(amount) : current.add(amount);
        if (prior.signum() <= 0) {
            return;
        }
        percentOf(
                "explanation.year-on-year",
                "“" + mention.name() + "”较上年" + (up ? "增长" : "下降") + "的比例",
                new BigDecimal(change.group(5)),
                amount,
                amountWord + " " + amount.toPlainString(),
                prior,
                "上年 "
                        + prior.toPlainString()
                        + "（= "
                        + cells(mention.cells())
                        + (up ? " − " : " + ")
                        + amount.toPlainString()
                        + "）",
                at + change.start(5));
    }

    private void percent(
            String rule,
            String what,
            BigDecimal printed,
            List<CellAddress> part,
            List<CellAddress> whole,
            int at) {
        percentOf(rule, what, printed, sum(part), cells(part), sum(whole), cells(whole), at);
    }

    /**
     * {@code printed}% against part / whole: equal at the printed precision is right; reachable
     * with figures within half a cent of the printed ones is a rounding tail (note); otherwise an
     * error.
     */
    private void percentOf(
            String rule,
            String what,
            BigDecimal printed,
            BigDecimal part,
            String partShown,
            BigDecimal whole,
            String wholeShown,
            int at) {
        if (whole.signum() == 0) {
            return;
        }
        int scale = Math.max(0, printed.scale());
        BigDecimal computed = part.multiply(HUNDRED).divide(whole, scale, RoundingMode.HALF_UP);
        if (computed.compareTo(printed) == 0) {
            return;
        }
        BigDecimal half = new BigDecimal("0.005");
        BigDecimal low =
                part.subtract(half)
                        .max(BigDecimal.ZERO)
                        .multiply(HUNDRED)
                        .divide(whole.add(half), 10, RoundingMode.HALF_UP);
        BigDecimal high =
                part.add(half)
                        .multiply(HUNDRED)
                        .divide(whole.subtract(half), 10, RoundingMode.HALF_UP);
        BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(scale).divide(new BigDecimal(2));
        boolean tail =
                printed.add(halfUnit).compareTo(low) >= 0
                        && printed.subtract(halfUnit).compareTo(high) <= 0;
        findings.add(
                new ReportFinding(
                        !tail,
                        rule,
                        (tail ? "属尾差（公布数字本身的四舍五入可以解释）。" : "不符。")
                                + "情况说明写"
                                + what
                                + " "
                                + printed.toPlainString()
                                + "%（"
                                + narrative.where(at)
                                + "），按表计算 "
                                + partShown
                                + " ÷ "
                                + wholeShown
                                + " = "
                                + computed.toPlainString()
                                + "%。/ the stated percentage "
                                + (tail
                                        ? "differs only by rounding"
                                        : "does not follow from the tables")));
    }

    // the 项 of 五（三） ---------------------------------------------------------------------------

    private record Item(int start, BigDecimal budget, BigDecimal actual, String code) {}

    /**
     * 五（三）: "1、一般公共服务支出（类）财政事务（款）行政运行（项）。…年初预算为 X 万元，支出决算为 Y 万元。决算数小于预算数…". Each 项's 支出决算 against
     * 表5, its comparison word against X and Y, and the X of all 项 against the stated 年初预算 total.
     * When the extraction printed a sentence's lines out of order so that one of X, Y lost its
     * name, the one amount of the item left over takes it.
     */
    private void items() {
        String text = narrative.text();
        int from = text.indexOf("一般公共预算财政拨款支出决算具体情况");
        if (from < 0) {
            return;
        }
        int to = text.indexOf("一般公共预算财政拨款基本支出决算情况说明", from);
        String section = text.substring(from, to < 0 ? text.length() : to);
        Matcher totalBudget = Pattern.compile("年初预算为" + NUMBER + "万元").matcher(section);
        BigDecimal total =
                totalBudget.find() ? new BigDecimal(totalBudget.group(1).replace(",", "")) : null;
        List<Integer> starts = new ArrayList<>();
        Matcher item = ITEM.matcher(section);
        while (item.find()) {
            starts.add(item.start());
        }
        Map<String, String> names = functionalNames("T5");
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i);
            String window =
                    section.substring(
                            start, i + 1 < starts.size() ? starts.get(i + 1) : section.length());
            items.add(item(window, from + start, names));
        }
        long itemRows =
                figures.keySet().stream()
                        .filter(c -> c.table().equals("T5") && c.row().length() == 7)
                        .map(CellAddress::row)
                        .distinct()
                        .count();
        if (total == null
                || items.isEmpty()
                || items.size() != itemRows
                || items.stream().anyMatch(it -> it.budget() == null)) {
            return;
        }
        BigDecimal sum = items.stream().map(Item::budget).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal difference = total.subtract(sum);
        if (difference.signum() != 0) {
            boolean tail = difference.abs().compareTo(TAIL) <= 0;
            StringBuilder parts = new StringBuilder();
            items.forEach(
                    it ->
                            parts.append(parts.isEmpty() ? "" : " + ")
                                    .append(it.budget().toPlainString()));
            findings.add(
                    new ReportFinding(
                            !tail,
                            "explanation.sum",
                            (tail ? "差 0.01，属尾差。" : "不符。")
                                    + "情况说明写一般公共预算财政拨款支出年初预算 "
                                    + total.toPlainString()
                                    + " 万元（"
                                    + narrative.where(from + totalBudget.start())
                                    + "），而五（三）所列 "
                                    + items.size()
                                    + " 个项的年初预算之和 "
                                    + parts
                                    + " = "
                                    + sum.toPlainString()
                                    + "，差 "
                                    + difference.toPlainString()
                                    + "。/ the listed budgets do not add up to the stated total"));
        }
    }

    private Item item(String window, int offset, Map<String, String> names) {
        List<int[]> amounts = new ArrayList<>(); // {start, end} within the window
        Matcher amount = AMOUNT.matcher(window);
        BigDecimal budget = null;
        BigDecimal actual = null;
        int actualAt = -1;
        List<Integer> unnamed = new ArrayList<>();
        while (amount.find()) {
            String label = label(window, amount.start());
            BigDecimal value = new BigDecimal(amount.group(1).replace(",", ""));
            if (label.endsWith("年初预算") && budget == null) {
                budget = value;
            } else if (label.endsWith("支出决算") && actual == null) {
                actual = value;
                actualAt = amount.start();
            } else {
                unnamed.add(amounts.size());
            }
            amounts.add(new int[] {amount.start(), amount.end()});
        }
        boolean budgetNamed = window.contains("年初预算为");
        boolean actualNamed = window.contains("支出决算为");
        if (unnamed.size() == 1 && (budget == null) != (actual == null)) {
            int[] leftover = amounts.get(unnamed.get(0));
            Matcher value = AMOUNT.matcher(window.substring(leftover[0], leftover[1]));
            value.find();
            BigDecimal number = new BigDecimal(value.group(1).replace(",", ""));
            if (budget == null && budgetNamed) {
                budget = number;
            } else if (actual == null && actualNamed) {
                actual = number;
                actualAt = leftover[0];
            }
        }
        String code = itemCode(window, names);
        if (actual != null && code != null) {
            CellAddress cell = cell("T5", code, 1);
            BigDecimal table = sum(List.of(cell));
            BigDecimal difference = actual.subtract(table);
            if (difference.signum() != 0) {
                boolean tail = difference.abs().compareTo(TAIL) <= 0;
                findings.add(
                        new ReportFinding(
                                !tail,
                                "explanation.amount",
                                (tail ? "差 0.01，属尾差。" : "不符。")
                                        + "情况说明写 "
                                        + code
                                        + " "
                                        + names.get(code)
                                        + " 支出决算 "
                                        + actual.toPlainString()
                                        + " 万元（"
                                        + narrative.where(offset + actualAt)
                                        + "） ≠ "
                                        + cells(List.of(cell))
                                        + "，差 "
                                        + difference.toPlainString()
                                        + "。/ the text's figure differs from its table"));
            }
        }
        if (code != null) {
            nature(window, code, offset);
        }
        if (actual != null && budget != null) {
            Matcher word = COMPARISON.matcher(window);
            if (word.find()) {
                String actualShown =
                        code == null ? actual.toPlainString() : cells(List.of(cell("T5", code, 1)));
                wordAgrees(
                        word.group(1),
                        code == null ? actual : sum(List.of(cell("T5", code, 1))),
                        budget,
                        actualShown,
                        "年初预算 " + budget.toPlainString(),
                        offset + word.start());
            }
        }
        return new Item(offset, budget, actual, code);
    }

    /**
     * "主要用于：…基本支出" for a 项 whose 表5 figures are all 项目支出 (or "…项目支出" for one that is all 基本支出): the
     * text calls the spending of another nature than its table.
     */
    private void nature(String window, String code, int offset) {
        int from = window.indexOf("主要用于：");
        if (from < 0) {
            return;
        }
        int end = window.indexOf('。', from);
        String purpose = window.substring(from, end < 0 ? window.length() : end);
        List<CellAddress> basic = List.of(cell("T5", code, 2));
        List<CellAddress> project = List.of(cell("T5", code, 3));
        boolean saysBasic = purpose.contains("基本支出");
        boolean saysProject = purpose.contains("项目支出");
        if (saysBasic == saysProject) {
            return;
        }
        List<CellAddress> named = saysBasic ? basic : project;
        List<CellAddress> other = saysBasic ? project : basic;
        if (sum(named).signum() == 0 && sum(other).signum() != 0) {
            findings.add(
                    new ReportFinding(
                            true,
                            "explanation.nature",
                            "支出性质不符。情况说明称 "
                                    + code
                                    + " "
                                    + names(code)
                                    + " “"
                                    + purpose
                                    + "”（"
                                    + narrative.where(offset + from)
                                    + "），而表5 中它的"
                                    + (saysBasic ? "基本支出" : "项目支出")
                                    + "为 "
                                    + cells(named)
                                    + "，全部是"
                                    + (saysBasic ? "项目支出 " : "基本支出 ")
                                    + cells(other)
                                    + "。/ the text names another nature than the table"));
        }
    }

    private String names(String code) {
        return functionalNames("T5").getOrDefault(code, "");
    }

    /**
     * 六: "人员经费 X 万元，主要包括：基本工资、津贴补贴…；公用经费 Y 万元，主要包括：办公费…": each 款 listed that 表6 prints blank (found
     * by its name in the 经济分类, {@code economic-kuan.tsv}) is a finding; a name the 经济分类 does not
     * know is not checked.
     */
    private void listedKuan() {
        Matcher listed = LISTED.matcher(narrative.text());
        Map<String, List<String>> codes = EconomicKuan.byName();
        while (listed.find()) {
            int at = listed.start(3);
            for (String item : listed.group(3).split("、")) {
                String name =
                        item.replaceAll("（不涉及的不列）|等$", "").replace('(', '（').replace(')', '）');
                List<String> candidates = codes.get(name);
                int itemAt = at;
                at += item.length() + 1;
                if (candidates == null) {
                    continue;
                }
                List<CellAddress> cells =
                        candidates.stream().map(code -> cell("T6", code, 1)).toList();
                if (cells.stream().noneMatch(figures::containsKey)) {
                    findings.add(
                            new ReportFinding(
                                    true,
                                    "explanation.listed-blank",
                                    "表中无此项。情况说明把“"
                                            + name
                                            + "”列为"
                                            + listed.group(1)
                                            + "的组成（"
                                            + narrative.where(itemAt)
                                            + "），而表6 "
                                            + cells(cells)
                                            + "。/ the text lists a 款 its table leaves blank"));
                }
            }
        }
    }

    /**
     * The 项 code of an item from its 类/款/项 names as 表5 prints them; null when they do not match.
     */
    private String itemCode(String window, Map<String, String> names) {
        Matcher item = ITEM_NAMES.matcher(window);
        if (!item.find()) {
            return null;
        }
        String lei = FunctionalLei.byName().get(item.group(1));
        if (lei == null) {
            return null;
        }
        for (Map.Entry<String, String> kuan : names.entrySet()) {
            if (kuan.getKey().length() == 5
                    && kuan.getKey().startsWith(lei)
                    && kuan.getValue().equals(item.group(2))) {
                for (Map.Entry<String, String> xiang : names.entrySet()) {
                    if (xiang.getKey().length() == 7
                            && xiang.getKey().startsWith(kuan.getKey())
                            && xiang.getValue().equals(item.group(3))) {
                        return xiang.getKey();
                    }
                }
            }
        }
        return null;
    }

    /** Code → name of each row of a code table, as printed on its line ({@code 201 06 01 行政运行}). */
    private Map<String, String> functionalNames(String table) {
        Map<String, String> names = new LinkedHashMap<>();
        TableHeading heading =
                reading.headings().stream()
                        .filter(h -> ("T" + h.table()).equals(table))
                        .findFirst()
                        .orElse(null);
        if (heading == null) {
            return names;
        }
        List<ReportLine> lines = reading.lines();
        int start = lines.indexOf(heading.source());
        for (int i = start + 1; start >= 0 && i < lines.size(); i++) {
            String text = lines.get(i).text().strip();
            if (Template2024Reader.TITLES.contains(text) || text.startsWith("注")) {
                break;
            }
            Matcher split = CODE_LINE.matcher(text);
            Matcher joined = JOINED_CODE_LINE.matcher(text);
            if (split.find()) {
                String code =
                        split.group(1)
                                + (split.group(2) == null ? "" : split.group(2))
                                + (split.group(3) == null ? "" : split.group(3));
                names.putIfAbsent(code, split.group(4));
            } else if (joined.find()) {
                names.putIfAbsent(joined.group(1), joined.group(2));
            }
        }
        return names;
    }

    /**
     * The 2020 wording of 五（三）: one item per 类 ("1.一般公共服务支出(类)。年初预算为 A 万元，支出决算为 B 万元，完成年初预算的
     * P%，支出决算数大于年初预算数…"): B against 表5's 类, P against B ÷ A, the comparison word against B and A,
     * and the A of all 类 against the stated 年初预算 total.
     */
    private void leiItems() {
        String text = narrative.text();
        int from = text.indexOf("一般公共预算财政拨款支出决算具体情况");
        if (from < 0) {
            return;
        }
        Matcher totalBudget = Pattern.compile("年初预算为" + NUMBER + "万元").matcher(text);
        BigDecimal total =
                totalBudget.find(from)
                        ? new BigDecimal(totalBudget.group(1).replace(",", ""))
                        : null;
        Matcher item = LEI_ITEM.matcher(text);
        List<BigDecimal> budgetsOfLei = new ArrayList<>();
        int searchFrom = from;
        while (item.find(searchFrom)) {
            searchFrom = item.end();
            String code = FunctionalLei.byName().get(item.group(2));
            BigDecimal budget = new BigDecimal(item.group(3).replace(",", ""));
            BigDecimal actual = new BigDecimal(item.group(4).replace(",", ""));
            budgetsOfLei.add(budget);
            if (code == null) {
                continue;
            }
            List<CellAddress> cell = List.of(cell("T5", code, 1));
            compareWithTable(
                    new Mention(
                            item.start(4),
                            item.end(4),
                            item.group(2) + "（类）支出决算",
                            cell,
                            actual,
                            item.group(4)));
            if (item.group(5) != null && !item.group(6).isEmpty()) {
                percentOf(
                        "explanation.completion",
                        "“" + item.group(2) + "”完成年初预算的比例",
                        new BigDecimal(item.group(5)),
                        sum(cell),
                        cells(cell),
                        budget,
                        "情况说明所写年初预算 " + budget.toPlainString(),
                        item.start(5));
            }
            Matcher word = LEI_COMPARISON.matcher(text.substring(item.end()));
            if (word.find()) {
                wordAgrees(
                        word.group(1),
                        sum(cell),
                        budget,
                        cells(cell),
                        "年初预算 " + budget.toPlainString(),
                        item.end() + word.start(1));
            }
        }
        long leiRows =
                figures.keySet().stream()
                        .filter(c -> c.table().equals("T5") && c.row().length() == 3)
                        .map(CellAddress::row)
                        .distinct()
                        .count();
        if (total == null || budgetsOfLei.isEmpty() || budgetsOfLei.size() != leiRows) {
            return;
        }
        BigDecimal sum = budgetsOfLei.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal difference = total.subtract(sum);
        if (difference.signum() != 0) {
            boolean tail = difference.abs().compareTo(TAIL) <= 0;
            StringBuilder parts = new StringBuilder();
            budgetsOfLei.forEach(
                    b -> parts.append(parts.isEmpty() ? "" : " + ").append(b.toPlainString()));
            findings.add(
                    new ReportFinding(
                            !tail,
                            "explanation.sum",
                            (tail ? "差 0.01，属尾差。" : "不符。")
                                    + "情况说明写一般公共预算财政拨款支出年初预算 "
                                    + total.toPlainString()
                                    + " 万元（"
                                    + narrative.where(totalBudget.start())
                                    + "），而五（三）所列 "
                                    + budgetsOfLei.size()
                                    + " 个类的年初预算之和 "
                                    + parts
                                    + " = "
                                    + sum.toPlainString()
                                    + "，差 "
                                    + difference.toPlainString()
                                    + "。/ the listed budgets do not add up to the stated total"));
        }
    }

    /** 完成年初预算的 111.5 with no %: a share printed without its unit. */
    private void percentSigns() {
        Matcher missing = MISSING_PERCENT.matcher(narrative.text());
        while (missing.find()) {
            findings.add(
                    new ReportFinding(
                            false,
                            "explanation.percent-sign",
                            "百分号缺失。情况说明写“完成年初预算的"
                                    + missing.group(1)
                                    + "”（"
                                    + narrative.where(missing.start(1))
                                    + "），缺少 %。/ a percentage printed without %"));
        }
    }

    // 政府采购 ----------------------------------------------------------------------------------

    private void procurement() {
        Matcher total = PROCUREMENT.matcher(narrative.text());
        if (!total.find()) {
            return;
        }
        BigDecimal stated = new BigDecimal(total.group(1).replace(",", ""));
        Matcher part = PROCUREMENT_PART.matcher(total.group(2));
        BigDecimal sum = BigDecimal.ZERO;
        StringBuilder parts = new StringBuilder();
        while (part.find()) {
            sum = sum.add(new BigDecimal(part.group(2).replace(",", "")));
            parts.append(parts.isEmpty() ? "" : " + ")
                    .append(part.group(1))
                    .append(' ')
                    .append(part.group(2));
        }
        BigDecimal difference = stated.subtract(sum);
        if (parts.isEmpty() || difference.signum() == 0) {
            return;
        }
        boolean tail = difference.abs().compareTo(TAIL) <= 0;
        findings.add(
                new ReportFinding(
                        !tail,
                        "explanation.sum",
                        (tail ? "差 0.01，属尾差。" : "不符。")
                                + "情况说明写政府采购金额 "
                                + stated.toPlainString()
                                + " 万元（"
                                + narrative.where(total.start(1))
                                + "），而其中 "
                                + parts
                                + " = "
                                + sum.toPlainString()
                                + "，差 "
                                + difference.toPlainString()
                                + "。/ the procurement total is not the sum of its parts"));
    }

    // figures -----------------------------------------------------------------------------------

    private BigDecimal sum(List<CellAddress> cells) {
        return cells.stream()
                .map(
                        c ->
                                figures.containsKey(c)
                                        ? new BigDecimal(figures.get(c).printed())
                                        : BigDecimal.ZERO)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private String cells(List<CellAddress> cells) {
        StringBuilder shown = new StringBuilder();
        for (CellAddress c : cells) {
            ReadFigure figure = figures.get(c);
            shown.append(shown.isEmpty() ? "" : " + ")
                    .append(c)
                    .append(" = ")
                    .append(
                            figure == null
                                    ? "空白"
                                    : figure.printed() + "（" + figure.source().where() + "）");
        }
        return shown.toString();
    }

    private static CellAddress cell(String table, int line, int column) {
        return CellAddress.of(table, line, column);
    }

    private static CellAddress cell(String table, String row, int column) {
        return CellAddress.of(table, row, column);
    }
}
