package ledger.core.department;

import java.util.List;
import java.util.Optional;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;

/**
 * Which department a unit belongs to in a fiscal year, and what kind of unit it is: the read side
 * of the department registrations ({@code ledger department register}), for any code that needs it.
 */
public interface UnitRegistry {

    /** No department registered: every unit stands alone and counts as a 行政单位. */
    UnitRegistry NONE = (unit, year) -> Optional.empty();

    /** The unit's registration in force in that year, if it was registered for it. */
    Optional<DepartmentUnit> membership(UnitCode unit, FiscalYear year);

    /** The unit's kind in that year; a unit never registered counts as a 行政单位. */
    default UnitKind kindOf(UnitCode unit, FiscalYear year) {
        return membership(unit, year).map(DepartmentUnit::kind).orElse(UnitKind.ADMINISTRATIVE);
    }

    /** The code of the unit's department in that year. */
    default Optional<String> departmentOf(UnitCode unit, FiscalYear year) {
        return membership(unit, year).map(DepartmentUnit::department);
    }

    /** The units of a department in a year, 本级 first then by code; empty when it has none. */
    default List<DepartmentUnit> unitsOf(String department, FiscalYear year) {
        return List.of();
    }
}
