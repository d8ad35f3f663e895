package ledger.api.department;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ledger.api.statement.ProjectionStatus;
import ledger.api.statement.StatementService;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.department.DepartmentUnit;
import ledger.projections.posting.PostingRepository;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.DepartmentStatements;
import ledger.projections.statement.DepartmentTrace;
import ledger.projections.statement.StatementTemplate;
import org.springframework.stereotype.Service;

/**
 * A department's consolidated statements and traces: the units registered to it for the year
 * ({@link Departments}), each with its postings from the read model once it has caught up.
 */
@Service
public class DepartmentStatementService {

    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    /** A department with no unit in the year: named, so the caller can say so. */
    public static final class NoSuchDepartment extends ledger.core.text.Refusal {
        private static final long serialVersionUID = 1L;

        NoSuchDepartment(String department, FiscalYear year) {
            super(ledger.core.text.Reason.of("department.none", department, year));
        }
    }

    private final Departments departments;
    private final PostingRepository postings;
    private final ProjectionStatus projections;
    private final StatementService statements;

    public DepartmentStatementService(
            Departments departments,
            PostingRepository postings,
            ProjectionStatus projections,
            StatementService statements) {
        this.departments = departments;
        this.postings = postings;
        this.projections = projections;
        this.statements = statements;
    }

    /** The department's units in the year, 本级 first. */
    public List<DepartmentUnit> units(String department, FiscalYear year) {
        List<DepartmentUnit> units = departments.unitsOf(department, year);
        if (units.isEmpty()) {
            throw new NoSuchDepartment(department, year);
        }
        return units;
    }

    /** The department's name in the year, as its 本级's line gives it. */
    public String name(String department, FiscalYear year) {
        return units(department, year).stream()
                .map(DepartmentUnit::departmentName)
                .filter(n -> !n.isEmpty())
                .findFirst()
                .orElse(department);
    }

    /**
     * @param asOf null for the whole year; the statements are in the year's template
     */
    public DepartmentStatements statements(String department, FiscalYear year, LocalDate asOf) {
        return statements(department, year, asOf, StatementTemplate.forYear(year.value()));
    }

    /** As above, the consolidated set and every unit's in the given template's format. */
    public DepartmentStatements statements(
            String department, FiscalYear year, LocalDate asOf, StatementTemplate template) {
        List<DepartmentStatements.UnitPostings> units = postingsOf(department, year);
        return DepartmentStatements.compute(
                UnitCode.of(department),
                name(department, year),
                year,
                asOf,
                units,
                statements.catalogOf(year),
                template);
    }

    /**
     * @throws IllegalArgumentException when the year's template has no such row or column
     */
    public DepartmentTrace trace(
            String department, FiscalYear year, CellAddress cell, LocalDate asOf) {
        return trace(department, year, cell, asOf, StatementTemplate.forYear(year.value()));
    }

    /**
     * The trace of a cell of the given template. @throws IllegalArgumentException when it has no
     * such cell
     */
    public DepartmentTrace trace(
            String department,
            FiscalYear year,
            CellAddress cell,
            LocalDate asOf,
            StatementTemplate template) {
        template.problemWith(cell)
                .ifPresent(
                        problem -> {
                            throw new IllegalArgumentException(
                                    "no such figure " + cell + ": " + problem);
                        });
        return DepartmentStatements.trace(cell, year, asOf, postingsOf(department, year), template);
    }

    /**
     * The department's 情况说明, written from its consolidated postings; last year's figures from the
     * ledger when the department had units then, else from {@code given}.
     */
    public ledger.projections.explanation.Explanation explanation(
            String department,
            FiscalYear year,
            LocalDate asOf,
            ledger.projections.explanation.PriorYearFigures given,
            ledger.projections.explanation.StatedFigures stated) {
        return explanation(
                department, year, asOf, given, stated, StatementTemplate.forYear(year.value()));
    }

    /** As above, speaking of statements in the given template's format. */
    public ledger.projections.explanation.Explanation explanation(
            String department,
            FiscalYear year,
            LocalDate asOf,
            ledger.projections.explanation.PriorYearFigures given,
            ledger.projections.explanation.StatedFigures stated,
            StatementTemplate template) {
        UnitCode code = UnitCode.of(department);
        String name = name(department, year);
        List<ledger.projections.posting.Posting> ofYear =
                DepartmentStatements.consolidatedPostings(code, year, postingsOf(department, year));
        FiscalYear previous = FiscalYear.of(year.value() - 1);
        ledger.projections.explanation.PriorYearFigures prior;
        List<ledger.projections.posting.Posting> last =
                departments.unitsOf(department, previous).isEmpty()
                        ? List.of()
                        : DepartmentStatements.consolidatedPostings(
                                code, previous, postingsOf(department, previous));
        if (!last.isEmpty()) {
            prior =
                    ledger.projections.explanation.PriorYearFigures.fromStatements(
                            ledger.projections.statement.StatementEngine.compute(
                                    code,
                                    name,
                                    previous,
                                    null,
                                    last,
                                    statements.catalogOf(previous),
                                    StatementTemplate.forYear(previous.value())));
        } else if (given != null) {
            prior = given.requireFor(code, year);
        } else {
            prior = ledger.projections.explanation.PriorYearFigures.none(previous);
        }
        java.util.Map<ledger.core.account.ProjectCode, String> projects = new java.util.HashMap<>();
        units(department, year).forEach(u -> projects.putAll(postings.projectNames(u.unit())));
        return ledger.projections.explanation.ExplanationGenerator.generate(
                new ledger.projections.explanation.ExplanationInput(
                        code,
                        name,
                        year,
                        asOf,
                        ofYear,
                        statements.catalogOf(year),
                        projects,
                        prior,
                        stated,
                        template));
    }

    /**
     * Each unit of the department in the year with its postings, 本级 first, once the read model has
     * caught up: what every consolidated figure (statements, 预算执行) is summed from.
     */
    public List<DepartmentStatements.UnitPostings> postingsOf(String department, FiscalYear year) {
        List<DepartmentUnit> members = units(department, year);
        projections.awaitReadable(CATCH_UP);
        List<DepartmentStatements.UnitPostings> units = new ArrayList<>();
        for (DepartmentUnit member : members) {
            String name =
                    !member.unitName().isEmpty()
                            ? member.unitName()
                            : postings.unitName(member.unit()).orElse(member.unit().code());
            units.add(
                    new DepartmentStatements.UnitPostings(
                            member.unit(), name, postings.postingsOf(member.unit(), year)));
        }
        return units;
    }
}
