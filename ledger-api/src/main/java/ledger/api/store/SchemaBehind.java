package ledger.api.store;

import java.util.SortedSet;

/**
 * The database lacks migrations this build ships (a new data directory, or one written by an older
 * version): the light start of a read command does not migrate, the whole application does.
 */
public class SchemaBehind extends IllegalStateException {

    public SchemaBehind(SortedSet<String> missing) {
        super(
                "数据库尚未建立或需要升级（缺少迁移 "
                        + missing
                        + "） / the database is new or older than this version (migrations "
                        + missing
                        + " not applied)");
    }
}
