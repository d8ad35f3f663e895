package ledger.projections.posting;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ledger.core.account.AccountEvent;
import ledger.core.account.ExpenditureRecorded;
import ledger.core.account.ProjectRegistered;
import ledger.core.account.Spending;
import ledger.core.account.TransactionReversed;
import ledger.core.account.UnitRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the {@code posting} table: one row per money movement, from which every statement cell,
 * check and trace is computed. Rows of one processor batch are buffered and written with one
 * batched insert when the batch commits (with its token, in the same transaction). A row is keyed
 * by its event id, so redelivery after a crash or a replay never counts an event twice.
 */
@ProcessingGroup(PostingProjection.PROCESSING_GROUP)
public class PostingProjection {

    public static final String PROCESSING_GROUP = "postings";
    private static final String BUFFER = PostingProjection.class.getName() + ".buffer";

    private static final String INSERT = "INSERT INTO posting (event_id, global_index, event_type, fiscal_year, unit,"
            + " fund, functional, economic, kind, amount_fen, posting_date, nature, project, procurement, sme,"
            + " transaction_id, reverses, voucher, memo, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final JdbcTemplate jdbc;

    public PostingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(AccountEvent event, EventMessage<?> message, @Timestamp Instant recordedAt, TrackingToken token) {
        buffer().add(toPosting(event, message.getIdentifier(), token.position().orElse(-1),
                String.valueOf(message.getMetaData().getOrDefault("user", "")), recordedAt));
    }

    @EventHandler
    public void on(UnitRegistered event) {
        jdbc.update("INSERT INTO directory_unit (unit, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.unit().code(), event.name());
    }

    @EventHandler
    public void on(ProjectRegistered event) {
        jdbc.update("INSERT INTO directory_project (unit, project, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.unit().code(), event.project().code(), event.name());
    }

    /** A replay starts from nothing. */
    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM posting");
        jdbc.update("DELETE FROM directory_unit");
        jdbc.update("DELETE FROM directory_project");
    }

    /** The posting an account event makes: a reversal counts as its reversed kind, negated. */
    public static Posting toPosting(AccountEvent event, String eventId, long globalIndex, String user, Instant at) {
        Spending spending = null;
        long amount = event.amount().fen();
        var kind = event.kind();
        ledger.core.account.TransactionId reverses = null;
        if (event instanceof ExpenditureRecorded expenditure) {
            spending = expenditure.spending();
        } else if (event instanceof TransactionReversed reversal) {
            spending = reversal.spending();
            kind = reversal.reversedKind();
            amount = -amount;
            reverses = reversal.reversed();
        }
        return new Posting(globalIndex, eventId, event.getClass().getSimpleName(), event.account(), kind, amount,
                event.entry().date(),
                spending == null ? null : spending.nature(),
                spending == null ? null : spending.project(),
                spending == null ? null : spending.procurement(),
                spending == null ? null : spending.sme(),
                event.entry().transactionId(), reverses, event.entry().voucher(), event.entry().memo(), user, at);
    }

    private List<Posting> buffer() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BUFFER, key -> {
            List<Posting> rows = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> flush(rows));
            return rows;
        });
    }

    private void flush(List<Posting> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, rows, 1_000, PostingProjection::bind);
        rows.clear();
    }

    private static void bind(PreparedStatement ps, Posting p) throws SQLException {
        ps.setString(1, p.eventId());
        ps.setLong(2, p.globalIndex());
        ps.setString(3, p.eventType());
        ps.setInt(4, p.account().year().value());
        ps.setString(5, p.account().unit().code());
        ps.setString(6, p.account().fund().code());
        ps.setString(7, p.account().functional().code());
        ps.setString(8, p.account().economic().code());
        ps.setString(9, p.kind().code());
        ps.setLong(10, p.amountFen());
        ps.setDate(11, Date.valueOf(p.date()));
        ps.setString(12, p.nature() == null ? null : p.nature().code());
        ps.setString(13, p.project() == null ? null : p.project().code());
        ps.setString(14, p.procurement() == null ? null : p.procurement().code());
        if (p.sme() == null) {
            ps.setNull(15, Types.BOOLEAN);
        } else {
            ps.setBoolean(15, p.sme());
        }
        ps.setString(16, p.transactionId().value());
        ps.setString(17, p.reverses() == null ? null : p.reverses().value());
        ps.setString(18, p.voucher());
        ps.setString(19, p.memo());
        ps.setString(20, p.recordedBy());
        ps.setTimestamp(21, p.recordedAt() == null ? null : java.sql.Timestamp.from(p.recordedAt()));
    }
}
