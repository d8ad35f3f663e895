package ledger.api.recording;

import ledger.core.account.UnitCode;

/** The caller may not record for a unit named in its input; nothing was read or written. */
public class UnitNotPermitted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnitNotPermitted(UnitCode unit) {
        super("not permitted for unit " + unit);
    }
}
