package ledger.api.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ledger.api.statement.ExecutionService.Execution;
import ledger.core.money.Money;
import ledger.projections.accounting.BudgetExecution;
import ledger.projections.posting.Posting;

/**
 * 预算执行进度 and the events behind a figure as JSON documents, for the API and {@code ledger
 * execution}.
 */
public final class ExecutionDocuments {

    private ExecutionDocuments() {}

    /**
     * One row of the execution; amounts in yuan with two decimals, {@code executedPercent} null
     * without a budget.
     */
    public record RowDocument(
            String level,
            String key,
            String functional,
            String name,
            String unit,
            String fund,
            String economic,
            String initialBudget,
            String adjustedBudget,
            String opening,
            String appropriated,
            String spent,
            String available,
            String executedPercent) {}

    /**
     * @param scope {@code unit} or {@code department}
     */
    public record ExecutionDocument(
            String scope,
            String code,
            String name,
            int year,
            LocalDate asOf,
            String amountUnit,
            List<RowDocument> rows) {}

    /**
     * One event behind a figure: {@code amount} is what it adds to the figure (negative for a
     * reversal or a 调减).
     */
    public record EventDocument(
            String eventId,
            String eventType,
            LocalDate date,
            String transactionId,
            String kind,
            String account,
            String amount,
            String reverses,
            String voucher,
            String memo,
            String recordedBy,
            Instant recordedAt) {}

    public record EventsDocument(
            String row,
            String figure,
            String figureName,
            String total,
            List<EventDocument> events) {}

    public static ExecutionDocument document(String scope, Execution execution) {
        BudgetExecution figures = execution.execution();
        var names = execution.names();
        List<RowDocument> rows =
                figures.rows().stream()
                        .map(
                                r -> {
                                    String name =
                                            r.level() == BudgetExecution.Level.TOTAL
                                                    ? "合计"
                                                    : r.account() != null
                                                            ? r.account().fund().chineseName()
                                                            : names.functionalName(
                                                                            ledger.core
                                                                                    .classification
                                                                                    .FunctionalCode
                                                                                    .of(
                                                                                            r
                                                                                                    .functional()))
                                                                    .orElse("");
                                    String percent = r.executedPercent();
                                    return new RowDocument(
                                            r.level().chineseName(),
                                            r.key(),
                                            r.functional(),
                                            name,
                                            r.account() == null ? null : r.account().unit().code(),
                                            r.account() == null ? null : r.account().fund().code(),
                                            r.account() == null
                                                    ? null
                                                    : r.account().economic().code(),
                                            yuan(r.initialFen()),
                                            yuan(r.adjustedFen()),
                                            yuan(r.openingFen()),
                                            yuan(r.appropriatedFen()),
                                            yuan(r.spentFen()),
                                            yuan(r.availableFen()),
                                            percent.isEmpty() ? null : percent);
                                })
                        .toList();
        return new ExecutionDocument(
                scope,
                figures.code(),
                figures.name(),
                figures.year().value(),
                figures.asOf(),
                "元",
                rows);
    }

    /**
     * The events behind one figure of one row, each with what it adds to the figure.
     *
     * @throws IllegalArgumentException when the execution has no such row
     */
    public static EventsDocument events(
            Execution execution, String row, BudgetExecution.Figure figure) {
        List<Posting> behind = execution.behind(row, figure);
        List<EventDocument> events =
                behind.stream()
                        .map(
                                p ->
                                        new EventDocument(
                                                p.eventId(),
                                                p.eventType(),
                                                p.date(),
                                                p.transactionId().value(),
                                                p.kind().chineseName()
                                                        + (p.isReversal() ? "（冲销）" : ""),
                                                p.account().id(),
                                                yuan(figure.contribution(p)),
                                                p.reverses() == null ? null : p.reverses().value(),
                                                p.voucher(),
                                                p.memo(),
                                                p.recordedBy(),
                                                p.recordedAt()))
                        .toList();
        return new EventsDocument(
                row,
                figure.code(),
                figure.chineseName(),
                yuan(execution.execution().row(row).fen(figure)),
                events);
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }
}
