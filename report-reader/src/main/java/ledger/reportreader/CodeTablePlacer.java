package ledger.reportreader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import ledger.projections.statement.CellAddress;

/**
 * Places the figures of a table keyed by functional codes (表2, 表3, 表5, 表8, 表9) whose columns the
 * extraction lost. The total row goes first, its columns limited by what other tables already say;
 * then every 类 under the total, every 款 under its 类, every 项 under its 款. A child can only have
 * figures where its parent has one, and among the placements its rows allow, the one under which
 * the children add up to their parent in the most columns wins — when it is the only one.
 */
final class CodeTablePlacer {

    private final String table;
    private final int columns;
    private final List<Placement.RowRule> rules;
    private final Map<CellAddress, ReadFigure> placed;
    private final List<Unplaced> unplaced;

    CodeTablePlacer(
            String table,
            int columns,
            List<Placement.RowRule> rules,
            Map<CellAddress, ReadFigure> placed,
            List<Unplaced> unplaced) {
        this.table = table;
        this.columns = columns;
        this.rules = rules;
        this.placed = placed;
        this.unplaced = unplaced;
    }

    /**
     * @param rows the rows as read, total (if printed) and codes
     * @param totalAllowed the columns the total row may use, from other tables; all when unknown
     */
    void place(List<CodeRow> rows, SortedSet<Integer> totalAllowed) {
        Map<String, List<CodeRow>> children = new LinkedHashMap<>();
        CodeRow total = null;
        for (CodeRow row : rows) {
            if (row.key.equals("total")) {
                total = row;
                continue;
            }
            children.computeIfAbsent(parentKey(row.key, rows), key -> new ArrayList<>()).add(row);
        }
        Map<Integer, BigDecimal> totalValues = null;
        if (total != null) {
            totalValues = placeGroup(null, List.of(total), totalAllowed).get(total);
        }
        placeBelow(totalValues, children.getOrDefault("total", List.of()), children);
    }

    private void placeBelow(
            Map<Integer, BigDecimal> parentValues,
            List<CodeRow> group,
            Map<String, List<CodeRow>> children) {
        if (group.isEmpty()) {
            return;
        }
        SortedSet<Integer> allowed = allColumns();
        if (parentValues != null) {
            allowed = new TreeSet<>();
            for (Map.Entry<Integer, BigDecimal> cell : parentValues.entrySet()) {
                if (cell.getValue().signum() != 0) {
                    allowed.add(cell.getKey());
                }
            }
        }
        Map<CodeRow, Map<Integer, BigDecimal>> resolved = placeGroup(parentValues, group, allowed);
        for (CodeRow row : group) {
            placeBelow(resolved.get(row), children.getOrDefault(row.key, List.of()), children);
        }
    }

    /**
     * Places a group of sibling rows; returns each placed row's values by column (absent: not
     * placed).
     */
    private Map<CodeRow, Map<Integer, BigDecimal>> placeGroup(
            Map<Integer, BigDecimal> parent, List<CodeRow> group, SortedSet<Integer> allowed) {
        List<List<Placement.Candidate>> options = new ArrayList<>();
        long combinations = 1;
        for (CodeRow row : group) {
            List<Placement.Candidate> candidates =
                    Placement.best(
                            Placement.candidates(
                                    row.values(),
                                    allowed,
                                    values -> Placement.rulesHolding(rules, values)));
            options.add(candidates);
            combinations *= Math.max(1, candidates.size());
            if (candidates.isEmpty()) {
                unplaced.add(
                        new Unplaced(
                                row.source,
                                table + " " + row.printed(),
                                "本行有 "
                                        + row.figures.size()
                                        + " 个数字，但可用的栏只有 "
                                        + allowed
                                        + (parent == null ? "" : "（上级行有数的栏）")));
            }
        }
        Map<CodeRow, Map<Integer, BigDecimal>> resolved = new LinkedHashMap<>();
        if (combinations > Placement.MAX_COMBINATIONS) {
            for (int i = 0; i < group.size(); i++) {
                if (options.get(i).size() > 1) {
                    unplaced.add(
                            new Unplaced(
                                    group.get(i).source,
                                    table + " " + group.get(i).printed(),
                                    "同级行的可能排法超过 " + Placement.MAX_COMBINATIONS + " 种，无法确定栏次"));
                } else if (options.get(i).size() == 1) {
                    resolved.put(group.get(i), apply(group.get(i), options.get(i).get(0)));
                }
            }
            return resolved;
        }
        List<int[]> bestChoices = bestCombinations(parent, options);
        for (int i = 0; i < group.size(); i++) {
            CodeRow row = group.get(i);
            if (options.get(i).isEmpty()) {
                continue;
            }
            int first = bestChoices.get(0)[i];
            boolean agreed = true;
            for (int[] choice : bestChoices) {
                agreed &= choice[i] == first;
            }
            if (agreed) {
                resolved.put(row, apply(row, options.get(i).get(first)));
            } else {
                StringBuilder alternatives = new StringBuilder();
                for (int[] choice : bestChoices) {
                    String option = Placement.describe(options.get(i).get(choice[i]).columns());
                    if (alternatives.indexOf(option) < 0) {
                        alternatives.append(alternatives.isEmpty() ? "" : " 或 ").append(option);
                    }
                }
                unplaced.add(
                        new Unplaced(
                                row.source,
                                table + " " + row.printed(),
                                "原文没有栏位置，这些数字可放在 " + alternatives + "，按本表审核公式都同样成立，不作猜测"));
            }
        }
        return resolved;
    }

    /** Every combination (index per row) with the most columns adding up to the parent. */
    private List<int[]> bestCombinations(
            Map<Integer, BigDecimal> parent, List<List<Placement.Candidate>> options) {
        int[] index = new int[options.size()];
        List<int[]> best = new ArrayList<>();
        int bestScore = Integer.MIN_VALUE;
        while (true) {
            int score = parent == null ? 0 : columnsAddingUp(parent, options, index);
            if (score > bestScore) {
                bestScore = score;
                best.clear();
            }
            if (score == bestScore) {
                best.add(index.clone());
            }
            int position = 0;
            while (position < index.length) {
                index[position]++;
                if (index[position] < Math.max(1, options.get(position).size())) {
                    break;
                }
                index[position] = 0;
                position++;
            }
            if (position == index.length) {
                return best;
            }
        }
    }

    private int columnsAddingUp(
            Map<Integer, BigDecimal> parent, List<List<Placement.Candidate>> options, int[] index) {
        int adding = 0;
        for (int column = 1; column <= columns; column++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < index.length; i++) {
                if (!options.get(i).isEmpty()) {
                    sum =
                            sum.add(
                                    options.get(i)
                                            .get(index[i])
                                            .values()
                                            .getOrDefault(column, BigDecimal.ZERO));
                }
            }
            if (sum.compareTo(parent.getOrDefault(column, BigDecimal.ZERO)) == 0) {
                adding++;
            }
        }
        return adding;
    }

    private Map<Integer, BigDecimal> apply(CodeRow row, Placement.Candidate candidate) {
        int[] chosen = candidate.columns();
        for (int i = 0; i < chosen.length; i++) {
            Token figure = row.figures.get(i);
            CellAddress cell = CellAddress.of(table, row.key, chosen[i]);
            placed.put(cell, new ReadFigure(cell, figure.printed(), figure.source()));
        }
        return new TreeMap<>(candidate.values());
    }

    private SortedSet<Integer> allColumns() {
        SortedSet<Integer> all = new TreeSet<>();
        for (int column = 1; column <= columns; column++) {
            all.add(column);
        }
        return all;
    }

    /** The longest shorter code printed in the table that this code starts with, else the total. */
    private static String parentKey(String code, List<CodeRow> rows) {
        String parent = "total";
        for (CodeRow row : rows) {
            if (!row.key.equals("total")
                    && row.key.length() < code.length()
                    && code.startsWith(row.key)
                    && row.key.length() > (parent.equals("total") ? 0 : parent.length())) {
                parent = row.key;
            }
        }
        return parent;
    }
}
