package ledger.core.account;

import java.util.Optional;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.core.department.DepartmentUnit;
import ledger.core.department.UnitRegistry;

/**
 * The rule every transfer between units obeys, for both its legs: the two units differ, belong to
 * one department in the transfer's year, and are parent and direct subordinate in the direction the
 * nature says (a subsidy goes down, a remittance goes up).
 */
public final class Transfers {

    private Transfers() {
    }

    /** How the receiver books what the payer spends as {@code nature}. */
    public static FundSource receivedAs(ExpenditureNature nature) {
        return nature == ExpenditureNature.SUBSIDY ? FundSource.SUPERIOR : FundSource.AFFILIATED;
    }

    /** The payer's nature of what the receiver books on {@code fund}. */
    public static ExpenditureNature natureReceivedAs(FundSource fund) {
        return switch (fund) {
            case SUPERIOR -> ExpenditureNature.SUBSIDY;
            case AFFILIATED -> ExpenditureNature.REMIT;
            default -> throw new IllegalArgumentException("a transfer is received as superior (上级补助收入) or"
                    + " affiliated (附属单位上缴收入), not " + fund.code());
        };
    }

    /**
     * @throws RuleViolation naming {@code to_unit}, {@code unit} or {@code nature}
     */
    public static void requireAllowed(UnitCode payer, UnitCode receiver, FiscalYear year, ExpenditureNature nature,
                                      UnitRegistry units) {
        if (payer.equals(receiver)) {
            throw new RuleViolation("to_unit", "不能划转给本单位 " + payer + " (a transfer cannot go to the paying unit"
                    + " itself)");
        }
        Optional<DepartmentUnit> from = units.membership(payer, year);
        if (from.isEmpty()) {
            throw new RuleViolation("unit", "单位 " + payer + " 在 " + year + " 年未登记在任何部门，不能与其他单位划转；先用"
                    + " `ledger department register 文件` 登记 (unit " + payer + " belongs to no department in " + year + ")");
        }
        Optional<DepartmentUnit> to = units.membership(receiver, year);
        if (to.isEmpty() || !to.get().department().equals(from.get().department())) {
            throw new RuleViolation("to_unit", "单位 " + receiver + " 在 " + year + " 年不属于部门 "
                    + from.get().department() + "（付款单位 " + payer + " 所在部门）；划转只能在同一年度同一部门的单位之间进行"
                    + " (unit " + receiver + " is not in department " + from.get().department() + " in " + year + ")");
        }
        if (nature == ExpenditureNature.SUBSIDY && !payer.equals(to.get().parent())) {
            throw new RuleViolation("to_unit", "对附属单位补助只能拨给直属下级单位：" + receiver + " 在 " + year + " 年的上级是 "
                    + (to.get().parent() == null ? "（无，本级）" : to.get().parent()) + "，不是 " + payer
                    + " (a subsidy goes to a direct subordinate)");
        }
        if (nature == ExpenditureNature.REMIT && !receiver.equals(from.get().parent())) {
            throw new RuleViolation("to_unit", "上缴上级只能上缴给直属上级单位：" + payer + " 在 " + year + " 年的上级是 "
                    + (from.get().parent() == null ? "（无，本级）" : from.get().parent()) + "，不是 " + receiver
                    + " (a remittance goes to the direct parent)");
        }
    }
}
