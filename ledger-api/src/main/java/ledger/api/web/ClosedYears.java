package ledger.api.web;

import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
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
}
