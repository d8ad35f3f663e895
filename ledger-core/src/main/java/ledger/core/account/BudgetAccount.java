package ledger.core.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One budget line of one unit in one fiscal year, event-sourced. The rules live in
 * {@link AccountBook}, shared with the batch import; this class is the Axon shell around it. It
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
    public void handle(SetInitialBudget command, LedgerRegistry registry) {
        decide(command, registry);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SupplementBudget command, LedgerRegistry registry) {
        decide(command, registry);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReduceBudget command, LedgerRegistry registry) {
        decide(command, registry);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AppropriateFunds command, LedgerRegistry registry) {
        decide(command, registry);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordExpenditure command, LedgerRegistry registry) {
        decide(command, registry);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordOpeningBalance command, LedgerRegistry registry) {
        decide(command, registry);
    }

    @CommandHandler
    public void handle(ReverseTransaction command, LedgerRegistry registry) {
        decide(command, registry);
    }

    @CommandHandler
    public void handle(CarryForwardBalance command, LedgerRegistry registry) {
        decide(command, registry);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CarryInBalance command, LedgerRegistry registry) {
        decide(command, registry);
    }

    @EventSourcingHandler
    public void on(AccountEvent event) {
        if (book == null) {
            id = event.account().id();
            book = new AccountBook(event.account());
        }
        book.apply(event);
    }

    private void decide(AccountCommand command, LedgerRegistry registry) {
        AccountBook current = book != null ? book : new AccountBook(command.account());
        for (AccountEvent event : current.decide(command, registry)) {
            apply(event);
        }
    }
}
