package ledger.core.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One budget line of one unit in one fiscal year, event-sourced. The rules live in {@link
 * AccountBook}, shared with the batch import; this class is the Axon shell around it, and every
 * single command (API, web, {@code ledger record}) reaches it through Axon's command bus. It
 * carries no Spring stereotype and is registered from the application's configuration, so that the
 * domain stays free of Spring.
 */
public class BudgetAccount {

    /** The name every {@link AccountCommand} travels under on the command bus. */
    public static final String COMMAND_NAME = "ledger.core.account.AccountCommand";

    @AggregateIdentifier private String id;

    private AccountBook book;

    /** For Axon, which creates the aggregate before replaying its events. */
    protected BudgetAccount() {}

    /**
     * Every command on an account, whatever its kind: {@link AccountBook} decides. Axon finds a
     * handler by command name, which is the payload's class name unless {@link #commandRouting()}
     * renames it on the way, so a new kind's command needs no handler of its own. An account starts
     * with its first accepted command; a command that needs history (a reversal) is refused by the
     * book on a fresh one.
     */
    @CommandHandler(commandName = COMMAND_NAME)
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(AccountCommand command, LedgerRegistry registry) {
        AccountBook current = book != null ? book : new AccountBook(command.account());
        List<AccountEvent> events = current.decide(command, registry);
        for (AccountEvent event : events) {
            apply(event);
        }
        return events.isEmpty() ? CommandOutcome.ALREADY_RECORDED : CommandOutcome.RECORDED;
    }

    @EventSourcingHandler
    public void on(AccountEvent event) {
        if (book == null) {
            id = event.account().id();
            book = new AccountBook(event.account());
        }
        book.apply(event);
    }

    /**
     * Sends every {@link AccountCommand} under {@link #COMMAND_NAME}, to the one handler above.
     * Registered on the application's command bus and on every test fixture, so both take the same
     * path; the payload, metadata and message id stay as they were.
     */
    public static MessageDispatchInterceptor<CommandMessage<?>> commandRouting() {
        return messages ->
                (index, message) ->
                        message.getPayload() instanceof AccountCommand
                                        && !COMMAND_NAME.equals(message.getCommandName())
                                ? new GenericCommandMessage<>(message, COMMAND_NAME)
                                : message;
    }
}
