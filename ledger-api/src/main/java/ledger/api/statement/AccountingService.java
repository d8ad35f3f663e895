package ledger.api.statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.classification.ClassificationCatalog;
import ledger.projections.accounting.AccountingGrids;
import ledger.projections.accounting.BudgetChart;
import ledger.projections.accounting.BudgetJournal;
import ledger.projections.accounting.BudgetTies;
import ledger.projections.accounting.Grid;
import ledger.projections.accounting.IndicatorAccount;
import ledger.projections.accounting.TrialBalance;
import ledger.projections.accounting.UnitKind;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingRepository;
import ledger.projections.statement.Finding;
import ledger.projections.statement.StatementChecks;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTemplate;
import org.springframework.stereotype.Service;

/**
 * The unit's 预算会计 (科目余额表 and its entries), its ties to the 部门决算 and the 预算指标 account, all computed
 * from the postings read model as the statements are; nothing is stored.
 */
@Service
public class AccountingService {

    /** A 科目余额表 with the unit's name and the statements it ties to. */
    public record TrialBalanceReport(
            TrialBalance balance, String unitName, List<BudgetTies.Tie> ties) {}

    private final StatementService statements;
    private final PostingRepository postings;
    private final JdbcLedgerRegistry registry;
    private final BudgetChart chart = BudgetChart.standard();

    public AccountingService(
            StatementService statements, PostingRepository postings, JdbcLedgerRegistry registry) {
        this.statements = statements;
        this.postings = postings;
        this.registry = registry;
    }

    /**
     * @param asOf null for the whole year
     * @param proForma include the closing entries the year close would write when it is not closed
     * @throws IllegalArgumentException naming {@code asOf} when the day is outside the year, or
     *     when the unit has no transactions
     */
    public TrialBalanceReport trialBalance(
            UnitCode unit, FiscalYear year, LocalDate asOf, UnitKind kind, boolean proForma) {
        BudgetJournal.requireInYear(year, asOf);
        StatementSet set = statements2020(unit, year, asOf);
        List<Posting> ofUnitYear = postings.postingsOf(unit, year);
        boolean closedInRegister = registry.isClosed(unit, year);
        TrialBalance shown =
                balance(
                        unit,
                        year,
                        asOf,
                        kind,
                        proForma
                                ? BudgetJournal.Closing.PRO_FORMA
                                : BudgetJournal.Closing.WHEN_CLOSED,
                        ofUnitYear,
                        closedInRegister);
        TrialBalance closed =
                proForma
                        ? shown
                        : balance(
                                unit,
                                year,
                                asOf,
                                kind,
                                BudgetJournal.Closing.PRO_FORMA,
                                ofUnitYear,
                                closedInRegister);
        return new TrialBalanceReport(shown, set.unitName(), BudgetTies.ties(closed, set));
    }

    /**
     * Every 审核公式: the statements' own (in the format they were laid out in) and their ties to the
     * 科目余额表, which name the 2020-format addresses (表1/表3/表4 行次 and 栏次) whatever the format shown. A
     * date outside the year (statements as of it are empty, as they always were) has no 科目余额表, so
     * no ties.
     */
    public List<Finding> checks(StatementSet set, LocalDate asOf) {
        List<Finding> findings = new ArrayList<>(StatementChecks.evaluate(set));
        UnitCode unit = set.unit();
        FiscalYear year = set.year();
        if (asOf != null && (asOf.isBefore(year.firstDay()) || asOf.isAfter(year.lastDay()))) {
            return findings;
        }
        findings.addAll(
                BudgetTies.findings(
                        balance(
                                unit,
                                year,
                                asOf,
                                UnitKind.defaultKind(),
                                BudgetJournal.Closing.PRO_FORMA,
                                postings.postingsOf(unit, year),
                                registry.isClosed(unit, year)),
                        statements2020(unit, year, asOf)));
        return findings;
    }

    /** The statements in the 2020 format, whose addresses the ties name. */
    private StatementSet statements2020(UnitCode unit, FiscalYear year, LocalDate asOf) {
        return statements.statements(unit, year, asOf, StatementTemplate.builtIn("2020"));
    }

    /**
     * @throws IllegalArgumentException as {@link #trialBalance}
     */
    public IndicatorAccount indicators(UnitCode unit, FiscalYear year, LocalDate asOf) {
        BudgetJournal.requireInYear(year, asOf);
        statements.statements(unit, year, asOf);
        return IndicatorAccount.of(unit, year, asOf, postings.postingsOf(unit, year));
    }

    /**
     * The workbook's sheets after 表9: the 科目余额表 (with the pro-forma close when the year is open, so
     * its 结转 科目 show what 表4 shows) and the 预算指标 account; none for a date outside the year.
     */
    public List<Grid> sheets(UnitCode unit, FiscalYear year, LocalDate asOf) {
        if (asOf != null && (asOf.isBefore(year.firstDay()) || asOf.isAfter(year.lastDay()))) {
            return List
                    .of(); // statements as of a day outside the year are empty; there are no books
            // to show
        }
        TrialBalanceReport report = trialBalance(unit, year, asOf, UnitKind.defaultKind(), true);
        ClassificationCatalog names = names(year);
        return List.of(
                AccountingGrids.trialBalance(report.balance(), report.unitName(), names),
                AccountingGrids.indicators(indicators(unit, year, asOf), report.unitName(), names));
    }

    public String unitName(UnitCode unit) {
        return postings.unitName(unit).orElse(unit.code());
    }

    public ClassificationCatalog names(FiscalYear year) {
        return statements.catalogOf(year);
    }

    private TrialBalance balance(
            UnitCode unit,
            FiscalYear year,
            LocalDate asOf,
            UnitKind kind,
            BudgetJournal.Closing closing,
            List<Posting> ofUnitYear,
            boolean closedInRegister) {
        return TrialBalance.of(
                BudgetJournal.of(
                        unit, year, asOf, ofUnitYear, kind, chart, closedInRegister, closing),
                chart);
    }
}
