package ledger.core.department;

import java.util.List;

/**
 * Units were registered in departments, each from a fiscal year on. Who registered them and when
 * are the event's metadata and timestamp, like every other event's.
 *
 * @param source the file's name as given, for the record
 */
public record DepartmentsRegistered(List<DepartmentUnit> units, String source) {

    /** The one aggregate every registration is stored on, in order. */
    public static final String AGGREGATE_ID = "departments";

    public static final String AGGREGATE_TYPE = "Departments";

    public DepartmentsRegistered {
        units = List.copyOf(units);
        source = source == null ? "" : source;
    }
}
