package ledger.projections.statement;

import java.util.List;

/**
 * Rules across tables: the same expenditure or income shown in two tables must agree exactly
 * (表1 ↔ 表3 by 类, 表1 ↔ 表4 line 1, 表4 ↔ 表5 by 类); 表6's two totals make 表5's 基本支出;
 * 表7's actual 三公 spending includes 表6's basic spending on the same codes.
 */
final class CrossTableRules {

    private CrossTableRules() {
    }

    static void check(RuleRecorder r) {
        for (int index = 0; index < LeiLines.COUNT; index++) {
            String lei = LeiLines.code(index);
            r.identity("T1-T3.lei", "the same expenditure of " + LeiLines.name(index),
                    CellAddress.of("T1", 31 + index, 2), CellAddress.of("T3", lei, 1));
        }
        r.identity("T1-T4.general-income", "the same 一般公共预算财政拨款收入",
                CellAddress.of("T1", 1, 1), CellAddress.of("T4", 1, 1));
        for (int index = 0; index < LeiLines.COUNT; index++) {
            String lei = LeiLines.code(index);
            r.identity("T4-T5.lei", "the same 一般公共预算财政拨款 expenditure of "
                    + LeiLines.name(index), CellAddress.of("T4", 33 + index, 3),
                    CellAddress.of("T5", lei, 1));
        }
        r.sum("T6-T5.basic", "表6 人员经费合计 + 公用经费合计 is 表5 基本支出 合计",
                CellAddress.of("T5", StatementRows.TOTAL, 2),
                List.of(Term.plus(CellAddress.of("T6", StatementRows.PERSONNEL_TOTAL, 1)),
                        Term.plus(CellAddress.of("T6", StatementRows.PUBLIC_TOTAL, 1))));
        threePublicCosts(r);
    }

    private static void threePublicCosts(RuleRecorder r) {
        threePublicCost(r, ThreePublicCosts.TRAVEL_ABROAD, "因公出国（境）费");
        threePublicCost(r, ThreePublicCosts.VEHICLE_PURCHASE, "公务用车购置费");
        threePublicCost(r, ThreePublicCosts.VEHICLE_RUNNING, "公务用车运行维护费");
        threePublicCost(r, ThreePublicCosts.RECEPTION, "公务接待费");
    }

    private static void threePublicCost(RuleRecorder r, String code, String name) {
        CellAddress actual = CellAddress.of("T7", "1", ThreePublicCosts.actualColumnOf(code));
        r.atLeast("T7-T6.actual", "actual " + name + " in 表7 includes 表6's basic spending on "
                        + code, actual, CellAddress.of("T6", code, 1),
                "right only if 项目支出 also pays " + name + " (" + code + ")");
    }
}
