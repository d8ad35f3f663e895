package ledger.api.web;

import java.time.LocalDate;
import java.util.Map;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.core.account.FiscalYear;
import ledger.core.account.TransactionKind;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingRepository;
import org.springframework.stereotype.Component;

/**
 * An event's place among reversals, for its page: the reversal that undid it ("已被冲销，见…"), the
 * original it undoes ("冲销了…"), and whether it can still be reversed, with the reversal form's
 * suggested id and date. A reversal is dated no earlier than its original and in the same year.
 */
@Component
class ReversalLinks {

    /** Links are null where there is nothing to link. */
    record View(
            String reversedById,
            String reversedByLink,
            String reversesId,
            String reversesLink,
            boolean reversible,
            String suggestedId,
            String suggestedDate) {}

    private final PostingRepository postings;
    private final JdbcLedgerRegistry registry;

    ReversalLinks(PostingRepository postings, JdbcLedgerRegistry registry) {
        this.postings = postings;
        this.registry = registry;
    }

    View of(Posting posting) {
        FiscalYear year = posting.account().year();
        Map<ledger.core.account.TransactionId, Posting> reversals =
                postings.reversalsOf(posting.account().unit(), year);
        Posting reversedBy = reversals.get(posting.transactionId());
        Posting original =
                posting.reverses() == null
                        ? null
                        : postings
                                .byTransaction(posting.account().unit(), year, posting.reverses())
                                .stream()
                                .filter(p -> p.reverses() == null)
                                .findFirst()
                                .orElse(null);
        boolean reversible =
                reversedBy == null
                        && !posting.isReversal()
                        && posting.kind() != TransactionKind.CARRY_FORWARD
                        && posting.kind() != TransactionKind.CARRY_IN
                        && !registry.isClosed(posting.account().unit(), year);
        LocalDate today = LocalDate.now();
        LocalDate suggested =
                today.isBefore(posting.date())
                        ? posting.date()
                        : today.isAfter(year.lastDay()) ? year.lastDay() : today;
        String id = posting.transactionId().value();
        String suggestedId = (id.length() > 62 ? id.substring(0, 62) : id) + "-R";
        return new View(
                reversedBy == null ? null : reversedBy.transactionId().value(),
                reversedBy == null ? null : Links.event(reversedBy.eventId()),
                posting.reverses() == null ? null : posting.reverses().value(),
                original == null ? null : Links.event(original.eventId()),
                reversible,
                suggestedId,
                suggested.toString());
    }
}
