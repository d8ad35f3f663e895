package ledger.core.account;

import java.util.ArrayList;
import java.util.List;
import ledger.core.money.Money;

/**
 * A command on one {@link BudgetAccount}. Each names its account (the aggregate identifier) and
 * carries the client's transaction entry. Not sealed: a new kind's command is a record implementing
 * this, which {@link BudgetAccount}'s one handler takes and {@link AccountBook} decides.
 */
public interface AccountCommand {

    AccountKey account();

    Entry entry();

    TransactionKind kind();

    /**
     * The content a client transaction id stands for. Sending the same id with the same fingerprint
     * is a harmless repeat; with another fingerprint it is refused.
     */
    default String fingerprint() {
        return Fingerprint.of(fingerprintFields());
    }

    /**
     * The canonical fields the fingerprint hashes, in order. The order is the one stored registers
     * were written with (joined by '|' before V6), so the migration rebuilds them.
     */
    default List<String> fingerprintFields() {
        List<String> content = new ArrayList<>(12);
        content.add(kind().code());
        content.add(entry().date().toString());
        content.add(account().fund().code());
        content.add(account().functional().code());
        content.add(account().economic().code());
        appendContent(content);
        content.add(entry().voucher());
        content.add(entry().memo());
        return content;
    }

    /** Adds the command's own fields to its fingerprint. */
    void appendContent(List<String> content);

    static Money requirePositive(Money amount) {
        if (amount == null) {
            throw new ledger.core.text.Refusal(
                    ledger.core.text.Reason.of(
                            "field.required", ledger.core.text.FieldName.of("amount")));
        }
        if (!amount.isPositive()) {
            throw new ledger.core.text.Refusal(
                    ledger.core.text.Reason.of("amount.notPositive", amount));
        }
        return amount;
    }
}
