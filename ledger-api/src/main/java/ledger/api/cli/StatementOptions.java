package ledger.api.cli;

import java.time.LocalDate;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Which statement set: unit (or department), year and optionally a date within it. */
public class StatementOptions {

    @Option(names = "--year", required = true, description = "fiscal year, e.g. 2020")
    int year;

    @Option(names = "--unit", description = "unit code, e.g. jianghan-gov-office")
    String unit;

    @Option(names = "--department", description = "department code: its units' consolidated statements"
            + " (ledger department list)")
    String department;

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

    /** Whether the department's consolidated statements are asked for. */
    boolean department() {
        return department != null;
    }

    /** Exactly one of --unit and --department: a usage error (exit 2) otherwise. */
    void requireOne(CommandSpec spec) {
        if ((unit == null) == (department == null)) {
            throw new ParameterException(spec.commandLine(), "give either --unit U or --department D");
        }
    }

    /** A command that works on one unit only: --unit, a usage error (exit 2) without it. */
    void requireUnit(CommandSpec spec) {
        if (unit == null || department != null) {
            throw new ParameterException(spec.commandLine(), department != null
                    ? "this command works on one unit: give --unit U (--department is not supported here yet)"
                    : "Missing required option: '--unit=<unit>'");
        }
    }
}
