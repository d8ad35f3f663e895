package ledger.api.web;

import java.util.Collection;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.department.DepartmentUnit;
import org.springframework.stereotype.Component;

/**
 * Whether a unit's year is closed (结转 done), for every page that shows a year to mark it "已结账": the
 * templates ask {@code @closedYears.closed(unit, year)}, so no controller has to remember to.
 */
@Component("closedYears")
public class ClosedYears {

    private final JdbcLedgerRegistry registry;

    ClosedYears(JdbcLedgerRegistry registry) {
        this.registry = registry;
    }

    /** False for anything that is not a unit and a year (a page without them). */
    public boolean closed(Object unit, Object year) {
        if (unit == null || year == null) {
            return false;
        }
        try {
            return registry.isClosed(
                    UnitCode.of(unit.toString()), FiscalYear.of(Integer.parseInt(year.toString())));
        } catch (IllegalArgumentException notAUnitYear) {
            return false;
        }
    }

    /**
     * How many of a department's units have closed the year: the department is closed (已结账) when
     * all have, partly closed (部分单位已结账 n/m) when some have.
     */
    public record DepartmentYear(int closed, int units) {
        public boolean all() {
            return units > 0 && closed == units;
        }

        public boolean partly() {
            return closed > 0 && closed < units;
        }
    }

    public DepartmentYear department(Collection<DepartmentUnit> units, Object year) {
        int closed =
                units == null
                        ? 0
                        : (int) units.stream().filter(u -> closed(u.unit(), year)).count();
        return new DepartmentYear(closed, units == null ? 0 : units.size());
    }
}
