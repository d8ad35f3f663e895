package ledger.core.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import ledger.core.classification.ClassificationCatalog;

/**
 * A {@link LedgerRegistry} held in memory: the overlay a batch import validates a whole file
 * against (preloaded with what the database knows, then taking the file's own ids in order), and
 * the registry of the aggregate tests.
 */
public final class InMemoryLedgerRegistry implements LedgerRegistry {

    private record UnitYear(UnitCode unit, FiscalYear year) {}

    private record Key(UnitCode unit, FiscalYear year, TransactionId id) {}

    private final Map<UnitYear, YearStatus> years = new HashMap<>();
    private final Map<Key, RecordedTransaction> transactions = new HashMap<>();
    private final List<RecordedTransaction> recorded = new ArrayList<>();
    private final Map<String, String> accountIds = new HashMap<>();
    private final Map<FiscalYear, ClassificationCatalog> catalogs = new HashMap<>();
    private Function<FiscalYear, ClassificationCatalog> catalogSource =
            year -> ClassificationCatalog.standard();

    /**
     * Where each year's catalog comes from (asked once per year: a batch sees one catalog a year).
     */
    public InMemoryLedgerRegistry withCatalogs(Function<FiscalYear, ClassificationCatalog> source) {
        catalogSource = source;
        catalogs.clear();
        return this;
    }

    private ledger.core.department.UnitRegistry units = ledger.core.department.UnitRegistry.NONE;

    /** The departments a batch decides transfers against. */
    public InMemoryLedgerRegistry withUnits(ledger.core.department.UnitRegistry units) {
        this.units = units;
        return this;
    }

    @Override
    public ledger.core.department.UnitRegistry units() {
        return units;
    }

    @Override
    public ClassificationCatalog catalog(FiscalYear year) {
        return catalogs.computeIfAbsent(year, catalogSource);
    }

    public InMemoryLedgerRegistry withYear(UnitCode unit, FiscalYear year, YearStatus status) {
        years.put(new UnitYear(unit, year), status);
        return this;
    }

    /** Adds a transaction the store already holds; it is not reported by {@link #recorded()}. */
    public InMemoryLedgerRegistry withTransaction(RecordedTransaction transaction) {
        transactions.put(key(transaction), transaction);
        return this;
    }

    @Override
    public YearStatus yearStatus(UnitCode unit, FiscalYear year) {
        return years.getOrDefault(new UnitYear(unit, year), YearStatus.OPEN);
    }

    @Override
    public Optional<RecordedTransaction> transaction(
            UnitCode unit, FiscalYear year, TransactionId id) {
        return Optional.ofNullable(transactions.get(new Key(unit, year, id)));
    }

    @Override
    public boolean hasOpeningTransactions(UnitCode unit, FiscalYear year) {
        java.util.Set<TransactionId> reversed = new java.util.HashSet<>();
        transactions.values().stream()
                .filter(t -> t.reverses() != null)
                .forEach(t -> reversed.add(t.reverses()));
        return transactions.values().stream()
                .anyMatch(
                        t ->
                                t.unit().equals(unit)
                                        && t.year().equals(year)
                                        && t.kind() == TransactionKind.OPENING
                                        && !reversed.contains(t.id()));
    }

    @Override
    public void record(RecordedTransaction transaction) {
        // A batch records up to a million ids on a few thousand accounts: one copy of each account
        // id.
        String accountId = accountIds.computeIfAbsent(transaction.accountId(), id -> id);
        RecordedTransaction kept =
                accountId == transaction.accountId()
                        ? transaction
                        : new RecordedTransaction(
                                transaction.unit(),
                                transaction.year(),
                                transaction.id(),
                                transaction.kind(),
                                transaction.date(),
                                accountId,
                                transaction.fingerprint(),
                                transaction.reverses());
        transactions.put(key(kept), kept);
        recorded.add(kept);
    }

    /** The transactions taken since this registry was made, in order. */
    public List<RecordedTransaction> recorded() {
        return List.copyOf(recorded);
    }

    private static Key key(RecordedTransaction transaction) {
        return new Key(transaction.unit(), transaction.year(), transaction.id());
    }
}
