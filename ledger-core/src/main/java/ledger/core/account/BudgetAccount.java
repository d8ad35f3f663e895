package ledger.core.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One budget line of one unit in one fiscal year, event-sourced. The rules live in
 * {@link AccountBook}, shared with the batch import; this class is the Axon shell around it, and
 * every single command (API, web, {@code ledger record}) reaches it through Axon's command bus. It
 * carries no Spring stereotype and is registered from the application's configuration, so that
 * the domain stays free of Spring.
 */
public class BudgetAccount {

    @AggregateIdentifier
    private String id;

    private AccountBook book;

    /** For Axon, which creates the aggregate before replaying its events. */
    protected BudgetAccount() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(SetInitialBudget command, LedgerRegistry registry) {
        return decide(command, registry);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(SupplementBudget command, LedgerRegistry registry) {
        return decide(command, registry);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(ReduceBudget command, LedgerRegistry registry) {
        return decide(command, registry);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(AppropriateFunds command, LedgerRegistry registry) {
        return decide(command, registry);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RecordExpenditure command, LedgerRegistry registry) {
        return decide(command, registry);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RecordOpeningBalance command, LedgerRegistry registry) {
        return decide(command, registry);
    }

    /**
     * One leg of a transfer. The application posts both legs of a transfer in one batch (they are
     * two accounts), deciding each with the same {@link AccountBook}; this handler is that rule on
     * one account.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(PayTransfer command, LedgerRegistry registry) {
        return decide(command, registry);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(ReceiveTransfer command, LedgerRegistry registry) {
        return decide(command, registry);
    }

    @CommandHandler
    public CommandOutcome handle(ReverseTransaction command, LedgerRegistry registry) {
        return decide(command, registry);
    }

    @CommandHandler
    public CommandOutcome handle(CarryForwardBalance command, LedgerRegistry registry) {
        return decide(command, registry);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(CarryInBalance command, LedgerRegistry registry) {
        return decide(command, registry);
    }

    @EventSourcingHandler
    public void on(AccountEvent event) {
        if (book == null) {
            id = event.account().id();
            book = new AccountBook(event.account());
        }
        book.apply(event);
    }

    private CommandOutcome decide(AccountCommand command, LedgerRegistry registry) {
        AccountBook current = book != null ? book : new AccountBook(command.account());
        List<AccountEvent> events = current.decide(command, registry);
        for (AccountEvent event : events) {
            apply(event);
        }
        return events.isEmpty() ? CommandOutcome.ALREADY_RECORDED : CommandOutcome.RECORDED;
    }
}
