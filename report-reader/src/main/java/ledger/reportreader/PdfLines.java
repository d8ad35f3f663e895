package ledger.reportreader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF's printed lines, rebuilt from the position of every glyph: glyphs on one baseline make a
 * line, sorted left to right, and a gap wider than half a glyph becomes a space, so figures in
 * neighbouring columns stay apart (the text stream alone may glue them or reorder them), padded
 * with spaces to the glyph's position.
 */
final class PdfLines {

    /**
     * Narrower than any glyph, so padding never pushes a line's text past the glyphs' positions.
     */
    private static final float POINTS_PER_COLUMN = 2f;

    private PdfLines() {}

    static List<ReportLine> read(byte[] bytes, String name) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            if (pages > ReportSource.MAX_PAGES) {
                throw ReportSource.tooManyPages(pages);
            }
            // one pass over the pages: each page's glyphs become its lines when the page ends
            GlyphCollector collector = new GlyphCollector();
            collector.getText(document);
            return collector.lines;
        } catch (InvalidPasswordException e) {
            throw new ReportRefusal(
                    "PDF 文件 " + name + " 已加密，需要密码才能打开，未读取；请提供未加密的文件。" + " / the PDF is encrypted",
                    e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReportRefusal refusal) {
                throw refusal;
            }
            throw new ReportRefusal(
                    "PDF 文件 "
                            + name
                            + " 已损坏或不完整（"
                            + e.getMessage()
                            + "），未读取。"
                            + " / damaged or truncated PDF",
                    e);
        }
    }

    /** Groups glyphs into lines by baseline, top to bottom, each left to right. */
    static List<String> lines(List<TextPosition> glyphs) {
        List<TextPosition> sorted = new ArrayList<>(glyphs);
        sorted.sort(
                Comparator.comparingDouble(TextPosition::getYDirAdj)
                        .thenComparingDouble(TextPosition::getXDirAdj));
        List<List<TextPosition>> rows = new ArrayList<>();
        for (TextPosition glyph : sorted) {
            List<TextPosition> last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            float tolerance = Math.max(1.5f, glyph.getHeightDir() * 0.4f);
            if (last != null
                    && Math.abs(last.get(0).getYDirAdj() - glyph.getYDirAdj()) <= tolerance) {
                last.add(glyph);
            } else {
                List<TextPosition> row = new ArrayList<>();
                row.add(glyph);
                rows.add(row);
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<TextPosition> row : rows) {
            row.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
            StringBuilder line = new StringBuilder();
            float end = Float.NaN;
            for (TextPosition glyph : row) {
                String text = glyph.getUnicode();
                if (text == null || text.isBlank()) {
                    continue;
                }
                float width = Math.max(glyph.getWidthDirAdj(), 1f);
                // padded to the glyph's position, as pdftotext -layout does, so that figures of one
                // row printed on neighbouring lines keep their left-to-right order
                int column = Math.round(glyph.getXDirAdj() / POINTS_PER_COLUMN);
                if (Float.isNaN(end)) {
                    line.append(" ".repeat(Math.max(0, column)));
                } else if (glyph.getXDirAdj() - end > width * 0.5f) {
                    line.append(" ".repeat(Math.max(1, column - line.length())));
                }
                line.append(text);
                end = glyph.getXDirAdj() + glyph.getWidthDirAdj();
            }
            if (!line.toString().isBlank()) {
                lines.add(line.toString());
            }
        }
        return lines;
    }

    /**
     * Collects the glyphs of each page, instead of writing text, and makes them lines at the page's
     * end.
     */
    private static final class GlyphCollector extends PDFTextStripper {

        private final List<TextPosition> glyphs = new ArrayList<>();
        private final List<ReportLine> lines = new ArrayList<>();

        GlyphCollector() {
            super();
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            glyphs.add(text);
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            List<String> pageLines = PdfLines.lines(glyphs);
            for (int line = 0; line < pageLines.size(); line++) {
                lines.add(new ReportLine(getCurrentPageNo(), line + 1, pageLines.get(line)));
            }
            glyphs.clear();
            super.endPage(page);
        }
    }
}
