package ledger.reportreader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.ToIntFunction;

/**
 * Where the figures of one printed row go when the extraction has lost the columns: the row's k
 * figures, left to right, go to k of its columns, left to right. Each way of doing so is a
 * candidate; a candidate is judged by how many of the template's rules hold under it. The reader
 * takes the best candidate only when it is the only best one: two equally good placements are
 * reported, never chosen between.
 */
final class Placement {

    /** Beyond this many combinations a row group is reported rather than searched. */
    static final int MAX_COMBINATIONS = 200_000;

    private Placement() {}

    /** A sum rule within one row: {@code target = Σ plus − Σ minus}. */
    record RowRule(int target, int[] plus, int[] minus) {

        static RowRule sum(int target, int... plus) {
            return new RowRule(target, plus, new int[0]);
        }

        boolean holds(Map<Integer, BigDecimal> row) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int column : plus) {
                sum = sum.add(row.getOrDefault(column, BigDecimal.ZERO));
            }
            for (int column : minus) {
                sum = sum.subtract(row.getOrDefault(column, BigDecimal.ZERO));
            }
            return sum.compareTo(row.getOrDefault(target, BigDecimal.ZERO)) == 0;
        }
    }

    /** One way to put a row's figures in its columns, and its row's values under it. */
    record Candidate(int[] columns, Map<Integer, BigDecimal> values, int score) {}

    /** Every increasing choice of {@code values.size()} columns out of {@code allowed}. */
    static List<Candidate> candidates(
            List<BigDecimal> values,
            SortedSet<Integer> allowed,
            ToIntFunction<Map<Integer, BigDecimal>> score) {
        List<Candidate> candidates = new ArrayList<>();
        int[] columns = allowed.stream().mapToInt(Integer::intValue).toArray();
        choose(values, columns, 0, new int[values.size()], 0, candidates, score);
        return candidates;
    }

    private static void choose(
            List<BigDecimal> values,
            int[] columns,
            int from,
            int[] chosen,
            int filled,
            List<Candidate> out,
            ToIntFunction<Map<Integer, BigDecimal>> score) {
        if (filled == chosen.length) {
            Map<Integer, BigDecimal> row = new java.util.TreeMap<>();
            for (int i = 0; i < chosen.length; i++) {
                row.put(chosen[i], values.get(i));
            }
            out.add(new Candidate(chosen.clone(), row, score.applyAsInt(row)));
            return;
        }
        for (int i = from; i <= columns.length - (chosen.length - filled); i++) {
            chosen[filled] = columns[i];
            choose(values, columns, i + 1, chosen, filled + 1, out, score);
        }
    }

    /** How many of the rules hold on the row. */
    static int rulesHolding(List<RowRule> rules, Map<Integer, BigDecimal> row) {
        int holding = 0;
        for (RowRule rule : rules) {
            if (rule.holds(row)) {
                holding++;
            }
        }
        return holding;
    }

    /** The candidates with the best score. */
    static List<Candidate> best(List<Candidate> candidates) {
        int best = candidates.stream().mapToInt(Candidate::score).max().orElse(Integer.MIN_VALUE);
        return candidates.stream().filter(candidate -> candidate.score() == best).toList();
    }

    /** {@code 栏次 1、3} for a message. */
    static String describe(int[] columns) {
        StringBuilder text = new StringBuilder("栏次 ");
        for (int i = 0; i < columns.length; i++) {
            text.append(i == 0 ? "" : "、").append(columns[i]);
        }
        return text.toString();
    }
}
