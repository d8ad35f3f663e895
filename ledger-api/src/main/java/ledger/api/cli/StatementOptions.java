package ledger.api.cli;

import java.time.LocalDate;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import picocli.CommandLine.Option;

/** Which statement set: unit, year and optionally a date within it. */
public class StatementOptions {

    @Option(names = "--year", required = true, description = "fiscal year, e.g. 2020")
    int year;

    @Option(names = "--unit", required = true, description = "unit code, e.g. jianghan-gov-office")
    String unit;

    @Option(names = "--as-of", paramLabel = "DATE", description = "only what is dated up to this day (yyyy-mm-dd)")
    LocalDate asOf;

    public FiscalYear fiscalYear() {
        return FiscalYear.of(year);
    }

    public UnitCode unitCode() {
        return UnitCode.of(unit);
    }

    public LocalDate asOf() {
        return asOf;
    }
}
