package ledger.core.department;

import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;

/**
 * One unit's place in a department, from a fiscal year on (until a later registration of the same
 * unit says otherwise).
 *
 * @param parent the unit above it in the department; null for the department's 本级
 */
public record DepartmentUnit(
        String department,
        String departmentName,
        UnitCode unit,
        String unitName,
        UnitKind kind,
        UnitCode parent,
        FiscalYear fromYear) {

    public DepartmentUnit {
        if (department == null || department.isBlank()) {
            throw new IllegalArgumentException("department is missing");
        }
        if (unit == null) {
            throw new IllegalArgumentException("unit is missing");
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind is missing");
        }
        if (fromYear == null) {
            throw new IllegalArgumentException("from_year is missing");
        }
        departmentName = departmentName == null ? "" : departmentName;
        unitName = unitName == null ? "" : unitName;
    }

    /** 本级: the unit at the top of its department. */
    public boolean isTop() {
        return parent == null;
    }

    /** 本级 or 下属单位, as printed. */
    public String role() {
        return parent == null ? "本级" : "下属单位";
    }
}
