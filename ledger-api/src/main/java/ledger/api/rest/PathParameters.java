package ledger.api.rest;

import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;

/**
 * The unit and year of a {@code /api/units/{unit}/years/{year}/…} path, checked once for every
 * endpoint.
 */
final class PathParameters {

    private PathParameters() {}

    /**
     * A unit code the ledger has transactions of: 400 when it cannot be a code, 404 when unknown.
     */
    static UnitCode knownUnit(String unit, JdbcLedgerRegistry registry) {
        UnitCode code;
        try {
            code = UnitCode.of(unit);
        } catch (IllegalArgumentException malformed) {
            throw BadRequest.malformed("unit", malformed);
        }
        // The write side's register of units: current as soon as a transaction is committed, unlike
        // the read models, which StatementService waits for.
        if (!registry.unitNames().containsKey(code)) {
            throw BadRequest.notFound(
                    "unit", ledger.core.text.Reason.of("unit.noTransactions", code));
        }
        return code;
    }

    static FiscalYear fiscalYear(int year) {
        try {
            return FiscalYear.of(year);
        } catch (IllegalArgumentException malformed) {
            throw BadRequest.malformed("year", malformed);
        }
    }
}
