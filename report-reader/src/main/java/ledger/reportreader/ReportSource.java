package ledger.reportreader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns a report file into printed lines with their page and line numbers: a PDF through its text
 * positions ({@link PdfLines}), a text file (the output of {@code pdftotext -layout}, or a plainer
 * extraction) as it is, pages split at form feeds. Files beyond the limits are refused before
 * anything is parsed.
 */
public final class ReportSource {

    /** A published 部门决算 is a few MB at most; beyond this the file is refused unread. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    /** A 部门决算 has about 30 pages; a 500-page file is not one. */
    public static final int MAX_PAGES = 200;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private ReportSource() {}

    /**
     * Reads the file's lines.
     *
     * @throws ReportRefusal when the file is missing, too large, not a PDF though named one,
     *     encrypted, damaged, not UTF-8 text, or has too many pages
     */
    public static List<ReportLine> lines(Path file) {
        return lines(read(file), file.getFileName().toString());
    }

    /**
     * As {@link #lines(Path)} for a file's content already in memory (an upload), named {@code
     * name}.
     */
    static List<ReportLine> lines(byte[] bytes, String name) {
        if (bytes.length > MAX_BYTES) {
            throw new ReportRefusal(
                    "文件 "
                            + name
                            + " 有 "
                            + bytes.length
                            + " 字节，超过上限 "
                            + MAX_BYTES
                            + " 字节（20 MB），未读取。/ file too large");
        }
        boolean pdfContent = isPdf(bytes);
        boolean pdfName = name.toLowerCase(Locale.ROOT).endsWith(".pdf");
        if (pdfName && !pdfContent) {
            throw new ReportRefusal(
                    "文件 " + name + " 不是 PDF 文件（开头没有 %PDF- 标记），未读取。" + " / not a PDF file");
        }
        if (pdfContent && !endsWithEof(bytes)) {
            throw new ReportRefusal(
                    "PDF 文件 " + name + " 不完整（结尾缺少 %%EOF 标记，可能下载或复制时被截断），" + "未读取。/ truncated PDF");
        }
        return pdfContent ? PdfLines.read(bytes, name) : textLines(bytes, name);
    }

    /**
     * Splits text into pages (form feeds) and lines, refusing more than {@link #MAX_PAGES} pages.
     */
    static List<ReportLine> textLines(String text) {
        String[] pages = text.split("\f", -1);
        if (pages.length > MAX_PAGES) {
            throw tooManyPages(pages.length);
        }
        List<ReportLine> lines = new ArrayList<>();
        for (int page = 0; page < pages.length; page++) {
            String[] pageLines = pages[page].split("\r?\n", -1);
            for (int line = 0; line < pageLines.length; line++) {
                lines.add(new ReportLine(page + 1, line + 1, pageLines[line]));
            }
        }
        return lines;
    }

    static ReportRefusal tooManyPages(int pages) {
        return new ReportRefusal(
                "文件有 "
                        + pages
                        + " 页，超过上限 "
                        + MAX_PAGES
                        + " 页：部门决算一般只有三十页左右，"
                        + "未读取。/ too many pages ("
                        + pages
                        + " > "
                        + MAX_PAGES
                        + ")");
    }

    /** Whether the content is a PDF (starts with %PDF-). */
    public static boolean isPdf(byte[] bytes) {
        return startsWith(bytes, PDF_MAGIC);
    }

    private static List<ReportLine> textLines(byte[] bytes, String name) {
        try {
            String text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return textLines(text);
        } catch (CharacterCodingException e) {
            throw new ReportRefusal(
                    "文件 " + name + " 既不是 PDF，也不是 UTF-8 文本，未读取。" + " / neither a PDF nor UTF-8 text",
                    e);
        }
    }

    private static byte[] read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new ReportRefusal("找不到文件 " + file + "。/ no such file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ReportRefusal(
                        "文件 "
                                + file.getFileName()
                                + " 有 "
                                + size
                                + " 字节，超过上限 "
                                + MAX_BYTES
                                + " 字节（20 MB），未读取。/ file too large");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReportRefusal(
                    "无法读取文件 " + file + "：" + e.getMessage() + " / cannot read file", e);
        }
    }

    /**
     * Every complete PDF ends with %%EOF (perhaps followed by line ends); a cut-off download does
     * not.
     */
    private static boolean endsWithEof(byte[] bytes) {
        int from = Math.max(0, bytes.length - 1024);
        String tail = new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length
                && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }
}
