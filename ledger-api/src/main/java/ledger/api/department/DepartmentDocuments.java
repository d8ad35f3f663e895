package ledger.api.department;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import ledger.api.statement.TraceDocument;
import ledger.core.money.Money;
import ledger.projections.statement.DepartmentStatements;
import ledger.projections.statement.DepartmentTrace;
import ledger.projections.statement.StatementJson;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.TracedPosting;

/**
 * A department's statements and traces written out, the same for the command line, the API and the
 * pages: the published view (合并 only, as a unit's statements are written) and the working view (汇总
 * / 抵销 / 合并 of every cell).
 */
public final class DepartmentDocuments {

    private DepartmentDocuments() {}

    /** 万元 as printed, two decimals. */
    public static String wanYuan(long fen) {
        return Money.ofFen(fen).toWanYuan().toPlainString();
    }

    /** The working view for people: one line a cell, in the consolidated set's order. */
    public static String workingText(DepartmentStatements statements) {
        StatementSet set = statements.consolidated();
        StringBuilder text = new StringBuilder();
        text.append(set.year())
                .append(" 年度部门决算（合并工作底稿）  部门：")
                .append(set.unitName())
                .append("（")
                .append(set.unit())
                .append("）  单位：万元\n");
        text.append("所属单位：");
        statements
                .units()
                .forEach(u -> text.append(u.unit()).append(' ').append(u.unitName()).append("；"));
        text.append('\n').append(String.format("%-22s %14s %14s %14s%n", "cell", "汇总", "抵销", "合并"));
        for (DepartmentStatements.WorkingCell cell : statements.workingView()) {
            text.append(
                    String.format(
                            "%-22s %14s %14s %14s%n",
                            cell.cell(),
                            wanYuan(cell.sumFen()),
                            wanYuan(cell.eliminatedFen()),
                            wanYuan(cell.consolidatedFen())));
        }
        return text.toString();
    }

    /**
     * The published view as a unit's statements JSON (the department's code as {@code unit}), plus
     * {@code department}, its {@code units}, and with {@code working} the 汇总/抵销/合并 of every cell.
     */
    public static ObjectNode json(DepartmentStatements statements, boolean working) {
        ObjectNode root = StatementJson.toTree(statements.consolidated());
        root.put("department", statements.consolidated().unit().code());
        ArrayNode units = root.putArray("units");
        statements
                .units()
                .forEach(
                        u ->
                                units.addObject()
                                        .put("unit", u.unit().code())
                                        .put("name", u.unitName()));
        if (working) {
            ArrayNode cells = root.putArray("working");
            for (DepartmentStatements.WorkingCell cell : statements.workingView()) {
                cells.addObject()
                        .put("cell", cell.cell().toString())
                        .put("sum", wanYuan(cell.sumFen()))
                        .put("eliminated", wanYuan(cell.eliminatedFen()))
                        .put("consolidated", wanYuan(cell.consolidatedFen()))
                        .put("sumFen", cell.sumFen())
                        .put("eliminatedFen", cell.eliminatedFen())
                        .put("consolidatedFen", cell.consolidatedFen());
            }
        }
        return root;
    }

    /**
     * A department cell's trace: 汇总, 抵销 and 合并 with the figure printed, then each unit's trace (its
     * events, the eliminated ones named).
     */
    public record TraceOfDepartment(
            String cell,
            String figure,
            long sumFen,
            long eliminatedFen,
            long fen,
            int eventCount,
            List<UnitPart> units) {

        /**
         * @param eliminatedEventIds the unit's transfer legs among its events, which the department
         *     subtracts
         */
        public record UnitPart(
                String unit,
                String name,
                long fen,
                long eliminatedFen,
                long keptFen,
                List<String> eliminatedEventIds,
                TraceDocument trace) {}

        public static TraceOfDepartment of(DepartmentTrace trace) {
            List<UnitPart> units = new ArrayList<>();
            for (DepartmentTrace.UnitTrace unit : trace.units()) {
                List<String> eliminated =
                        unit.trace().postings().stream()
                                .map(TracedPosting::posting)
                                .filter(DepartmentStatements::eliminated)
                                .map(p -> p.eventId())
                                .toList();
                units.add(
                        new UnitPart(
                                unit.unit().code(),
                                unit.name(),
                                unit.trace().fen(),
                                unit.eliminatedFen(),
                                unit.keptFen(),
                                eliminated,
                                TraceDocument.of(unit.trace())));
            }
            return new TraceOfDepartment(
                    trace.cell().toString(),
                    wanYuan(trace.fen()),
                    trace.sumFen(),
                    trace.eliminatedFen(),
                    trace.fen(),
                    trace.eventCount(),
                    units);
        }

        /**
         * A plain-text listing: the department's sums, then each unit's events under it, 抵销 marked.
         */
        public String toText() {
            StringBuilder text = new StringBuilder();
            text.append(cell)
                    .append(" = ")
                    .append(figure)
                    .append(" 万元（合并）= 汇总 ")
                    .append(Money.ofFen(sumFen).toYuanString())
                    .append(" − 抵销 ")
                    .append(Money.ofFen(eliminatedFen).toYuanString())
                    .append(" = ")
                    .append(Money.ofFen(fen).toYuanString())
                    .append(" yuan, ")
                    .append(eventCount)
                    .append(" events in ")
                    .append(units.size())
                    .append(" units\n");
            for (UnitPart unit : units) {
                text.append("\n== ")
                        .append(unit.unit())
                        .append(' ')
                        .append(unit.name())
                        .append(": ")
                        .append(Money.ofFen(unit.fen()).toYuanString())
                        .append(" yuan, 抵销 ")
                        .append(Money.ofFen(unit.eliminatedFen()).toYuanString())
                        .append(", 计入合并 ")
                        .append(Money.ofFen(unit.keptFen()).toYuanString())
                        .append('\n');
                for (String line : unit.trace().toText().split("\n")) {
                    if (line.startsWith(unit.trace().cell() + " = ")) {
                        continue;
                    }
                    boolean marked =
                            unit.eliminatedEventIds().stream()
                                    .anyMatch(id -> line.endsWith(" " + id + "]"));
                    text.append(marked ? "[抵销] " : "       ").append(line).append('\n');
                }
            }
            return text.toString();
        }
    }
}
