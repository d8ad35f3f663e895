package ledger.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import ledger.core.account.AccountCommand;
import ledger.core.account.AccountKey;
import ledger.core.account.AppropriateFunds;
import ledger.core.account.Entry;
import ledger.core.account.FiscalYear;
import ledger.core.account.PayTransfer;
import ledger.core.account.ProjectCode;
import ledger.core.account.RecordExpenditure;
import ledger.core.account.RecordOpeningBalance;
import ledger.core.account.ReduceBudget;
import ledger.core.account.SetInitialBudget;
import ledger.core.account.Spending;
import ledger.core.account.SupplementBudget;
import ledger.core.account.Text;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.ProcurementType;
import ledger.core.journal.JournalProblem;
import ledger.core.journal.JournalProblemList;
import ledger.core.journal.JournalRow;
import ledger.core.money.Money;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a journal file (DOMAIN.md "The journal") into rows, checking every field it can without
 * the ledger's state: formats, codes against the catalog, which columns each kind needs. It never
 * stops at the first problem: a clerk fixing a file wants every bad row at once.
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
    public JournalReader() {
    }

    /** Reads UTF-8 bytes (an optional BOM is skipped); invalid UTF-8 is a problem, not a guess. */
    public JournalParse read(InputStream in) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        return read(reader);
    }

    public JournalParse read(Reader source) {
        Shared shared = new Shared();
        List<JournalRow> rows = new ArrayList<>();
        JournalProblemList problems = new JournalProblemList();
        BufferedReader reader = new BufferedReader(source, 1 << 16);
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').setIgnoreEmptyLines(true)
                    .setAllowMissingColumnNames(true).setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                    .get();
            LineIndexReader lines = new LineIndexReader(reader);
            try (CSVParser parser = CSVParser.parse(lines, format)) {
                Map<JournalColumn, Integer> columns = readHeader(parser.getHeaderNames(), problems);
                if (!problems.isEmpty()) {
                    return new JournalParse(rows, problems.problems());
                }
                int headerSize = parser.getHeaderNames().size();
                Iterator<CSVRecord> records = parser.iterator();
                try {
                    while (records.hasNext()) {
                        CSVRecord record = records.next();
                        int line = lines.recordLineOf(record.getCharacterPosition());
                        if (rows.size() + problems.rowsRefused() >= MAX_ROWS) {
                            problems.add(new JournalProblem(line, "",
                                    "the file has more than " + MAX_ROWS + " rows; split it"));
                            break;
                        }
                        readRow(record, line, headerSize, columns, rows, problems, shared);
                    }
                } catch (UncheckedIOException | IllegalStateException broken) {
                    problems.add(new JournalProblem(lines.lineOf(Long.MAX_VALUE), "",
                            describe(broken)));
                }
            }
        } catch (CharacterCodingException notUtf8) {
            problems.add(new JournalProblem(rows.size() + 2, "",
                    "the file is not valid UTF-8 text (save it as UTF-8 CSV)"));
        } catch (IOException | UncheckedIOException | IllegalArgumentException broken) {
            problems.add(new JournalProblem(1, "", describe(broken)));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new JournalProblem(1, "", "the file has no transactions"));
        }
        return new JournalParse(rows, problems.problems());
    }

    private static String describe(Exception broken) {
        Throwable cause = broken;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CharacterCodingException) {
            return "the file is not valid UTF-8 text (save it as UTF-8 CSV)";
        }
        return "the file is not well-formed CSV: " + cause.getMessage();
    }

    private Map<JournalColumn, Integer> readHeader(List<String> names, JournalProblemList problems) {
        Map<JournalColumn, Integer> columns = new EnumMap<>(JournalColumn.class);
        if (names.isEmpty()) {
            problems.add(new JournalProblem(1, "", "the file is empty: a header row naming the columns is needed"));
            return columns;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i);
            var column = JournalColumn.byName(name);
            if (column.isEmpty()) {
                problems.add(new JournalProblem(1, name.isBlank() ? "#" + (i + 1) : name,
                        name.isBlank() ? "the header has an empty column name" : "unknown column '" + name + "'"));
            } else if (columns.putIfAbsent(column.get(), i) != null) {
                problems.add(new JournalProblem(1, name, "column " + column.get().english() + " appears twice"));
            }
        }
        for (JournalColumn required : REQUIRED_HEADERS) {
            if (!columns.containsKey(required)) {
                problems.add(new JournalProblem(1, required.english(), "required column is missing"));
            }
        }
        return columns;
    }

    private void readRow(CSVRecord record, int line, int headerSize, Map<JournalColumn, Integer> columns,
                         List<JournalRow> rows, JournalProblemList problems, Shared shared) {
        if (record.size() != headerSize) {
            problems.add(new JournalProblem(line, "", "the row has " + record.size() + " fields but the header has "
                    + headerSize));
            return;
        }
        RowReader row = new RowReader(line, column -> {
            Integer index = columns.get(column);
            return index == null ? null : record.get(index);
        }, shared);
        JournalRow parsed = row.parse();
        if (parsed != null) {
            rows.add(parsed);
        }
        row.problems.forEach(problems::add);
    }

    /**
     * Reads one transaction given as named fields (an HTTP request, a form), with exactly the
     * checks a journal row gets. Absent and empty fields are the same.
     */
    public JournalParse readFields(Map<JournalColumn, String> fields) {
        RowReader reader = new RowReader(0, fields::get, new Shared());
        JournalRow row = reader.parse();
        return new JournalParse(row == null ? List.of() : List.of(row), reader.problems);
    }

    /** Reads one row's fields, noting a problem per bad column. */
    private final class RowReader {
        private final int line;
        private final Function<JournalColumn, String> fields;
        /** This row's own: whether the row is bad must not depend on how many problems the file has listed. */
        private final List<JournalProblem> problems = new ArrayList<>(0);
        private final Shared shared;

        RowReader(int line, Function<JournalColumn, String> fields, Shared shared) {
            this.line = line;
            this.fields = fields;
            this.shared = shared;
        }

        JournalRow parse() {
            TransactionId id = required(JournalColumn.ID, TransactionId::of);
            LocalDate date = required(JournalColumn.DATE, d -> shared.parsed(shared.dates, d, JournalReader::parseDate));
            TransactionKind kind = required(JournalColumn.KIND, TransactionKind::parseJournalKind);
            UnitCode unit = required(JournalColumn.UNIT, u -> shared.parsed(shared.units, u, UnitCode::of));
            String voucher = optional(JournalColumn.VOUCHER, v -> Text.clean("voucher", v, Text.VOUCHER_MAX));
            String memo = optional(JournalColumn.MEMO, m -> shared.one(Text.clean("memo", m, Text.MEMO_MAX)));
            String unitName = optional(JournalColumn.UNIT_NAME,
                    n -> shared.one(Text.clean("unit_name", n, Text.NAME_MAX)));
            String projectName = optional(JournalColumn.PROJECT_NAME,
                    n -> shared.one(Text.clean("project_name", n, Text.NAME_MAX)));
            if (kind == null) {
                return null;
            }
            if (kind == TransactionKind.REVERSAL) {
                return parseReversal(id, date, unit, voucher, memo, unitName);
            }
            FundSource fund = required(JournalColumn.FUND, FundSource::parse);
            FunctionalCode functional = required(JournalColumn.FUNCTIONAL,
                    c -> shared.parsed(shared.functionals, c, JournalReader::xiang));
            EconomicCode economic = required(JournalColumn.ECONOMIC,
                    c -> shared.parsed(shared.economics, c, JournalReader::kuan));
            Money amount = required(JournalColumn.AMOUNT, JournalReader::parseAmount);
            String indicator = optional(JournalColumn.INDICATOR,
                    n -> shared.one(Text.clean("indicator", n, Text.INDICATOR_MAX)));
            if (kind != TransactionKind.BUDGET) {
                forbid(JournalColumn.INDICATOR, "only a budget (年初预算) row names its 指标 (指标文号)");
            }
            Spending spending = kind == TransactionKind.EXPENDITURE ? spending() : null;
            ExpenditureNature transferNature = null;
            UnitCode toUnit = null;
            if (kind == TransactionKind.TRANSFER) {
                transferNature = required(JournalColumn.NATURE, JournalReader::transferNature);
                toUnit = required(JournalColumn.TO_UNIT, u -> shared.parsed(shared.units, u, UnitCode::of));
                forbid(JournalColumn.PROJECT, "a transfer between units names no project");
                forbid(JournalColumn.PROCUREMENT, "a transfer between units is not a government purchase");
                forbid(JournalColumn.SME, "a transfer between units is not a government purchase");
            } else {
                forbid(JournalColumn.TO_UNIT, "only a transfer (kind transfer) names the unit it goes to");
            }
            if (kind != TransactionKind.EXPENDITURE && kind != TransactionKind.TRANSFER) {
                forbid(JournalColumn.NATURE, "only an expenditure has a nature");
                forbid(JournalColumn.PROJECT, "only a project expenditure names a project");
                forbid(JournalColumn.PROCUREMENT, "only an expenditure can be a government purchase");
                forbid(JournalColumn.SME, "only an expenditure can be a government purchase");
            }
            if (!problems.isEmpty()) {
                return null;
            }
            Entry entry = new Entry(id, date, voucher, memo);
            AccountKey account;
            try {
                account = shared.one(new AccountKey(FiscalYear.of(date), unit, fund, functional, economic));
            } catch (IllegalArgumentException notAPostingLevel) {
                String column = notAPostingLevel.getMessage().startsWith("functional")
                        ? JournalColumn.FUNCTIONAL.english() : JournalColumn.ECONOMIC.english();
                problems.add(new JournalProblem(line, column, notAPostingLevel.getMessage()));
                return null;
            }
            AccountCommand command = switch (kind) {
                case BUDGET -> new SetInitialBudget(account, entry, amount, indicator);
                case SUPPLEMENT -> new SupplementBudget(account, entry, amount);
                case REDUCE -> new ReduceBudget(account, entry, amount);
                case APPROPRIATION -> new AppropriateFunds(account, entry, amount);
                case EXPENDITURE -> new RecordExpenditure(account, entry, amount, spending);
                case OPENING -> new RecordOpeningBalance(account, entry, amount);
                case TRANSFER -> new PayTransfer(account, entry, amount, transferNature, toUnit);
                default -> throw new IllegalStateException("not a posting kind: " + kind);
            };
            ProjectCode project = spending == null ? null : spending.project();
            AccountCommand counterpart = command instanceof PayTransfer transfer ? transfer.receiverLeg() : null;
            return new JournalRow(line, kind, unit, entry, command, null, unitName, project, projectName, counterpart);
        }

        private JournalRow parseReversal(TransactionId id, LocalDate date, UnitCode unit, String voucher,
                                         String memo, String unitName) {
            TransactionId reverses = required(JournalColumn.REVERSES, TransactionId::of);
            for (JournalColumn moneyColumn : List.of(JournalColumn.FUND, JournalColumn.FUNCTIONAL,
                    JournalColumn.ECONOMIC, JournalColumn.AMOUNT, JournalColumn.NATURE, JournalColumn.PROJECT,
                    JournalColumn.PROCUREMENT, JournalColumn.SME, JournalColumn.INDICATOR)) {
                forbid(moneyColumn, "a reversal undoes the whole transaction it names; leave "
                        + moneyColumn.english() + " empty");
            }
            if (!problems.isEmpty()) {
                return null;
            }
            Entry entry = new Entry(id, date, voucher, memo);
            return new JournalRow(line, TransactionKind.REVERSAL, unit, entry, null, reverses, unitName, null, null);
        }

        private Spending spending() {
            ExpenditureNature nature = required(JournalColumn.NATURE, ExpenditureNature::parse);
            ProjectCode project = optional(JournalColumn.PROJECT, p -> shared.parsed(shared.projects, p, ProjectCode::of));
            ProcurementType procurement = optional(JournalColumn.PROCUREMENT, ProcurementType::parse);
            Boolean sme = optional(JournalColumn.SME, JournalReader::parseBoolean);
            if (nature == null) {
                return null;
            }
            try {
                return shared.one(new Spending(nature, project, procurement, sme));
            } catch (IllegalArgumentException inconsistent) {
                String column = inconsistent.getMessage().startsWith("sme") ? JournalColumn.SME.english()
                        : JournalColumn.PROJECT.english();
                problems.add(new JournalProblem(line, column, inconsistent.getMessage()));
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
                problems.add(new JournalProblem(line, column.english(), column.english() + " is required"));
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
            } catch (IllegalArgumentException | ArithmeticException bad) {
                problems.add(new JournalProblem(line, column.english(), bad.getMessage()));
                return null;
            }
        }

        private void forbid(JournalColumn column, String reason) {
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
            throw new IllegalArgumentException("a transfer's nature is subsidy (对附属单位补助支出, to a direct"
                    + " subordinate) or remit (上缴上级支出, to the direct parent), not " + nature.code());
        }
        return nature;
    }

    /** Postings are made at 项: a 类 or 款 code would hide where the money went. */
    static FunctionalCode xiang(String text) {
        FunctionalCode code = FunctionalCode.of(text);
        if (!code.isXiang()) {
            throw new IllegalArgumentException("functional code of a posting must be a 项 (7 digits), not the "
                    + code.level().chinese() + " " + code);
        }
        return code;
    }

    /** Postings are made at 款. */
    static EconomicCode kuan(String text) {
        EconomicCode code = EconomicCode.of(text);
        if (!code.isKuan()) {
            throw new IllegalArgumentException("economic code of a posting must be a 款 (5 digits), not the "
                    + code.level().chinese() + " " + code);
        }
        return code;
    }

    static LocalDate parseDate(String text) {
        try {
            LocalDate date = LocalDate.parse(text);
            FiscalYear.of(date);
            return date;
        } catch (DateTimeParseException notADate) {
            throw new IllegalArgumentException("date must be a real date written yyyy-mm-dd: " + text);
        }
    }

    static Money parseAmount(String text) {
        Money amount = Money.parseYuan(text);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive, got " + text);
        }
        return amount;
    }

    static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "是" -> Boolean.TRUE;
            case "false", "否" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("sme must be true or false, got " + text);
        };
    }
}
