package ledger.projections.accounting;

import java.time.LocalDate;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.FunctionalCode;

/**
 * One line of a 预算会计 entry: a side, a 科目 with its 明细, an amount, and the event it came from. A
 * reversal's entries are the reversed transaction's with negative amounts (红字冲销), on the same
 * sides, so every column of the 科目余额表 nets the mistake out.
 *
 * @param globalIndex the event's position in the event store; 0 for a closing entry of a line that
 *     carried nothing forward
 * @param eventId the event it came from; for a closing entry the line's 年末结转 event, or empty when
 *     the line had nothing to carry
 * @param transactionId the transaction of that event (null when there is none)
 * @param kind the kind of the movement: a reversal's is the reversed kind; closing entries are
 *     {@link TransactionKind#CARRY_FORWARD}
 * @param detail the 明细科目 path, e.g. 财政拨款支出/基本支出/人员经费; empty for none
 * @param functional 功能分类 项 where the 科目 runs by it, else null
 * @param economic 经济分类 款 where the 科目 runs by it, else null
 * @param amountFen in fen; negative for a reversal
 * @param opening an opening or carried-in balance: counts in 期初余额
 * @param closing written by the year's closing (结账), not by an event of its own
 */
public record BudgetEntry(
        long globalIndex,
        String eventId,
        TransactionId transactionId,
        LocalDate date,
        TransactionKind kind,
        Side side,
        ChartAccount account,
        String detail,
        FunctionalCode functional,
        EconomicCode economic,
        long amountFen,
        boolean opening,
        boolean closing) {

    public BudgetEntry {
        eventId = eventId == null ? "" : eventId;
        detail = detail == null ? "" : detail;
        if (!account.byFunctional()) {
            functional = null;
        }
        if (!account.byEconomic()) {
            economic = null;
        }
    }

    /** The amount with its sign in a debit-positive balance. */
    public long signedFen() {
        return side.sign() * amountFen;
    }

    /** The 科目余额表 line this entry is summed into. */
    public DetailKey detailKey() {
        return new DetailKey(
                account.code(),
                detail,
                functional == null ? "" : functional.code(),
                economic == null ? "" : economic.code());
    }

    /** A 明细 line of the 科目余额表: 科目, 明细科目 and the 功能/经济分类 it runs by. */
    public record DetailKey(String code, String detail, String functional, String economic)
            implements Comparable<DetailKey> {

        /** “6001|一般公共预算财政拨款|2010301|” — also the form a drill-down names it by. */
        public String id() {
            return code + "|" + detail + "|" + functional + "|" + economic;
        }

        public static DetailKey parse(String id) {
            String[] parts = id.split("\\|", -1);
            if (parts.length != 4 || !parts[0].matches("\\d{4}")) {
                throw new IllegalArgumentException(
                        "明细行应写作 科目|明细|功能分类|经济分类，不是 '"
                                + id
                                + "' (a detail line is code|detail|functional|economic)");
            }
            return new DetailKey(parts[0], parts[1], parts[2], parts[3]);
        }

        @Override
        public int compareTo(DetailKey other) {
            return id().compareTo(other.id());
        }
    }
}
