package ledger.core.account;

import java.util.List;
import ledger.core.classification.ExpenditureNature;
import ledger.core.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payer's leg of a transfer between two units of one department: 对附属单位补助支出 (nature {@code
 * subsidy}, to a direct subordinate) or 上缴上级支出 ({@code remit}, to the direct parent). Its
 * receiver's leg is a {@link ReceiveTransfer} with the same entry, posted in the same transaction.
 */
public record PayTransfer(
        @TargetAggregateIdentifier AccountKey account,
        Entry entry,
        Money amount,
        ledger.core.classification.ExpenditureNature nature,
        UnitCode toUnit)
        implements AccountCommand {

    public PayTransfer {
        if (account == null) {
            throw new IllegalArgumentException("account is missing");
        }
        if (entry == null) {
            throw new IllegalArgumentException("entry is missing");
        }
        AccountCommand.requirePositive(amount);
        if (nature != ExpenditureNature.SUBSIDY && nature != ExpenditureNature.REMIT) {
            throw new ledger.core.text.Refusal(ledger.core.text.Reason.of("transfer.nature"));
        }
        if (toUnit == null) {
            throw new ledger.core.text.Refusal(
                    ledger.core.text.Reason.of(
                            "field.required", ledger.core.text.FieldName.of("to_unit")));
        }
    }

    /** The fund source the receiver gets it as: 上级补助收入 for a subsidy, 附属单位上缴收入 for a remittance. */
    public ledger.core.classification.FundSource receivedAs() {
        return Transfers.receivedAs(nature);
    }

    /**
     * The receiver's leg: same entry, same functional and economic codes, on the receiver's line.
     */
    public ReceiveTransfer receiverLeg() {
        return new ReceiveTransfer(
                new AccountKey(
                        account.year(),
                        toUnit,
                        receivedAs(),
                        account.functional(),
                        account.economic()),
                entry,
                amount,
                account.unit());
    }

    @Override
    public TransactionKind kind() {
        return TransactionKind.TRANSFER;
    }

    @Override
    public void appendContent(List<String> content) {
        content.add(Long.toString(amount.fen()));
        content.add(nature.code());
        content.add(toUnit.code());
    }
}
