package ledger.api.recording;

import java.util.Set;
import ledger.api.store.EventStoreAccess;
import ledger.core.account.AccountBook;
import ledger.core.account.AccountKey;
import ledger.core.money.Money;
import org.springframework.stereotype.Service;

/**
 * A budget line's remaining room (可用) as the rules see it when they decide a spending: the
 * account's book replayed from its events, so the figure a clerk is shown before posting is the one
 * the posting is checked against, not a read model that may lag behind.
 */
@Service
public class BudgetLineRoom {

    /** 可用 = 年初结转（opening and carried-in）+ 已拨（received）− 已支（spent）, in fen. */
    public record Room(
            AccountKey account, Money opening, Money received, Money spent, Money available) {}

    private final EventStoreAccess store;

    public BudgetLineRoom(EventStoreAccess store) {
        this.store = store;
    }

    public Room of(AccountKey account) {
        AccountBook book = store.load(Set.of(account)).get(account).book();
        // The book keeps opening only inside available(); the identity gives it back exactly.
        Money opening = book.available().minus(book.appropriated()).plus(book.spent());
        return new Room(account, opening, book.appropriated(), book.spent(), book.available());
    }
}
