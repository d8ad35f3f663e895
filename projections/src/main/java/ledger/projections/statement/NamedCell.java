package ledger.projections.statement;

import java.util.Arrays;
import java.util.List;
import ledger.core.classification.FundSource;

/**
 * The cells the reports (情况说明, charts, last year's figures) speak of, by name. Reports ask for
 * {@code NamedCell.TOTAL_INCOME}, never for {@code T1/30/1}: each {@link StatementTemplate} says
 * where it puts every named cell ({@link #in}); {@link #address()} is where the 2020 layout puts
 * it.
 *
 * <p>Families of cells whose row is a code (a functional 类, an economic 款) are the methods at the
 * end; their row is the code itself in every layout.
 */
public enum NamedCell {
    // 表1 收入支出决算总表
    INCOME_THIS_YEAR(TableLayout.T1, "27", 1, "本年收入合计"),
    TOTAL_INCOME(TableLayout.T1, "30", 1, "收入总计（收、支总计）"),
    EXPENDITURE_THIS_YEAR(TableLayout.T1, "57", 2, "本年支出合计"),
    TOTAL_EXPENDITURE(TableLayout.T1, "60", 2, "支出总计"),

    // 表3 支出决算表, 合计 row by nature
    EXPENDITURE_BASIC(TableLayout.T3, StatementRows.TOTAL, 2, "基本支出"),
    EXPENDITURE_PROJECT(TableLayout.T3, StatementRows.TOTAL, 3, "项目支出"),
    EXPENDITURE_REMIT(TableLayout.T3, StatementRows.TOTAL, 4, "上缴上级支出"),
    EXPENDITURE_BUSINESS_OP(TableLayout.T3, StatementRows.TOTAL, 5, "经营支出"),
    EXPENDITURE_SUBSIDY(TableLayout.T3, StatementRows.TOTAL, 6, "对附属单位补助支出"),

    // 表4 财政拨款收入支出决算总表
    FISCAL_INCOME_THIS_YEAR(TableLayout.T4, "27", 1, "财政拨款本年收入合计"),
    FISCAL_TOTAL_INCOME(TableLayout.T4, "32", 1, "财政拨款收入总计（财政拨款收、支总计）"),
    FISCAL_TOTAL_EXPENDITURE(TableLayout.T4, "64", 2, "财政拨款支出总计"),

    // 表5 一般公共预算财政拨款支出决算表, 合计 row
    GENERAL_EXPENDITURE(TableLayout.T5, StatementRows.TOTAL, 1, "一般公共预算财政拨款支出"),
    GENERAL_BASIC(TableLayout.T5, StatementRows.TOTAL, 2, "一般公共预算财政拨款基本支出"),
    GENERAL_PROJECT(TableLayout.T5, StatementRows.TOTAL, 3, "一般公共预算财政拨款项目支出"),

    // 表6 一般公共预算财政拨款基本支出决算表
    PERSONNEL_COSTS(TableLayout.T6, StatementRows.PERSONNEL_TOTAL, 1, "人员经费"),
    PUBLIC_COSTS(TableLayout.T6, StatementRows.PUBLIC_TOTAL, 1, "公用经费（机关运行经费）"),

    // 表7 “三公”经费: 预算数 columns 1–6, 决算数 columns 7–12
    THREE_PUBLIC_BUDGET(TableLayout.T7, "1", 1, "“三公”经费年初预算"),
    ABROAD_BUDGET(TableLayout.T7, "1", 2, "因公出国(境)费年初预算"),
    VEHICLES_BUDGET(TableLayout.T7, "1", 3, "公务用车购置及运行费年初预算"),
    VEHICLE_PURCHASE_BUDGET(TableLayout.T7, "1", 4, "公务用车购置费年初预算"),
    VEHICLE_RUNNING_BUDGET(TableLayout.T7, "1", 5, "公务用车运行费年初预算"),
    RECEPTION_BUDGET(TableLayout.T7, "1", 6, "公务接待费年初预算"),
    THREE_PUBLIC(TableLayout.T7, "1", 7, "“三公”经费支出决算"),
    ABROAD(TableLayout.T7, "1", 8, "因公出国(境)费支出决算"),
    VEHICLES(TableLayout.T7, "1", 9, "公务用车购置及运行费支出决算"),
    VEHICLE_PURCHASE(TableLayout.T7, "1", 10, "公务用车购置费"),
    VEHICLE_RUNNING(TableLayout.T7, "1", 11, "公务用车运行费"),
    RECEPTION(TableLayout.T7, "1", 12, "公务接待费支出决算"),

    // 表8 政府性基金预算财政拨款收入支出决算表, 合计 row
    GOV_FUND_OPENING(TableLayout.T8, StatementRows.TOTAL, 1, "政府性基金 年初结转和结余"),
    GOV_FUND_INCOME(TableLayout.T8, StatementRows.TOTAL, 2, "政府性基金 本年收入"),
    GOV_FUND_EXPENDITURE(TableLayout.T8, StatementRows.TOTAL, 3, "政府性基金 本年支出"),
    GOV_FUND_BASIC(TableLayout.T8, StatementRows.TOTAL, 4, "政府性基金 基本支出"),
    GOV_FUND_PROJECT(TableLayout.T8, StatementRows.TOTAL, 5, "政府性基金 项目支出"),
    GOV_FUND_CLOSING(TableLayout.T8, StatementRows.TOTAL, 6, "政府性基金 年末结转和结余"),

    // 表9 国有资本经营预算财政拨款支出决算表, 合计 row
    SOE_CAPITAL(TableLayout.T9, StatementRows.TOTAL, 1, "国有资本经营预算财政拨款支出"),
    SOE_CAPITAL_BASIC(TableLayout.T9, StatementRows.TOTAL, 2, "国有资本经营预算财政拨款基本支出"),
    SOE_CAPITAL_PROJECT(TableLayout.T9, StatementRows.TOTAL, 3, "国有资本经营预算财政拨款项目支出");

    private final TableLayout table;
    private final CellAddress address;
    private final String label;

    NamedCell(TableLayout table, String row, int column, String label) {
        this.table = table;
        this.address = CellAddress.of(table.id(), row, column);
        this.label = label;
    }

    public TableLayout table() {
        return table;
    }

    public CellAddress address() {
        return address;
    }

    /** Where the template puts this cell. */
    public CellAddress in(StatementTemplate template) {
        return template.address(this);
    }

    /** What the cell holds, in the words of the report. */
    public String label() {
        return label;
    }

    /** The named cells of one table, in declaration order. */
    public static List<NamedCell> of(TableLayout table) {
        return Arrays.stream(values()).filter(cell -> cell.table == table).toList();
    }

    /** 表1 本年收入 from one fund source: lines 1–8 in {@link FundSource} order. */
    public static CellAddress incomeFrom(FundSource fund) {
        return CellAddress.of(TableLayout.T1.id(), fund.ordinal() + 1, 1);
    }

    /** 表1 本年收入 from one fund source, where the template puts it (the line keyed by the fund). */
    public static CellAddress incomeFrom(StatementTemplate template, FundSource fund) {
        TableTemplate table = template.table(TableLayout.T1.id());
        return CellAddress.of(
                table.id(),
                table.line(fund.code())
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "template "
                                                        + template
                                                        + " has no 表1 line for "
                                                        + fund.code())),
                1);
    }

    /** 表3 本年支出合计 of a row (a functional code or {@link StatementRows#TOTAL}). */
    public static CellAddress expenditureOf(String row) {
        return CellAddress.of(TableLayout.T3.id(), row, 1);
    }

    /** 表5 本年支出 小计 of a row (a functional code or {@link StatementRows#TOTAL}). */
    public static CellAddress generalExpenditureOf(String row) {
        return CellAddress.of(TableLayout.T5.id(), row, 1);
    }

    /** 表6 决算数 of a row (an economic code or a 合计 row). */
    public static CellAddress basicExpenditureOf(String row) {
        return CellAddress.of(TableLayout.T6.id(), row, 1);
    }
}
