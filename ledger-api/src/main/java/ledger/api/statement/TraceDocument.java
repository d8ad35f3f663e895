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
 * What an auditor gets for one figure: the cell, its printed figure, the exact sum in fen, and
 * every event that makes it up with who recorded it and when. The signed amounts add up to
 * {@code sumFen} exactly.
 */
public record TraceDocument(String cell, String figure, long sumFen, String sumYuan, int eventCount,
                            List<TracedEvent> events) {

    /**
     * One event behind a figure.
     *
     * @param sign          +1 when the event adds to the figure, −1 when it takes from it
     * @param amountFen     the event's own amount, signed as the posting counts (negative for a reversal)
     * @param contributesFen what it adds to the figure: sign × amountFen
     */
    public record TracedEvent(String eventId, String eventType, long globalIndex, LocalDate date, String kind,
                              String account, int year, String unit, String fund, String functional,
                              String economic, String nature, String project, String procurement, Boolean sme,
                              long amountFen, String amountYuan, int sign, long contributesFen, String voucher,
                              String memo, String transactionId, String reverses, String recordedBy,
                              Instant recordedAt) {
    }

    public static TraceDocument of(Trace trace) {
        List<TracedEvent> events = trace.postings().stream().map(TraceDocument::event).toList();
        Money sum = Money.ofFen(trace.fen());
        BigDecimal figure = sum.toWanYuan();
        return new TraceDocument(trace.cell().toString(), figure.toPlainString(), trace.fen(), sum.toYuanString(),
                events.size(), events);
    }

    private static TracedEvent event(TracedPosting traced) {
        Posting p = traced.posting();
        return new TracedEvent(p.eventId(), p.eventType(), p.globalIndex(), p.date(), p.kind().code(),
                p.account().id(), p.account().year().value(), p.account().unit().code(), p.account().fund().code(),
                p.account().functional().code(), p.account().economic().code(),
                p.nature() == null ? null : p.nature().code(), p.project() == null ? null : p.project().code(),
                p.procurement() == null ? null : p.procurement().code(), p.sme(), p.amountFen(),
                Money.ofFen(p.amountFen()).toYuanString(), traced.sign(), traced.signedFen(), p.voucher(), p.memo(),
                p.transactionId().value(), p.reverses() == null ? null : p.reverses().value(), p.recordedBy(),
                p.recordedAt());
    }

    /** A plain-text listing for the terminal. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(cell).append(" = ").append(figure).append(" 万元 = ").append(sumYuan).append(" yuan, the exact sum of ")
                .append(eventCount).append(" event").append(eventCount == 1 ? "" : "s").append('\n');
        for (TracedEvent e : events) {
            text.append(String.format("%s %-3s %14s yuan  %-10s %-13s %-22s %s %s %s%s  by %s at %s  [%s %s]%n",
                    e.date(), e.sign() > 0 ? "+" : "−", e.amountYuan(), e.transactionId(), e.kind(), e.account(),
                    e.nature() == null ? "" : e.nature(), e.project() == null ? "" : e.project(),
                    e.voucher(), e.reverses() == null ? "" : "  reverses " + e.reverses(), e.recordedBy(),
                    e.recordedAt(), e.eventType(), e.eventId()));
        }
        return text.toString();
    }
}
