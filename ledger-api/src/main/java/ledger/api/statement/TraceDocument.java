package ledger.api.statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ledger.core.money.Money;
import ledger.projections.posting.Posting;
import ledger.projections.statement.Trace;
import ledger.projections.statement.TracedPosting;

/**
 * What an auditor gets for one figure: the cell, its printed figure, the exact sum in fen, and the
 * events that make it up with who recorded it and when. {@code figure}, {@code sumFen} and {@code
 * eventCount} are always the whole cell's; {@code events} are page {@code page} of {@code size}
 * events of the trace (all of them when unpaged), so the pages' signed amounts together add up to
 * {@code sumFen} exactly.
 */
public record TraceDocument(
        String cell,
        String figure,
        long sumFen,
        String sumYuan,
        int eventCount,
        int page,
        int size,
        int pageCount,
        List<TracedEvent> events) {

    public TraceDocument {
        events = List.copyOf(events);
    }

    /**
     * One event behind a figure.
     *
     * @param sign +1 when the event adds to the figure, −1 when it takes from it
     * @param amountFen the event's own amount, signed as the posting counts (negative for a
     *     reversal)
     * @param contributesFen what it adds to the figure: sign × amountFen
     */
    public record TracedEvent(
            String eventId,
            String eventType,
            long globalIndex,
            LocalDate date,
            String kind,
            String account,
            int year,
            String unit,
            String fund,
            String functional,
            String economic,
            String nature,
            String project,
            String procurement,
            Boolean sme,
            long amountFen,
            String amountYuan,
            int sign,
            long contributesFen,
            String voucher,
            String memo,
            String transactionId,
            String reverses,
            String recordedBy,
            Instant recordedAt,
            String indicator) {}

    /** The whole trace on one page. */
    public static TraceDocument of(Trace trace) {
        int count = trace.postings().size();
        return of(trace, 0, Math.max(1, count), count, trace.postings());
    }

    /**
     * One page of the trace, with the whole cell's sum and event count; a page it has not is
     * refused.
     */
    public static TraceDocument of(Trace trace, TracePaging paging) {
        int count = trace.postings().size();
        List<TracedPosting> slice = trace.postings().subList(paging.from(count), paging.to(count));
        return of(trace, paging.page(), paging.size(), count, slice);
    }

    /**
     * A page read from the database: {@code eventCount} and {@code sumFen} are the filtered trace's
     * (all of the cell's when nothing is filtered), so its pages add up to them; {@code figure} is
     * always the cell's.
     */
    public static TraceDocument of(TraceQueries.TracePage page) {
        List<TracedEvent> events = page.rows().stream().map(TraceDocument::event).toList();
        Money sum = Money.ofFen(page.sumFen());
        return new TraceDocument(
                page.cell().toString(),
                Money.ofFen(page.cellFen()).toWanYuan().toPlainString(),
                page.sumFen(),
                sum.toYuanString(),
                Math.toIntExact(page.eventCount()),
                page.paging().page(),
                page.paging().size(),
                page.pageCount(),
                events);
    }

    private static TraceDocument of(
            Trace trace, int page, int size, int count, List<TracedPosting> slice) {
        List<TracedEvent> events = slice.stream().map(TraceDocument::event).toList();
        Money sum = Money.ofFen(trace.fen());
        BigDecimal figure = sum.toWanYuan();
        return new TraceDocument(
                trace.cell().toString(),
                figure.toPlainString(),
                trace.fen(),
                sum.toYuanString(),
                count,
                page,
                size,
                TracePaging.pageCount(count, size),
                events);
    }

    /** Whether this document holds every event of the trace. */
    public boolean complete() {
        return events.size() == eventCount;
    }

    /** The whole trace from its pages in order; refused when they do not add up to one trace. */
    public static TraceDocument concatenate(List<TraceDocument> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no pages");
        }
        TraceDocument first = pages.get(0);
        List<TracedEvent> events = new java.util.ArrayList<>();
        long sum = 0;
        for (TraceDocument page : pages) {
            if (page.sumFen != first.sumFen
                    || page.eventCount != first.eventCount
                    || !page.cell.equals(first.cell)) {
                throw new IllegalStateException(
                        "the trace of " + first.cell + " changed between its pages");
            }
            for (TracedEvent event : page.events) {
                events.add(event);
                sum = Math.addExact(sum, event.contributesFen());
            }
        }
        if (events.size() != first.eventCount || sum != first.sumFen) {
            throw new IllegalStateException(
                    "the pages of the trace of "
                            + first.cell
                            + " hold "
                            + events.size()
                            + " events summing to "
                            + sum
                            + " fen, not the cell's "
                            + first.eventCount
                            + " events and "
                            + first.sumFen
                            + " fen");
        }
        return new TraceDocument(
                first.cell,
                first.figure,
                first.sumFen,
                first.sumYuan,
                first.eventCount,
                0,
                Math.max(1, events.size()),
                1,
                events);
    }

    private static TracedEvent event(TracedPosting traced) {
        Posting p = traced.posting();
        return new TracedEvent(
                p.eventId(),
                p.eventType(),
                p.globalIndex(),
                p.date(),
                p.kind().code(),
                p.account().id(),
                p.account().year().value(),
                p.account().unit().code(),
                p.account().fund().code(),
                p.account().functional().code(),
                p.account().economic().code(),
                p.nature() == null ? null : p.nature().code(),
                p.project() == null ? null : p.project().code(),
                p.procurement() == null ? null : p.procurement().code(),
                p.sme(),
                p.amountFen(),
                Money.ofFen(p.amountFen()).toYuanString(),
                traced.sign(),
                traced.signedFen(),
                p.voucher(),
                p.memo(),
                p.transactionId().value(),
                p.reverses() == null ? null : p.reverses().value(),
                p.recordedBy(),
                p.recordedAt(),
                p.indicator());
    }

    /** A plain-text listing for the terminal. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(cell)
                .append(" = ")
                .append(figure)
                .append(" 万元 = ")
                .append(sumYuan)
                .append(" yuan, the exact sum of ")
                .append(eventCount)
                .append(" event")
                .append(eventCount == 1 ? "" : "s")
                .append('\n');
        for (TracedEvent e : events) {
            text.append(
                    String.format(
                            "%s %-3s %14s yuan  %-10s %-13s %-22s %s %s %s%s%s  by %s at %s  [%s %s]%n",
                            e.date(),
                            e.sign() > 0 ? "+" : "−",
                            e.amountYuan(),
                            e.transactionId(),
                            e.kind(),
                            e.account(),
                            e.nature() == null ? "" : e.nature(),
                            e.project() == null ? "" : e.project(),
                            e.voucher(),
                            e.indicator() == null || e.indicator().isEmpty()
                                    ? ""
                                    : "  指标 " + e.indicator(),
                            e.reverses() == null ? "" : "  reverses " + e.reverses(),
                            e.recordedBy(),
                            e.recordedAt(),
                            e.eventType(),
                            e.eventId()));
        }
        return text.toString();
    }
}
