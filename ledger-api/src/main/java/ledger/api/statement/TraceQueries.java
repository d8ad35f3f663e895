package ledger.api.statement;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingFilter;
import ledger.projections.posting.PostingKey;
import ledger.projections.posting.PostingRepository;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.KeyedTrace;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTemplate;
import ledger.projections.statement.TracedPosting;
import org.springframework.stereotype.Service;

/**
 * Traces and account histories read a page at a time: the database counts and sums the postings by
 * key (which decides the cells they feed) and returns only the page's rows, so a page of a
 * 16,000-event trace reads its 500 rows, not the unit-year. Filters are applied by the database
 * too.
 */
@Service
public class TraceQueries {

    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    /** Rows the database sends per round trip while an export streams. */
    static final int FETCH_SIZE = 1_000;

    private final PostingRepository postings;
    private final ProjectionStatus projections;
    private final StatementService statements;

    public TraceQueries(
            PostingRepository postings, ProjectionStatus projections, StatementService statements) {
        this.postings = postings;
        this.projections = projections;
        this.statements = statements;
    }

    /**
     * One page of a cell's trace within a filter.
     *
     * @param statements the unit-year's statements (as of the date), from sums in the database
     * @param cellFen the whole cell's figure in fen; {@code cellCount} its events
     * @param eventCount the events of the filtered trace; {@code sumFen} what they add to the cell
     * @param firstIndex the 0-based position of the page's first event in the filtered trace
     * @param reversals links between the page's reversals and their originals
     */
    public record TracePage(
            StatementSet statements,
            CellAddress cell,
            PostingFilter filter,
            long cellCount,
            long cellFen,
            long eventCount,
            long sumFen,
            TracePaging paging,
            int pageCount,
            long firstIndex,
            List<TracedPosting> rows,
            PostingRepository.ReversalPairs reversals) {}

    /**
     * @throws TracePaging.Invalid for a page the filtered trace has not
     */
    public TracePage trace(
            UnitCode unit,
            FiscalYear year,
            CellAddress cell,
            LocalDate asOf,
            StatementTemplate template,
            PostingFilter filter,
            TracePaging paging) {
        template.problemWith(cell)
                .ifPresent(
                        problem -> {
                            throw new IllegalArgumentException(
                                    "no such figure " + cell + ": " + problem);
                        });
        String name = unitName(unit);
        projections.awaitCaughtUp(CATCH_UP);
        List<PostingKey> all = postings.keysOf(unit, year, PostingFilter.NONE.upTo(asOf));
        StatementSet set =
                KeyedTrace.statements(
                        unit, name, year, asOf, all, statements.catalogOf(year), template);
        KeyedTrace keyed = KeyedTrace.of(template, cell, all);
        PostingFilter within = filter.upTo(asOf);
        List<PostingKey> matching = filter.narrows() ? postings.keysOf(unit, year, within) : all;
        long count = keyed.count(matching);
        int from = paging.from(Math.toIntExact(count));
        List<Posting> page = postings.page(unit, year, within, keyed.keys(), from, paging.size());
        return new TracePage(
                set,
                cell,
                filter,
                keyed.count(all),
                keyed.fen(all),
                count,
                keyed.fen(matching),
                paging,
                TracePaging.pageCount(Math.toIntExact(count), paging.size()),
                from,
                page.stream().map(keyed::traced).toList(),
                postings.reversalLinks(unit, page));
    }

    /**
     * A unit's part of a department's trace: its page of the (filtered) trace, and the sum of its
     * transfer legs in the cell, which the department eliminates (of the whole cell, unfiltered).
     */
    public record UnitOfDepartment(String name, TracePage page, long eliminatedFen) {

        /** What the unit adds to the department's cell. */
        public long keptFen() {
            return Math.subtractExact(page.cellFen(), eliminatedFen);
        }
    }

    /**
     * @throws TracePaging.Invalid for a page the unit's filtered trace has not
     */
    public UnitOfDepartment unitOfDepartment(
            UnitCode unit,
            FiscalYear year,
            CellAddress cell,
            LocalDate asOf,
            StatementTemplate template,
            PostingFilter filter,
            TracePaging paging) {
        TracePage page = trace(unit, year, cell, asOf, template, filter, paging);
        List<PostingKey> legs =
                postings.keysOf(
                        unit,
                        year,
                        PostingFilter.NONE.upTo(asOf),
                        ledger.projections.statement.DepartmentStatements.TRANSFER_LEGS);
        return new UnitOfDepartment(
                page.statements().unitName(), page, KeyedTrace.of(template, cell, legs).fen(legs));
    }

    /** Every event of the filtered trace into an xlsx workbook, streamed from the database. */
    public void exportTrace(
            UnitCode unit,
            FiscalYear year,
            CellAddress cell,
            LocalDate asOf,
            StatementTemplate template,
            PostingFilter filter,
            OutputStream out) {
        template.problemWith(cell)
                .ifPresent(
                        problem -> {
                            throw new IllegalArgumentException(
                                    "no such figure " + cell + ": " + problem);
                        });
        String name = unitName(unit);
        projections.awaitCaughtUp(CATCH_UP);
        KeyedTrace keyed =
                KeyedTrace.of(
                        template, cell, postings.keysOf(unit, year, PostingFilter.NONE.upTo(asOf)));
        try (TraceWorkbook book =
                new TraceWorkbook(statements.catalogOf(year), postings.projectNames(unit))) {
            book.title(
                    "追溯 "
                            + cell
                            + " · "
                            + unit
                            + " "
                            + name
                            + " · "
                            + year
                            + " 年"
                            + (asOf == null ? "" : " · 截至 " + asOf)
                            + TraceWorkbook.describe(filter));
            postings.each(
                    unit,
                    year,
                    filter.upTo(asOf),
                    keyed.keys(),
                    FETCH_SIZE,
                    p -> book.row(keyed.traced(p)));
            book.write(out);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * One budget line: its postings summed by kind (its balances) and one page of its history.
     *
     * @param byKind signed sums per kind the postings count as, a reversal lowering its reversed
     *     kind
     */
    public record AccountPage(
            AccountKey account,
            String unitName,
            java.util.Map<TransactionKind, Long> byKind,
            long eventCount,
            TracePaging paging,
            int pageCount,
            long firstIndex,
            List<Posting> rows,
            PostingRepository.ReversalPairs reversals) {

        /** 可用资金: opening balance + received − spent, as the account refuses spending beyond it. */
        public long availableFen() {
            return get(TransactionKind.OPENING)
                    + get(TransactionKind.CARRY_IN)
                    + get(TransactionKind.APPROPRIATION)
                    - get(TransactionKind.EXPENDITURE)
                    - get(TransactionKind.CARRY_FORWARD);
        }

        /** 调整后预算: the initial budget with its supplements, less its reductions. */
        public long adjustedBudgetFen() {
            return get(TransactionKind.BUDGET)
                    + get(TransactionKind.SUPPLEMENT)
                    - get(TransactionKind.REDUCE);
        }

        public long get(TransactionKind kind) {
            return byKind.getOrDefault(kind, 0L);
        }
    }

    /**
     * @throws TracePaging.Invalid for a page the filtered history has not
     */
    public AccountPage account(AccountKey account, PostingFilter filter, TracePaging paging) {
        String name = unitName(account.unit());
        projections.awaitCaughtUp(CATCH_UP);
        List<PostingKey> all =
                postings.keysOf(
                        account.unit(), account.year(), PostingFilter.NONE.onAccount(account));
        java.util.Map<TransactionKind, Long> byKind =
                new java.util.EnumMap<>(TransactionKind.class);
        all.forEach(key -> byKind.merge(key.kind(), key.sumFen(), Math::addExact));
        PostingFilter within = filter.onAccount(account);
        List<PostingKey> matching =
                filter.narrows() ? postings.keysOf(account.unit(), account.year(), within) : all;
        long count = matching.stream().mapToLong(PostingKey::count).sum();
        int from = paging.from(Math.toIntExact(count));
        List<Posting> page =
                postings.page(account.unit(), account.year(), within, null, from, paging.size());
        return new AccountPage(
                account,
                name,
                byKind,
                count,
                paging,
                TracePaging.pageCount(Math.toIntExact(count), paging.size()),
                from,
                page,
                postings.reversalLinks(account.unit(), page));
    }

    private String unitName(UnitCode unit) {
        return postings.unitName(unit)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unit " + unit + " has no transactions in this ledger"));
    }
}
