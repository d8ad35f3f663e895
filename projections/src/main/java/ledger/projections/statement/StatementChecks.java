package ledger.projections.statement;

import java.util.List;

/**
 * The 审核公式 every 部门决算 must satisfy, evaluated on printed figures: the rules its {@link
 * StatementTemplate} states — the footnote formulas of each table, the 类/款/项 hierarchy, and the
 * rules across tables. The same checks run on the ledger's own statements (which must never give an
 * ERROR — each cell is rounded from an exact sum, so only rounding tails can appear) and on a
 * published report (where they find its typing slips and self-contradictions).
 */
public final class StatementChecks {

    private StatementChecks() {}

    /** Every break of every rule of the 2020 format, errors and notes, table by table. */
    public static List<Finding> evaluate(Figures figures) {
        return evaluate(figures, StatementTemplate.standard());
    }

    /** Every break of every rule of the template, errors and notes, in the template's order. */
    public static List<Finding> evaluate(Figures figures, StatementTemplate template) {
        return run(figures, template).findings();
    }

    /** Evaluates every rule, keeping the rules themselves for reconciliation. */
    static RuleRecorder run(Figures figures, StatementTemplate template) {
        RuleRecorder recorder = new RuleRecorder(figures);
        TemplateRules.evaluate(template, figures, recorder);
        return recorder;
    }

    /** The checks of a computed statement set, as printed, by the template it was laid out in. */
    public static List<Finding> evaluate(StatementSet set) {
        return evaluate(Figures.of(set), set.template());
    }
}
