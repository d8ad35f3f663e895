package ledger.projections.posting;

import java.time.Instant;
import java.time.LocalDate;
import ledger.core.account.AccountKey;
import ledger.core.account.ProjectCode;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.ProcurementType;

/**
 * One money movement as the statements see it: a row per account event, with all its keys, the
 * event that made it and who recorded it. Every statement cell is a sum of signed postings chosen
 * by a predicate, so figures and traces agree by construction.
 *
 * <p>A reversal is a posting of the kind it reverses with the opposite sign, and names the
 * transaction it reverses; the original stays as it was.
 *
 * @param globalIndex the event's position in the event store (orders postings)
 * @param eventId the event's identifier
 * @param eventType the event's simple type name, e.g. {@code ExpenditureRecorded}
 * @param kind the kind this posting counts as: for a reversal, the reversed kind
 * @param amountFen signed amount in fen: negative for a reversal
 * @param nature expenditures only
 * @param project project expenditures only
 * @param procurement government purchases only
 * @param sme government purchases only: whether a small or medium enterprise won it
 * @param reverses for a reversal, the transaction it undoes
 * @param recordedBy the acting user from the event's metadata
 * @param recordedAt when the event was stored
 * @param indicator a 年初预算's 指标文号 or 指标 id; empty for every other posting
 */
public record Posting(
        long globalIndex,
        String eventId,
        String eventType,
        AccountKey account,
        TransactionKind kind,
        long amountFen,
        LocalDate date,
        ExpenditureNature nature,
        ProjectCode project,
        ProcurementType procurement,
        Boolean sme,
        TransactionId transactionId,
        TransactionId reverses,
        String voucher,
        String memo,
        String recordedBy,
        Instant recordedAt,
        String indicator) {

    public Posting {
        indicator = indicator == null ? "" : indicator;
    }

    /** A posting that names no 指标. */
    public Posting(
            long globalIndex,
            String eventId,
            String eventType,
            AccountKey account,
            TransactionKind kind,
            long amountFen,
            LocalDate date,
            ExpenditureNature nature,
            ProjectCode project,
            ProcurementType procurement,
            Boolean sme,
            TransactionId transactionId,
            TransactionId reverses,
            String voucher,
            String memo,
            String recordedBy,
            Instant recordedAt) {
        this(
                globalIndex,
                eventId,
                eventType,
                account,
                kind,
                amountFen,
                date,
                nature,
                project,
                procurement,
                sme,
                transactionId,
                reverses,
                voucher,
                memo,
                recordedBy,
                recordedAt,
                "");
    }

    public boolean isReversal() {
        return reverses != null;
    }
}
