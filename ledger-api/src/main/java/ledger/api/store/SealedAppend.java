package ledger.api.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's INSERT of event rows, as its storage engine writes them, plus each row's seal ({@link
 * EventRowSeals}) in the same statement: single commands and the small batches that go through Axon
 * are sealed as they are written, like the batch COPY.
 */
public final class SealedAppend implements AppendEventsStatementBuilder {

    private final EventRowSeals seals;

    public SealedAppend(EventRowSeals seals) {
        this.seals = seals;
    }

    @Override
    public PreparedStatement build(
            Connection connection,
            EventSchema schema,
            Class<?> dataType,
            List<? extends EventMessage<?>> events,
            Serializer serializer,
            TimestampWriter timestampWriter)
            throws SQLException {
        // Predecessors come from this statement's own events, else from those seen committed, else
        // from the database (see EventRowSeals).
        Map<String, EventRowSeals.Tip> tips = new HashMap<>();
        PreparedStatement ps =
                connection.prepareStatement(
                        "INSERT INTO "
                                + schema.domainEventTable()
                                + " ("
                                + schema.domainEventFields()
                                + ", seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event =
                    message instanceof DomainEventMessage<?> domain
                            ? domain
                            : new GenericDomainEventMessage<>(
                                    null,
                                    message.getIdentifier(),
                                    0L,
                                    message,
                                    message::getTimestamp);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            ps.setString(1, event.getIdentifier());
            ps.setString(2, event.getAggregateIdentifier());
            ps.setLong(3, event.getSequenceNumber());
            ps.setString(4, event.getType());
            timestampWriter.writeTimestamp(ps, 5, event.getTimestamp());
            ps.setString(6, payload.getType().getName());
            ps.setString(7, payload.getType().getRevision());
            ps.setObject(8, payload.getData());
            ps.setObject(9, metaData.getData());
            // The engine's timestamp writer stores Axon's ISO format; the seal covers that same
            // text.
            ps.setString(
                    10,
                    seals.seal(
                            tips,
                            connection,
                            event.getIdentifier(),
                            event.getAggregateIdentifier(),
                            event.getSequenceNumber(),
                            event.getType(),
                            DateTimeUtils.formatInstant(event.getTimestamp()),
                            payload.getType().getName(),
                            payload.getType().getRevision(),
                            bytes(payload.getData()),
                            bytes(metaData.getData())));
            ps.addBatch();
        }
        seals.rememberOnCommit(tips);
        return ps;
    }

    private static byte[] bytes(Object data) {
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        throw new IllegalStateException(
                "event rows are stored as bytes, not " + data.getClass().getName());
    }
}
