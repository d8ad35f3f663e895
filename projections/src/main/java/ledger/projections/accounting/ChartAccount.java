package ledger.projections.accounting;

/**
 * One 预算会计 科目 of the chart ({@code accounting/budget-accounts.tsv}).
 *
 * @param code e.g. {@code 6001}
 * @param name e.g. 财政拨款预算收入
 * @param balanceSide the side its balance normally lies on
 * @param element 预算收入, 预算支出 or 预算结余
 * @param usedFor what the ledger books to it, as written in the file ({@code -} for nothing)
 * @param byFunctional whether its 明细 run by 功能分类 项
 * @param byEconomic whether its 明细 also run by 经济分类 款
 */
public record ChartAccount(
        String code,
        String name,
        Side balanceSide,
        String element,
        String usedFor,
        boolean byFunctional,
        boolean byEconomic) {

    public static final String INCOME = "预算收入";
    public static final String EXPENDITURE = "预算支出";
    public static final String BALANCE = "预算结余";

    public ChartAccount {
        if (code == null || !code.matches("\\d{4}")) {
            throw new IllegalArgumentException("a 科目 code has four digits: " + code);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("科目 " + code + " has no name");
        }
        if (!INCOME.equals(element) && !EXPENDITURE.equals(element) && !BALANCE.equals(element)) {
            throw new IllegalArgumentException(
                    "科目 " + code + ": element must be 预算收入, 预算支出 or 预算结余, not " + element);
        }
    }

    public boolean isIncome() {
        return INCOME.equals(element);
    }

    public boolean isExpenditure() {
        return EXPENDITURE.equals(element);
    }

    /** “6001 财政拨款预算收入” */
    public String label() {
        return code + " " + name;
    }
}
