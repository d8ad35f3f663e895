package ledger.reportreader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places 表7's one row of figures when their columns are lost (2020 numbering: 预算数 栏 1–6, 决算数 栏
 * 7–12). Evidence, weighed per placement:
 *
 * <ul>
 *   <li>each of the table's four sum rules that holds: 1;
 *   <li>each 决算 column equal to 表6's figure of its economic code (30212, 31013, 30231, 30217): 1;
 *   <li>each 情况说明 sentence "<i>item</i> … X 万元，完成年初预算的 P%" that holds with the budget in that
 *       item's column: 2, because the sentence names the column itself, while a sum rule only
 *       relates columns and the report may break it.
 * </ul>
 *
 * The placement with the most evidence is taken when it is the only one.
 */
final class ThreePublicCostsPlacement {

    record Result(Optional<int[]> columns, String reason) {}

    /** Item name in the 情况说明 → {budget column, actual column}. */
    private static final Map<String, int[]> ITEMS =
            Map.of(
                    "因公出国", new int[] {2, 8},
                    "公务用车购置及运行费", new int[] {3, 9},
                    "公务用车购置费", new int[] {4, 10},
                    "公务用车运行费", new int[] {5, 11},
                    "公务接待费", new int[] {6, 12});

    private static final Pattern COMPLETION =
            Pattern.compile(
                    "(因公出国|公务用车购置及运行费|公务用车购置费|公务用车运行费|公务接待费)[^。；%]{0,30}?"
                            + "(\\d[\\d,]*(?:\\.\\d+)?)万元[，,]?完成年初预算的(\\d+(?:\\.\\d+)?)%");
    private static final List<Placement.RowRule> RULES =
            List.of(
                    Placement.RowRule.sum(1, 2, 3, 6), Placement.RowRule.sum(3, 4, 5),
                    Placement.RowRule.sum(7, 8, 9, 12), Placement.RowRule.sum(9, 10, 11));
    private static final Map<Integer, String> T6_CODES =
            Map.of(8, "30212", 10, "31013", 11, "30231", 12, "30217");

    private record Completion(int budgetColumn, BigDecimal actual, BigDecimal percent) {

        boolean holds(Map<Integer, BigDecimal> row) {
            BigDecimal budget = row.getOrDefault(budgetColumn, BigDecimal.ZERO);
            if (budget.signum() == 0) {
                return false;
            }
            BigDecimal ratio =
                    actual.multiply(BigDecimal.valueOf(100))
                            .divide(budget, percent.scale(), RoundingMode.HALF_UP);
            return ratio.compareTo(percent) == 0;
        }
    }

    private ThreePublicCostsPlacement() {}

    static Result place(
            List<BigDecimal> values, Function<String, BigDecimal> t6, String explanation) {
        if (values.size() == 12) {
            return new Result(Optional.of(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}), "");
        }
        List<Completion> completions = completions(explanation);
        SortedSet<Integer> all = new TreeSet<>();
        for (int column = 1; column <= 12; column++) {
            all.add(column);
        }
        List<Placement.Candidate> best =
                Placement.best(
                        Placement.candidates(
                                values,
                                all,
                                row -> {
                                    int score = Placement.rulesHolding(RULES, row);
                                    for (Map.Entry<Integer, String> link : T6_CODES.entrySet()) {
                                        if (row.getOrDefault(link.getKey(), BigDecimal.ZERO)
                                                        .compareTo(t6.apply(link.getValue()))
                                                == 0) {
                                            score++;
                                        }
                                    }
                                    for (Completion completion : completions) {
                                        if (completion.holds(row)) {
                                            score += 2;
                                        }
                                    }
                                    return score;
                                }));
        if (best.size() == 1) {
            return new Result(Optional.of(best.get(0).columns()), "");
        }
        List<String> options = new ArrayList<>();
        best.forEach(candidate -> options.add(Placement.describe(candidate.columns())));
        return new Result(
                Optional.empty(),
                "原文没有栏位置，这些数字可放在 " + String.join(" 或 ", options) + "，按表7 审核公式、表6 和情况说明都同样成立，不作猜测");
    }

    private static List<Completion> completions(String explanation) {
        List<Completion> completions = new ArrayList<>();
        Matcher sentence = COMPLETION.matcher(explanation.replaceAll("\\s+", ""));
        while (sentence.find()) {
            int[] columns = ITEMS.get(sentence.group(1));
            completions.add(
                    new Completion(
                            columns[0],
                            new BigDecimal(sentence.group(2).replace(",", "")),
                            new BigDecimal(sentence.group(3))));
        }
        return completions;
    }
}
