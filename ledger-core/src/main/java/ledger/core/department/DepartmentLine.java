package ledger.core.department;

/**
 * One line of a department file as written, before it is checked; {@code line} is its line in the
 * file.
 */
public record DepartmentLine(
        int line,
        String department,
        String departmentName,
        String unit,
        String unitName,
        String kind,
        String parent,
        String fromYear) {}
