package ledger.projections.statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.core.account.TransactionKind;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.core.classification.FunctionalCode;
import ledger.projections.posting.Posting;

/**
 * The single definition of which cells a posting feeds, totals and subtotals included. Every cell
 * of every table is Σ sign × amountFen over the postings this map sends to it, and nothing else:
 * the engine sums by it, a trace filters by it, so a cell and its trace agree by construction, and
 * the report's own formulas (27 = 1+…+8, 64 = 59+60, …) hold exactly in fen.
 *
 * <p>Contributions to one cell are merged; a cell whose signs cancel (表1 line 60 for an
 * expenditure: +1 through line 57, −1 through line 59) is left out.
 */
public final class CellMap {

    private static final int T1_FIRST_EXPENDITURE_LINE = 31;
    private static final int T4_FIRST_EXPENDITURE_LINE = 33;

    private CellMap() {
    }

    /** Every cell the posting feeds, with its sign; empty for kinds that feed no cell. */
    public static List<Contribution> contributionsOf(Posting posting) {
        return contributionsOf(posting.account().fund(), posting.account().functional(),
                posting.account().economic(), posting.kind(), posting.nature());
    }

    /**
     * Every cell a posting with these keys feeds. Depends on nothing else, which is what lets the
     * engine compute it once per distinct combination.
     *
     * @throws IllegalArgumentException for an expenditure without nature, or a 类 with no 表1 line
     *         (refused for every kind, so a wrong code shows at its first posting)
     */
    public static List<Contribution> contributionsOf(FundSource fund, FunctionalCode functional,
            EconomicCode economic, TransactionKind kind, ExpenditureNature nature) {
        Key key = new Key(fund, functional, economic, kind, nature);
        LeiLines.indexOf(functional);
        if (kind == TransactionKind.EXPENDITURE && nature == null) {
            throw new IllegalArgumentException("an expenditure must have a nature: " + functional
                    + "/" + economic);
        }
        Cells cells = new Cells();
        allFundTables(key, cells);
        fiscalTables(key, cells);
        return cells.merged();
    }

    private static void allFundTables(Key key, Cells cells) {
        table1(key, cells);
        table2(key, cells);
        table3(key, cells);
    }

    private static void fiscalTables(Key key, Cells cells) {
        if (!key.fund.isFiscalAppropriation()) {
            return;
        }
        table4(key, cells);
        if (key.fund == FundSource.GENERAL) {
            table5(key, cells);
            table6(key, cells);
            table7(key, cells);
        } else if (key.fund == FundSource.GOV_FUND) {
            table8(key, cells);
        } else {
            table9(key, cells);
        }
    }

    /** 表1, all funds: income by fund, opening balances, expenditure by 类, closing balance. */
    private static void table1(Key key, Cells cells) {
        if (key.isIncome()) {
            int line = key.kind == TransactionKind.APPROPRIATION ? key.fund.ordinal() + 1 : 29;
            cells.add("T1", line, 1, 1);
            if (key.kind == TransactionKind.APPROPRIATION) {
                cells.add("T1", 27, 1, 1);
            }
            cells.add("T1", 30, 1, 1);
            cells.add("T1", 59, 2, 1);
            cells.add("T1", 60, 2, 1);
        } else if (key.kind == TransactionKind.EXPENDITURE) {
            cells.add("T1", T1_FIRST_EXPENDITURE_LINE + key.leiIndex(), 2, 1);
            cells.add("T1", 57, 2, 1);
            cells.add("T1", 59, 2, -1);
            // line 60 = 57 + 58 + 59: the expenditure adds to 57 and takes from 59, so nets to 0
        }
    }

    /** 表2, all funds: appropriations by 类/款/项; col 2 财政拨款, cols 3–7 the other sources. */
    private static void table2(Key key, Cells cells) {
        if (key.kind != TransactionKind.APPROPRIATION) {
            return;
        }
        cells.addToRows("T2", key.functional, 1, 1);
        int sourceColumn = key.fund.isFiscalAppropriation() ? 2 : key.fund.ordinal();
        cells.addToRows("T2", key.functional, sourceColumn, 1);
    }

    /** 表3, all funds: expenditure by 类/款/项, one column per nature. */
    private static void table3(Key key, Cells cells) {
        if (key.kind != TransactionKind.EXPENDITURE) {
            return;
        }
        cells.addToRows("T3", key.functional, 1, 1);
        cells.addToRows("T3", key.functional, natureColumnOfTable3(key.nature), 1);
    }

    private static int natureColumnOfTable3(ExpenditureNature nature) {
        switch (nature) {
            case PERSONNEL:
            case PUBLIC:
                return 2;
            case PROJECT:
                return 3;
            case REMIT:
                return 4;
            case BUSINESS_OP:
                return 5;
            default:
                return 6;
        }
    }

    /** 表4, the three 财政拨款 sources: lines by source, expenditure by 类 and source column. */
    private static void table4(Key key, Cells cells) {
        int source = key.fund.ordinal();
        if (key.isIncome()) {
            boolean appropriation = key.kind == TransactionKind.APPROPRIATION;
            cells.add("T4", appropriation ? 1 + source : 29 + source, 1, 1);
            cells.add("T4", appropriation ? 27 : 28, 1, 1);
            cells.add("T4", 32, 1, 1);
            table4Closing(cells, source, 1);
            cells.addToSource("T4", 64, source, 1);
        } else if (key.kind == TransactionKind.EXPENDITURE) {
            cells.addToSource("T4", T4_FIRST_EXPENDITURE_LINE + key.leiIndex(), source, 1);
            cells.addToSource("T4", 59, source, 1);
            table4Closing(cells, source, -1);
        }
    }

    /** 表4 line 60 and the source's own closing line 61/62/63, in col 2 and the source's column. */
    private static void table4Closing(Cells cells, int source, int sign) {
        cells.addToSource("T4", 60, source, sign);
        cells.addToSource("T4", 61 + source, source, sign);
    }

    /** 表5, general: expenditure by 类/款/项; col 2 基本, col 3 项目. */
    private static void table5(Key key, Cells cells) {
        fiscalExpenditureByFunction("T5", key, cells);
    }

    /** 表6, general basic expenditure by economic 款 and 类, and 人员/公用经费合计. */
    private static void table6(Key key, Cells cells) {
        if (key.kind != TransactionKind.EXPENDITURE || !key.nature.isBasic()) {
            return;
        }
        cells.add("T6", key.economic.code(), 1, 1);
        cells.add("T6", key.economic.lei().code(), 1, 1);
        String total = key.economic.isPersonnel()
                ? StatementRows.PERSONNEL_TOTAL : StatementRows.PUBLIC_TOTAL;
        cells.add("T6", total, 1, 1);
    }

    /** 表7, general: 年初预算 and actual spending on the four 三公 economic codes. */
    private static void table7(Key key, Cells cells) {
        int[] columns;
        if (key.kind == TransactionKind.BUDGET) {
            columns = ThreePublicCosts.budgetColumns(key.economic);
        } else if (key.kind == TransactionKind.EXPENDITURE) {
            columns = ThreePublicCosts.actualColumns(key.economic);
        } else {
            return;
        }
        for (int column : columns) {
            cells.add("T7", "1", column, 1);
        }
    }

    /** 表8, gov-fund: opening, income, expenditure (基本/项目) and closing by 类/款/项. */
    private static void table8(Key key, Cells cells) {
        if (key.isIncome()) {
            cells.addToRows("T8", key.functional,
                    key.kind == TransactionKind.APPROPRIATION ? 2 : 1, 1);
            cells.addToRows("T8", key.functional, 6, 1);
        } else if (key.kind == TransactionKind.EXPENDITURE) {
            cells.addToRows("T8", key.functional, 3, 1);
            addBasicOrProject("T8", key, cells, 4);
            cells.addToRows("T8", key.functional, 6, -1);
        }
    }

    /** 表9, soe-capital: expenditure by 类/款/项; col 2 基本, col 3 项目. */
    private static void table9(Key key, Cells cells) {
        fiscalExpenditureByFunction("T9", key, cells);
    }

    private static void fiscalExpenditureByFunction(String table, Key key, Cells cells) {
        if (key.kind != TransactionKind.EXPENDITURE) {
            return;
        }
        cells.addToRows(table, key.functional, 1, 1);
        addBasicOrProject(table, key, cells, 2);
    }

    /** Adds to {@code basicColumn} for 基本支出, the next column for 项目支出, nothing otherwise. */
    private static void addBasicOrProject(String table, Key key, Cells cells, int basicColumn) {
        if (key.nature.isBasic()) {
            cells.addToRows(table, key.functional, basicColumn, 1);
        } else if (key.nature == ExpenditureNature.PROJECT) {
            cells.addToRows(table, key.functional, basicColumn + 1, 1);
        }
    }

    /** What decides the cells of a posting. */
    private static final class Key {
        final FundSource fund;
        final FunctionalCode functional;
        final EconomicCode economic;
        final TransactionKind kind;
        final ExpenditureNature nature;

        Key(FundSource fund, FunctionalCode functional, EconomicCode economic,
                TransactionKind kind, ExpenditureNature nature) {
            this.fund = fund;
            this.functional = functional;
            this.economic = economic;
            this.kind = kind;
            this.nature = nature;
        }

        /** Money coming in: an appropriation, or an opening or carried-in balance. */
        boolean isIncome() {
            return kind == TransactionKind.APPROPRIATION || kind == TransactionKind.OPENING
                    || kind == TransactionKind.CARRY_IN;
        }

        int leiIndex() {
            return LeiLines.indexOf(functional);
        }
    }

    /** Collects contributions, merging those to the same cell. */
    private static final class Cells {
        private final Map<CellAddress, Integer> signs = new LinkedHashMap<>();

        void add(String table, int line, int column, int sign) {
            add(table, Integer.toString(line), column, sign);
        }

        void add(String table, String row, int column, int sign) {
            signs.merge(new CellAddress(table, row, column), sign, Integer::sum);
        }

        /** The posting's 项, its 款, its 类 and the table's total. */
        void addToRows(String table, FunctionalCode xiang, int column, int sign) {
            add(table, xiang.code(), column, sign);
            add(table, xiang.kuan().code(), column, sign);
            add(table, xiang.lei().code(), column, sign);
            add(table, StatementRows.TOTAL, column, sign);
        }

        /** 表4 expenditure side: column 2 (合计) and the source's own column 3/4/5. */
        void addToSource(String table, int line, int source, int sign) {
            add(table, line, 2, sign);
            add(table, line, 3 + source, sign);
        }

        List<Contribution> merged() {
            List<Contribution> result = new ArrayList<>(signs.size());
            signs.forEach((cell, sign) -> {
                if (sign != 0) {
                    result.add(new Contribution(cell, sign));
                }
            });
            return List.copyOf(result);
        }
    }
}
