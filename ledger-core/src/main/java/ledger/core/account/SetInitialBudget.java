package ledger.core.account;

import java.util.List;
import ledger.core.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 年初预算: adds one 预算指标 to the account's initial budget. A line's budget usually arrives as several
 * 指标 (one per project or 指标文号), so every such command adds to it.
 *
 * @param indicator the 指标文号 or 指标 id the amount belongs to; empty when the row names none
 */
public record SetInitialBudget(
        @TargetAggregateIdentifier AccountKey account, Entry entry, Money amount, String indicator)
        implements AccountCommand {

    public SetInitialBudget {
        if (account == null) {
            throw new IllegalArgumentException("account is missing");
        }
        if (entry == null) {
            throw new IllegalArgumentException("entry is missing");
        }
        AccountCommand.requirePositive(amount);
        indicator = Text.clean("indicator", indicator, Text.INDICATOR_MAX);
    }

    /** A 年初预算 that names no 指标. */
    public SetInitialBudget(AccountKey account, Entry entry, Money amount) {
        this(account, entry, amount, "");
    }

    @Override
    public TransactionKind kind() {
        return TransactionKind.BUDGET;
    }

    @Override
    public void appendContent(List<String> content) {
        content.add(Long.toString(amount.fen()));
        // Only a named 指标 is part of the content, so ids recorded before 指标 existed still match.
        if (!indicator.isEmpty()) {
            content.add("indicator=" + indicator);
        }
    }
}
