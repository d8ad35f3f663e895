package ledger.core.year;

import java.time.LocalDate;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.money.Money;

/**
 * 结转 is done for a unit's year: every account's remaining balance went to the next year, and the
 * year accepts nothing more.
 */
public record FiscalYearClosed(
        UnitCode unit,
        FiscalYear year,
        LocalDate closedOn,
        int accountsCarried,
        Money carriedTotal) {}
