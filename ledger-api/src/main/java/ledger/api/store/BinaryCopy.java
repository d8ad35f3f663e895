package ledger.api.store;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into PostgreSQL with {@code COPY … FROM STDIN (FORMAT binary)} on the caller's
 * connection, so they commit or roll back with its transaction. Binary rather than text or CSV:
 * every field goes as a length and its bytes, so free text (quotes, backslashes, {@code \N},
 * Chinese) needs no escaping and bytea needs no hex doubling. Fields are written in the column
 * order of the statement; {@link #close()} ends the COPY, {@link #cancel()} abandons it.
 */
public final class BinaryCopy extends OutputStream implements AutoCloseable {

    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    /** Days from 1970-01-01 to PostgreSQL's epoch 2000-01-01. */
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private byte[] buffer = new byte[FLUSH_AT + (64 << 10)];
    private int size;
    private int lengthAt = -1;
    private boolean open = true;

    public BinaryCopy(Connection connection, String copySql) throws SQLException {
        copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        write(HEADER, 0, HEADER.length);
    }

    /** Starts a row of {@code fields} columns. */
    public void row(int fields) throws SQLException {
        if (size >= FLUSH_AT) {
            flushToServer();
        }
        ensure(2);
        buffer[size++] = (byte) (fields >>> 8);
        buffer[size++] = (byte) fields;
    }

    void nullField() {
        int32(-1);
    }

    /** A text or varchar field: its UTF-8 bytes (the connection's client encoding is UTF-8). */
    public void text(String value) {
        if (value == null) {
            nullField();
            return;
        }
        int length = value.length();
        ensure(4 + 3 * length);
        int start = size + 4;
        int at = start;
        byte[] b = buffer;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else {
                // Rare (Chinese names and memos): let the JDK encode it, surrogate pairs included.
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                ensure(4 + utf8.length);
                bytes(utf8);
                return;
            }
        }
        int32At(size, at - start);
        size = at;
    }

    void bytes(byte[] value) {
        if (value == null) {
            nullField();
            return;
        }
        ensure(4 + value.length);
        int32(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
    }

    public void int8(long value) {
        ensure(12);
        int32(8);
        int32((int) (value >>> 32));
        int32((int) value);
    }

    void int4(int value) {
        ensure(8);
        int32(4);
        int32(value);
    }

    void date(LocalDate value) {
        int4((int) (value.toEpochDay() - PG_EPOCH_DAY));
    }

    /** A {@code timestamp with time zone}: microseconds since PostgreSQL's epoch. */
    public void timestamp(Instant value) {
        long micros =
                Math.addExact(
                        Math.multiplyExact(
                                value.getEpochSecond() - PG_EPOCH_DAY * 86_400L, 1_000_000L),
                        value.getNano() / 1_000);
        int8(micros);
    }

    /**
     * Starts a field whose bytes are then written through this stream (e.g. by a JSON generator);
     * {@link #endField()} fills in its length.
     */
    void beginField() {
        ensure(4);
        lengthAt = size;
        size += 4;
    }

    void endField() {
        int32At(lengthAt, size - lengthAt - 4);
        lengthAt = -1;
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buffer, size, len);
        size += len;
    }

    /** Sends the trailer and ends the COPY; returns the rows the server took. */
    public long finish() throws SQLException {
        ensure(2);
        buffer[size++] = (byte) 0xFF;
        buffer[size++] = (byte) 0xFF;
        flushToServer();
        open = false;
        return copy.endCopy();
    }

    /** Abandons the COPY after a failure, so the connection can report the error and roll back. */
    void cancel() {
        if (open && copy.isActive()) {
            open = false;
            try {
                copy.cancelCopy();
            } catch (SQLException alreadyFailed) {
                // The server has already ended the COPY; the caller's exception says why.
            }
        }
    }

    @Override
    public void close() {
        cancel();
    }

    @Override
    public void flush() {
        // Only whole rows go to the server (see row()): a JSON generator's flush must not split
        // one.
    }

    private void flushToServer() throws SQLException {
        if (lengthAt >= 0) {
            throw new IllegalStateException("a field is still open");
        }
        if (size > 0) {
            copy.writeToCopy(buffer, 0, size);
            size = 0;
        }
    }

    private void int32(int value) {
        ensure(4);
        int32At(size, value);
        size += 4;
    }

    private void int32At(int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            byte[] bigger = new byte[Math.max(buffer.length * 2, size + more)];
            System.arraycopy(buffer, 0, bigger, 0, size);
            buffer = bigger;
        }
    }
}
