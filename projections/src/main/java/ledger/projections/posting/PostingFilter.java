package ledger.projections.posting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ledger.core.account.AccountKey;
import ledger.core.account.TransactionKind;

/**
 * What a clerk narrows a trace or an account's history to. Every condition is applied by the
 * database ({@link #where}), so a page of a filtered trace reads only that page's rows; the same
 * conditions are offered in Java ({@link #test}) for tests that check the SQL against them.
 *
 * @param from first posting date included, or null
 * @param to last posting date included, or null (a statement's as-of date is also a {@code to})
 * @param kind only postings counting as this kind (a reversal counts as the kind it reverses), or
 *     null
 * @param voucher 凭证号 exactly, or null
 * @param memoContains 摘要 containing this text, or null
 * @param minFen smallest amount in fen, compared without its sign (a reversal of 100.00 is found by
 *     100.00), or null
 * @param maxFen largest amount in fen, likewise, or null
 * @param account only this budget line, or null
 */
public record PostingFilter(
        LocalDate from,
        LocalDate to,
        TransactionKind kind,
        String voucher,
        String memoContains,
        Long minFen,
        Long maxFen,
        AccountKey account) {

    /** Nothing filtered. */
    public static final PostingFilter NONE =
            new PostingFilter(null, null, null, null, null, null, null, null);

    public PostingFilter {
        voucher = blankToNull(voucher);
        memoContains = blankToNull(memoContains);
    }

    /** Whether any condition narrows the postings. */
    public boolean narrows() {
        return !equals(NONE);
    }

    /**
     * The same conditions, with postings dated after {@code asOf} left out too (a statement as of a
     * date).
     */
    public PostingFilter upTo(LocalDate asOf) {
        if (asOf == null || to != null && !to.isAfter(asOf)) {
            return this;
        }
        return new PostingFilter(from, asOf, kind, voucher, memoContains, minFen, maxFen, account);
    }

    public PostingFilter onAccount(AccountKey only) {
        return new PostingFilter(from, to, kind, voucher, memoContains, minFen, maxFen, only);
    }

    /**
     * The SQL conditions, each starting with {@code AND}, with their arguments appended to {@code
     * args}.
     */
    String where(List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (from != null) {
            sql.append(" AND posting_date >= ?");
            args.add(java.sql.Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" AND posting_date <= ?");
            args.add(java.sql.Date.valueOf(to));
        }
        if (kind != null) {
            sql.append(" AND kind = ?");
            args.add(kind.code());
        }
        if (voucher != null) {
            sql.append(" AND voucher = ?");
            args.add(voucher);
        }
        if (memoContains != null) {
            // LIKE with the text's own % and _ taken literally: the clerk searches for words, not
            // patterns
            sql.append(" AND memo LIKE ? ESCAPE '!'");
            args.add(
                    "%"
                            + memoContains.replace("!", "!!").replace("%", "!%").replace("_", "!_")
                            + "%");
        }
        if (minFen != null) {
            sql.append(" AND ABS(amount_fen) >= ?");
            args.add(minFen);
        }
        if (maxFen != null) {
            sql.append(" AND ABS(amount_fen) <= ?");
            args.add(maxFen);
        }
        if (account != null) {
            sql.append(" AND fund = ? AND functional = ? AND economic = ?");
            args.add(account.fund().code());
            args.add(account.functional().code());
            args.add(account.economic().code());
        }
        return sql.toString();
    }

    /** The same conditions in Java: what {@link #where} asks the database. */
    public boolean test(Posting p) {
        long amount = Math.abs(p.amountFen());
        return (from == null || !p.date().isBefore(from))
                && (to == null || !p.date().isAfter(to))
                && (kind == null || p.kind() == kind)
                && (voucher == null || voucher.equals(p.voucher()))
                && (memoContains == null || p.memo() != null && p.memo().contains(memoContains))
                && (minFen == null || amount >= minFen)
                && (maxFen == null || amount <= maxFen)
                && (account == null || p.account().equals(account));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static List<Object> args() {
        return new ArrayList<>();
    }
}
