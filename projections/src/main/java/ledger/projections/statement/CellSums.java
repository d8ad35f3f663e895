package ledger.projections.statement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.core.account.AccountKey;
import ledger.projections.posting.Posting;

/**
 * Sums postings into cells, fast: a posting's cells depend only on its account, kind and nature, so
 * they are worked out once per distinct combination (through {@link CellMap}) and kept as arrays of
 * cell indexes; each further posting is then a few array additions, with no allocation.
 */
final class CellSums {

    private static final int SLOTS = ContributionCache.SLOT_COUNT;

    private final StatementTemplate template;
    private final Map<AccountKey, int[][]> cellsByAccount = new HashMap<>();
    private final Map<CellAddress, Integer> indexOfCell = new HashMap<>();
    private final List<CellAddress> cells = new ArrayList<>();
    private long[] fen = new long[512];

    CellSums(StatementTemplate template) {
        this.template = template;
    }

    /** Adds one posting's signed amount to every cell it feeds. */
    void add(Posting posting) {
        int[] encoded = encodedCellsOf(posting);
        long amount = posting.amountFen();
        for (int i = 0; i < encoded.length; i += 2) {
            int cell = encoded[i];
            long signed = encoded[i + 1] == 1 ? amount : Math.multiplyExact(amount, encoded[i + 1]);
            fen[cell] = Math.addExact(fen[cell], signed);
        }
    }

    /** Every cell with a non-zero sum. */
    Map<CellAddress, Long> nonZero() {
        Map<CellAddress, Long> result = new LinkedHashMap<>();
        for (int index = 0; index < cells.size(); index++) {
            if (fen[index] != 0L) {
                result.put(cells.get(index), fen[index]);
            }
        }
        return result;
    }

    /** The posting's cells as pairs (cell index, sign), cached per account, kind and nature. */
    private int[] encodedCellsOf(Posting posting) {
        int[][] byKindAndNature =
                cellsByAccount.computeIfAbsent(posting.account(), account -> new int[SLOTS][]);
        int slot = ContributionCache.slotOf(posting);
        int[] encoded = byKindAndNature[slot];
        if (encoded == null) {
            encoded = encode(CellMap.contributionsOf(template, posting));
            byKindAndNature[slot] = encoded;
        }
        return encoded;
    }

    private int[] encode(List<Contribution> contributions) {
        int[] encoded = new int[contributions.size() * 2];
        for (int i = 0; i < contributions.size(); i++) {
            encoded[2 * i] = indexOf(contributions.get(i).cell());
            encoded[2 * i + 1] = contributions.get(i).sign();
        }
        return encoded;
    }

    private int indexOf(CellAddress cell) {
        Integer index = indexOfCell.get(cell);
        if (index != null) {
            return index;
        }
        int next = cells.size();
        cells.add(cell);
        indexOfCell.put(cell, next);
        if (next == fen.length) {
            fen = Arrays.copyOf(fen, fen.length * 2);
        }
        return next;
    }
}
