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
import ledger.core.account.InitialBudgetSet;
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

    /** The posting columns in the order {@link #bind} and {@link #appendCopyRow} write them. */
    public static final String COLUMNS =
            "event_id, global_index, event_type, fiscal_year, unit,"
                    + " fund, functional, economic, kind, amount_fen, posting_date, nature, project, procurement, sme,"
                    + " transaction_id, reverses, voucher, memo, recorded_by, recorded_at, indicator";

    private static final String INSERT =
            "INSERT INTO posting ("
                    + COLUMNS
                    + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final JdbcTemplate jdbc;

    public PostingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(
            AccountEvent event,
            EventMessage<?> message,
            @Timestamp Instant recordedAt,
            TrackingToken token) {
        buffer().add(
                        toPosting(
                                event,
                                message.getIdentifier(),
                                token.position().orElse(-1),
                                String.valueOf(message.getMetaData().getOrDefault("user", "")),
                                recordedAt));
    }

    @EventHandler
    public void on(UnitRegistered event) {
        jdbc.update(
                "INSERT INTO directory_unit (unit, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.unit().code(),
                event.name());
    }

    @EventHandler
    public void on(ProjectRegistered event) {
        jdbc.update(
                "INSERT INTO directory_project (unit, project, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.unit().code(),
                event.project().code(),
                event.name());
    }

    /** A replay starts from nothing. */
    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM posting");
        jdbc.update("DELETE FROM directory_unit");
        jdbc.update("DELETE FROM directory_project");
    }

    /** The posting an account event makes: a reversal counts as its reversed kind, negated. */
    public static Posting toPosting(
            AccountEvent event, String eventId, long globalIndex, String user, Instant at) {
        Spending spending = null;
        long amount = event.amount().fen();
        var kind = event.kind();
        ledger.core.account.TransactionId reverses = null;
        String indicator = "";
        if (event instanceof InitialBudgetSet budget) {
            indicator = budget.indicator();
        } else if (event instanceof ExpenditureRecorded expenditure) {
            spending = expenditure.spending();
        } else if (event instanceof ledger.core.account.TransferPaid paid) {
            // The payer's leg is an expenditure of its nature (对附属单位补助支出 / 上缴上级支出); its event
            // type marks it as a transfer, which a department's statements eliminate.
            spending = paid.spending();
            kind = ledger.core.account.TransactionKind.EXPENDITURE;
        } else if (event instanceof ledger.core.account.TransferReceived) {
            // The receiver's leg is income on its 上级补助收入 or 附属单位上缴收入 line.
            kind = ledger.core.account.TransactionKind.APPROPRIATION;
        } else if (event instanceof TransactionReversed reversal) {
            spending = reversal.spending();
            kind = reversal.reversedKind();
            amount = -amount;
            reverses = reversal.reversed();
        }
        return new Posting(
                globalIndex,
                eventId,
                event.getClass().getSimpleName(),
                event.account(),
                kind,
                amount,
                event.entry().date(),
                spending == null ? null : spending.nature(),
                spending == null ? null : spending.project(),
                spending == null ? null : spending.procurement(),
                spending == null ? null : spending.sme(),
                event.entry().transactionId(),
                reverses,
                event.entry().voucher(),
                event.entry().memo(),
                user,
                at,
                indicator);
    }

    private List<Posting> buffer() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(
                BUFFER,
                key -> {
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

    /**
     * Appends the posting as one line of PostgreSQL's COPY text format, columns as in {@link
     * #COLUMNS}, for the bulk rebuild. Values are the ones {@link #bind} gives the driver: the
     * recorded time rounded half-up to microseconds as the driver sends it, dates and booleans in
     * their SQL spelling.
     */
    public static void appendCopyRow(Posting p, StringBuilder line) {
        copyText(line, p.eventId()).append('\t');
        line.append(p.globalIndex()).append('\t');
        copyText(line, p.eventType()).append('\t');
        line.append(p.account().year().value()).append('\t');
        copyText(line, p.account().unit().code()).append('\t');
        copyText(line, p.account().fund().code()).append('\t');
        copyText(line, p.account().functional().code()).append('\t');
        copyText(line, p.account().economic().code()).append('\t');
        copyText(line, p.kind().code()).append('\t');
        line.append(p.amountFen()).append('\t');
        line.append(p.date()).append('\t');
        copyText(line, p.nature() == null ? null : p.nature().code()).append('\t');
        copyText(line, p.project() == null ? null : p.project().code()).append('\t');
        copyText(line, p.procurement() == null ? null : p.procurement().code()).append('\t');
        line.append(p.sme() == null ? "\\N" : p.sme() ? "t" : "f").append('\t');
        copyText(line, p.transactionId().value()).append('\t');
        copyText(line, p.reverses() == null ? null : p.reverses().value()).append('\t');
        copyText(line, p.voucher()).append('\t');
        copyText(line, p.memo()).append('\t');
        copyText(line, p.recordedBy()).append('\t');
        if (p.recordedAt() == null) {
            line.append("\\N");
        } else {
            line.append(roundedToMicros(p.recordedAt()));
        }
        line.append('\t');
        copyText(line, p.indicator());
        line.append('\n');
    }

    /**
     * The driver sends a timestamp rounded half-up to the microsecond; the bulk path must store the
     * same.
     */
    static java.time.Instant roundedToMicros(java.time.Instant at) {
        long nanos = at.getNano();
        return at.minusNanos(nanos).plusNanos((nanos + 500) / 1_000 * 1_000);
    }

    static StringBuilder copyText(StringBuilder line, String value) {
        if (value == null) {
            return line.append("\\N");
        }
        // Codes, ids and most memos need no escape: appended whole, not character by character
        // (the bulk rebuild's encoding was a fifth of its CPU).
        if (!needsEscape(value)) {
            return line.append(value);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        return line;
    }

    private static boolean needsEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
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
        ps.setTimestamp(
                21, p.recordedAt() == null ? null : java.sql.Timestamp.from(p.recordedAt()));
        ps.setString(22, p.indicator());
    }
}
