package ledger.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Hostile HTTP requests, one table: wrong content types, broken and surprising JSON, bad amounts,
 * codes, dates and ids, control characters, path traversal and injection strings in path variables
 * and query parameters, bad cell addresses, oversized bodies and broken multipart. Each is answered
 * 4xx with an RFC 7807 problem naming the field at fault, and neither the event store nor the
 * register of transaction ids gains a row. Signed in as the approver, who may do everything, so
 * that every refusal here is about the input, not about who sent it.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileApiIT {

    private static final String URL = TestDatabase.create("hostileapi");
    private static final String UNIT = "jianghan-gov-office";
    private static final String Y = "/api/units/" + UNIT + "/years/2020";

    /**
     * Journal uploads are capped lower here than in production, so a too-large one is cheap to
     * send.
     */
    private static final int JOURNAL_LIMIT = 200_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
        registry.add("ledger.limits.max-journal-bytes", () -> JOURNAL_LIMIT);
    }

    @Autowired MockMvc mvc;
    @LocalServerPort int port;
    @Autowired JournalImport journalImport;
    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    void theSample() throws Exception {
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            journalImport.importJournal(in, "journal.csv", "setup");
        }
    }

    /**
     * The transaction every JSON case starts from: well-formed and within the funds (see the
     * control test).
     */
    private static Map<String, String> valid(String id) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", quote(id));
        fields.put("date", quote("2020-12-31"));
        fields.put("kind", quote("expenditure"));
        fields.put("unit", quote(UNIT));
        fields.put("fund", quote("general"));
        fields.put("functional", quote("2010302"));
        fields.put("economic", quote("30299"));
        fields.put("nature", quote("project"));
        fields.put("project", quote("JH2020-P01"));
        fields.put("amount", quote("1.00"));
        return fields;
    }

    /** The valid transaction with fields replaced by raw JSON values (null: the field left out). */
    private static String tx(String... namesAndRawValues) {
        Map<String, String> fields = valid("H-1");
        for (int i = 0; i < namesAndRawValues.length; i += 2) {
            if (namesAndRawValues[i + 1] == null) {
                fields.remove(namesAndRawValues[i]);
            } else {
                fields.put(namesAndRawValues[i], namesAndRawValues[i + 1]);
            }
        }
        List<String> members = new ArrayList<>();
        fields.forEach((name, value) -> members.add(quote(name) + ":" + value));
        return "{" + String.join(",", members) + "}";
    }

    /** A JSON string literal. */
    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpServletRequestBuilder record(String body) {
        return post("/api/transactions").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder journal(String csv) {
        return post("/api/journals")
                .contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** A request whose path is sent exactly as written (percent-escapes and all). */
    private static MockHttpServletRequestBuilder raw(String path) {
        return get(URI.create(path));
    }

    private static final String HEADER =
            "id,date,kind,unit,fund,functional,economic,nature,project,amount\n";

    static Stream<Arguments> hostileRequests() {
        List<Arguments> cases = new ArrayList<>();
        Case.add(
                cases,
                "JSON sent as text/plain",
                () -> post("/api/transactions").contentType(MediaType.TEXT_PLAIN).content(tx()),
                415,
                "Content-Type",
                "text/plain");
        Case.add(
                cases,
                "JSON sent as XML",
                () ->
                        post("/api/transactions")
                                .contentType(MediaType.APPLICATION_XML)
                                .content("<tx><id>H-1</id></tx>"),
                415,
                "Content-Type",
                "application/xml");
        Case.add(
                cases,
                "no content type",
                () -> post("/api/transactions").content(tx()),
                415,
                "Content-Type",
                "");
        Case.add(
                cases,
                "JSON cut short",
                () -> record("{\"id\": \"H-1\", \"amount\": "),
                400,
                "body",
                "not valid JSON");
        Case.add(
                cases,
                "no body",
                () -> post("/api/transactions").contentType(MediaType.APPLICATION_JSON),
                400,
                "body",
                "missing");
        Case.add(
                cases,
                "a JSON array",
                () -> record("[" + tx() + "]"),
                400,
                "body",
                "one JSON object");
        Case.add(cases, "a JSON string", () -> record("\"H-1\""), 400, "body", "one JSON object");
        Case.add(
                cases,
                "JSON with comments",
                () -> record("/* x */" + tx()),
                400,
                "body",
                "not valid JSON");
        Case.add(
                cases,
                "a second document after the object",
                () -> record(tx() + "{}"),
                400,
                "body",
                "");
        Case.add(
                cases,
                "the same field twice",
                () -> record(tx().replace("{", "{\"amount\":\"999999.00\",")),
                400,
                "body",
                "Duplicate field 'amount'");
        Case.add(
                cases,
                "unknown field",
                () -> record(tx("colour", quote("red"))),
                400,
                "colour",
                "unknown field 'colour'");
        Case.add(
                cases,
                "misspelt field",
                () -> record(tx("amount", null, "amout", quote("1.00"))),
                400,
                "amout",
                "unknown field");
        Case.add(
                cases,
                "amount as an object",
                () -> record(tx("amount", "{\"yuan\":1}")),
                400,
                "amount",
                "must be a JSON string");
        Case.add(
                cases,
                "amount as an array",
                () -> record(tx("amount", "[\"1.00\"]")),
                400,
                "amount",
                "an array");
        Case.add(
                cases,
                "amount nested deep",
                () -> record(tx("amount", "[".repeat(200) + "]".repeat(200))),
                400,
                "amount",
                "");
        Case.add(
                cases,
                "amount a JSON float",
                () -> record(tx("amount", "1.5")),
                400,
                "amount",
                "JSON string");
        Case.add(
                cases,
                "amount a JSON exponent",
                () -> record(tx("amount", "1e3")),
                400,
                "amount",
                "JSON string");
        Case.add(
                cases,
                "amount true",
                () -> record(tx("amount", "true")),
                400,
                "amount",
                "JSON string");
        Case.add(
                cases,
                "amount written as an exponent",
                () -> record(tx("amount", quote("1E3"))),
                422,
                "amount",
                "");
        Case.add(
                cases,
                "amount with three decimals",
                () -> record(tx("amount", quote("1.005"))),
                422,
                "amount",
                "");
        Case.add(
                cases,
                "negative amount",
                () -> record(tx("amount", quote("-1.00"))),
                422,
                "amount",
                "");
        Case.add(
                cases, "zero amount", () -> record(tx("amount", quote("0.00"))), 422, "amount", "");
        Case.add(
                cases,
                "amount overflowing a long of fen",
                () -> record(tx("amount", quote("92233720368547758.08"))),
                422,
                "amount",
                "");
        Case.add(cases, "amount NaN", () -> record(tx("amount", quote("NaN"))), 422, "amount", "");
        Case.add(
                cases,
                "amount with a thousands separator",
                () -> record(tx("amount", quote("1,000.00"))),
                422,
                "amount",
                "");
        Case.add(
                cases,
                "amount in full-width digits",
                () -> record(tx("amount", quote("１.００"))),
                422,
                "amount",
                "");
        Case.add(
                cases,
                "amount more than the account holds",
                () -> record(tx("amount", quote("99999999.00"))),
                422,
                "amount",
                "");
        Case.add(cases, "id missing", () -> record(tx("id", null)), 422, "id", "交易号为必填项");
        Case.add(
                cases, "amount missing", () -> record(tx("amount", null)), 422, "amount", "金额为必填项");
        Case.add(cases, "kind unknown", () -> record(tx("kind", quote("steal"))), 422, "kind", "");
        Case.add(
                cases,
                "functional code too short",
                () -> record(tx("functional", quote("201030"))),
                422,
                "functional",
                "");
        Case.add(
                cases,
                "functional code unknown",
                () -> record(tx("functional", quote("2010397"))),
                422,
                "functional",
                "");
        Case.add(
                cases,
                "economic code with a letter",
                () -> record(tx("economic", quote("30a01"))),
                422,
                "economic",
                "");
        Case.add(cases, "fund unknown", () -> record(tx("fund", quote("gold"))), 422, "fund", "");
        Case.add(
                cases,
                "unit with path traversal",
                () -> record(tx("unit", quote("../../etc/passwd"))),
                422,
                "unit",
                "");
        Case.add(
                cases,
                "unit with SQL injection",
                () -> record(tx("unit", quote("x'; DROP TABLE posting; --"))),
                422,
                "unit",
                "");
        Case.add(
                cases,
                "date that does not exist",
                () -> record(tx("date", quote("2020-02-30"))),
                422,
                "date",
                "");
        Case.add(
                cases,
                "date without dashes",
                () -> record(tx("date", quote("20201231"))),
                422,
                "date",
                "");
        Case.add(
                cases,
                "date with a time",
                () -> record(tx("date", quote("2020-12-31T10:00:00"))),
                422,
                "date",
                "");
        Case.add(
                cases,
                "date in year 1",
                () -> record(tx("date", quote("0001-01-01"))),
                422,
                "date",
                "");
        Case.add(
                cases,
                "date far in the future",
                () -> record(tx("date", quote("9999-12-31"))),
                422,
                "date",
                "");
        Case.add(
                cases, "id too long", () -> record(tx("id", quote("H".repeat(65)))), 422, "id", "");
        Case.add(cases, "id with a NUL", () -> record(tx("id", quote("H-\u00001"))), 422, "id", "");
        Case.add(
                cases,
                "id with a newline",
                () -> record(tx("id", quote("H-1\nH-2"))),
                422,
                "id",
                "");
        Case.add(
                cases,
                "memo with a control character",
                () -> record(tx("memo", quote("bell\u0007"))),
                422,
                "memo",
                "");
        Case.add(
                cases,
                "memo with an escape sequence",
                () -> record(tx("memo", quote("\u001b[2Jcleared"))),
                422,
                "memo",
                "");
        Case.add(
                cases,
                "memo too long",
                () -> record(tx("memo", quote("备".repeat(501)))),
                422,
                "memo",
                "");
        Case.add(
                cases,
                "voucher with a NUL",
                () -> record(tx("voucher", quote("记-\u0000"))),
                422,
                "voucher",
                "");
        Case.add(
                cases,
                "reversal of an unknown transaction",
                () ->
                        record(
                                tx(
                                        "kind",
                                        quote("reversal"),
                                        "reverses",
                                        quote("NO-SUCH-ID"),
                                        "fund",
                                        null,
                                        "functional",
                                        null,
                                        "economic",
                                        null,
                                        "nature",
                                        null,
                                        "project",
                                        null,
                                        "amount",
                                        null)),
                422,
                "reverses",
                "");
        Case.add(
                cases,
                "an id reused with other content",
                () -> record(tx("id", quote("JH2020-0001"))),
                422,
                "id",
                "");
        Case.add(
                cases,
                "a body over the request limit",
                () -> record(tx("memo", quote("x".repeat(70_000)))),
                413,
                "body",
                "exceeds the limit");

        // path variables and query parameters
        Case.add(
                cases,
                "unit with SQL injection in the path",
                () -> raw("/api/units/x'%20OR%20'1'='1/years/2020/statements"),
                400,
                "unit",
                "");
        Case.add(
                cases,
                "unit with an encoded slash",
                () -> raw("/api/units/..%2F..%2Fetc/years/2020/statements"),
                400,
                "path",
                "");
        Case.add(
                cases,
                "unit with a dot-dot segment",
                () -> raw("/api/units/%2E%2E/years/2020/statements"),
                400,
                "path",
                "");
        Case.add(
                cases,
                "unit with a NUL",
                () -> raw("/api/units/jianghan%00/years/2020/statements"),
                400,
                "path",
                "");
        Case.add(
                cases,
                "unit too long",
                () -> get(Y.replace(UNIT, "u".repeat(300)) + "/statements"),
                400,
                "unit",
                "");
        Case.add(
                cases,
                "year not a number",
                () -> get("/api/units/" + UNIT + "/years/20x0/statements"),
                400,
                "year",
                "whole number");
        Case.add(
                cases,
                "year with decimals",
                () -> get("/api/units/" + UNIT + "/years/2020.5/statements"),
                400,
                "year",
                "");
        Case.add(
                cases,
                "year negative",
                () -> get("/api/units/" + UNIT + "/years/-1/statements"),
                400,
                "year",
                "");
        Case.add(
                cases,
                "year beyond an int",
                () -> get("/api/units/" + UNIT + "/years/99999999999/statements"),
                400,
                "year",
                "");
        Case.add(
                cases,
                "as-of not a date",
                () -> get(Y + "/statements").param("asOf", "2020-13-01"),
                400,
                "asOf",
                "yyyy-mm-dd");
        Case.add(
                cases,
                "as-of with SQL injection",
                () -> get(Y + "/statements").param("asOf", "2020-01-01' OR 1=1"),
                400,
                "asOf",
                "");
        Case.add(
                cases,
                "as-of with a time",
                () -> get(Y + "/statements").param("asOf", "2020-06-30T00:00"),
                400,
                "asOf",
                "");
        Case.add(
                cases,
                "as-of on the trace not a date",
                () -> get(Y + "/trace").param("cell", "T1/1/1").param("asOf", "yesterday"),
                400,
                "asOf",
                "");
        Case.add(
                cases,
                "format unknown",
                () -> get(Y + "/statements").param("format", "pdf"),
                400,
                "format",
                "pdf");
        Case.add(cases, "table T10", () -> get(Y + "/statements/T10"), 400, "table", "T1");
        Case.add(
                cases,
                "table with script",
                () -> get(Y + "/statements/<script>"),
                400,
                "table",
                "");
        Case.add(cases, "cell missing", () -> get(Y + "/trace"), 400, "cell", "required");
        Case.add(
                cases,
                "cell without a column",
                () -> get(Y + "/trace").param("cell", "T3/2010302"),
                400,
                "cell",
                "");
        Case.add(
                cases,
                "cell with a column that does not exist",
                () -> get(Y + "/trace").param("cell", "T3/2010302/9"),
                400,
                "cell",
                "no column 9");
        Case.add(
                cases,
                "cell in table 99",
                () -> get(Y + "/trace").param("cell", "T99/1/1"),
                400,
                "cell",
                "");
        Case.add(
                cases,
                "cell with a script",
                () -> get(Y + "/trace").param("cell", "<script>alert(1)</script>"),
                400,
                "cell",
                "");
        Case.add(
                cases,
                "cell with SQL injection",
                () -> get(Y + "/trace").param("cell", "T1/1/1' OR '1'='1"),
                400,
                "cell",
                "");
        Case.add(
                cases,
                "cell with control characters",
                () -> get(Y + "/trace").param("cell", "T1/1\u0000/1"),
                400,
                "cell",
                "");
        Case.add(
                cases,
                "close date that does not exist",
                () -> post(Y + "/close").param("date", "2020-02-30"),
                400,
                "date",
                "yyyy-mm-dd");
        Case.add(
                cases,
                "close date inside the year",
                () -> post(Y + "/close").param("date", "2020-06-30"),
                422,
                "date",
                "");
        Case.add(
                cases,
                "statements asked for as XML",
                () -> get(Y + "/statements").accept(MediaType.APPLICATION_XML),
                406,
                "Accept",
                "");
        Case.add(
                cases,
                "DELETE on transactions",
                () -> delete("/api/transactions"),
                405,
                "method",
                "DELETE");

        // journals and published figures
        Case.add(
                cases,
                "journal sent as JSON",
                () -> post("/api/journals").contentType(MediaType.APPLICATION_JSON).content("{}"),
                415,
                "Content-Type",
                "");
        Case.add(
                cases,
                "journal that is not CSV",
                () ->
                        post("/api/journals")
                                .contentType("text/csv")
                                .content(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, 3}),
                422,
                "file",
                "UTF-8");
        Case.add(
                cases,
                "journal with a bad row",
                () ->
                        journal(
                                HEADER
                                        + "H-J1,2020-12-31,expenditure,jianghan-gov-office,general,2010302,30299,project,JH2020-P01,1.001\n"),
                422,
                "amount",
                "");
        Case.add(
                cases,
                "journal over the upload limit",
                () ->
                        journal(
                                HEADER
                                        + ("H-J2,2020-12-31,expenditure,"
                                                        + "jianghan-gov-office,general,2010302,30299,project,JH2020-P01,1.00\n")
                                                .repeat(3000)),
                413,
                "body",
                "exceeds the limit");
        Case.add(
                cases,
                "multipart without the file part",
                () ->
                        multipart("/api/journals")
                                .file(
                                        new MockMultipartFile(
                                                "other",
                                                "j.csv",
                                                "text/csv",
                                                HEADER.getBytes(StandardCharsets.UTF_8))),
                400,
                "file",
                "required");
        Case.add(
                cases,
                "multipart body that is not multipart",
                () ->
                        post("/api/journals")
                                .contentType("multipart/form-data; boundary=XYZ")
                                .content("garbage without any boundary"),
                400,
                "file",
                "");
        Case.add(
                cases,
                "published figures sent as JSON",
                () ->
                        post(Y + "/reconciliation")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}"),
                415,
                "Content-Type",
                "");
        Case.add(
                cases,
                "published figures with a bad line",
                () ->
                        post(Y + "/reconciliation")
                                .contentType(MediaType.TEXT_PLAIN)
                                .content("T1\t1\t1\tnot-a-number\n"),
                422,
                "published",
                "");

        // the 情况说明 with uploaded figure files
        Case.add(
                cases,
                "explanation asked for with a JSON body",
                () ->
                        post(Y + "/explanation")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}"),
                415,
                "Content-Type",
                "");
        Case.add(
                cases,
                "explanation with published figures that are not a figures file",
                () ->
                        multipart(Y + "/explanation")
                                .file(
                                        new MockMultipartFile(
                                                "published",
                                                "p.tsv",
                                                "text/plain",
                                                "this is not\ta figures file\n"
                                                        .getBytes(StandardCharsets.UTF_8))),
                422,
                "published",
                "");
        Case.add(
                cases,
                "explanation with prior-year figures that are not a figures file",
                () ->
                        multipart(Y + "/explanation")
                                .file(
                                        new MockMultipartFile(
                                                "priorYear",
                                                "p.tsv",
                                                "text/plain",
                                                "\u0000\u0001\u0002"
                                                        .getBytes(StandardCharsets.UTF_8))),
                422,
                "priorYear",
                "");
        Case.add(
                cases,
                "explanation of a unit with SQL injection",
                () -> raw("/api/units/x'%20OR%201=1--/years/2020/explanation"),
                400,
                "unit",
                "");
        Case.add(
                cases,
                "a path parameter smuggled after a semicolon",
                () -> raw("/api/units/x;jsessionid=1/years/2020/explanation"),
                400,
                "path",
                "");
        return cases.stream();
    }

    /** One hostile request and the refusal it must get. */
    record Case(
            Supplier<MockHttpServletRequestBuilder> request,
            int status,
            String field,
            String reason) {
        static void add(
                List<Arguments> cases,
                String name,
                Supplier<MockHttpServletRequestBuilder> request,
                int status,
                String field,
                String reason) {
            cases.add(Arguments.of(name, new Case(request, status, field, reason)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void isRefusedWithAProblemNamingTheFieldAndNothingIsWritten(String name, Case hostile)
            throws Exception {
        long events = count("domain_event_entry");
        long ids = count("ledger_transaction");
        MvcResult result = mvc.perform(signedIn(hostile.request().get())).andReturn();
        String body =
                new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(hostile.status());
        assertThat(result.getResponse().getContentType())
                .as(body)
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("status").asInt()).isEqualTo(hostile.status());
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("type").asText()).startsWith("urn:ledger:");
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("problems"))
                .as(body)
                .anySatisfy(
                        entry -> {
                            assertThat(entry.path("field").asText()).isEqualTo(hostile.field());
                            assertThat(entry.path("reason").asText())
                                    .isNotBlank()
                                    .contains(hostile.reason());
                        });
        assertThat(count("domain_event_entry")).as("events after: " + name).isEqualTo(events);
        assertThat(count("ledger_transaction")).as("ids after: " + name).isEqualTo(ids);
    }

    /**
     * The starting point of every JSON case is itself accepted: each case fails for its own change
     * only.
     */
    @Test
    void theValidTransactionTheCasesStartFromIsAccepted() throws Exception {
        Map<String, String> fields = valid("H-CONTROL");
        List<String> members = new ArrayList<>();
        fields.forEach((name, value) -> members.add(quote(name) + ":" + value));
        long events = count("domain_event_entry");
        MvcResult result =
                mvc.perform(signedIn(record("{" + String.join(",", members) + "}"))).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(201);
        assertThat(count("domain_event_entry")).isEqualTo(events + 1);
        // Free text may hold anything printable, injection strings included: stored verbatim, not
        // executed.
        MvcResult injected =
                mvc.perform(
                                signedIn(
                                        record(
                                                tx(
                                                        "id",
                                                        quote("H-CONTROL-2"),
                                                        "memo",
                                                        quote(
                                                                "'); DROP TABLE posting; -- <script>alert(1)</script>")))))
                        .andReturn();
        assertThat(injected.getResponse().getStatus())
                .as(injected.getResponse().getContentAsString())
                .isEqualTo(201);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT payload #>> '{entry,memo}' FROM event_log"
                                        + " WHERE payload #>> '{entry,transactionId}' = 'H-CONTROL-2'",
                                String.class))
                .isEqualTo("'); DROP TABLE posting; -- <script>alert(1)</script>");
    }

    /**
     * A body sent without a length (chunked) cannot be refused before it is read: it is cut off
     * once past the limit, with the same 413 problem. Over a real connection, since a mock request
     * always knows its length.
     */
    @Test
    void aChunkedBodyOverTheLimitIsCutOffWith413() throws Exception {
        long events = count("domain_event_entry");
        for (String[] endpoint :
                new String[][] {
                    {
                        "/api/transactions",
                        "application/json",
                        tx("memo", quote("x".repeat(100_000)))
                    },
                    {
                        "/api/journals",
                        "text/csv",
                        HEADER
                                + ("H-C,2020-12-31,"
                                                + "expenditure,jianghan-gov-office,general,2010302,30299,project,JH2020-P01,1.00\n")
                                        .repeat(3000)
                    }
                }) {
            byte[] body = endpoint[2].getBytes(StandardCharsets.UTF_8);
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint[0]))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(
                                                            "approver:approver-demo"
                                                                    .getBytes(
                                                                            StandardCharsets
                                                                                    .UTF_8)))
                            .header("Content-Type", endpoint[1])
                            // an InputStream publisher has no length: the body goes chunked
                            .POST(
                                    HttpRequest.BodyPublishers.ofInputStream(
                                            () -> new ByteArrayInputStream(body)))
                            .build();
            HttpResponse<String> response =
                    HttpClient.newHttpClient()
                            .send(
                                    request,
                                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode())
                    .as(endpoint[0] + ": " + response.body())
                    .isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.at("/problems/0/field").asText()).isEqualTo("body");
            assertThat(problem.at("/problems/0/reason").asText()).contains("exceeds the limit");
        }
        assertThat(count("domain_event_entry")).isEqualTo(events);
    }

    private static RequestBuilder signedIn(MockHttpServletRequestBuilder request) {
        return request.with(
                SecurityMockMvcRequestPostProcessors.httpBasic("approver", "approver-demo"));
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }
}
