package ledger.projections.accounting;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import ledger.core.money.Money;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.Finding;
import ledger.projections.statement.StatementSet;

/**
 * The 审核公式 between the 预算会计 科目余额表 and the 部门决算 of the same unit, year and date:
 *
 * <ul>
 *   <li>财政拨款预算收入 本期贷方 = 表4 本年收入合计 (T4/27/1);
 *   <li>all 预算收入 本期贷方 = 表1 本年收入合计 (T1/27/1);
 *   <li>all 支出 本期借方 = 表1 本年支出合计 (T1/57/2);
 *   <li>资金结存 期末 = 表1 年末结转和结余 (T1/59/2);
 *   <li>财政拨款结转 + 财政拨款结余 期末, after the closing entries = 表4 年末财政拨款结转和结余 (T4/60/2);
 *   <li>行政支出 + 事业支出 本期借方 by 功能分类 类 = 表3 基本支出 + 项目支出 of that 类 (T3/类/2 + T3/类/3).
 * </ul>
 *
 * Both sides are exact fen sums, so a tie holds to the fen or is broken.
 */
public final class BudgetTies {

    /**
     * One comparison.
     *
     * @param rule stable id, e.g. {@code 预算会计.T4-27}
     * @param description what is compared, Chinese first
     * @param accountsFen the 科目余额表's side
     * @param statementFen the 决算's side
     * @param cells the 决算 cells on that side
     */
    public record Tie(
            String rule,
            String description,
            long accountsFen,
            long statementFen,
            List<CellAddress> cells) {

        public boolean holds() {
            return accountsFen == statementFen;
        }
    }

    private BudgetTies() {}

    /**
     * Every tie; the 结转 tie needs the closing entries, so pass a trial balance of a closed year or
     * one with the pro-forma close ({@link BudgetJournal.Closing#PRO_FORMA}).
     */
    public static List<Tie> ties(TrialBalance balance, StatementSet statements) {
        List<Tie> ties = new ArrayList<>();
        long fiscalIncome = balance.account("6001").creditFen();
        ties.add(
                tie(
                        "预算会计.T4-27",
                        "财政拨款预算收入本期贷方 = 表4 本年收入合计 (fiscal appropriation income = T4 line 27)",
                        fiscalIncome,
                        statements,
                        cell("T4", "27", 1)));
        ties.add(
                tie(
                        "预算会计.T1-27",
                        "预算收入本期贷方合计 = 表1 本年收入合计 (all budget income = T1 line 27)",
                        sum(balance, true, false),
                        statements,
                        cell("T1", "27", 1)));
        ties.add(
                tie(
                        "预算会计.T1-57",
                        "支出本期借方合计 = 表1 本年支出合计 (all expenditure = T1 line 57)",
                        sum(balance, false, true),
                        statements,
                        cell("T1", "57", 2)));
        ties.add(
                tie(
                        "预算会计.T1-59",
                        "资金结存期末余额 = 表1 年末结转和结余 (资金结存 = T1 line 59)",
                        balance.account("8001").closingFen(),
                        statements,
                        cell("T1", "59", 2)));
        ties.add(
                tie(
                        "预算会计.T4-60",
                        "财政拨款结转 + 财政拨款结余 期末余额（结账后）= 表4 年末财政拨款结转和结余"
                                + " (fiscal carry-over and surplus after closing = T4 line 60)",
                        -(balance.account("8101").closingFen()
                                + balance.account("8102").closingFen()),
                        statements,
                        cell("T4", "60", 2)));
        ties.addAll(byLei(balance, statements));
        return ties;
    }

    /** The broken ties as findings of {@code ledger check}, Chinese first. */
    public static List<Finding> findings(TrialBalance balance, StatementSet statements) {
        List<Finding> findings = new ArrayList<>();
        for (Tie tie : ties(balance, statements)) {
            if (!tie.holds()) {
                findings.add(
                        new Finding(
                                Finding.Severity.ERROR,
                                Finding.RuleKind.IDENTITY,
                                tie.rule(),
                                tie.description()
                                        + "：科目余额表 "
                                        + Money.ofFen(tie.accountsFen()).toYuanString()
                                        + " 元，决算 "
                                        + Money.ofFen(tie.statementFen()).toYuanString()
                                        + " 元 (accounts "
                                        + Money.ofFen(tie.accountsFen())
                                        + " vs statements "
                                        + Money.ofFen(tie.statementFen())
                                        + " yuan)",
                                tie.cells()));
            }
        }
        return findings;
    }

    private static List<Tie> byLei(TrialBalance balance, StatementSet statements) {
        Set<String> leis = new TreeSet<>();
        for (String code : List.of("7101", "7201")) {
            balance.entriesOf(code, null).forEach(e -> leis.add(e.functional().lei().code()));
        }
        statements.table("T3").cellsFen().keySet().stream()
                .filter(c -> c.row().length() == 3 && (c.column() == 2 || c.column() == 3))
                .forEach(c -> leis.add(c.row()));
        List<Tie> ties = new ArrayList<>();
        for (String lei : leis) {
            long accounts = 0;
            for (String code : List.of("7101", "7201")) {
                for (BudgetEntry e : balance.entriesOf(code, null)) {
                    if (e.side() == Side.DEBIT
                            && !e.opening()
                            && e.functional().lei().code().equals(lei)) {
                        accounts = Math.addExact(accounts, e.amountFen());
                    }
                }
            }
            CellAddress basic = cell("T3", lei, 2);
            CellAddress project = cell("T3", lei, 3);
            long statement = statements.fen(basic) + statements.fen(project);
            ties.add(
                    new Tie(
                            "预算会计.T3-" + lei,
                            "行政支出 + 事业支出 本期借方（"
                                    + lei
                                    + " 类）= 表3 基本支出 + 项目支出"
                                    + " (administrative and institution expenditure of 类 "
                                    + lei
                                    + " = T3 columns 2 + 3)",
                            accounts,
                            statement,
                            List.of(basic, project)));
        }
        return ties;
    }

    private static long sum(TrialBalance balance, boolean income, boolean expenditure) {
        long fen = 0;
        for (TrialBalance.Row row : balance.rows()) {
            if (row.isAccount() && income && row.account().isIncome()) {
                fen = Math.addExact(fen, row.creditFen());
            } else if (row.isAccount() && expenditure && row.account().isExpenditure()) {
                fen = Math.addExact(fen, row.debitFen());
            }
        }
        return fen;
    }

    private static Tie tie(
            String rule,
            String description,
            long accountsFen,
            StatementSet statements,
            CellAddress cell) {
        return new Tie(rule, description, accountsFen, statements.fen(cell), List.of(cell));
    }

    private static CellAddress cell(String table, String row, int column) {
        return new CellAddress(table, row, column);
    }
}
