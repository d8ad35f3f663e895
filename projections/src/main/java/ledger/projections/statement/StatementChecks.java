package ledger.projections.statement;

import java.util.List;

/**
 * The 审核公式 every 部门决算 must satisfy, evaluated on printed figures: the footnote formulas of
 * each table, the 类/款/项 hierarchy, and the rules across tables. The same checks run on the
 * ledger's own statements (which must never give an ERROR — each cell is rounded from an exact
 * sum, so only rounding tails can appear) and on a published report (where they find its typing
 * slips and self-contradictions).
 */
public final class StatementChecks {

    private StatementChecks() {
    }

    /** Every break of every rule, errors and notes, table by table. */
    public static List<Finding> evaluate(Figures figures) {
        return run(figures).findings();
    }

    /** Evaluates every rule, keeping the rules themselves for reconciliation. */
    static RuleRecorder run(Figures figures) {
        RuleRecorder recorder = new RuleRecorder(figures);
        LineTableRules.table1(recorder);
        codeTable(recorder, figures, "T2");
        codeTable(recorder, figures, "T3");
        LineTableRules.table4(recorder);
        codeTable(recorder, figures, "T5");
        HierarchyRules.table6(recorder, figures);
        ColumnRules.table7(recorder);
        codeTable(recorder, figures, "T8");
        codeTable(recorder, figures, "T9");
        CrossTableRules.check(recorder);
        return recorder;
    }

    private static void codeTable(RuleRecorder recorder, Figures figures, String table) {
        ColumnRules.rowFormulas(recorder, figures, table);
        HierarchyRules.functional(recorder, figures, table);
    }

    /** The checks of a computed statement set, as printed. */
    public static List<Finding> evaluate(StatementSet set) {
        return evaluate(Figures.of(set));
    }
}
