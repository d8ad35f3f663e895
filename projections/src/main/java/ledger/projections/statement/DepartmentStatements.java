package ledger.projections.statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.classification.ClassificationCatalog;
import ledger.projections.posting.Posting;

/**
 * A department's consolidated 部门决算: a layer over the statements of its units, never a layout of its
 * own. Every cell is the simple sum (汇总) over the department's units of that year, minus the
 * eliminations (抵销) of the transfers between them — both legs of each transfer, the payer's
 * 对附属单位补助支出 or 上缴上级支出 and the receiver's 上级补助收入 or 附属单位上缴收入 — so nothing is counted twice. Because
 * every cell is a signed sum of postings, the consolidated set is exactly the statement set of the
 * department's postings less the transfer legs, so the 审核公式 hold on it as on any unit's.
 *
 * @param consolidated the published view: 合并 figures, headed with the department's code and name
 * @param units each unit's own statement set, in the department's order (本级 first)
 * @param sumFen 汇总: every non-zero cell's sum over the units
 * @param eliminatedFen 抵销: every non-zero cell's sum of transfer legs (subtracted)
 */
public record DepartmentStatements(
        StatementSet consolidated,
        List<StatementSet> units,
        Map<CellAddress, Long> sumFen,
        Map<CellAddress, Long> eliminatedFen) {

    /** The event types of a transfer's two legs: the postings a department eliminates. */
    public static final Set<String> TRANSFER_LEGS = Set.of("TransferPaid", "TransferReceived");

    /** One unit of the department and its postings of the year. */
    public record UnitPostings(UnitCode unit, String name, Iterable<Posting> postings) {}

    /** Whether a department eliminates this posting: a leg of a transfer between its units. */
    public static boolean eliminated(Posting posting) {
        return TRANSFER_LEGS.contains(posting.eventType());
    }

    /**
     * As {@link #compute(UnitCode, String, FiscalYear, LocalDate, List, ClassificationCatalog,
     * StatementTemplate)} in the year's template ({@link StatementTemplate#forYear}).
     */
    public static DepartmentStatements compute(
            UnitCode department,
            String departmentName,
            FiscalYear year,
            LocalDate asOfOrNull,
            List<UnitPostings> units,
            ClassificationCatalog catalog) {
        return compute(
                department,
                departmentName,
                year,
                asOfOrNull,
                units,
                catalog,
                StatementTemplate.forYear(year.value()));
    }

    /**
     * @param department the department's code, printed where a unit's code is
     * @param asOfOrNull count only postings dated up to this day; {@code null} for the whole year
     * @param template the format of the consolidated set and of every unit's: the same for all, so
     *     汇总, 抵销 and 合并 are sums over the same cells
     */
    public static DepartmentStatements compute(
            UnitCode department,
            String departmentName,
            FiscalYear year,
            LocalDate asOfOrNull,
            List<UnitPostings> units,
            ClassificationCatalog catalog,
            StatementTemplate template) {
        CellSums all = new CellSums(template);
        CellSums transfers = new CellSums(template);
        List<StatementSet> unitSets = new ArrayList<>();
        for (UnitPostings unit : units) {
            PostingScope scope = new PostingScope(unit.unit(), year, asOfOrNull);
            CellSums own = new CellSums(template);
            for (Posting posting : unit.postings()) {
                if (scope.includes(posting)) {
                    own.add(posting);
                    all.add(posting);
                    if (eliminated(posting)) {
                        transfers.add(posting);
                    }
                }
            }
            unitSets.add(
                    StatementSet.of(
                            unit.unit(),
                            unit.name(),
                            year,
                            asOfOrNull,
                            own.nonZero(),
                            catalog,
                            template));
        }
        Map<CellAddress, Long> sum = all.nonZero();
        Map<CellAddress, Long> eliminated = transfers.nonZero();
        Map<CellAddress, Long> consolidated = new HashMap<>(sum);
        eliminated.forEach((cell, fen) -> consolidated.merge(cell, -fen, Math::addExact));
        consolidated.values().removeIf(fen -> fen == 0L);
        return new DepartmentStatements(
                StatementSet.of(
                        department,
                        departmentName,
                        year,
                        asOfOrNull,
                        consolidated,
                        catalog,
                        template),
                unitSets,
                sum,
                eliminated);
    }

    public DepartmentStatements {
        units = List.copyOf(units);
        sumFen = Map.copyOf(sumFen);
        eliminatedFen = Map.copyOf(eliminatedFen);
    }

    /** 汇总 of a cell in fen. */
    public long sum(CellAddress cell) {
        return sumFen.getOrDefault(cell, 0L);
    }

    /** 抵销 of a cell in fen (what is subtracted). */
    public long eliminated(CellAddress cell) {
        return eliminatedFen.getOrDefault(cell, 0L);
    }

    /** 合并 of a cell in fen: {@link #sum} − {@link #eliminated}. */
    public long consolidated(CellAddress cell) {
        return consolidated.fen(cell);
    }

    /** One cell of the working view. */
    public record WorkingCell(
            CellAddress cell, long sumFen, long eliminatedFen, long consolidatedFen) {}

    /**
     * Every cell that is non-zero in 汇总, 抵销 or 合并, in the consolidated set's display order first.
     */
    public List<WorkingCell> workingView() {
        Set<CellAddress> cells =
                new LinkedHashSet<>(
                        consolidated.tables().stream()
                                .flatMap(t -> t.cellsFen().keySet().stream())
                                .toList());
        cells.addAll(new java.util.TreeMap<>(eliminatedFen).keySet());
        List<WorkingCell> view = new ArrayList<>();
        for (CellAddress cell : cells) {
            view.add(new WorkingCell(cell, sum(cell), eliminated(cell), consolidated(cell)));
        }
        return view;
    }

    /** The trace of one cell of the year's template across the units. */
    public static DepartmentTrace trace(
            CellAddress cell, FiscalYear year, LocalDate asOfOrNull, List<UnitPostings> units) {
        return trace(cell, year, asOfOrNull, units, StatementTemplate.forYear(year.value()));
    }

    /**
     * The trace of one cell of the template across the units: each unit's postings, the transfer
     * legs marked.
     */
    public static DepartmentTrace trace(
            CellAddress cell,
            FiscalYear year,
            LocalDate asOfOrNull,
            List<UnitPostings> units,
            StatementTemplate template) {
        List<DepartmentTrace.UnitTrace> traces = new ArrayList<>();
        for (UnitPostings unit : units) {
            Trace trace =
                    CellTrace.over(unit.unit(), year, unit.postings(), asOfOrNull, template)
                            .trace(cell);
            long eliminated = 0L;
            for (TracedPosting posting : trace.postings()) {
                if (eliminated(posting.posting())) {
                    eliminated = Math.addExact(eliminated, posting.signedFen());
                }
            }
            traces.add(new DepartmentTrace.UnitTrace(unit.unit(), unit.name(), trace, eliminated));
        }
        return new DepartmentTrace(cell, traces);
    }

    /**
     * The postings the consolidated set counts, each relabelled as the department's own (its code
     * in place of the unit's): every posting of the units in the year but the transfer legs. What
     * works on one unit's postings (the 情况说明) works on these for the department.
     */
    public static List<Posting> consolidatedPostings(
            UnitCode department, FiscalYear year, List<UnitPostings> units) {
        List<Posting> relabelled = new ArrayList<>();
        for (UnitPostings unit : units) {
            for (Posting p : unit.postings()) {
                if (!p.account().unit().equals(unit.unit())
                        || !p.account().year().equals(year)
                        || eliminated(p)) {
                    continue;
                }
                var account =
                        new ledger.core.account.AccountKey(
                                year,
                                department,
                                p.account().fund(),
                                p.account().functional(),
                                p.account().economic());
                relabelled.add(
                        new Posting(
                                p.globalIndex(),
                                p.eventId(),
                                p.eventType(),
                                account,
                                p.kind(),
                                p.amountFen(),
                                p.date(),
                                p.nature(),
                                p.project(),
                                p.procurement(),
                                p.sme(),
                                p.transactionId(),
                                p.reverses(),
                                p.voucher(),
                                p.memo(),
                                p.recordedBy(),
                                p.recordedAt(),
                                p.indicator()));
            }
        }
        relabelled.sort(java.util.Comparator.comparingLong(Posting::globalIndex));
        return relabelled;
    }

    /** The units' names by code, as the statements print them. */
    public Map<UnitCode, String> unitNames() {
        Map<UnitCode, String> names = new LinkedHashMap<>();
        units.forEach(set -> names.put(set.unit(), set.unitName()));
        return names;
    }
}
