package ledger.projections.accounting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.projections.posting.Posting;

/**
 * A unit's 预算会计 entries for one year, as of a date: every posting's entries in the order the events
 * were stored, then the closing entries of every line when the year is closed — or, asked for, the
 * closing entries the close would write (预结账), so the 结转 科目 can be set against the 决算's 年末结转和结余
 * before the year is closed. Computed from postings, never stored.
 */
public final class BudgetJournal {

    /** Whether and how the year's closing entries are included. */
    public enum Closing {
        /** Only when the year is closed (the caller says so, or a 年末结转 posting shows it). */
        WHEN_CLOSED,
        /** Also when it is not: the entries the close would write, dated the as-of day. */
        PRO_FORMA
    }

    private final UnitCode unit;
    private final FiscalYear year;
    private final LocalDate asOf;
    private final UnitKind unitKind;
    private final boolean closed;
    private final boolean proForma;
    private final List<BudgetEntry> entries;

    private BudgetJournal(
            UnitCode unit,
            FiscalYear year,
            LocalDate asOf,
            UnitKind unitKind,
            boolean closed,
            boolean proForma,
            List<BudgetEntry> entries) {
        this.unit = unit;
        this.year = year;
        this.asOf = asOf;
        this.unitKind = unitKind;
        this.closed = closed;
        this.proForma = proForma;
        this.entries = List.copyOf(entries);
    }

    /**
     * @param asOfOrNull only postings dated up to this day; null for the whole year
     * @param closedInRegister the write side's register says the year is closed
     * @param postings any postings; those of other units and years are skipped
     * @throws IllegalArgumentException when the date is not in the fiscal year
     */
    public static BudgetJournal of(
            UnitCode unit,
            FiscalYear year,
            LocalDate asOfOrNull,
            Iterable<Posting> postings,
            UnitKind unitKind,
            BudgetChart chart,
            boolean closedInRegister,
            Closing closing) {
        requireInYear(year, asOfOrNull);
        List<BudgetEntry> entries = new ArrayList<>();
        Map<AccountKey, List<BudgetEntry>> byLine = new LinkedHashMap<>();
        Map<AccountKey, Posting> carriedForward = new LinkedHashMap<>();
        boolean carryForwardSeen = false;
        for (Posting posting : postings) {
            if (!posting.account().unit().equals(unit)
                    || !posting.account().year().equals(year)
                    || asOfOrNull != null && posting.date().isAfter(asOfOrNull)) {
                continue;
            }
            List<BudgetEntry> made = BudgetEntries.of(posting, unitKind, chart);
            entries.addAll(made);
            byLine.computeIfAbsent(posting.account(), key -> new ArrayList<>()).addAll(made);
            if (posting.kind() == TransactionKind.CARRY_FORWARD) {
                carryForwardSeen = true;
                carriedForward.put(posting.account(), posting);
            }
        }
        boolean closed = closedInRegister || carryForwardSeen;
        LocalDate closingDate = null;
        if (closed && (asOfOrNull == null || !asOfOrNull.isBefore(year.lastDay()))) {
            closingDate = year.lastDay();
        } else if (closing == Closing.PRO_FORMA) {
            closingDate = asOfOrNull == null ? year.lastDay() : asOfOrNull;
        }
        boolean proForma = closingDate != null && !(closed && closingDate.equals(year.lastDay()));
        if (closingDate != null) {
            for (Map.Entry<AccountKey, List<BudgetEntry>> line : byLine.entrySet()) {
                entries.addAll(
                        BudgetEntries.closing(
                                line.getKey().fund(),
                                line.getValue(),
                                closingDate,
                                carriedForward.get(line.getKey()),
                                chart));
            }
        }
        return new BudgetJournal(unit, year, asOfOrNull, unitKind, closed, proForma, entries);
    }

    /**
     * @throws IllegalArgumentException in Chinese and English, naming {@code asOf}, when the day is
     *     not in the year
     */
    public static void requireInYear(FiscalYear year, LocalDate asOfOrNull) {
        if (asOfOrNull != null
                && (asOfOrNull.isBefore(year.firstDay()) || asOfOrNull.isAfter(year.lastDay()))) {
            throw new IllegalArgumentException(
                    "日期 "
                            + asOfOrNull
                            + " 不在 "
                            + year
                            + " 年度内（"
                            + year.firstDay()
                            + " 至 "
                            + year.lastDay()
                            + "）(the date is not in fiscal year "
                            + year
                            + ")");
        }
    }

    public UnitCode unit() {
        return unit;
    }

    public FiscalYear year() {
        return year;
    }

    /** Null for the whole year. */
    public LocalDate asOf() {
        return asOf;
    }

    public UnitKind unitKind() {
        return unitKind;
    }

    /** The year is closed: its closing entries are real. */
    public boolean closed() {
        return closed;
    }

    /** The closing entries included are the ones a close would write, not written yet. */
    public boolean proForma() {
        return proForma;
    }

    /** Every entry, postings' first in event order, then the closing entries line by line. */
    public List<BudgetEntry> entries() {
        return entries;
    }
}
