package ledger.api.statement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import ledger.api.department.DepartmentStatementService;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.classification.ClassificationCatalog;
import ledger.projections.accounting.AccountingGrids;
import ledger.projections.accounting.BudgetExecution;
import ledger.projections.accounting.Grid;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingRepository;
import ledger.projections.statement.DepartmentStatements;
import org.springframework.stereotype.Service;

/**
 * 预算执行进度 of a unit, or of a department (its units' postings less the transfers between them, as its
 * consolidated statements count them), from the postings read model once it has caught up. Nothing
 * is stored: the figures and the events behind them are summed from the same postings.
 */
@Service
public class ExecutionService {

    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    /**
     * An execution with what it was summed from, so the events behind any figure are found the same
     * way.
     *
     * @param scope 单位 or 部门
     */
    public record Execution(
            BudgetExecution execution,
            String scope,
            List<Posting> postings,
            Predicate<Posting> left,
            ClassificationCatalog names) {

        public Grid grid() {
            return AccountingGrids.execution(execution, scope, names);
        }

        /**
         * @throws IllegalArgumentException when the execution has no such row
         */
        public List<Posting> behind(String row, BudgetExecution.Figure figure) {
            return execution.behind(row, figure, postings, left);
        }
    }

    private final PostingRepository postings;
    private final ProjectionStatus projections;
    private final StatementService statements;
    private final DepartmentStatementService departments;

    public ExecutionService(
            PostingRepository postings,
            ProjectionStatus projections,
            StatementService statements,
            DepartmentStatementService departments) {
        this.postings = postings;
        this.projections = projections;
        this.statements = statements;
        this.departments = departments;
    }

    /**
     * @param asOf null for the whole year
     * @throws IllegalArgumentException naming the date when it is outside the year, or when the
     *     unit has no transactions
     */
    public Execution unit(UnitCode unit, FiscalYear year, LocalDate asOf) {
        projections.awaitReadable(CATCH_UP);
        String name =
                postings.unitName(unit)
                        .orElseThrow(
                                () ->
                                        new ledger.core.text.Refusal(
                                                ledger.core.text.Reason.of(
                                                        "unit.noTransactions", unit)));
        List<Posting> ofYear = postings.postingsOf(unit, year);
        Predicate<Posting> none = p -> false;
        return new Execution(
                BudgetExecution.of(unit.code(), name, year, asOf, ofYear, none),
                "单位",
                ofYear,
                none,
                statements.catalogOf(year));
    }

    /**
     * The department's execution: every unit's postings but the two legs of each transfer between
     * its units, which its 合并 statements eliminate too.
     *
     * @throws DepartmentStatementService.NoSuchDepartment when it has no unit in the year
     */
    public Execution department(String department, FiscalYear year, LocalDate asOf) {
        List<Posting> ofYear = new ArrayList<>();
        for (DepartmentStatements.UnitPostings unit : departments.postingsOf(department, year)) {
            unit.postings().forEach(ofYear::add);
        }
        Predicate<Posting> transfers = DepartmentStatements::eliminated;
        return new Execution(
                BudgetExecution.of(
                        department,
                        departments.name(department, year),
                        year,
                        asOf,
                        ofYear,
                        transfers),
                "部门",
                ofYear,
                transfers,
                statements.catalogOf(year));
    }
}
