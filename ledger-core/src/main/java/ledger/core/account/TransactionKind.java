package ledger.core.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.function.Function;
import ledger.core.classification.CodedValue;

/**
 * What a transaction does, and what a journal row of the kind holds and becomes: the row's shape
 * says which columns the reader asks for, and the kind makes its command from them. A new kind is
 * one line here (see the README, "Adding a kind of transaction").
 */
public enum TransactionKind implements CodedValue {
    BUDGET(
            "budget",
            "年初预算",
            Shape.INDICATOR,
            f -> new SetInitialBudget(f.account(), f.entry(), f.amount(), f.indicator())),
    SUPPLEMENT(
            "supplement",
            "追加预算",
            Shape.PLAIN,
            f -> new SupplementBudget(f.account(), f.entry(), f.amount())),
    REDUCE(
            "reduce",
            "调减预算",
            Shape.PLAIN,
            f -> new ReduceBudget(f.account(), f.entry(), f.amount())),
    APPROPRIATION(
            "appropriation",
            "拨款",
            Shape.PLAIN,
            f -> new AppropriateFunds(f.account(), f.entry(), f.amount())),
    EXPENDITURE(
            "expenditure",
            "支出",
            Shape.SPENDING,
            f -> new RecordExpenditure(f.account(), f.entry(), f.amount(), f.spending())),
    OPENING(
            "opening",
            "年初结转和结余",
            Shape.PLAIN,
            f -> new RecordOpeningBalance(f.account(), f.entry(), f.amount())),
    /** Names no account: the reversal is routed to the account of the transaction it reverses. */
    REVERSAL("reversal", "冲销", Shape.REVERSAL, null),
    TRANSFER(
            "transfer",
            "单位间划转",
            Shape.TRANSFER,
            f ->
                    new PayTransfer(
                            f.account(), f.entry(), f.amount(), f.transferNature(), f.toUnit())),
    CARRY_FORWARD("carry-forward", "年末结转", Shape.CLOSING, null),
    CARRY_IN("carry-in", "上年结转", Shape.CLOSING, null);

    /** The columns a journal row of a kind takes beyond id, date, kind, unit, voucher and memo. */
    public enum Shape {
        /** An account (fund, functional, economic) and an amount. */
        PLAIN,
        /** As plain, with the 指标文号 of a 年初预算. */
        INDICATOR,
        /** As plain, with what was spent: nature, project, procurement and SME. */
        SPENDING,
        /** As plain, with the transfer's nature (subsidy or remit) and the receiving unit. */
        TRANSFER,
        /** The id of the transaction it reverses, and no account or amount. */
        REVERSAL,
        /** Never typed into a journal: closing a year makes it. */
        CLOSING
    }

    private final String code;
    private final String chineseName;
    private final Shape shape;
    private final Function<CommandFields, AccountCommand> command;

    TransactionKind(
            String code,
            String chineseName,
            Shape shape,
            Function<CommandFields, AccountCommand> command) {
        this.code = code;
        this.chineseName = chineseName;
        this.shape = shape;
        this.command = command;
    }

    /** Parses a journal kind; carry-over kinds are produced by closing a year, never typed in. */
    @JsonCreator
    public static TransactionKind parse(String text) {
        return CodedValue.parse(TransactionKind.class, "kind", text);
    }

    public static TransactionKind parseJournalKind(String text) {
        TransactionKind kind = parse(text);
        if (kind.shape == Shape.CLOSING) {
            throw new ledger.core.text.Refusal(
                    ledger.core.text.Reason.of("kind.carryOver", kind, text));
        }
        return kind;
    }

    public Shape shape() {
        return shape;
    }

    /**
     * The command a journal row of this kind is, from its fields as read.
     *
     * @throws IllegalStateException for a kind a row does not name an account with (a reversal, a
     *     year-close kind)
     */
    public AccountCommand command(CommandFields fields) {
        if (command == null) {
            throw new IllegalStateException(
                    "a " + code + " is not made from a row's account and amount");
        }
        return command.apply(fields);
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public String chineseName() {
        return chineseName;
    }
}
