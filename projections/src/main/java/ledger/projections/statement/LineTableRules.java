package ledger.projections.statement;

import java.util.ArrayList;
import java.util.List;

/** The footnote formulas of the two line tables, 表1 and 表4 (sums and the 总计 identities). */
final class LineTableRules {

    private LineTableRules() {
    }

    static void table1(RuleRecorder r) {
        r.sum("T1.income-total", "本年收入合计 is lines 1–8", t1(27, 1), lines("T1", 1, 8, 1));
        r.sum("T1.income-grand-total", "总计 of income is lines 27 + 28 + 29", t1(30, 1),
                List.of(Term.plus(t1(27, 1)), Term.plus(t1(28, 1)), Term.plus(t1(29, 1))));
        r.sum("T1.expenditure-total", "本年支出合计 is lines 31–56", t1(57, 2),
                lines("T1", 31, 56, 2));
        r.sum("T1.expenditure-grand-total", "总计 of expenditure is lines 57 + 58 + 59", t1(60, 2),
                List.of(Term.plus(t1(57, 2)), Term.plus(t1(58, 2)), Term.plus(t1(59, 2))));
        r.identity("T1.grand-totals-agree", "总计 (income side and expenditure side)",
                t1(30, 1), t1(60, 2));
        r.sum("T1.closing-balance", "年末结转和结余 is opening + income + 使用非财政拨款结余"
                + " − expenditure − 结余分配", t1(59, 2),
                List.of(Term.plus(t1(29, 1)), Term.plus(t1(27, 1)), Term.plus(t1(28, 1)),
                        Term.minus(t1(57, 2)), Term.minus(t1(58, 2))));
    }

    static void table4(RuleRecorder r) {
        r.sum("T4.income-total", "本年收入合计 is lines 1–3", t4(27, 1), lines("T4", 1, 3, 1));
        r.sum("T4.opening-total", "年初财政拨款结转和结余 is lines 29–31", t4(28, 1),
                lines("T4", 29, 31, 1));
        r.sum("T4.income-grand-total", "总计 of income is lines 27 + 28", t4(32, 1),
                List.of(Term.plus(t4(27, 1)), Term.plus(t4(28, 1))));
        for (int column = 2; column <= 5; column++) {
            table4ExpenditureColumn(r, column);
        }
        r.identity("T4.grand-totals-agree", "总计 (income side and expenditure side)",
                t4(32, 1), t4(64, 2));
        for (int line = 33; line <= 64; line++) {
            r.sum("T4.source-columns", "on 表4 line " + line + " 合计 is the three sources",
                    t4(line, 2), List.of(Term.plus(t4(line, 3)), Term.plus(t4(line, 4)),
                            Term.plus(t4(line, 5))));
        }
    }

    private static void table4ExpenditureColumn(RuleRecorder r, int column) {
        r.sum("T4.expenditure-total", "本年支出合计 is lines 33–58", t4(59, column),
                lines("T4", 33, 58, column));
        r.sum("T4.closing-total", "年末财政拨款结转和结余 is lines 61–63", t4(60, column),
                lines("T4", 61, 63, column));
        r.sum("T4.expenditure-grand-total", "总计 of expenditure is lines 59 + 60",
                t4(64, column), List.of(Term.plus(t4(59, column)), Term.plus(t4(60, column))));
    }

    /** Lines {@code first}…{@code last} of one column, each added. */
    static List<Term> lines(String table, int first, int last, int column) {
        List<Term> terms = new ArrayList<>(last - first + 1);
        for (int line = first; line <= last; line++) {
            terms.add(Term.plus(CellAddress.of(table, line, column)));
        }
        return terms;
    }

    private static CellAddress t1(int line, int column) {
        return CellAddress.of("T1", line, column);
    }

    private static CellAddress t4(int line, int column) {
        return CellAddress.of("T4", line, column);
    }
}
