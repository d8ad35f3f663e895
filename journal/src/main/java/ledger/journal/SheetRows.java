package ledger.journal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import ledger.core.text.Reason;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the rows of one sheet of an xlsx workbook through POI's event API (SAX over the sheet's
 * XML): a sheet of a million rows is never held as a workbook in memory. Each cell comes as Excel
 * stores it: text as text, a number as its exact decimal (to Excel's 15 significant digits), a
 * date-formatted number as the date, a formula as its saved result. Line numbers are the sheet's
 * own row numbers, as the clerk sees them in Excel.
 */
final class SheetRows {

    /** One cell: its text, whether Excel stored it as a plain number, and why it cannot be used. */
    record SheetCell(String text, boolean number, String problem) {
        static final SheetCell EMPTY = new SheetCell("", false, null);
    }

    /** Receives the rows of the sheet in order; answers false to stop reading. */
    interface RowSink {
        boolean row(int line, List<SheetCell> cells);
    }

    /** Why a workbook cannot be read at all, in words for the clerk. */
    static final class UnreadableWorkbook extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableWorkbook(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    static {
        // A zip bomb: an entry that inflates more than 100 times is refused before it fills memory.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(1L << 31);
    }

    private SheetRows() {}

    /**
     * Reads the sheet named {@code sheet} (the first sheet when null) of the workbook at {@code
     * file}.
     *
     * @return the name of the sheet read
     */
    static String read(Path file, String sheet, RowSink sink) throws UnreadableWorkbook {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                try (InputStream data = sheets.next()) {
                    String name = sheets.getSheetName();
                    names.add(name);
                    if (sheet == null || sheet.equals(name)) {
                        try {
                            parse(data, strings, styles, sink);
                        } catch (StopReading stop) {
                            // The sink has seen enough rows.
                        }
                        return name;
                    }
                }
            }
            if (names.isEmpty()) {
                throw new UnreadableWorkbook(Reason.of("workbook.noSheet").chinese(), null);
            }
            throw new UnreadableWorkbook(
                    Reason.of("workbook.noSuchSheet", sheet, String.join("、", names)).chinese(),
                    null);
        } catch (UnreadableWorkbook refused) {
            throw refused;
        } catch (EncryptedDocumentException
                | org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException encrypted) {
            throw encrypted(encrypted);
        } catch (IOException
                | OpenXML4JException
                | SAXException
                | ParserConfigurationException
                | IllegalStateException
                | IllegalArgumentException
                | org.apache.poi.ooxml.POIXMLException
                | org.apache.poi.openxml4j.exceptions.InvalidOperationException broken) {
            throw broken(broken);
        }
    }

    static UnreadableWorkbook encrypted(Exception cause) {
        return new UnreadableWorkbook(Reason.of("workbook.encrypted").chinese(), cause);
    }

    private static UnreadableWorkbook broken(Exception cause) {
        String detail =
                cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (detail.contains("Zip bomb")
                || detail.contains("zip bomb")
                || detail.contains("exceeds the max")
                || detail.contains("ZipSecureFile")) {
            return new UnreadableWorkbook(Reason.of("workbook.zipBomb").chinese(), cause);
        }
        if (detail.length() > 200) {
            detail = detail.substring(0, 200) + "…";
        }
        return new UnreadableWorkbook(Reason.of("workbook.broken", detail).chinese(), cause);
    }

    private static void parse(
            InputStream data, ReadOnlySharedStringsTable strings, StylesTable styles, RowSink sink)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new SheetHandler(strings, styles, sink));
        xml.parse(new InputSource(data));
    }

    /** Thrown through the SAX parser when the sink wants no more rows. */
    private static final class StopReading extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopReading() {
            super(null, null, false, false);
        }
    }

    /** The sheet's XML: rows of cells, each with a type, a style, a value and perhaps a formula. */
    private static final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final RowSink sink;
        private final StringBuilder text = new StringBuilder();
        private List<SheetCell> cells = new ArrayList<>();
        private int rowNumber;
        private int nextRow = 1;
        private String cellRef;
        private String cellType;
        private String cellStyle;
        private boolean formula;
        private boolean inValue;
        private boolean inInlineText;
        private String value;
        private final StringBuilder inline = new StringBuilder();

        SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, RowSink sink) {
            this.strings = strings;
            this.styles = styles;
            this.sink = sink;
        }

        @Override
        public void startElement(
                String uri, String localName, String qName, Attributes attributes) {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            switch (name) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? nextRow : Integer.parseInt(r);
                    cells = new ArrayList<>();
                }
                case "c" -> {
                    cellRef = attributes.getValue("r");
                    cellType = attributes.getValue("t");
                    cellStyle = attributes.getValue("s");
                    formula = false;
                    value = null;
                    inline.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "t" -> {
                    if ("inlineStr".equals(cellType)) {
                        inInlineText = true;
                        text.setLength(0);
                    }
                }
                default -> {}
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            switch (name) {
                case "v" -> {
                    inValue = false;
                    value = text.toString();
                }
                case "t" -> {
                    if (inInlineText) {
                        inline.append(text);
                        inInlineText = false;
                    }
                }
                case "c" -> endCell();
                case "row" -> {
                    nextRow = rowNumber + 1;
                    if (!sink.row(rowNumber, cells)) {
                        throw new StopReading();
                    }
                }
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInlineText) {
                text.append(ch, start, length);
            }
        }

        private void endCell() {
            int column = cellRef == null ? cells.size() : new CellReference(cellRef).getCol();
            if (column > 16_383) {
                return;
            }
            while (cells.size() < column) {
                cells.add(SheetCell.EMPTY);
            }
            String where =
                    cellRef == null
                            ? CellReference.convertNumToColString(column) + rowNumber
                            : cellRef;
            SheetCell cell = cell(where);
            if (column < cells.size()) {
                cells.set(column, cell);
            } else {
                cells.add(cell);
            }
        }

        private SheetCell cell(String where) {
            String type = cellType == null ? "n" : cellType;
            if ("inlineStr".equals(type)) {
                return new SheetCell(inline.toString(), false, null);
            }
            if (value == null || (value.isEmpty() && formula && !"str".equals(type))) {
                if (formula) {
                    return new SheetCell(
                            "",
                            false,
                            "单元格 "
                                    + where
                                    + " 是公式，但文件中没有保存它的计算结果：请在 Excel 中打开、"
                                    + "保存后再导入，或把公式粘贴为数值 (cell "
                                    + where
                                    + " is a formula with no saved result)");
                }
                return SheetCell.EMPTY;
            }
            return switch (type) {
                case "s" ->
                        new SheetCell(
                                strings.getItemAt(Integer.parseInt(value.strip())).getString(),
                                false,
                                null);
                case "str" -> new SheetCell(value, false, null);
                case "b" -> new SheetCell("1".equals(value) ? "true" : "false", false, null);
                case "e" ->
                        new SheetCell(
                                "",
                                false,
                                "单元格 "
                                        + where
                                        + " 是错误值 "
                                        + value
                                        + "，请先在 Excel 中改正 (cell "
                                        + where
                                        + " holds the error "
                                        + value
                                        + ")");
                default -> number(where);
            };
        }

        private SheetCell number(String where) {
            BigDecimal exact;
            try {
                exact = new BigDecimal(value.strip());
            } catch (NumberFormatException notANumber) {
                return new SheetCell(
                        "",
                        false,
                        "单元格 "
                                + where
                                + " 不是数字："
                                + value
                                + " (cell "
                                + where
                                + " is not a number)");
            }
            if (isDateFormatted()) {
                try {
                    return new SheetCell(serialDate(exact).toString(), false, null);
                } catch (IllegalArgumentException notADate) {
                    return new SheetCell(
                            "",
                            false,
                            "单元格 "
                                    + where
                                    + " 不是有效的 Excel 日期："
                                    + value
                                    + " (cell "
                                    + where
                                    + " is not a valid Excel date)");
                }
            }
            return new SheetCell(plain(exact), true, null);
        }

        private boolean isDateFormatted() {
            if (cellStyle == null || styles == null) {
                return false;
            }
            XSSFCellStyle style = styles.getStyleAt(Integer.parseInt(cellStyle.strip()));
            return style != null
                    && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
        }
    }

    /** A number as Excel shows it: 15 significant digits, no exponent, no trailing zeros. */
    static String plain(BigDecimal exact) {
        BigDecimal shown = exact.precision() > 15 ? exact.round(new MathContext(15)) : exact;
        shown = shown.stripTrailingZeros();
        if (shown.scale() < 0) {
            shown = shown.setScale(0);
        }
        return shown.toPlainString();
    }

    /** An Excel serial date (days since 1900-01-00, with Excel's 1900 leap day) as a date. */
    static LocalDate serialDate(BigDecimal serial) {
        double days = serial.doubleValue();
        if (!DateUtil.isValidExcelDate(days) || days < 1 || days > 2_958_465) {
            throw new IllegalArgumentException("not an Excel date: " + serial);
        }
        return DateUtil.getLocalDateTime(days).toLocalDate();
    }

    static boolean isWorkbookName(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }
}
