package ledger.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.YearCloser;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * More than a hundred hostile journals: malformed CSV, wrong encodings, stray BOMs, enormous files
 * and fields, bad amounts, codes and dates, closed years, reused ids, reversal tricks and injection
 * strings in strictly formatted fields. Each is refused with a reason naming the exact line and
 * field at fault (the column, or none when the whole row or file is), and nothing is written: the
 * event count and the id register stay as they were.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileJournalIT {

    private static final String URL = TestDatabase.create("hostile");
    private static final String HEADER =
            "id,date,kind,unit,fund,functional,economic,nature,project,amount,voucher,"
                    + "memo,reverses,procurement,sme";

    /**
     * A valid row to vary: an expenditure of 1.00 from the sample's 2010302/30299 (opening
     * 103,000.00).
     */
    private static final String[] GOOD = {
        "H-1",
        "2020-12-30",
        "expenditure",
        "jianghan-gov-office",
        "general",
        "2010302",
        "30299",
        "project",
        "JH2020-P01",
        "1.00",
        "记-h",
        "ok",
        "",
        "",
        ""
    };

    private static final String[] COLUMNS = HEADER.split(",");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired JournalImport journalImport;
    @Autowired YearCloser closer;
    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    void aLedgerWithTheSampleAndAClosedYear() throws Exception {
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            journalImport.importJournal(in, "journal.csv", "hostile-it");
        }
        importText(
                HEADER
                        + "\nCL-1,2019-03-01,appropriation,closed-unit,other,2010301,30201,,,50.00,,,,,\n");
        closer.close(
                UnitCode.of("closed-unit"),
                FiscalYear.of(2019),
                LocalDate.of(2020, 1, 10),
                "approver");
    }

    @Test
    void theSuiteHasMoreThanAHundredCases() {
        assertThat(hostileJournals().count()).isGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileJournals")
    void isRefusedWithAReasonNamingTheLineAndFieldAndWritesNothing(
            String name, String lineAndColumn, byte[] file) {
        long events = count("domain_event_entry");
        long ids = count("ledger_transaction");
        assertThatThrownBy(
                        () ->
                                journalImport.importJournal(
                                        new ByteArrayInputStream(file), name, "attacker"))
                .isInstanceOfSatisfying(
                        JournalRefused.class,
                        refused -> {
                            assertThat(refused.problems())
                                    .extracting(problem -> problem.line() + ":" + problem.column())
                                    .as(refused.problems().toString())
                                    .contains(lineAndColumn);
                            assertThat(refused.problems())
                                    .allSatisfy(
                                            problem -> {
                                                assertThat(problem.reason()).isNotBlank();
                                                assertThat(problem.line()).isPositive();
                                            });
                        });
        assertThat(count("domain_event_entry")).isEqualTo(events);
        assertThat(count("ledger_transaction")).isEqualTo(ids);
    }

    @Test
    void injectionStringsInFreeTextAreStoredAsTextAndHarmNothing() {
        // Memo and voucher are free text: a hostile string is data, stored verbatim by
        // parameterized SQL.
        String attack = "'); DROP TABLE domain_event_entry; -- <script>alert(1)</script>";
        importText(
                HEADER
                        + "\n"
                        + row(
                                0,
                                "H-INJ-1",
                                10,
                                "\"" + attack.replace("\"", "\"\"") + "\"",
                                11,
                                "x"));
        assertThat(
                        jdbc.queryForObject(
                                "SELECT COUNT(*) FROM event_log WHERE payload #>> '{entry,voucher}' = ?",
                                Long.class,
                                attack))
                .isEqualTo(1);
        assertThat(count("domain_event_entry")).isPositive();
    }

    static Stream<Arguments> hostileJournals() {
        List<Arguments> cases = new ArrayList<>();
        // Malformed CSV.
        cases.add(text("empty file", "1:", ""));
        cases.add(text("header only", "1:", HEADER + "\n"));
        cases.add(text("only a BOM", "1:", "\uFEFF"));
        cases.add(text("only comments", "1:", "# nothing\n# here\n"));
        cases.add(
                text(
                        "unterminated quote",
                        "3:",
                        HEADER + "\nH-1,2020-12-30,expenditure,\"jianghan-gov-office\n"));
        cases.add(text("too few fields", "2:", HEADER + "\nH-1,2020-12-30,expenditure\n"));
        cases.add(
                text(
                        "too many fields",
                        "2:",
                        HEADER + "\n" + String.join(",", GOOD) + ",extra,fields\n"));
        cases.add(
                text(
                        "unknown column",
                        "1:colour",
                        HEADER + ",colour\n" + String.join(",", GOOD) + ",red\n"));
        cases.add(
                text(
                        "duplicate column",
                        "1:amount",
                        HEADER + ",amount\n" + String.join(",", GOOD) + ",1.00\n"));
        cases.add(
                text(
                        "empty column name",
                        "1:#16",
                        HEADER + ",\n" + String.join(",", GOOD) + ",\n"));
        cases.add(
                text(
                        "missing id column",
                        "1:id",
                        HEADER.replace("id,", "")
                                + "\n"
                                + String.join(",", List.of(GOOD).subList(1, GOOD.length))
                                + "\n"));
        cases.add(
                text(
                        "semicolon separated",
                        "1:kind",
                        HEADER.replace(',', ';') + "\n" + String.join(";", GOOD) + "\n"));
        cases.add(
                text(
                        "tab separated",
                        "1:kind",
                        HEADER.replace(',', '\t') + "\n" + String.join("\t", GOOD) + "\n"));
        cases.add(
                text(
                        "quote inside unquoted field",
                        "3:amount",
                        HEADER + "\n" + row(11, "a\"b\"c") + "\n" + row(0, "H-2", 9, "1.0.0")));
        cases.add(
                bytes(
                        "binary garbage",
                        "1:",
                        new byte[] {0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 10, 0, 0}));
        cases.add(text("NUL in a field", "2:memo", HEADER + "\n" + row(11, "memo\u0000x")));
        cases.add(text("header row repeated as data", "2:kind", HEADER + "\n" + HEADER + "\n"));
        // Encodings and BOMs.
        // GBK is read (issue 17); GBK cut inside a character is neither GBK nor UTF-8.
        cases.add(
                bytes(
                        "GBK cut mid-character",
                        "2:",
                        concat(
                                (HEADER + "\n" + row(11, ""))
                                        .trim()
                                        .getBytes(StandardCharsets.UTF_8),
                                concat(
                                        new byte[] {(byte) 0xb0},
                                        ",\n".getBytes(StandardCharsets.UTF_8)))));
        cases.add(
                bytes(
                        "GBK header, then a row not GBK",
                        "3:",
                        concat(
                                (HEADER.replace("memo", "摘要") + "\n" + row(0, "H-1") + "\n")
                                        .getBytes(Charset.forName("GBK")),
                                new byte[] {'H', '-', '2', (byte) 0xff, ',', '\n'})));
        cases.add(
                bytes(
                        "UTF-16 with BOM",
                        "1:",
                        (HEADER + "\n" + row(11, "办公")).getBytes(StandardCharsets.UTF_16)));
        cases.add(
                bytes(
                        "Latin-1 memo",
                        "2:",
                        (HEADER + "\n" + row(11, "café")).getBytes(StandardCharsets.ISO_8859_1)));
        // The row's 记 decided UTF-8; c0 af after it is no UTF-8: the line is named.
        cases.add(
                bytes(
                        "overlong UTF-8",
                        "2:",
                        concat(
                                (HEADER + "\n" + row(11, ""))
                                        .trim()
                                        .getBytes(StandardCharsets.UTF_8),
                                new byte[] {(byte) 0xc0, (byte) 0xaf, '\n'})));
        cases.add(
                bytes(
                        "lone surrogate bytes",
                        "2:",
                        concat(
                                (HEADER + "\n" + row(11, ""))
                                        .trim()
                                        .getBytes(StandardCharsets.UTF_8),
                                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80, '\n'})));
        cases.add(text("double BOM", "1:id", "\uFEFF\uFEFF" + HEADER + "\n" + row(0, "H-1")));
        cases.add(text("BOM inside a field", "2:memo", HEADER + "\n" + row(11, "\uFEFFmemo")));
        cases.add(text("BOM before a row", "2:id", HEADER + "\n\uFEFF" + row(0, "H-1")));
        cases.add(text("replacement character", "2:voucher", HEADER + "\n" + row(10, "记\uFFFD")));
        cases.add(
                text(
                        "escape sequence in memo",
                        "2:memo",
                        HEADER + "\n" + row(11, "\u001b[31mred")));
        // Enormous fields and rows.
        cases.add(
                text(
                        "memo of 100,000 characters",
                        "2:memo",
                        HEADER + "\n" + row(11, "长".repeat(100_000))));
        cases.add(
                text(
                        "voucher of 65 characters",
                        "2:voucher",
                        HEADER + "\n" + row(10, "V".repeat(65))));
        cases.add(text("id of 65 characters", "2:id", HEADER + "\n" + row(0, "I".repeat(65))));
        cases.add(text("unit of 65 characters", "2:unit", HEADER + "\n" + row(3, "u".repeat(65))));
        cases.add(
                text(
                        "project of 65 characters",
                        "2:project",
                        HEADER + "\n" + row(8, "P".repeat(65))));
        cases.add(
                text(
                        "a million-digit amount",
                        "2:amount",
                        HEADER + "\n" + row(9, "9".repeat(1_000_000))));
        cases.add(
                text(
                        "10,000 columns",
                        "2:",
                        HEADER + "\n" + String.join(",", GOOD) + ",x".repeat(10_000) + "\n"));
        cases.add(text("many rows, the last one bad", "20002:amount", manyRowsLastBad()));
        // Amounts.
        for (String amount :
                new String[] {
                    "-1.00",
                    "0",
                    "0.00",
                    "0.001",
                    "1.234",
                    "1e5",
                    "1E5",
                    "1,00.00",
                    "1.000,00",
                    "¥-1",
                    "¥¥1",
                    "¥ 1",
                    "1,000.001",
                    "1 000",
                    "+5",
                    "NaN",
                    "Infinity",
                    "0x10",
                    "",
                    " ",
                    "5.",
                    ".5",
                    "１００",
                    "99999999999999999999",
                    "92233720368547758.07",
                    "--1",
                    "1-",
                    "١٠",
                    "1/2",
                    "1.00.00",
                    "null",
                    "true"
                }) {
            cases.add(
                    text(
                            "amount " + (amount.isBlank() ? "blank" : amount),
                            "2:amount",
                            HEADER + "\n" + row(9, amount)));
        }
        // Codes and words.
        for (String functional :
                new String[] {
                    "201030",
                    "20103011",
                    "20103A1",
                    "201",
                    "20103",
                    "2019998",
                    "1010301",
                    "",
                    "201-03-01",
                    "' OR 1=1 --"
                }) {
            cases.add(
                    text(
                            "functional " + functional,
                            "2:functional",
                            HEADER + "\n" + row(5, functional)));
        }
        // Surrounding blanks are trimmed, so this is 2010301: the row is refused because that
        // account of 30299 has no funds, on the amount, never taken as some other code.
        cases.add(text("functional 2010301 ", "2:amount", HEADER + "\n" + row(5, "2010301 ")));
        for (String economic :
                new String[] {
                    "3020",
                    "302",
                    "30998",
                    "3O201",
                    "40201",
                    "",
                    "302011",
                    "30201; DELETE FROM posting"
                }) {
            cases.add(text("economic " + economic, "2:economic", HEADER + "\n" + row(6, economic)));
        }
        cases.add(text("fund unknown", "2:fund", HEADER + "\n" + row(4, "lottery")));
        cases.add(text("fund blank", "2:fund", HEADER + "\n" + row(4, "")));
        cases.add(text("kind unknown", "2:kind", HEADER + "\n" + row(2, "grant")));
        cases.add(
                text("kind carry-in typed by hand", "2:kind", HEADER + "\n" + row(2, "carry-in")));
        cases.add(text("kind blank", "2:kind", HEADER + "\n" + row(2, "")));
        cases.add(text("nature unknown", "2:nature", HEADER + "\n" + row(7, "gift")));
        cases.add(
                text(
                        "nature blank on an expenditure",
                        "2:nature",
                        HEADER + "\n" + row(7, "", 8, "")));
        cases.add(
                text(
                        "nature on an appropriation",
                        "2:nature",
                        HEADER + "\n" + row(2, "appropriation")));
        cases.add(text("project nature without project", "2:project", HEADER + "\n" + row(8, "")));
        cases.add(
                text(
                        "project on a basic expenditure",
                        "2:project",
                        HEADER + "\n" + row(7, "public")));
        cases.add(
                text(
                        "personnel on a 302 code",
                        "2:nature",
                        HEADER + "\n" + row(7, "personnel", 8, "")));
        cases.add(
                text(
                        "public on a 301 code",
                        "2:nature",
                        HEADER + "\n" + row(6, "30101", 7, "public", 8, "")));
        cases.add(
                text(
                        "remit from general funds",
                        "2:nature",
                        HEADER + "\n" + row(7, "remit", 8, "")));
        cases.add(text("procurement unknown", "2:procurement", HEADER + "\n" + row(13, "bribes")));
        cases.add(text("sme maybe", "2:sme", HEADER + "\n" + row(13, "goods", 14, "maybe")));
        cases.add(text("sme without procurement", "2:sme", HEADER + "\n" + row(14, "true")));
        cases.add(text("unit with capitals", "2:unit", HEADER + "\n" + row(3, "Jianghan")));
        cases.add(
                text(
                        "unit injection",
                        "2:unit",
                        HEADER + "\n" + row(3, "x'; DROP TABLE ledger_unit; --")));
        cases.add(text("id injection", "2:id", HEADER + "\n" + row(0, "1 OR 1=1")));
        cases.add(text("id blank", "2:id", HEADER + "\n" + row(0, "")));
        cases.add(text("project injection", "2:project", HEADER + "\n" + row(8, "P1' OR '1'='1")));
        cases.add(
                text("id with path traversal", "2:id", HEADER + "\n" + row(0, "../../etc/passwd")));
        // Dates.
        for (String date :
                new String[] {
                    "2020-02-30",
                    "12/30/2020",
                    "30/12/2020",
                    "2020.12.30",
                    "20201230",
                    "30-12-2020",
                    "2020/1-1",
                    "1999-12-31",
                    "2101-01-01",
                    "",
                    "2020-12-30T10:00",
                    "二〇二〇年十二月三十日",
                    "2020-13-01",
                    "0000-01-01"
                }) {
            cases.add(
                    text(
                            "date " + (date.isBlank() ? "blank" : date),
                            "2:date",
                            HEADER + "\n" + row(1, date)));
        }
        // State rules.
        cases.add(
                text("overspending the account", "2:amount", HEADER + "\n" + row(9, "9999999.00")));
        cases.add(
                text(
                        "spending from an account with no money",
                        "2:amount",
                        HEADER + "\n" + row(6, "30201")));
        cases.add(
                text(
                        "appropriation beyond the budget",
                        "2:amount",
                        HEADER + "\n" + row(2, "appropriation", 7, "", 8, "", 9, "99999.00")));
        cases.add(
                text(
                        "reduction below what was appropriated",
                        "2:amount",
                        HEADER
                                + "\n"
                                + row(
                                        2, "reduce", 5, "2010301", 6, "30101", 7, "", 8, "", 9,
                                        "1.00")));
        // A second 年初预算 on a line is a second 指标 now (issue 14); what a budget row may not carry:
        cases.add(
                text(
                        "indicator longer than 64 characters",
                        "2:indicator",
                        "id,date,kind,unit,fund,functional,"
                                + "economic,amount,indicator\nH-1,2020-01-02,budget,hostile,general,2010301,30101,1.00,"
                                + "指".repeat(65)
                                + "\n"));
        cases.add(
                text(
                        "indicator on an appropriation",
                        "2:indicator",
                        "id,date,kind,unit,fund,functional,economic,"
                                + "amount,indicator\nH-1,2020-01-02,appropriation,hostile,other,2010301,30101,1.00,财预1号\n"));
        cases.add(
                text(
                        "code outside its year's catalog",
                        "2:functional",
                        "id,date,kind,unit,fund,functional,economic,"
                                + "amount\nH-1,2020-01-02,appropriation,hostile,other,2010601,30101,1.00\n"));
        cases.add(
                text(
                        "opening after the budget year closed",
                        "2:date",
                        HEADER
                                + "\n"
                                + "H-O,2019-12-31,appropriation,closed-unit,other,2010301,30201,,,1.00,,,,,\n"));
        cases.add(
                text(
                        "any posting into a closed year, new account",
                        "2:date",
                        HEADER
                                + "\n"
                                + "H-C,2019-06-01,appropriation,closed-unit,other,2010302,30299,,,1.00,,,,,\n"));
        cases.add(
                text(
                        "opening in a year carried in from the ledger",
                        "2:kind",
                        HEADER
                                + "\n"
                                + "H-O2,2020-01-01,opening,closed-unit,other,2010301,30201,,,1.00,,,,,\n"));
        cases.add(
                text(
                        "an id reused with other content",
                        "2:id",
                        HEADER + "\n" + row(0, "JH2020-0001")));
        cases.add(
                text(
                        "the same id twice in a file, different content",
                        "3:id",
                        HEADER + "\n" + row(0, "H-D") + "\n" + row(0, "H-D", 9, "2.00")));
        cases.add(
                text(
                        "reversal of an unknown transaction",
                        "2:reverses",
                        HEADER + "\n" + reversal("H-R1", "NO-SUCH")));
        cases.add(
                text(
                        "reversal of a reversal",
                        "4:reverses",
                        HEADER
                                + "\n"
                                + row(0, "H-X")
                                + "\n"
                                + reversal("H-R2", "H-X")
                                + "\n"
                                + reversal("H-R3", "H-R2")));
        cases.add(
                text(
                        "reversing twice",
                        "4:reverses",
                        HEADER
                                + "\n"
                                + row(0, "H-Y")
                                + "\n"
                                + reversal("H-R4", "H-Y")
                                + "\n"
                                + reversal("H-R5", "H-Y")));
        cases.add(
                text(
                        "reversal dated before the original",
                        "2:date",
                        HEADER
                                + "\n"
                                + "H-R6,2020-01-01,reversal,jianghan-gov-office,,,,,,,,,JH2020-0300,,\n"));
        cases.add(
                text(
                        "reversal with an amount",
                        "2:amount",
                        HEADER
                                + "\n"
                                + "H-R7,2020-12-31,reversal,jianghan-gov-office,,,,,,5.00,,,JH2020-0300,,\n"));
        cases.add(
                text(
                        "reversal naming itself",
                        "2:reverses",
                        HEADER
                                + "\n"
                                + "H-R8,2020-12-31,reversal,jianghan-gov-office,,,,,,,,,H-R8,,\n"));
        cases.add(
                text(
                        "reversal across years",
                        "2:reverses",
                        HEADER
                                + "\n"
                                + "H-R9,2021-01-05,reversal,jianghan-gov-office,,,,,,,,,JH2020-0300,,\n"));
        cases.add(
                text(
                        "reversal without reverses",
                        "2:reverses",
                        HEADER
                                + "\n"
                                + "H-R10,2020-12-31,reversal,jianghan-gov-office,,,,,,,,,,,\n"));
        cases.add(
                text(
                        "reversal of an appropriation already spent",
                        "2:reverses",
                        HEADER
                                + "\n"
                                + "H-R11,2020-12-31,reversal,jianghan-gov-office,,,,,,,,,JH2020-0066,,\n"));
        cases.add(
                text(
                        "unit renamed in passing",
                        "2:unit_name",
                        "id,date,kind,unit,unit_name,fund,functional,economic,amount\n"
                                + "H-N,2020-12-30,appropriation,jianghan-gov-office,别的名字,other,2010301,30201,1.00\n"));
        cases.add(
                text(
                        "one good row then one bad row",
                        "3:amount",
                        HEADER + "\n" + row(0, "H-G1") + "\n" + row(0, "H-G2", 9, "x")));
        return cases.stream();
    }

    private static String row(Object... changes) {
        String[] fields = GOOD.clone();
        for (int i = 0; i < changes.length; i += 2) {
            fields[(Integer) changes[i]] = (String) changes[i + 1];
        }
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].contains(",") || fields[i].contains("\n")) {
                fields[i] = "\"" + fields[i].replace("\"", "\"\"") + "\"";
            }
        }
        return String.join(",", fields);
    }

    private static String reversal(String id, String reverses) {
        return id + ",2020-12-31,reversal,jianghan-gov-office,,,,,,,,," + reverses + ",,";
    }

    private static String manyRowsLastBad() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 20_000; i++) {
            text.append(row(0, "H-M" + i, 9, "0.01")).append('\n');
        }
        return text.append(row(0, "H-M-LAST", 9, "-0.01")).append('\n').toString();
    }

    /**
     * A hostile journal and where its refusal must point: {@code "line:column"}, the column empty
     * when the whole row or file is at fault ("2:" for a row that is not UTF-8, "1:" for an empty
     * file).
     */
    private static Arguments text(String name, String lineAndColumn, String content) {
        return bytes(name, lineAndColumn, content.getBytes(StandardCharsets.UTF_8));
    }

    private static Arguments bytes(String name, String lineAndColumn, byte[] content) {
        return Arguments.of(name, lineAndColumn, content);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    private void importText(String text) {
        journalImport.importJournal(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "setup", "setup");
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }

    static {
        assert COLUMNS.length == GOOD.length;
    }
}
