package ledger.core.account;

import java.util.List;
import ledger.core.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 支出: spends from the account, never more than it has available. */
public record RecordExpenditure(
        @TargetAggregateIdentifier AccountKey account, Entry entry, Money amount, Spending spending)
        implements AccountCommand {

    public RecordExpenditure {
        if (account == null) {
            throw new IllegalArgumentException("account is missing");
        }
        if (entry == null) {
            throw new IllegalArgumentException("entry is missing");
        }
        AccountCommand.requirePositive(amount);
        if (spending == null) {
            throw new IllegalArgumentException("nature is missing (an expenditure needs one)");
        }
    }

    @Override
    public TransactionKind kind() {
        return TransactionKind.EXPENDITURE;
    }

    @Override
    public void appendContent(List<String> content) {
        content.add(Long.toString(amount.fen()));
        content.add(spending.nature().code());
        content.add(spending.project() == null ? "" : spending.project().code());
        content.add(spending.procurement() == null ? "" : spending.procurement().code());
        content.add(spending.sme() == null ? "" : spending.sme().toString());
    }
}
