package ledger.core.year;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import ledger.core.account.AccountBook;
import ledger.core.account.AccountEvent;
import ledger.core.account.AccountKey;
import ledger.core.account.BalanceCarriedForward;
import ledger.core.account.CarryForwardBalance;
import ledger.core.account.CarryInBalance;
import ledger.core.account.Entry;
import ledger.core.account.FiscalYear;
import ledger.core.account.LedgerRegistry;
import ledger.core.account.RuleViolation;
import ledger.core.account.TransactionId;
import ledger.core.account.UnitCode;
import ledger.core.money.Money;
import ledger.core.text.Reason;

/**
 * 结转: closing a unit's fiscal year. Every account with money left carries it, as events on both
 * sides, into the same budget line of the next year, whose opening balances then come from the
 * ledger; the closed year accepts nothing more. Unused budget is authority, not cash: it is not
 * carried.
 */
public final class YearClose {

    /** The events that close the year, in the order they are to be stored. */
    public record Plan(List<AccountEvent> accountEvents, FiscalYearClosed closed) {}

    private YearClose() {}

    /**
     * @param books every account of the unit in the year being closed
     * @param nextYearBooks the book of a budget line in the next year (new and empty if it has
     *     none)
     */
    public static Plan plan(
            UnitCode unit,
            FiscalYear year,
            LocalDate closedOn,
            Collection<AccountBook> books,
            Function<AccountKey, AccountBook> nextYearBooks,
            LedgerRegistry registry) {
        if (registry.yearStatus(unit, year).closed()) {
            throw new RuleViolation("year", Reason.of("year.alreadyClosed", year, unit));
        }
        if (closedOn.isBefore(year.lastDay())) {
            throw new RuleViolation(
                    "date", Reason.of("year.closeBeforeEnd", year.lastDay(), closedOn));
        }
        FiscalYear next = year.next();
        if (registry.yearStatus(unit, next).closed()) {
            throw new RuleViolation("year", Reason.of("year.nextClosed", next, unit));
        }
        if (registry.hasOpeningTransactions(unit, next)) {
            throw new RuleViolation("year", Reason.of("year.nextHasOpenings", unit, next, year));
        }
        List<AccountEvent> events = new ArrayList<>();
        Money total = Money.ZERO;
        int carried = 0;
        List<AccountBook> ordered = new ArrayList<>(books);
        ordered.sort(Comparator.comparing(book -> book.key().id()));
        for (AccountBook book : ordered) {
            if (!book.key().unit().equals(unit) || !book.key().year().equals(year)) {
                throw new IllegalArgumentException(
                        book.key() + " is not an account of " + unit + " in " + year);
            }
            Entry forwardEntry =
                    new Entry(systemId("close", book.key()), year.lastDay(), "", "年末结转和结余结转下年");
            for (AccountEvent event :
                    book.decide(new CarryForwardBalance(book.key(), forwardEntry), registry)) {
                book.apply(event);
                events.add(event);
                BalanceCarriedForward forward = (BalanceCarriedForward) event;
                AccountBook nextBook = nextYearBooks.apply(forward.to());
                Entry inEntry =
                        new Entry(systemId("carry-in", book.key()), next.firstDay(), "", "上年结转和结余");
                for (AccountEvent in :
                        nextBook.decide(
                                new CarryInBalance(
                                        forward.to(), inEntry, forward.amount(), book.key()),
                                registry)) {
                    nextBook.apply(in);
                    events.add(in);
                }
                total = total.plus(forward.amount());
                carried++;
            }
        }
        return new Plan(events, new FiscalYearClosed(unit, year, closedOn, carried, total));
    }

    /**
     * The ledger's own transaction id for one account's side of the carry-over, unique per account.
     */
    static TransactionId systemId(String side, AccountKey from) {
        return TransactionId.of(
                side
                        + "-"
                        + from.year()
                        + ":"
                        + from.fund().code()
                        + ":"
                        + from.functional()
                        + ":"
                        + from.economic());
    }
}
