package ledger.api.store;

import java.sql.SQLException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Ties the connection Axon's storage engine uses to the current unit of work.
 *
 * <p>Axon's {@code UnitOfWorkAwareConnectionProviderWrapper} keeps one connection per root unit of
 * work but registers its commit and rollback on the unit that asks for it first. In a batch of
 * commands (nested units inside one root), a nested unit that first read an account would commit
 * the batch's transaction early when it commits, or roll the whole batch back when it is refused.
 * Asking here, from the root, puts those on the root.
 */
@Component
public class UnitOfWorkConnection {

    private final ConnectionProvider connections;

    public UnitOfWorkConnection(ConnectionProvider connections) {
        this.connections = connections;
    }

    /** Must be called with the root unit of work current, before any nested unit starts. */
    public void tieToCurrentUnitOfWork() {
        try {
            connections.getConnection();
        } catch (SQLException failed) {
            throw new DataAccessResourceFailureException(
                    "no database connection for the batch", failed);
        }
    }
}
