package ledger.api.recording;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * How far a journal import has got, for whoever shows it (a terminal bar, the web job page). An
 * import has two long phases: reading the file (bytes read of the file's size) and deciding its
 * rows against the ledger (rows decided of rows read). Calls come from the importing thread, often:
 * an implementation keeps them cheap.
 */
public interface ImportProgress {

    /** Nothing shown. */
    ImportProgress NONE = new ImportProgress() {};

    /**
     * {@code bytesRead} of a file of {@code totalBytes} (-1 when the size is not known) have been
     * read.
     */
    default void reading(long bytesRead, long totalBytes) {}

    /**
     * {@code rowsDecided} of the file's {@code totalRows} well-formed rows have been checked and
     * posted.
     */
    default void deciding(int rowsDecided, int totalRows) {}

    /** {@code in}, telling this progress how many of its {@code totalBytes} have been read. */
    default InputStream counting(InputStream in, long totalBytes) {
        if (this == NONE) {
            return in;
        }
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    reading(++read, totalBytes);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    read += n;
                    reading(read, totalBytes);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                read += skipped;
                reading(read, totalBytes);
                return skipped;
            }
        };
    }
}
