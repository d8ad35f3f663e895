package ledger.projections.accounting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import ledger.projections.accounting.BudgetEntry.DetailKey;

/**
 * 科目余额表: for every 科目 of the chart and each of its 明细 lines, 期初余额, 本期借方, 本期贷方 and 期末余额, summed in
 * fen from the {@link BudgetJournal}'s entries. Balances are kept debit-positive (a 贷 balance is
 * negative) and printed with their side. Every figure is the sum of the entries {@link #entriesOf}
 * returns for its line, so it traces to its events like a statement cell.
 */
public final class TrialBalance {

    /**
     * One line: a 科目 (detail null) or one of its 明细.
     *
     * @param openingFen 期初余额, debit-positive
     * @param debitFen 本期借方
     * @param creditFen 本期贷方
     * @param closingFen 期末余额, debit-positive
     */
    public record Row(
            ChartAccount account,
            DetailKey detail,
            long openingFen,
            long debitFen,
            long creditFen,
            long closingFen) {

        public boolean isAccount() {
            return detail == null;
        }

        boolean isZero() {
            return openingFen == 0 && debitFen == 0 && creditFen == 0 && closingFen == 0;
        }
    }

    private final BudgetJournal journal;
    private final List<Row> rows;
    private final Row total;

    private TrialBalance(BudgetJournal journal, List<Row> rows, Row total) {
        this.journal = journal;
        this.rows = List.copyOf(rows);
        this.total = total;
    }

    public static TrialBalance of(BudgetJournal journal, BudgetChart chart) {
        List<Row> rows = new ArrayList<>();
        long[] totals = new long[4];
        Map<String, List<BudgetEntry>> byAccount = new java.util.HashMap<>();
        journal.entries()
                .forEach(
                        e ->
                                byAccount
                                        .computeIfAbsent(e.account().code(), k -> new ArrayList<>())
                                        .add(e));
        for (ChartAccount account : chart.accounts()) {
            List<BudgetEntry> ofAccount = byAccount.getOrDefault(account.code(), List.of());
            Row accountRow = sum(account, null, ofAccount, e -> true);
            rows.add(accountRow);
            Map<DetailKey, List<BudgetEntry>> details = new TreeMap<>();
            ofAccount.forEach(
                    e -> details.computeIfAbsent(e.detailKey(), k -> new ArrayList<>()).add(e));
            details.forEach(
                    (key, entries) -> {
                        Row row = sum(account, key, entries, e -> true);
                        if (!row.isZero()) {
                            rows.add(row);
                        }
                    });
            totals[0] = Math.addExact(totals[0], accountRow.openingFen());
            totals[1] = Math.addExact(totals[1], accountRow.debitFen());
            totals[2] = Math.addExact(totals[2], accountRow.creditFen());
            totals[3] = Math.addExact(totals[3], accountRow.closingFen());
        }
        Row total = new Row(null, null, totals[0], totals[1], totals[2], totals[3]);
        return new TrialBalance(journal, rows, total);
    }

    private static Row sum(
            ChartAccount account,
            DetailKey key,
            List<BudgetEntry> entries,
            Predicate<BudgetEntry> which) {
        long opening = 0;
        long debit = 0;
        long credit = 0;
        for (BudgetEntry entry : entries) {
            if (!which.test(entry)) {
                continue;
            }
            if (entry.opening()) {
                opening = Math.addExact(opening, entry.signedFen());
            } else if (entry.side() == Side.DEBIT) {
                debit = Math.addExact(debit, entry.amountFen());
            } else {
                credit = Math.addExact(credit, entry.amountFen());
            }
        }
        long closing = Math.subtractExact(Math.addExact(opening, debit), credit);
        return new Row(account, key, opening, debit, credit, closing);
    }

    public BudgetJournal journal() {
        return journal;
    }

    /** Each 科目 followed by its 明细 lines with a figure, in chart order. */
    public List<Row> rows() {
        return rows;
    }

    /** 合计: in a balanced ledger 期初 and 期末 sum to zero and 本期借方 equals 本期贷方. */
    public Row total() {
        return total;
    }

    /** Every entry is balanced: the ledger's 借 equal its 贷, at the start and in the period. */
    public boolean balanced() {
        return total.openingFen() == 0
                && total.debitFen() == total.creditFen()
                && total.closingFen() == 0;
    }

    /** The 科目's own line. */
    public Row account(String code) {
        return rows.stream()
                .filter(r -> r.isAccount() && r.account().code().equals(code))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "科目 " + code + " 不在预算会计科目表中 (no such 科目)"));
    }

    public Optional<Row> detail(DetailKey key) {
        return rows.stream().filter(r -> key.equals(r.detail())).findFirst();
    }

    /** The entries behind a 科目's line (detail null) or one 明细 line, in order. */
    public List<BudgetEntry> entriesOf(String code, DetailKey detailOrNull) {
        return journal.entries().stream()
                .filter(
                        e ->
                                e.account().code().equals(code)
                                        && (detailOrNull == null
                                                || e.detailKey().equals(detailOrNull)))
                .toList();
    }
}
