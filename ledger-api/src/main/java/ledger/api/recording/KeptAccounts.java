package ledger.api.recording;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ledger.api.store.EventStoreAccess;
import ledger.core.account.AccountBook;
import ledger.core.account.AccountKey;
import ledger.core.journal.JournalPosting.LoadedAccount;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Account books kept in memory between single commands, so that recording one more expenditure
 * does not replay the account's whole history from the event store.
 *
 * <p>A kept book is trusted only while the store agrees: before use, one query reads the last
 * sequence number of every account asked for, and any account another node, an import or a year
 * close has appended to since is loaded again. The caller holds the accounts' advisory locks by
 * then, so the answer stays true until it commits (and if a writer that takes no advisory lock
 * appends meanwhile, the unique event number refuses our append and the batch is decided again).
 * Books leave here only as copies and come back only after a commit, so a rolled-back
 * transaction never changes what is kept. Used by one writer thread; bounded, least recently
 * used first out.
 */
final class KeptAccounts {

    private final JdbcTemplate jdbc;
    private final EventStoreAccess store;
    private final Map<AccountKey, LoadedAccount> kept;

    KeptAccounts(JdbcTemplate jdbc, EventStoreAccess store, int capacity) {
        this.jdbc = jdbc;
        this.store = store;
        this.kept = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<AccountKey, LoadedAccount> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The accounts as the store holds them now; the books returned are this store's own: copy before changing. */
    synchronized Map<AccountKey, LoadedAccount> current(Set<AccountKey> keys) {
        Map<AccountKey, LoadedAccount> current = new HashMap<>();
        Set<AccountKey> toLoad = new HashSet<>();
        List<AccountKey> known = new ArrayList<>();
        for (AccountKey key : keys) {
            if (kept.containsKey(key)) {
                known.add(key);
            } else {
                toLoad.add(key);
            }
        }
        if (!known.isEmpty()) {
            Map<String, Long> stored = lastSequences(known);
            for (AccountKey key : known) {
                LoadedAccount mine = kept.get(key);
                if (mine.lastSequence() == stored.getOrDefault(key.id(), -1L)) {
                    current.put(key, mine);
                } else {
                    toLoad.add(key);
                }
            }
        }
        if (!toLoad.isEmpty()) {
            Map<AccountKey, LoadedAccount> loaded = store.load(toLoad);
            current.putAll(loaded);
            kept.putAll(loaded);
        }
        return current;
    }

    /** Takes the books of a committed transaction, each with the sequence number of its last event. */
    synchronized void committed(Map<AccountKey, LoadedAccount> accounts) {
        kept.putAll(accounts);
    }

    synchronized int size() {
        return kept.size();
    }

    private Map<String, Long> lastSequences(List<AccountKey> keys) {
        Map<String, Long> last = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("SELECT aggregate_identifier, MAX(sequence_number)"
                    + " FROM domain_event_entry WHERE aggregate_identifier = ANY (?) GROUP BY aggregate_identifier");
            RecorderReads.planEachTime(ps);
            Array array = connection.createArrayOf("VARCHAR", keys.stream().map(AccountKey::id).toArray());
            ps.setArray(1, array);
            return ps;
        }, rs -> {
            last.put(rs.getString(1), rs.getLong(2));
        });
        return last;
    }

    static LoadedAccount copyOf(LoadedAccount account) {
        return new LoadedAccount(account.book().copy(), account.lastSequence());
    }

    static LoadedAccount fresh(AccountKey key) {
        return new LoadedAccount(new AccountBook(key), -1);
    }
}
