package ledger.journal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Remembers where each line starts as characters pass through, so that a record's character
 * position becomes the line number a clerk sees in a text editor, even past comment lines and
 * quoted fields that span lines.
 */
final class LineIndexReader extends FilterReader {

    private long[] newlineOffsets = new long[1024];
    private int newlines;
    private long offset;

    /** Lines that hold no record: blank, or a {@code #} comment. */
    private final java.util.BitSet skippable = new java.util.BitSet();

    private boolean lineHasContent;

    LineIndexReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            note((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int from, int length) throws IOException {
        int n = super.read(buffer, from, length);
        for (int i = 0; i < n; i++) {
            note(buffer[from + i]);
        }
        return n;
    }

    /** The 1-based line holding the character at {@code position}. */
    int lineOf(long position) {
        int index = Arrays.binarySearch(newlineOffsets, 0, newlines, position);
        return (index >= 0 ? index : -index - 1) + 1;
    }

    /**
     * The first line at or after {@code position} that holds data: a record's position can point at
     * comment or blank lines the parser skipped before it.
     */
    int recordLineOf(long position) {
        int line = lineOf(position);
        while (line <= newlines && skippable.get(line)) {
            line++;
        }
        return line;
    }

    private void note(char c) {
        if (!lineHasContent && c != '\n' && c != '\r') {
            lineHasContent = true;
            if (c == '#') {
                skippable.set(newlines + 1);
            }
        }
        if (c == '\n') {
            if (!lineHasContent) {
                skippable.set(newlines + 1);
            }
            lineHasContent = false;
            if (newlines == newlineOffsets.length) {
                newlineOffsets = Arrays.copyOf(newlineOffsets, newlines * 2);
            }
            newlineOffsets[newlines++] = offset;
        }
        offset++;
    }
}
