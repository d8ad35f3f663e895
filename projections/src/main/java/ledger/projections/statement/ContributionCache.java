package ledger.projections.statement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ledger.core.account.AccountKey;
import ledger.core.account.TransactionKind;
import ledger.core.classification.ExpenditureNature;
import ledger.projections.posting.Posting;

/**
 * {@link CellMap#contributionsOf(Posting)} remembered per account, kind and nature — all it depends
 * on — so that walking many postings of few accounts works the map out once per account.
 */
final class ContributionCache {

    private static final int KIND_COUNT = TransactionKind.values().length;
    private static final int NATURE_SLOTS = ExpenditureNature.values().length + 1;

    /** Slots per account: one per kind and nature (or no nature). */
    static final int SLOT_COUNT = KIND_COUNT * NATURE_SLOTS;

    private final Map<AccountKey, Object[]> byAccount = new HashMap<>();
    private final StatementTemplate template;

    ContributionCache(StatementTemplate template) {
        this.template = template;
    }

    @SuppressWarnings("unchecked")
    List<Contribution> of(Posting posting) {
        Object[] slots =
                byAccount.computeIfAbsent(posting.account(), account -> new Object[SLOT_COUNT]);
        int slot = slotOf(posting);
        Object cached = slots[slot];
        if (cached == null) {
            cached = CellMap.contributionsOf(template, posting);
            slots[slot] = cached;
        }
        return (List<Contribution>) cached;
    }

    static int slotOf(Posting posting) {
        return posting.kind().ordinal() * NATURE_SLOTS
                + (posting.nature() == null ? NATURE_SLOTS - 1 : posting.nature().ordinal());
    }
}
