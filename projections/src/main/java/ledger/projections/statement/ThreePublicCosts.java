package ledger.projections.statement;

import ledger.core.classification.EconomicCode;

/**
 * 表7's four "三公" economic codes and the columns each feeds, budget and actual. The subtotal and
 * total columns are listed with each code so that 表7's formulas (1 = 2+3+6, 3 = 4+5, 7 = 8+9+12,
 * 9 = 10+11) hold by construction.
 */
final class ThreePublicCosts {

    static final String TRAVEL_ABROAD = "30212";
    static final String VEHICLE_PURCHASE = "31013";
    static final String VEHICLE_RUNNING = "30231";
    static final String RECEPTION = "30217";

    private static final int[] NONE = {};

    private ThreePublicCosts() {
    }

    /** 预算数 columns a 年初预算 of this code feeds. */
    static int[] budgetColumns(EconomicCode code) {
        switch (code.code()) {
            case TRAVEL_ABROAD:
                return new int[] {2, 1};
            case VEHICLE_PURCHASE:
                return new int[] {4, 3, 1};
            case VEHICLE_RUNNING:
                return new int[] {5, 3, 1};
            case RECEPTION:
                return new int[] {6, 1};
            default:
                return NONE;
        }
    }

    /** 决算数 columns: the budget columns shifted by six. */
    static int[] actualColumns(EconomicCode code) {
        int[] budget = budgetColumns(code);
        int[] actual = new int[budget.length];
        for (int i = 0; i < budget.length; i++) {
            actual[i] = budget[i] + 6;
        }
        return actual;
    }

    /** The actual column of a code, for comparing with 表6: 8, 10, 11 or 12. */
    static int actualColumnOf(String code) {
        return budgetColumns(EconomicCode.of(code))[0] + 6;
    }
}
