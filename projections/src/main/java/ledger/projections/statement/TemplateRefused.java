package ledger.projections.statement;

import java.util.List;

/**
 * A statement template that cannot be used: not found, not JSON, or inconsistent. Its message names
 * the template and every place found wrong, Chinese first; nothing is computed from it.
 */
public final class TemplateRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    TemplateRefused(String template, List<String> problems) {
        super("模板 " + template + " 不能使用（template refused）：\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, naming its place in the file. */
    public List<String> problems() {
        return problems;
    }
}
