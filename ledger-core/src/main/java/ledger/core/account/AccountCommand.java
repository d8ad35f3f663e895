package ledger.core.account;

import java.util.StringJoiner;
import ledger.core.money.Money;

/**
 * A command on one {@link BudgetAccount}. Each names its account (the aggregate identifier) and
 * carries the client's transaction entry.
 */
public sealed interface AccountCommand
        permits SetInitialBudget, SupplementBudget, ReduceBudget, AppropriateFunds, RecordExpenditure,
        RecordOpeningBalance, ReverseTransaction, CarryForwardBalance, CarryInBalance {

    AccountKey account();

    Entry entry();

    TransactionKind kind();

    /**
     * The content a client transaction id stands for. Sending the same id with the same
     * fingerprint is a harmless repeat; with another fingerprint it is refused.
     */
    default String fingerprint() {
        StringJoiner content = new StringJoiner("|");
        content.add(kind().code()).add(entry().date().toString())
                .add(account().fund().code()).add(account().functional().code())
                .add(account().economic().code());
        appendContent(content);
        content.add(entry().voucher()).add(entry().memo());
        return content.toString();
    }

    /** Adds the command's own fields to its fingerprint. */
    void appendContent(StringJoiner content);

    static Money requirePositive(Money amount) {
        if (amount == null) {
            throw new IllegalArgumentException("amount is missing");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive, got " + amount.toYuanString());
        }
        return amount;
    }

}
