package ledger.projections.explanation;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.statement.StatementSet;

/**
 * A unit-year's 部门决算情况说明 (part 三 of the published report) written from the ledger: its sections
 * with every number computed from postings and marked blanks where a person writes, the numbers by
 * key, the statements they come from, and what was found comparing them with a published 情况说明
 * (contradictions) or with each other (rounding tails).
 */
public final class Explanation {

    private final StatementSet statements;
    private final PriorYearFigures prior;
    private final List<Section> sections;
    private final Map<String, Figure> figures;
    private final List<ExplanationFinding> findings;

    Explanation(
            StatementSet statements,
            PriorYearFigures prior,
            List<Section> sections,
            Map<String, Figure> figures,
            List<ExplanationFinding> findings) {
        this.statements = statements;
        this.prior = prior;
        this.sections = List.copyOf(sections);
        this.figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        this.findings = List.copyOf(findings);
    }

    public UnitCode unit() {
        return statements.unit();
    }

    public String unitName() {
        return statements.unitName();
    }

    public FiscalYear year() {
        return statements.year();
    }

    public Optional<LocalDate> asOf() {
        return statements.asOf();
    }

    /** {@code 武汉市江汉区人民政府办公室2020 年度部门决算情况说明}. */
    public String title() {
        return unitName() + year() + " 年度部门决算情况说明";
    }

    /** The statements every figure is computed from. */
    public StatementSet statements() {
        return statements;
    }

    /** Last year's figures the comparisons use, and where they come from. */
    public PriorYearFigures prior() {
        return prior;
    }

    public List<Section> sections() {
        return sections;
    }

    /** Every figure by key, in the order the text states them. */
    public Map<String, Figure> figures() {
        return figures;
    }

    public Optional<Figure> figure(String key) {
        return Optional.ofNullable(figures.get(key));
    }

    /**
     * @throws IllegalArgumentException when the explanation states no such figure
     */
    public Figure require(String key) {
        Figure figure = figures.get(key);
        if (figure == null) {
            throw new IllegalArgumentException("the 情况说明 states no figure " + key);
        }
        return figure;
    }

    /** Contradictions of the published 情况说明 first, then rounding notes. */
    public List<ExplanationFinding> findings() {
        return findings;
    }

    /** Where the published 情况说明 contradicts the ledger (empty without published figures). */
    public List<ExplanationFinding> contradictions() {
        return findings.stream().filter(ExplanationFinding::isContradiction).toList();
    }

    /** Rounding tails among the figures shown (尾差): notes, not errors. */
    public List<ExplanationFinding> notes() {
        return findings.stream().filter(finding -> !finding.isContradiction()).toList();
    }

    /** Plain text, blanks marked 【…：＿＿＿＿】. */
    public String toText() {
        return ExplanationText.render(this);
    }
}
