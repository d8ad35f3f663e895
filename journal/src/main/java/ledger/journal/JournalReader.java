package ledger.journal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ledger.core.account.AccountCommand;
import ledger.core.account.AccountKey;
import ledger.core.account.CommandFields;
import ledger.core.account.Entry;
import ledger.core.account.FiscalYear;
import ledger.core.account.PayTransfer;
import ledger.core.account.ProjectCode;
import ledger.core.account.Spending;
import ledger.core.account.Text;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.core.classification.ProcurementType;
import ledger.core.journal.JournalProblem;
import ledger.core.journal.JournalProblemList;
import ledger.core.journal.JournalRow;
import ledger.core.money.Money;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a journal file (DOMAIN.md "The journal") into rows, checking every field it can without the
 * ledger's state: formats, codes against the catalog, which columns each kind needs. It never stops
 * at the first problem: a clerk fixing a file wants every bad row at once.
 */
public final class JournalReader {

    /** A district's year is about a million rows; twice that is refused rather than risked. */
    public static final int MAX_ROWS = 2_000_000;

    private static final Set<JournalColumn> REQUIRED_HEADERS =
            Set.of(JournalColumn.ID, JournalColumn.DATE, JournalColumn.KIND, JournalColumn.UNIT);

    /**
     * Reads the format only: whether a well-formed code is in its year's 科目表 is decided where every
     * other path decides it, by the account rules against {@code LedgerRegistry.catalog(year)}.
     */
    public JournalReader() {}

    /** What to read beyond the file itself: which sheet of a workbook, and how its columns map. */
    public record Options(String sheet, JournalMapping mapping) {
        public static final Options DEFAULT = new Options(null, JournalMapping.none());

        public Options {
            mapping = mapping == null ? JournalMapping.none() : mapping;
        }
    }

    /**
     * Reads a journal: CSV text (UTF-8 or GB18030/GBK, detected) or an xlsx workbook (its first
     * sheet).
     */
    public JournalParse read(InputStream in) {
        return read(in, Options.DEFAULT);
    }

    /**
     * Reads a journal, deciding its kind from its first bytes: a zip is an xlsx workbook (copied to
     * a private temporary file, since a zip is read from its end), an OLE2 container is an
     * encrypted workbook or an old .xls, anything else CSV text.
     */
    public JournalParse read(InputStream in, Options options) {
        return read(in, options, null);
    }

    /**
     * As {@link #read(InputStream, Options)}, handing each well-formed row to {@code each} in file
     * order as it is read instead of keeping it: the parse then lists no rows, so a file of any
     * length is read in a small heap. Null keeps them.
     */
    public JournalParse read(InputStream in, Options options, Consumer<JournalRow> each) {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        byte[] magic;
        try {
            buffered.mark(8);
            magic = buffered.readNBytes(8);
            buffered.reset();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        if (startsWith(magic, ZIP)) {
            Path copy = null;
            try {
                copy =
                        Files.createTempFile(
                                "journal-",
                                ".xlsx",
                                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                        java.nio.file.attribute.PosixFilePermissions.fromString(
                                                "rw-------")));
                Files.copy(buffered, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return readWorkbook(copy, options, each);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            } finally {
                if (copy != null) {
                    try {
                        Files.deleteIfExists(copy);
                    } catch (IOException ignored) {
                        // A temporary file left behind is removed with the temporary directory.
                    }
                }
            }
        }
        if (startsWith(magic, OLE2)) {
            return refusedWhole(SheetRows.encrypted(null).getMessage(), "");
        }
        if (options.sheet() != null) {
            return new JournalParse(
                    List.of(),
                    List.of(new JournalProblem(1, "", Reason.of("journal.sheetOfCsv"))),
                    "");
        }
        return readText(buffered, options.mapping(), each);
    }

    /**
     * Reads a journal file: an xlsx workbook in place, anything else as {@link #read(InputStream,
     * Options)}.
     */
    public JournalParse read(Path file, Options options) throws IOException {
        return read(file, options, null);
    }

    /**
     * As {@link #read(Path, Options)}, handing each well-formed row to {@code each} as it is read
     * instead of keeping it (see {@link #read(InputStream, Options, Consumer)}).
     */
    public JournalParse read(Path file, Options options, Consumer<JournalRow> each)
            throws IOException {
        if (isWorkbook(file)) {
            return readWorkbook(file, options, each);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, options, each);
        }
    }

    /**
     * Whether {@code file} is a workbook (a zip), which is read in place rather than as a stream.
     */
    public static boolean isWorkbook(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return startsWith(in.readNBytes(8), ZIP);
        }
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length
                && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }

    private static JournalParse refusedWhole(String reason, String readAs) {
        return new JournalParse(List.of(), List.of(new JournalProblem(1, "", reason)), readAs);
    }

    /** Reads text already decoded: no encoding to detect. */
    public JournalParse read(Reader source) {
        return readText(source, JournalMapping.none(), null, null);
    }

    private JournalParse readText(
            InputStream in, JournalMapping mapping, Consumer<JournalRow> each) {
        DetectingDecoder decoder = new DetectingDecoder(in);
        return readText(decoder, mapping, decoder, each);
    }

    private JournalParse readText(
            Reader source,
            JournalMapping mapping,
            DetectingDecoder decoder,
            Consumer<JournalRow> each) {
        Table table = new Table(mapping, each);
        BufferedReader reader = new BufferedReader(source, 1 << 16);
        LineIndexReader lines = new LineIndexReader(reader);
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CSVFormat format =
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .setCommentMarker('#')
                            .setIgnoreEmptyLines(true)
                            .setAllowMissingColumnNames(true)
                            .setDuplicateHeaderMode(
                                    org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                            .get();
            try (CSVParser parser = CSVParser.parse(lines, format)) {
                if (table.header(1, parser.getHeaderNames())) {
                    int headerSize = parser.getHeaderNames().size();
                    Iterator<CSVRecord> records = parser.iterator();
                    try {
                        while (records.hasNext()) {
                            CSVRecord record = records.next();
                            int line = lines.recordLineOf(record.getCharacterPosition());
                            if (record.size() != headerSize) {
                                table.problems.add(
                                        new JournalProblem(
                                                line,
                                                "",
                                                Reason.of(
                                                        "journal.fieldCount",
                                                        record.size(),
                                                        headerSize)));
                                continue;
                            }
                            if (!table.row(line, record.toList(), null)) {
                                break;
                            }
                        }
                    } catch (UncheckedIOException | IllegalStateException broken) {
                        table.problems.add(
                                new JournalProblem(
                                        lines.lineOf(Long.MAX_VALUE),
                                        "",
                                        describe(broken, decoder)));
                    }
                }
            }
        } catch (CharacterCodingException notText) {
            table.problems.add(
                    new JournalProblem(lines.lineOf(Long.MAX_VALUE), "", undetectable(decoder)));
        } catch (IOException | UncheckedIOException | IllegalArgumentException broken) {
            table.problems.add(
                    new JournalProblem(
                            Math.max(1, lines.lineOf(Long.MAX_VALUE)),
                            "",
                            describe(broken, decoder)));
        }
        return table.result(decoder == null ? "" : encodingName(decoder));
    }

    private static String encodingName(DetectingDecoder decoder) {
        if (!decoder.decided()) {
            return "UTF-8";
        }
        return decoder.charset().equals(DetectingDecoder.GB18030) ? "GB18030 (GBK)" : "UTF-8";
    }

    private static String undetectable(DetectingDecoder decoder) {
        Object read =
                decoder == null || !decoder.decided()
                        ? ""
                        : Reason.of("journal.readSoFarAs", encodingName(decoder));
        return Reason.of("journal.undetectable", read).chinese();
    }

    /** Rows above a workbook's header that name no column: titles. */
    private static final int MAX_TITLE_ROWS = 10;

    private JournalParse readWorkbook(Path file, Options options, Consumer<JournalRow> each) {
        Table table = new Table(options.mapping(), each);
        var titles =
                new Object() {
                    int rows;
                    int firstLine;
                    List<String> first;
                };
        String sheet;
        try {
            sheet =
                    SheetRows.read(
                            file,
                            options.sheet(),
                            (line, cells) -> {
                                if (cells.stream()
                                        .allMatch(
                                                cell ->
                                                        cell.text().isBlank()
                                                                && cell.problem() == null)) {
                                    return true;
                                }
                                if (!table.headerRead) {
                                    List<String> names =
                                            new ArrayList<>(
                                                    cells.stream()
                                                            .map(c -> c.text().strip())
                                                            .toList());
                                    while (!names.isEmpty()
                                            && names.get(names.size() - 1).isEmpty()) {
                                        names.remove(names.size() - 1);
                                    }
                                    // A title row or two above the header (单位, 期间) is usual in a
                                    // workbook.
                                    if (!table.namesAColumn(names)
                                            && ++titles.rows <= MAX_TITLE_ROWS) {
                                        if (titles.first == null) {
                                            titles.first = names;
                                            titles.firstLine = line;
                                        }
                                        return true;
                                    }
                                    if (!table.namesAColumn(names) && titles.first != null) {
                                        return table.header(titles.firstLine, titles.first);
                                    }
                                    return table.header(line, names);
                                }
                                List<String> texts = new ArrayList<>(cells.size());
                                cells.forEach(cell -> texts.add(cell.text()));
                                return table.row(line, texts, cells);
                            });
        } catch (SheetRows.UnreadableWorkbook unreadable) {
            return refusedWhole(unreadable.getMessage(), "xlsx");
        }
        if (!table.headerRead && titles.first != null) {
            table.header(titles.firstLine, titles.first);
        }
        return table.result("xlsx 工作表「" + sheet + "」");
    }

    private static String describe(Exception broken, DetectingDecoder decoder) {
        Throwable cause = broken;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CharacterCodingException) {
            return undetectable(decoder);
        }
        return Reason.of("journal.notCsv", cause.getMessage()).chinese();
    }

    /**
     * The rows of one file, CSV or sheet alike: the header decides where each of our columns comes
     * from (the file's own names, or the mapping's), and each row is read through that plan.
     */
    private final class Table {
        private final JournalMapping mapping;
        private final Shared shared = new Shared();
        private final List<JournalRow> rows = new ArrayList<>();
        private final Consumer<JournalRow> each;
        private int taken;
        private final JournalProblemList problems = new JournalProblemList();
        private final Map<JournalColumn, Integer> direct = new EnumMap<>(JournalColumn.class);
        private final Map<JournalColumn, List<int[]>> mapped = new EnumMap<>(JournalColumn.class);
        private final Map<JournalColumn, String> constants = new EnumMap<>(JournalColumn.class);
        private List<String> headerNames = List.of();
        private boolean headerRead;

        /**
         * @param each takes the well-formed rows as they are read; null keeps them in {@code rows}
         */
        Table(JournalMapping mapping, Consumer<JournalRow> each) {
            this.mapping = mapping;
            this.each = each;
        }

        boolean namesAColumn(List<String> names) {
            Map<String, JournalColumn> theirs = mapping.theirColumns();
            return names.stream()
                    .anyMatch(
                            name ->
                                    theirs.containsKey(name)
                                            || JournalColumn.byName(name).isPresent());
        }

        boolean header(int line, List<String> names) {
            headerRead = true;
            headerNames = names;
            if (names.isEmpty()) {
                problems.add(new JournalProblem(line, "", Reason.of("journal.empty")));
                return false;
            }
            Map<String, JournalColumn> theirs = mapping.theirColumns();
            Map<String, Integer> positions = new java.util.HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i) == null ? "" : names.get(i).strip();
                positions.putIfAbsent(name, i);
                if (theirs.containsKey(name)) {
                    continue;
                }
                var column = JournalColumn.byName(name);
                if (column.isEmpty()) {
                    if (name.isBlank()) {
                        problems.add(
                                new JournalProblem(
                                        line,
                                        "#" + (i + 1),
                                        Reason.of("journal.headerBlank", i + 1)));
                    } else {
                        problems.add(
                                new JournalProblem(
                                        line,
                                        name,
                                        Reason.of(
                                                mapping.isEmpty()
                                                        ? "journal.unknownColumn"
                                                        : "journal.unknownColumnMapped",
                                                name,
                                                JournalColumn.names())));
                    }
                } else if (mapping.sources().containsKey(column.get())) {
                    problems.add(
                            new JournalProblem(
                                    line,
                                    name,
                                    Reason.of("journal.columnMapped", column.get().label())));
                } else if (direct.putIfAbsent(column.get(), i) != null) {
                    problems.add(
                            new JournalProblem(
                                    line,
                                    name,
                                    Reason.of("journal.columnTwice", column.get().label())));
                }
            }
            mapping.sources()
                    .forEach(
                            (column, source) -> {
                                if (source.constant() != null) {
                                    constants.put(column, source.constant());
                                    return;
                                }
                                List<int[]> alternatives = new ArrayList<>();
                                for (List<String> parts : source.alternatives()) {
                                    int[] indexes = new int[parts.size()];
                                    for (int p = 0; p < parts.size(); p++) {
                                        Integer index = positions.get(parts.get(p));
                                        if (index == null) {
                                            problems.add(
                                                    new JournalProblem(
                                                            line,
                                                            parts.get(p),
                                                            Reason.of(
                                                                    "journal.mappedColumnAbsent",
                                                                    parts.get(p))));
                                            index = -1;
                                        }
                                        indexes[p] = index;
                                    }
                                    alternatives.add(indexes);
                                }
                                mapped.put(column, alternatives);
                            });
            for (JournalColumn required : REQUIRED_HEADERS) {
                if (!direct.containsKey(required)
                        && !mapped.containsKey(required)
                        && !constants.containsKey(required)) {
                    problems.add(
                            new JournalProblem(
                                    line,
                                    required.english(),
                                    Reason.of("journal.columnMissing", required.label())));
                }
            }
            return problems.isEmpty();
        }

        /** Reads one data row; answers false when the file has more rows than are taken. */
        boolean row(int line, List<String> cells, List<SheetRows.SheetCell> typed) {
            if (taken + problems.rowsRefused() >= MAX_ROWS) {
                problems.add(
                        new JournalProblem(line, "", Reason.of("journal.tooManyRows", MAX_ROWS)));
                return false;
            }
            if (typed != null) {
                for (int i = headerNames.size(); i < typed.size(); i++) {
                    if (!typed.get(i).text().isBlank()) {
                        problems.add(
                                new JournalProblem(
                                        line, "", Reason.of("journal.beyondHeader", i + 1)));
                        return true;
                    }
                }
            }
            List<JournalProblem> cellProblems = new ArrayList<>(0);
            if (mapped.containsKey(JournalColumn.KIND) || direct.containsKey(JournalColumn.KIND)) {
                if (mapping.skips(rawField(JournalColumn.KIND, cells))) {
                    return true;
                }
            }
            RowReader row =
                    new RowReader(
                            line,
                            column -> field(line, column, cells, typed, cellProblems),
                            shared,
                            true);
            JournalRow parsed = row.parse();
            cellProblems.forEach(problems::add);
            if (parsed != null && cellProblems.isEmpty()) {
                taken++;
                if (each == null) {
                    rows.add(parsed);
                } else {
                    each.accept(parsed);
                }
            }
            // A cell already refused is not also "required".
            row.problems.stream()
                    .filter(
                            p ->
                                    cellProblems.stream()
                                            .noneMatch(c -> c.column().equals(p.column())))
                    .forEach(problems::add);
            return true;
        }

        private String field(
                int line,
                JournalColumn column,
                List<String> cells,
                List<SheetRows.SheetCell> typed,
                List<JournalProblem> cellProblems) {
            String constant = constants.get(column);
            if (constant != null) {
                return constant;
            }
            Integer index = direct.get(column);
            String value;
            if (index != null) {
                value = cell(line, column, index, cells, typed, cellProblems);
            } else {
                List<int[]> alternatives = mapped.get(column);
                if (alternatives == null) {
                    return null;
                }
                value = null;
                for (int[] parts : alternatives) {
                    StringBuilder joined = new StringBuilder();
                    for (int part : parts) {
                        String text = cell(line, column, part, cells, typed, cellProblems);
                        if (text != null && !text.isBlank()) {
                            joined.append(joined.isEmpty() ? "" : "-").append(text.strip());
                        }
                    }
                    String candidate = joined.toString();
                    if (candidate.isEmpty() || (alternatives.size() > 1 && isZero(candidate))) {
                        continue;
                    }
                    if (value != null) {
                        cellProblems.add(
                                new JournalProblem(
                                        line,
                                        column.english(),
                                        "映射到 "
                                                + column.label()
                                                + " 的几列同时有值（"
                                                + value
                                                + "、"
                                                + candidate
                                                + "），无法确定取哪一个"
                                                + " (several mapped columns are filled)"));
                        return null;
                    }
                    value = candidate;
                }
            }
            return value == null ? null : mapping.value(column, value.strip());
        }

        /** The kind as the file has it, before the mapping turns it into ours. */
        private String rawField(JournalColumn column, List<String> cells) {
            Integer index = direct.get(column);
            if (index == null) {
                List<int[]> alternatives = mapped.get(column);
                index =
                        alternatives.isEmpty() || alternatives.get(0).length != 1
                                ? -1
                                : alternatives.get(0)[0];
            }
            return index < 0 || index >= cells.size() ? null : cells.get(index);
        }

        private String cell(
                int line,
                JournalColumn column,
                int index,
                List<String> cells,
                List<SheetRows.SheetCell> typed,
                List<JournalProblem> cellProblems) {
            if (index < 0 || index >= cells.size()) {
                return null;
            }
            if (typed == null) {
                return cells.get(index);
            }
            SheetRows.SheetCell cell = typed.get(index);
            if (cell.problem() != null) {
                cellProblems.add(new JournalProblem(line, column.english(), cell.problem()));
                return null;
            }
            if (column == JournalColumn.DATE && cell.number()) {
                try {
                    return SheetRows.serialDate(new java.math.BigDecimal(cell.text())).toString();
                } catch (IllegalArgumentException notADate) {
                    cellProblems.add(
                            new JournalProblem(
                                    line,
                                    column.english(),
                                    Reason.of("journal.serialDate", cell.text())));
                    return null;
                }
            }
            return cell.text();
        }

        JournalParse result(String readAs) {
            if (taken == 0 && problems.isEmpty()) {
                problems.add(new JournalProblem(1, "", Reason.of("journal.noTransactions")));
            }
            return new JournalParse(rows, problems.problems(), readAs);
        }
    }

    private static boolean isZero(String amount) {
        return amount.matches("[¥￥]?0+(\\.0+)?");
    }

    /**
     * Reads one transaction given as named fields (an HTTP request, a form), with exactly the
     * checks a journal row gets. Absent and empty fields are the same.
     */
    public JournalParse readFields(Map<JournalColumn, String> fields) {
        RowReader reader = new RowReader(0, fields::get, new Shared(), false);
        JournalRow row = reader.parse();
        return new JournalParse(row == null ? List.of() : List.of(row), reader.problems);
    }

    /** Reads one row's fields, noting a problem per bad column. */
    private final class RowReader {
        private final int line;
        private final Function<JournalColumn, String> fields;

        /**
         * This row's own: whether the row is bad must not depend on how many problems the file has
         * listed.
         */
        private final List<JournalProblem> problems = new ArrayList<>(0);

        private final Shared shared;

        /**
         * A row of a file takes the date and amount forms clerks type (2020/3/5, "1,234.50", ¥); a
         * request of the API keeps its one documented form each (2020-03-05, "1234.50").
         */
        private final boolean fileRow;

        RowReader(
                int line, Function<JournalColumn, String> fields, Shared shared, boolean fileRow) {
            this.line = line;
            this.fields = fields;
            this.shared = shared;
            this.fileRow = fileRow;
        }

        JournalRow parse() {
            TransactionId id = required(JournalColumn.ID, TransactionId::of);
            LocalDate date =
                    required(
                            JournalColumn.DATE,
                            d ->
                                    shared.parsed(
                                            shared.dates,
                                            d,
                                            fileRow
                                                    ? JournalReader::parseDate
                                                    : JournalReader::parseIsoDate));
            TransactionKind kind = required(JournalColumn.KIND, TransactionKind::parseJournalKind);
            UnitCode unit =
                    required(JournalColumn.UNIT, u -> shared.parsed(shared.units, u, UnitCode::of));
            String voucher =
                    optional(
                            JournalColumn.VOUCHER, v -> Text.clean("voucher", v, Text.VOUCHER_MAX));
            String memo =
                    optional(
                            JournalColumn.MEMO,
                            m -> shared.one(Text.clean("memo", m, Text.MEMO_MAX)));
            String unitName =
                    optional(
                            JournalColumn.UNIT_NAME,
                            n -> shared.one(Text.clean("unit_name", n, Text.NAME_MAX)));
            String projectName =
                    optional(
                            JournalColumn.PROJECT_NAME,
                            n -> shared.one(Text.clean("project_name", n, Text.NAME_MAX)));
            if (kind == null) {
                return null;
            }
            TransactionKind.Shape shape = kind.shape();
            if (shape == TransactionKind.Shape.REVERSAL) {
                return parseReversal(id, date, unit, voucher, memo, unitName);
            }
            FundSource fund = required(JournalColumn.FUND, FundSource::parse);
            FunctionalCode functional =
                    required(
                            JournalColumn.FUNCTIONAL,
                            c -> shared.parsed(shared.functionals, c, JournalReader::xiang));
            EconomicCode economic =
                    required(
                            JournalColumn.ECONOMIC,
                            c -> shared.parsed(shared.economics, c, JournalReader::kuan));
            Money amount =
                    required(
                            JournalColumn.AMOUNT,
                            fileRow ? JournalReader::parseAmount : JournalReader::parsePlainAmount);
            String indicator =
                    optional(
                            JournalColumn.INDICATOR,
                            n -> shared.one(Text.clean("indicator", n, Text.INDICATOR_MAX)));
            if (shape != TransactionKind.Shape.INDICATOR) {
                forbid(JournalColumn.INDICATOR, Reason.of("field.forbidden.indicator"));
            }
            Spending spending = shape == TransactionKind.Shape.SPENDING ? spending() : null;
            ExpenditureNature transferNature = null;
            UnitCode toUnit = null;
            if (shape == TransactionKind.Shape.TRANSFER) {
                transferNature = required(JournalColumn.NATURE, JournalReader::transferNature);
                toUnit =
                        required(
                                JournalColumn.TO_UNIT,
                                u -> shared.parsed(shared.units, u, UnitCode::of));
                forbid(JournalColumn.PROJECT, Reason.of("field.forbidden.transfer.project"));
                forbid(
                        JournalColumn.PROCUREMENT,
                        Reason.of("field.forbidden.transfer.procurement"));
                forbid(JournalColumn.SME, Reason.of("field.forbidden.transfer.procurement"));
            } else {
                forbid(JournalColumn.TO_UNIT, Reason.of("field.forbidden.to_unit"));
            }
            if (shape != TransactionKind.Shape.SPENDING
                    && shape != TransactionKind.Shape.TRANSFER) {
                forbid(JournalColumn.NATURE, Reason.of("field.forbidden.nature"));
                forbid(JournalColumn.PROJECT, Reason.of("field.forbidden.project"));
                forbid(JournalColumn.PROCUREMENT, Reason.of("field.forbidden.procurement"));
                forbid(JournalColumn.SME, Reason.of("field.forbidden.procurement"));
            }
            if (!problems.isEmpty()) {
                return null;
            }
            Entry entry = new Entry(id, date, voucher, memo);
            AccountKey account;
            try {
                account =
                        shared.one(
                                new AccountKey(
                                        FiscalYear.of(date), unit, fund, functional, economic));
            } catch (IllegalArgumentException notAPostingLevel) {
                String column =
                        notAPostingLevel.getMessage().startsWith("functional")
                                ? JournalColumn.FUNCTIONAL.english()
                                : JournalColumn.ECONOMIC.english();
                problems.add(new JournalProblem(line, column, notAPostingLevel.getMessage()));
                return null;
            }
            AccountCommand command =
                    kind.command(
                            new CommandFields(
                                    account,
                                    entry,
                                    amount,
                                    indicator,
                                    spending,
                                    transferNature,
                                    toUnit));
            ProjectCode project = spending == null ? null : spending.project();
            AccountCommand counterpart =
                    command instanceof PayTransfer transfer ? transfer.receiverLeg() : null;
            return new JournalRow(
                    line,
                    kind,
                    unit,
                    entry,
                    command,
                    null,
                    unitName,
                    project,
                    projectName,
                    counterpart);
        }

        private JournalRow parseReversal(
                TransactionId id,
                LocalDate date,
                UnitCode unit,
                String voucher,
                String memo,
                String unitName) {
            TransactionId reverses = required(JournalColumn.REVERSES, TransactionId::of);
            for (JournalColumn moneyColumn :
                    List.of(
                            JournalColumn.FUND,
                            JournalColumn.FUNCTIONAL,
                            JournalColumn.ECONOMIC,
                            JournalColumn.AMOUNT,
                            JournalColumn.NATURE,
                            JournalColumn.PROJECT,
                            JournalColumn.PROCUREMENT,
                            JournalColumn.SME,
                            JournalColumn.INDICATOR)) {
                forbid(
                        moneyColumn,
                        Reason.of("field.forbidden.reversal", FieldName.of(moneyColumn.english())));
            }
            if (!problems.isEmpty()) {
                return null;
            }
            Entry entry = new Entry(id, date, voucher, memo);
            return new JournalRow(
                    line,
                    TransactionKind.REVERSAL,
                    unit,
                    entry,
                    null,
                    reverses,
                    unitName,
                    null,
                    null);
        }

        private Spending spending() {
            ExpenditureNature nature = required(JournalColumn.NATURE, ExpenditureNature::parse);
            ProjectCode project =
                    optional(
                            JournalColumn.PROJECT,
                            p -> shared.parsed(shared.projects, p, ProjectCode::of));
            ProcurementType procurement =
                    optional(JournalColumn.PROCUREMENT, ProcurementType::parse);
            Boolean sme = optional(JournalColumn.SME, JournalReader::parseBoolean);
            if (nature == null) {
                return null;
            }
            try {
                return shared.one(new Spending(nature, project, procurement, sme));
            } catch (IllegalArgumentException inconsistent) {
                boolean smeAtFault =
                        inconsistent instanceof Refusal refusal
                                && refusal.reason().code().equals("spending.smeWithoutProcurement");
                String column =
                        smeAtFault ? JournalColumn.SME.english() : JournalColumn.PROJECT.english();
                problems.add(
                        inconsistent instanceof Refusal refusal
                                ? new JournalProblem(line, column, refusal.reason())
                                : new JournalProblem(line, column, inconsistent.getMessage()));
                return null;
            }
        }

        private String raw(JournalColumn column) {
            String value = fields.apply(column);
            return value == null ? "" : value.strip();
        }

        private <T> T required(JournalColumn column, Function<String, T> parse) {
            String value = raw(column);
            if (value.isEmpty()) {
                problems.add(
                        new JournalProblem(
                                line,
                                column.english(),
                                Reason.of("field.required", FieldName.of(column.english()))));
                return null;
            }
            return parse(column, value, parse);
        }

        private <T> T optional(JournalColumn column, Function<String, T> parse) {
            String value = raw(column);
            return value.isEmpty() ? null : parse(column, value, parse);
        }

        private <T> T parse(JournalColumn column, String value, Function<String, T> parse) {
            try {
                return parse.apply(value);
            } catch (Refusal bad) {
                problems.add(new JournalProblem(line, column.english(), bad.reason()));
                return null;
            } catch (IllegalArgumentException | ArithmeticException bad) {
                problems.add(new JournalProblem(line, column.english(), bad.getMessage()));
                return null;
            }
        }

        private void forbid(JournalColumn column, Reason reason) {
            if (!raw(column).isEmpty()) {
                problems.add(new JournalProblem(line, column.english(), reason));
            }
        }
    }

    /**
     * One instance of each repeated value within a file (units, dates, codes, accounts, names,
     * memos): a million-row journal repeats a few thousand of them, and keeping one copy each is
     * what lets it be checked in a small heap. Only equal immutable values are shared; past a bound
     * new values are simply kept as they come, so a file of all-distinct memos costs no more than
     * before.
     */
    private static final class Shared {
        private static final int BOUND = 200_000;
        private final Map<Object, Object> values = new java.util.HashMap<>();
        final Map<String, Object> dates = new java.util.HashMap<>();
        final Map<String, Object> units = new java.util.HashMap<>();
        final Map<String, Object> functionals = new java.util.HashMap<>();
        final Map<String, Object> economics = new java.util.HashMap<>();
        final Map<String, Object> projects = new java.util.HashMap<>();

        @SuppressWarnings("unchecked")
        <T> T one(T value) {
            if (value == null) {
                return null;
            }
            Object known = values.get(value);
            if (known != null) {
                return (T) known;
            }
            if (values.size() < BOUND) {
                values.put(value, value);
            }
            return value;
        }

        /**
         * The value {@code parse} makes of {@code text}, parsed once per distinct text of a column
         * kind; a text that does not parse throws every time, so each bad row is still reported.
         */
        @SuppressWarnings("unchecked")
        <T> T parsed(Map<String, Object> parsed, String text, Function<String, T> parse) {
            Object known = parsed.get(text);
            if (known != null) {
                return (T) known;
            }
            T value = one(parse.apply(text));
            if (parsed.size() < BOUND) {
                parsed.put(text, value);
            }
            return value;
        }
    }

    /** A transfer is a subsidy down to a subordinate or a remittance up to the parent. */
    static ExpenditureNature transferNature(String text) {
        ExpenditureNature nature = ExpenditureNature.parse(text);
        if (nature != ExpenditureNature.SUBSIDY && nature != ExpenditureNature.REMIT) {
            throw new IllegalArgumentException(
                    "a transfer's nature is subsidy (对附属单位补助支出, to a direct"
                            + " subordinate) or remit (上缴上级支出, to the direct parent), not "
                            + nature.code());
        }
        return nature;
    }

    /** Postings are made at 项: a 类 or 款 code would hide where the money went. */
    static FunctionalCode xiang(String text) {
        FunctionalCode code = FunctionalCode.of(text);
        if (!code.isXiang()) {
            throw new Refusal(Reason.of("posting.xiang", code.level().chinese(), code));
        }
        return code;
    }

    /** Postings are made at 款. */
    static EconomicCode kuan(String text) {
        EconomicCode code = EconomicCode.of(text);
        if (!code.isKuan()) {
            throw new Refusal(Reason.of("posting.kuan", code.level().chinese(), code));
        }
        return code;
    }

    /**
     * yyyy-mm-dd, yyyy-m-d, yyyy/m/d and yyyy年m月d日: the year first, so month and day cannot be
     * swapped.
     */
    private static final Pattern DATE =
            Pattern.compile(
                    "(\\d{4})(?:-(\\d{1,2})-(\\d{1,2})|/(\\d{1,2})/(\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日)");

    /** A year last: 03/07/2020 is 3 July in one office and 7 March in another. */
    private static final Pattern YEAR_LAST = Pattern.compile("\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{1,4}");

    private static final String DATE_FORMS = "yyyy-mm-dd、yyyy-m-d、yyyy/m/d 或 yyyy年m月d日";

    static LocalDate parseDate(String text) {
        Matcher form = DATE.matcher(text);
        if (!form.matches()) {
            if (YEAR_LAST.matcher(text).matches()) {
                throw new IllegalArgumentException(
                        "日期「"
                                + text
                                + "」有歧义：年份在后时分不清是日/月还是月/日，请写作 "
                                + DATE_FORMS
                                + " (ambiguous date; write it yyyy-mm-dd)");
            }
            throw new IllegalArgumentException(
                    "日期「"
                            + abbreviate(text)
                            + "」应写作 "
                            + DATE_FORMS
                            + " (date must be a real date written yyyy-mm-dd)");
        }
        int year = Integer.parseInt(form.group(1));
        int month = 0;
        int day = 0;
        for (int g = 2; g <= 6; g += 2) {
            if (form.group(g) != null) {
                month = Integer.parseInt(form.group(g));
                day = Integer.parseInt(form.group(g + 1));
            }
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException notADate) {
            throw new IllegalArgumentException(
                    "日期「" + text + "」不是真实存在的日期 (date must be a real date written" + " yyyy-mm-dd)");
        }
        FiscalYear.of(date);
        return date;
    }

    /** The API's one date form, yyyy-mm-dd. */
    static LocalDate parseIsoDate(String text) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException(
                    "日期「"
                            + abbreviate(text)
                            + "」应写作 yyyy-mm-dd (date must be a real date"
                            + " written yyyy-mm-dd)");
        }
        return parseDate(text);
    }

    /** The API's one amount form: plain yuan, as a JSON string. */
    static Money parsePlainAmount(String text) {
        Money amount = Money.parseYuan(text);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException(
                    "金额必须大于零，而这里是 " + abbreviate(text) + " (amount must be positive)");
        }
        return amount;
    }

    /**
     * A positive yuan amount as clerks write it: {@code 1234.50}, {@code 1,234.50} (separators only
     * every three digits), an optional leading ¥ or ￥.
     */
    static Money parseAmount(String text) {
        String figure = text;
        if (figure.startsWith("¥") || figure.startsWith("￥")) {
            figure = figure.substring(1);
        }
        if (figure.indexOf(',') >= 0) {
            if (!GROUPED.matcher(figure).matches()) {
                throw new IllegalArgumentException(
                        "金额「"
                                + abbreviate(text)
                                + "」的千位分隔符位置不对，应每三位一个，"
                                + "如 1,234.50 (amount has misplaced thousands separators)");
            }
            figure = figure.replace(",", "");
        }
        Money amount = Money.parseYuan(figure);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException(
                    "金额必须大于零，而这里是 " + abbreviate(text) + " (amount must be positive)");
        }
        return amount;
    }

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "是" -> Boolean.TRUE;
            case "false", "否" -> Boolean.FALSE;
            default -> throw new Refusal(Reason.of("sme.boolean", text));
        };
    }
}
