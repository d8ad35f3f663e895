package ledger.projections.statement;

import java.util.List;
import ledger.core.account.UnitCode;

/**
 * Why a department's cell shows what it shows: each unit's trace of the cell, with the transfer
 * legs among its postings marked as eliminated. At every level the sums add up: a unit's trace sums
 * to its own cell; the department's cell is the units' sum less what is eliminated.
 */
public record DepartmentTrace(CellAddress cell, List<UnitTrace> units) {

    /**
     * @param eliminatedFen the signed sum of the unit's transfer legs in this cell, which the
     *     department subtracts
     */
    public record UnitTrace(UnitCode unit, String name, Trace trace, long eliminatedFen) {

        /** What the unit adds to the department's cell. */
        public long keptFen() {
            return Math.subtractExact(trace.fen(), eliminatedFen);
        }
    }

    public DepartmentTrace {
        units = List.copyOf(units);
    }

    /** 汇总: the units' cells added up. */
    public long sumFen() {
        return units.stream().mapToLong(u -> u.trace().fen()).reduce(0L, Math::addExact);
    }

    /** 抵销: the transfer legs among them. */
    public long eliminatedFen() {
        return units.stream().mapToLong(UnitTrace::eliminatedFen).reduce(0L, Math::addExact);
    }

    /** 合并: the department's cell. */
    public long fen() {
        return Math.subtractExact(sumFen(), eliminatedFen());
    }

    /** How many postings in all. */
    public int eventCount() {
        return units.stream().mapToInt(u -> u.trace().postings().size()).sum();
    }
}
