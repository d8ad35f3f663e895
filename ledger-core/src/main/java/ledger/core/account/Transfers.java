package ledger.core.account;

import java.util.Optional;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.core.department.DepartmentUnit;
import ledger.core.department.UnitRegistry;
import ledger.core.text.Reason;

/**
 * The rule every transfer between units obeys, for both its legs: the two units differ, belong to
 * one department in the transfer's year, and are parent and direct subordinate in the direction the
 * nature says (a subsidy goes down, a remittance goes up).
 */
public final class Transfers {

    private Transfers() {}

    /** How the receiver books what the payer spends as {@code nature}. */
    public static FundSource receivedAs(ExpenditureNature nature) {
        return nature == ExpenditureNature.SUBSIDY ? FundSource.SUPERIOR : FundSource.AFFILIATED;
    }

    /** The payer's nature of what the receiver books on {@code fund}. */
    public static ExpenditureNature natureReceivedAs(FundSource fund) {
        return switch (fund) {
            case SUPERIOR -> ExpenditureNature.SUBSIDY;
            case AFFILIATED -> ExpenditureNature.REMIT;
            default ->
                    throw new IllegalArgumentException(
                            "a transfer is received as superior (上级补助收入) or"
                                    + " affiliated (附属单位上缴收入), not "
                                    + fund.code());
        };
    }

    /**
     * @throws RuleViolation naming {@code to_unit}, {@code unit} or {@code nature}
     */
    public static void requireAllowed(
            UnitCode payer,
            UnitCode receiver,
            FiscalYear year,
            ExpenditureNature nature,
            UnitRegistry units) {
        if (payer.equals(receiver)) {
            throw new RuleViolation("to_unit", Reason.of("transfer.toSelf", payer));
        }
        Optional<DepartmentUnit> from = units.membership(payer, year);
        if (from.isEmpty()) {
            throw new RuleViolation("unit", Reason.of("transfer.noDepartment", payer, year));
        }
        Optional<DepartmentUnit> to = units.membership(receiver, year);
        if (to.isEmpty() || !to.get().department().equals(from.get().department())) {
            throw new RuleViolation(
                    "to_unit",
                    Reason.of(
                            "transfer.otherDepartment",
                            receiver,
                            year,
                            from.get().department(),
                            payer));
        }
        if (nature == ExpenditureNature.SUBSIDY && !payer.equals(to.get().parent())) {
            throw new RuleViolation(
                    "to_unit",
                    Reason.of(
                            "transfer.subsidyNotSubordinate",
                            receiver,
                            year,
                            parentShown(to.get().parent()),
                            payer));
        }
        if (nature == ExpenditureNature.REMIT && !receiver.equals(from.get().parent())) {
            throw new RuleViolation(
                    "to_unit",
                    Reason.of(
                            "transfer.remitNotParent",
                            payer,
                            year,
                            parentShown(from.get().parent()),
                            receiver));
        }
    }

    /**
     * A unit's parent as a message shows it: a top-level unit has none, said in the message's
     * language.
     */
    private static Object parentShown(UnitCode parent) {
        return parent == null ? Reason.of("transfer.noParent") : parent;
    }
}
