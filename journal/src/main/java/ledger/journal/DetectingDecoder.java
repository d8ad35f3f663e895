package ledger.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a journal's bytes as UTF-8 or GB18030 (which includes GBK, what Excel saves a CSV as on
 * Chinese Windows), deciding strictly and as the bytes arrive, so a large upload is never held
 * whole.
 *
 * <p>ASCII is the same in both, so nothing needs deciding until the first byte above 127. There the
 * bytes that follow (up to 64 KB) decide: valid UTF-8 is UTF-8 (GBK text is practically never valid
 * UTF-8, while UTF-8 Chinese is rarely valid GBK as well), else GB18030 if it decodes cleanly, else
 * the file cannot be read. Once decided, any byte sequence that is not valid in the chosen encoding
 * stops the reading with {@link UndetectableEncoding}; the characters before it have been
 * delivered, so the reader above knows the line it is on.
 */
final class DetectingDecoder extends Reader {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int WINDOW = 1 << 16;

    /** Bytes that are neither UTF-8 nor GB18030, met after the characters already delivered. */
    static final class UndetectableEncoding extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final transient Charset decided;

        UndetectableEncoding(Charset decided) {
            this.decided = decided;
        }

        /**
         * The encoding the file was being read in, or null when no encoding fits from the start.
         */
        Charset decided() {
            return decided;
        }
    }

    private final InputStream in;
    private final ByteBuffer bytes = ByteBuffer.allocate(WINDOW);
    private CharsetDecoder decoder;
    private boolean endOfInput;
    private boolean failed;
    private boolean flushed;

    DetectingDecoder(InputStream in) {
        this.in = in;
        bytes.flip();
    }

    /** The encoding decided so far: UTF-8 while everything has been ASCII. */
    Charset charset() {
        return decoder == null ? StandardCharsets.UTF_8 : decoder.charset();
    }

    /** Whether any byte above 127 has been met (else the file was plain ASCII, valid in both). */
    boolean decided() {
        return decoder != null;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (failed) {
            throw new UndetectableEncoding(decoder == null ? null : decoder.charset());
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            if (!bytes.hasRemaining() && endOfInput) {
                if (decoder != null && !flushed) {
                    flushed = true;
                    decoder.decode(bytes, out, true);
                    decoder.flush(out);
                }
                return out.position() == offset ? -1 : out.position() - offset;
            }
            if (bytes.remaining() < 8 && !endOfInput) {
                fill();
                continue;
            }
            if (decoder == null) {
                copyAscii(out);
                if (out.position() > offset) {
                    // Deliver the ASCII first, so that a refusal below names the line it is on.
                    return out.position() - offset;
                }
                if (bytes.hasRemaining()) {
                    if (bytes.remaining() < WINDOW / 2 && !endOfInput) {
                        fill();
                    }
                    decide();
                }
                if (decoder == null) {
                    if (out.position() > offset) {
                        return out.position() - offset;
                    }
                    continue;
                }
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                failed = true;
                if (out.position() > offset) {
                    return out.position() - offset;
                }
                throw new UndetectableEncoding(decoder.charset());
            }
            if (out.position() > offset && (result.isOverflow() || !out.hasRemaining())) {
                return out.position() - offset;
            }
            if (result.isUnderflow()) {
                if (endOfInput && !bytes.hasRemaining()) {
                    continue;
                }
                if (out.position() > offset) {
                    return out.position() - offset;
                }
                fill();
            }
        }
    }

    private void copyAscii(CharBuffer out) {
        while (bytes.hasRemaining() && out.hasRemaining()) {
            byte b = bytes.get(bytes.position());
            if (b < 0) {
                return;
            }
            out.put((char) b);
            bytes.position(bytes.position() + 1);
        }
    }

    /** The bytes from the first non-ASCII one to the end of the window choose the encoding. */
    private void decide() throws UndetectableEncoding {
        int utf8 = cleanBytes(StandardCharsets.UTF_8);
        int gb18030 = cleanBytes(GB18030);
        if (utf8 == 0 && gb18030 == 0) {
            failed = true;
            throw new UndetectableEncoding(null);
        }
        // The one that reads the whole window; when neither does (a file mixing both), the one that
        // reads further, so that the refusal comes at the line where the file stops fitting it.
        decoder =
                strict(
                        utf8 == Integer.MAX_VALUE || utf8 >= gb18030
                                ? StandardCharsets.UTF_8
                                : GB18030);
    }

    /** How many bytes of the window decode cleanly ({@code MAX_VALUE}: all of them). */
    private int cleanBytes(Charset charset) {
        ByteBuffer window = bytes.duplicate();
        CharBuffer sink = CharBuffer.allocate(WINDOW + 16);
        CharsetDecoder trial = strict(charset);
        CoderResult result = trial.decode(window, sink, endOfInput);
        // A character cut at the window's end is not an error: the rest of it has not arrived.
        return result.isError() ? window.position() - bytes.position() : Integer.MAX_VALUE;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private void fill() throws IOException {
        bytes.compact();
        try {
            while (bytes.hasRemaining()) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfInput = true;
                    break;
                }
                bytes.position(bytes.position() + n);
                if (n == 0) {
                    break;
                }
                if (decoder != null) {
                    break;
                }
            }
        } finally {
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
