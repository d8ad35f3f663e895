package ledger.api.store;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/** Whether another process has the embedded database open: it opens in one process at a time. */
public final class EmbeddedDatabaseProbe {

    private EmbeddedDatabaseProbe() {}

    /**
     * Opens and closes the database once; true when H2 refuses because another process holds its
     * file lock. Any other failure is left to the application's start to report.
     */
    public static boolean inUseByAnotherProcess(String url, String user, String password) {
        try {
            DriverManager.getConnection(url, user, password).close();
            return false;
        } catch (SQLException failed) {
            return isInUseFailure(failed);
        }
    }

    /** Whether {@code failure} (or a cause) is H2's 90020, "Database may be already in use". */
    public static boolean isInUseFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
    }
}
