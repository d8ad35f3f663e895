package ledger.core.account;

import java.time.LocalDate;

/**
 * What every transaction carries besides its money: the client's id, the date (which fixes the
 * fiscal year), the voucher (凭证号) and the memo (摘要).
 */
public record Entry(TransactionId transactionId, LocalDate date, String voucher, String memo) {

    public Entry {
        if (transactionId == null) {
            throw new ledger.core.text.Refusal(
                    ledger.core.text.Reason.of(
                            "field.required", ledger.core.text.FieldName.of("id")));
        }
        if (date == null) {
            throw new ledger.core.text.Refusal(
                    ledger.core.text.Reason.of(
                            "field.required", ledger.core.text.FieldName.of("date")));
        }
        FiscalYear.of(date.getYear());
        voucher = Text.clean("voucher", voucher, Text.VOUCHER_MAX);
        memo = Text.clean("memo", memo, Text.MEMO_MAX);
    }

    public static Entry of(String transactionId, LocalDate date) {
        return new Entry(TransactionId.of(transactionId), date, "", "");
    }

    public FiscalYear year() {
        return FiscalYear.of(date);
    }
}
