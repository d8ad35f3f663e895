package ledger.core.account;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ledger.core.classification.Classification;
import ledger.core.classification.ClassificationCatalog;
import ledger.core.money.Money;
import ledger.core.text.Reason;

/**
 * The state of one budget account and every rule that guards it.
 *
 * <p>This is the single implementation of the account rules: the {@link BudgetAccount} aggregate
 * delegates to it for one command at a time, and the batch journal import keeps one book per
 * account in memory and runs a whole file through the same {@link #decide} and {@link #apply}.
 * {@code decide} checks and returns events without changing state; {@code apply} changes state and
 * never refuses, so that replaying history always succeeds.
 */
public final class AccountBook {

    private final AccountKey key;
    private Money initialBudget = Money.ZERO;
    private Money supplements = Money.ZERO;
    private Money reductions = Money.ZERO;
    private Money appropriated = Money.ZERO;
    private Money opening = Money.ZERO;
    private Money spent = Money.ZERO;
    private boolean carriedForward;
    private final Map<TransactionId, Posted> transactions = new HashMap<>();

    /** A transaction posted to this account, as far as a later reversal needs to know it. */
    private record Posted(
            TransactionKind kind,
            Money amount,
            LocalDate date,
            Spending spending,
            TransactionId reversedBy) {
        Posted reversedBy(TransactionId reversal) {
            return new Posted(kind, amount, date, spending, reversal);
        }
    }

    public AccountBook(AccountKey key) {
        this.key = key;
    }

    public AccountKey key() {
        return key;
    }

    /**
     * An independent book in the same state: a writer that keeps books between transactions hands
     * out copies, so that a transaction rolled back leaves the kept book as the store holds it.
     */
    public AccountBook copy() {
        AccountBook copy = new AccountBook(key);
        copy.initialBudget = initialBudget;
        copy.supplements = supplements;
        copy.reductions = reductions;
        copy.appropriated = appropriated;
        copy.opening = opening;
        copy.spent = spent;
        copy.carriedForward = carriedForward;
        copy.transactions.putAll(transactions);
        return copy;
    }

    /** 年初 + 追加 − 调减. */
    public Money budget() {
        return initialBudget.plus(supplements).minus(reductions);
    }

    public Money appropriated() {
        return appropriated;
    }

    public Money spent() {
        return spent;
    }

    /** What may still be spent: opening (and carried-in) balance + received − spent. */
    public Money available() {
        return opening.plus(appropriated).minus(spent);
    }

    /**
     * Checks a command against the rules and returns the events it causes; an empty list when the
     * command repeats a transaction already recorded with the same content.
     *
     * @throws RuleViolation naming the field at fault and the reason
     */
    public List<AccountEvent> decide(AccountCommand command, LedgerRegistry registry) {
        if (!command.account().equals(key)) {
            throw new IllegalArgumentException(
                    "command for " + command.account() + " sent to " + key);
        }
        Entry entry = command.entry();
        if (!key.year().contains(entry.date())) {
            throw new RuleViolation("date", Reason.of("date.notInYear", entry.date(), key.year()));
        }
        boolean clientTransaction =
                command.kind() != TransactionKind.CARRY_FORWARD
                        && command.kind() != TransactionKind.CARRY_IN;
        if (clientTransaction) {
            // Closing a year carries every line as it stands, whatever the next year's 科目表 says.
            requireKnownCodes(registry.catalog(key.year()));
        }
        if (clientTransaction) {
            Optional<RecordedTransaction> earlier =
                    registry.transaction(key.unit(), key.year(), entry.transactionId());
            if (earlier.isPresent()) {
                if (earlier.get().fingerprint().equals(command.fingerprint())) {
                    return List.of();
                }
                throw new RuleViolation(
                        "id",
                        Reason.of(
                                "id.reused",
                                entry.transactionId(),
                                key.year(),
                                key.unit(),
                                earlier.get().kind(),
                                earlier.get().date(),
                                earlier.get().accountId()));
            }
        }
        requireOpen(command.kind(), registry.yearStatus(key.unit(), key.year()));
        List<AccountEvent> events = decideKind(command, registry.units());
        if (clientTransaction) {
            registry.record(RecordedTransaction.of(command));
        }
        return events;
    }

    /** Changes state to what the event says happened. Never refuses: history is history. */
    public void apply(AccountEvent event) {
        if (event instanceof InitialBudgetSet e) {
            initialBudget = initialBudget.plus(e.amount());
        } else if (event instanceof BudgetSupplemented e) {
            supplements = supplements.plus(e.amount());
        } else if (event instanceof BudgetReduced e) {
            reductions = reductions.plus(e.amount());
        } else if (event instanceof FundsAppropriated e) {
            appropriated = appropriated.plus(e.amount());
        } else if (event instanceof ExpenditureRecorded e) {
            spent = spent.plus(e.amount());
        } else if (event instanceof TransferPaid e) {
            spent = spent.plus(e.amount());
        } else if (event instanceof TransferReceived e) {
            appropriated = appropriated.plus(e.amount());
        } else if (event instanceof OpeningBalanceRecorded || event instanceof BalanceCarriedIn) {
            opening = opening.plus(event.amount());
        } else if (event instanceof BalanceCarriedForward) {
            carriedForward = true;
        } else if (event instanceof TransactionReversed e) {
            undo(e);
        }
        if (event.kind() != TransactionKind.CARRY_FORWARD) {
            transactions.put(
                    event.entry().transactionId(),
                    new Posted(
                            event.kind(),
                            event.amount(),
                            event.entry().date(),
                            event instanceof ExpenditureRecorded x ? x.spending() : null,
                            null));
        }
        if (event instanceof TransactionReversed reversal) {
            transactions.computeIfPresent(
                    reversal.reversed(),
                    (id, posted) -> posted.reversedBy(reversal.entry().transactionId()));
        }
    }

    /**
     * @param units the departments, which only a transfer asks
     */
    private List<AccountEvent> decideKind(
            AccountCommand command, ledger.core.department.UnitRegistry units) {
        if (command instanceof SetInitialBudget c) {
            // Each 预算指标 adds to the 年初预算; T7 and the 情况说明 count them all.
            return List.of(new InitialBudgetSet(key, c.entry(), c.amount(), c.indicator()));
        } else if (command instanceof SupplementBudget c) {
            return List.of(new BudgetSupplemented(key, c.entry(), c.amount()));
        } else if (command instanceof ReduceBudget c) {
            return List.of(decideReduction(c));
        } else if (command instanceof AppropriateFunds c) {
            return List.of(decideAppropriation(c));
        } else if (command instanceof RecordExpenditure c) {
            return List.of(decideExpenditure(c));
        } else if (command instanceof RecordOpeningBalance c) {
            return List.of(new OpeningBalanceRecorded(key, c.entry(), c.amount()));
        } else if (command instanceof ReverseTransaction c) {
            return List.of(decideReversal(c));
        } else if (command instanceof CarryForwardBalance c) {
            return decideCarryForward(c);
        } else if (command instanceof PayTransfer c) {
            return List.of(decideTransferPaid(c, units));
        } else if (command instanceof ReceiveTransfer c) {
            Transfers.requireAllowed(
                    c.fromUnit(),
                    key.unit(),
                    key.year(),
                    Transfers.natureReceivedAs(key.fund()),
                    units);
            return List.of(new TransferReceived(key, c.entry(), c.amount(), c.fromUnit()));
        } else if (command instanceof CarryInBalance c) {
            return List.of(new BalanceCarriedIn(key, c.entry(), c.amount(), c.from()));
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    private void undo(TransactionReversed reversal) {
        Money amount = reversal.amount();
        switch (reversal.reversedKind()) {
            case BUDGET -> initialBudget = initialBudget.minus(amount);
            case SUPPLEMENT -> supplements = supplements.minus(amount);
            case REDUCE -> reductions = reductions.minus(amount);
            case APPROPRIATION -> appropriated = appropriated.minus(amount);
            case EXPENDITURE -> spent = spent.minus(amount);
            case OPENING, CARRY_IN -> opening = opening.minus(amount);
            case REVERSAL, CARRY_FORWARD, TRANSFER ->
                    throw new IllegalStateException(
                            "a " + reversal.reversedKind().code() + " is never reversed");
        }
    }

    private void requireKnownCodes(ClassificationCatalog catalog) {
        if (catalog.functionalName(key.functional()).isEmpty()) {
            throw new RuleViolation(
                    "functional",
                    ClassificationCatalog.notInYear(
                            Classification.FUNCTIONAL,
                            key.functional().code(),
                            key.year().value()));
        }
        if (catalog.economicName(key.economic()).isEmpty()) {
            throw new RuleViolation(
                    "economic",
                    ClassificationCatalog.notInYear(
                            Classification.ECONOMIC, key.economic().code(), key.year().value()));
        }
    }

    private void requireOpen(TransactionKind kind, YearStatus status) {
        if (status.closed() || carriedForward) {
            throw new RuleViolation("date", Reason.of("year.closed", key.year(), key.unit()));
        }
        if (kind == TransactionKind.OPENING && status.openingCarriedIn()) {
            throw new RuleViolation(
                    "kind",
                    Reason.of("opening.carriedIn", key.year(), key.unit(), key.year().value() - 1));
        }
    }

    private BudgetReduced decideReduction(ReduceBudget command) {
        requireBudgetCovers(
                budget().minus(command.amount()), Reason.of("budget.reduce", command.amount()));
        return new BudgetReduced(key, command.entry(), command.amount());
    }

    private FundsAppropriated decideAppropriation(AppropriateFunds command) {
        if (key.fund().isFiscalAppropriation()) {
            Money after = appropriated.plus(command.amount());
            if (after.exceeds(budget())) {
                throw new RuleViolation(
                        "amount",
                        Reason.of(
                                "appropriation.exceedsBudget",
                                command.amount(),
                                budget(),
                                appropriated,
                                budget().minus(appropriated).max(Money.ZERO)));
            }
        }
        return new FundsAppropriated(key, command.entry(), command.amount());
    }

    private ExpenditureRecorded decideExpenditure(RecordExpenditure command) {
        Reason inconsistency = command.spending().inconsistencyReason(key.fund(), key.economic());
        if (inconsistency != null) {
            throw new RuleViolation("nature", inconsistency);
        }
        if (command.amount().exceeds(available())) {
            throw new RuleViolation(
                    "amount",
                    Reason.of(
                            "expenditure.exceedsFunds",
                            command.amount(),
                            available(),
                            opening,
                            appropriated,
                            spent));
        }
        return new ExpenditureRecorded(key, command.entry(), command.amount(), command.spending());
    }

    private TransferPaid decideTransferPaid(
            PayTransfer command, ledger.core.department.UnitRegistry units) {
        if (key.fund().isFiscalAppropriation()) {
            throw new RuleViolation("fund", Reason.of("transfer.fiscalFund", key.fund()));
        }
        Transfers.requireAllowed(key.unit(), command.toUnit(), key.year(), command.nature(), units);
        if (command.amount().exceeds(available())) {
            throw new RuleViolation(
                    "amount",
                    Reason.of(
                            "transfer.exceedsFunds",
                            command.amount(),
                            available(),
                            opening,
                            appropriated,
                            spent));
        }
        return new TransferPaid(
                key,
                command.entry(),
                command.amount(),
                Spending.of(command.nature()),
                command.toUnit());
    }

    private TransactionReversed decideReversal(ReverseTransaction command) {
        Posted original = transactions.get(command.reversed());
        if (original == null) {
            throw new RuleViolation(
                    "reverses", Reason.of("reversal.noSuchTransaction", command.reversed()));
        }
        if (original.kind() == TransactionKind.REVERSAL) {
            throw new RuleViolation(
                    "reverses", Reason.of("reversal.ofReversal", command.reversed()));
        }
        if (original.kind() == TransactionKind.TRANSFER) {
            throw new RuleViolation(
                    "reverses", Reason.of("reversal.transferLeg", command.reversed()));
        }
        if (original.kind() == TransactionKind.CARRY_IN) {
            throw new RuleViolation(
                    "reverses", Reason.of("reversal.ofCarryIn", command.reversed()));
        }
        if (original.reversedBy() != null) {
            throw new RuleViolation(
                    "reverses",
                    Reason.of("reversal.already", command.reversed(), original.reversedBy()));
        }
        if (original.date().isAfter(command.entry().date())) {
            throw new RuleViolation(
                    "date",
                    Reason.of(
                            "reversal.beforeOriginal",
                            command.entry().date(),
                            command.reversed(),
                            original.date()));
        }
        Money amount = original.amount();
        Reason undoing =
                Reason.of(
                        "budget.reverseBudget",
                        original.kind().chineseName() + " " + command.reversed());
        switch (original.kind()) {
            case BUDGET, SUPPLEMENT -> requireBudgetCovers(budget().minus(amount), undoing);
            case APPROPRIATION, OPENING -> {
                if (amount.exceeds(available())) {
                    throw new RuleViolation(
                            "reverses",
                            Reason.of(
                                    "reversal.overspends",
                                    original.kind().chineseName() + " " + command.reversed(),
                                    amount,
                                    available()));
                }
            }
            default -> {
                // Undoing a reduction raises the budget; undoing an expenditure frees funds.
            }
        }
        return new TransactionReversed(
                key,
                command.entry(),
                command.reversed(),
                original.kind(),
                amount,
                original.spending());
    }

    private List<AccountEvent> decideCarryForward(CarryForwardBalance command) {
        Money balance = available();
        if (!balance.isPositive()) {
            return List.of();
        }
        return List.of(new BalanceCarriedForward(key, command.entry(), balance, key.nextYear()));
    }

    private void requireBudgetCovers(Money budgetAfter, Reason what) {
        if (budgetAfter.isNegative()) {
            throw new RuleViolation("amount", Reason.of("budget.belowZero", what, budget()));
        }
        if (key.fund().isFiscalAppropriation() && appropriated.exceeds(budgetAfter)) {
            throw new RuleViolation(
                    "amount",
                    Reason.of("budget.belowAppropriated", what, budgetAfter, appropriated));
        }
    }
}
