package ledger.projections.statement;

import java.time.LocalDate;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.posting.Posting;

/**
 * Which postings a statement set counts: one unit, one fiscal year, and — for a statement as of a
 * date — only postings dated up to that day. Shared by the engine and the trace so both see the
 * same postings.
 */
record PostingScope(UnitCode unit, FiscalYear year, LocalDate asOf) {

    PostingScope {
        if (unit == null || year == null) {
            throw new IllegalArgumentException("unit and year are required");
        }
    }

    boolean includes(Posting posting) {
        return posting.account().unit().equals(unit)
                && posting.account().year().equals(year)
                && (asOf == null || posting.date() == null || !posting.date().isAfter(asOf));
    }
}
