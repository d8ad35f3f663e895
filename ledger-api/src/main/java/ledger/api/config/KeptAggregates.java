package ledger.api.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache for {@code BudgetAccount}: the most recently used accounts stay in memory
 * between commands, so recording one more expenditure on a hot account does not replay its whole
 * history. Bounded, least recently used out (Axon's own {@code WeakReferenceCache} loses entries at
 * every garbage collection). A cached account is only a starting point: the unique event number
 * refuses an append made on a stale one, and Axon drops the entry when its unit of work rolls back.
 * A refusal appends nothing, so {@code TransactionRecorder} drops the account and decides the
 * command again on the account as stored before it refuses.
 */
public final class KeptAggregates implements Cache {

    private final Map<Object, Object> entries;

    KeptAggregates(int capacity) {
        this.entries =
                new LinkedHashMap<>(1024, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                        return size() > capacity;
                    }
                };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** How many accounts are kept. */
    public synchronized int size() {
        return entries.size();
    }

    /**
     * Nothing here listens to cache entries; a listener would never be called, so none is taken.
     */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("KeptAggregates does not notify listeners");
    }
}
