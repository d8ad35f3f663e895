package ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may do what, with the configured users and their hashed passwords: a recorder records for
 * its own units, an approver also closes years, an auditor reads everything and writes nothing;
 * a unit not granted answers 403 whether it exists or not, and a refusal writes nothing. The
 * matrix runs each caller (recorder with and without the unit, approver, auditor, anonymous, wrong
 * password) against each kind of endpoint.
 */
@SpringBootTest(classes = LedgerApplication.class)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessIT {

    private static final String URL = TestDatabase.create("access");
    private static final String STATEMENTS = "/api/units/jianghan-gov-office/years/2020/statements";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JournalImport journalImport;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void theSampleAndAnotherUnit() throws Exception {
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            journalImport.importJournal(in, "journal.csv", "setup");
        }
        journalImport.importJournal(new java.io.ByteArrayInputStream(("id,date,kind,unit,unit_name,fund,functional,"
                + "economic,amount\nO-1,2020-02-01,appropriation,other-unit,别的单位,other,2010301,30201,9.00\n"
                + "C-1,2020-02-01,appropriation," + CLOSED_BY_MATRIX + ",矩阵单位,other,2010301,30201,9.00\n")
                .getBytes(StandardCharsets.UTF_8)), "setup", "setup");
    }

    @Test
    void withoutSigningInEveryCallIsRefusedWith401() throws Exception {
        MvcResult result = call(get(STATEMENTS));
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentType()).contains("problem+json");
        assertThat(call(post("/api/transactions").contentType(MediaType.APPLICATION_JSON).content(spend("A-0")))
                .getResponse().getStatus()).isEqualTo(401);
        assertThat(call(get(STATEMENTS).with(httpBasic("clerk", "wrong-password"))).getResponse().getStatus())
                .isEqualTo(401);
        assertThat(call(get("/v3/api-docs")).getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aRecorderRecordsAndReadsForItsOwnUnitOnly() throws Exception {
        long events = events();
        MvcResult recorded = call(post("/api/transactions").with(httpBasic("clerk", "clerk-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(spend("A-1")));
        assertThat(recorded.getResponse().getStatus()).isEqualTo(201);
        assertThat(events()).isEqualTo(events + 1);
        assertThat(jdbc.queryForObject("SELECT recorded_by FROM event_log WHERE payload #>> '{entry,transactionId}'"
                + " = 'A-1'", String.class)).isEqualTo("clerk");
        assertThat(status(get(STATEMENTS).with(httpBasic("clerk", "clerk-demo")))).isEqualTo(200);

        long before = events();
        assertThat(status(post("/api/transactions").with(httpBasic("clerk", "clerk-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(spend("A-2").replace("jianghan-gov-office",
                        "other-unit")))).isEqualTo(403);
        assertThat(status(post("/api/journals").with(httpBasic("clerk", "clerk-demo")).contentType("text/csv")
                .content("id,date,kind,unit,fund,functional,economic,amount\n"
                        + "A-3,2020-02-01,appropriation,other-unit,other,2010301,30201,1.00\n"))).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
        assertThat(status(post("/api/units/jianghan-gov-office/years/2020/close")
                .with(httpBasic("clerk", "clerk-demo")))).isEqualTo(403);
    }

    @Test
    void aUnitNotGrantedAnswersTheSameWhetherItExistsOrNot() throws Exception {
        MvcResult existing = call(get("/api/units/other-unit/years/2020/statements")
                .with(httpBasic("clerk", "clerk-demo")));
        MvcResult missing = call(get("/api/units/no-such-unit/years/2020/statements")
                .with(httpBasic("clerk", "clerk-demo")));
        assertThat(existing.getResponse().getStatus()).isEqualTo(403);
        assertThat(missing.getResponse().getStatus()).isEqualTo(403);
        assertThat(existing.getResponse().getContentAsString()).isEqualTo(missing.getResponse().getContentAsString());
        assertThat(status(get("/api/units/other-unit/years/2020/trace?cell=T1/1/1")
                .with(httpBasic("clerk", "clerk-demo")))).isEqualTo(403);
    }

    @Test
    void anAuditorReadsTracesChecksAndReconcilesEverythingButWritesNothing() throws Exception {
        assertThat(status(get(STATEMENTS).with(httpBasic("auditor", "auditor-demo")))).isEqualTo(200);
        assertThat(status(get("/api/units/other-unit/years/2020/statements")
                .with(httpBasic("auditor", "auditor-demo")))).isEqualTo(200);
        assertThat(status(get("/api/units/jianghan-gov-office/years/2020/trace?cell=T3/2010302/3")
                .with(httpBasic("auditor", "auditor-demo")))).isEqualTo(200);
        assertThat(status(get("/api/units/jianghan-gov-office/years/2020/checks")
                .with(httpBasic("auditor", "auditor-demo")))).isEqualTo(200);
        assertThat(status(post("/api/units/jianghan-gov-office/years/2020/reconciliation")
                .with(httpBasic("auditor", "auditor-demo")).contentType(MediaType.TEXT_PLAIN)
                .content(Files.readString(Samples.jianghan2020Published())))).isEqualTo(200);
        long before = events();
        assertThat(status(post("/api/transactions").with(httpBasic("auditor", "auditor-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(spend("A-4")))).isEqualTo(403);
        assertThat(status(post("/api/journals").with(httpBasic("auditor", "auditor-demo")).contentType("text/csv")
                .content("id,date,kind,unit\n"))).isEqualTo(403);
        assertThat(status(post("/api/units/other-unit/years/2020/close")
                .with(httpBasic("auditor", "auditor-demo")))).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anApproverRecordsAndClosesYears() throws Exception {
        assertThat(status(post("/api/transactions").with(httpBasic("approver", "approver-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(spend("A-5")))).isEqualTo(201);
        MvcResult closed = call(post("/api/units/other-unit/years/2020/close?date=2021-01-05")
                .with(httpBasic("approver", "approver-demo")));
        assertThat(closed.getResponse().getStatus()).as(closed.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT closed FROM ledger_year WHERE unit = 'other-unit' AND fiscal_year = 2020",
                Boolean.class)).isTrue();
    }

    /** Who calls: a user (null: nobody signed in), a password, and the unit the call is about. */
    enum Caller {
        RECORDER_OWN_UNIT("clerk", "clerk-demo", "jianghan-gov-office"),
        RECORDER_OTHER_UNIT("clerk", "clerk-demo", "other-unit"),
        APPROVER("approver", "approver-demo", "jianghan-gov-office"),
        AUDITOR("auditor", "auditor-demo", "jianghan-gov-office"),
        ANONYMOUS(null, null, "jianghan-gov-office"),
        WRONG_PASSWORD("clerk", "not-clerk-demo", "jianghan-gov-office");

        final String user;
        final String password;
        final String unit;

        Caller(String user, String password, String unit) {
            this.user = user;
            this.password = password;
            this.unit = unit;
        }
    }

    /** A kind of endpoint; {@code write} kinds must change the event store exactly when they succeed. */
    enum Kind {
        RECORD(true), JOURNAL_UPLOAD(true), CLOSE(true), STATEMENTS(false), TABLE(false), TRACE(false),
        CHECKS(false), RECONCILE(false), EXPLANATION(false), PAGE(false), WORKBOOK(false);

        final boolean write;

        Kind(boolean write) {
            this.write = write;
        }

        boolean page() {
            return this == PAGE || this == WORKBOOK;
        }
    }

    /** The unit an approver closes in the matrix, so that the sample's year stays open for the other cells. */
    private static final String CLOSED_BY_MATRIX = "matrix-close";

    /**
     * Every caller against every kind of endpoint, with the answer each must get: 401 without valid
     * credentials (a page sends the anonymous to the sign-in form instead), 403 for a role or a unit
     * not granted, else success; a refused write leaves the event count as it was.
     */
    static Stream<Arguments> roleMatrix() {
        List<Arguments> cells = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            for (Kind kind : Kind.values()) {
                cells.add(Arguments.of(caller, kind, expected(caller, kind)));
            }
        }
        return cells.stream();
    }

    private static int expected(Caller caller, Kind kind) {
        switch (caller) {
            case ANONYMOUS:
                return kind.page() ? 302 : 401;
            case WRONG_PASSWORD:
                return 401;
            case RECORDER_OTHER_UNIT:
                return 403;
            case AUDITOR:
                return kind.write ? 403 : 200;
            case RECORDER_OWN_UNIT:
                if (kind == Kind.CLOSE) {
                    return 403;
                }
                return kind == Kind.RECORD ? 201 : 200;
            default:
                return kind == Kind.RECORD ? 201 : 200;
        }
    }

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @MethodSource("roleMatrix")
    void eachCallerAgainstEachKindOfEndpoint(Caller caller, Kind kind, int expected) throws Exception {
        long before = events();
        MockHttpServletRequestBuilder request = request(caller, kind);
        if (caller.user != null) {
            request.with(httpBasic(caller.user, caller.password));
        }
        MvcResult result = call(request);
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expected);
        if (expected == 302) {
            assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
        }
        if (!kind.page() && (expected == 401 || expected == 403)) {
            assertThat(result.getResponse().getContentType()).contains("problem+json");
            assertThat(body).doesNotContain("other-unit").doesNotContain("别的单位");
        }
        if (kind.write && expected < 300) {
            assertThat(events()).as("a write that succeeded").isGreaterThan(before);
        } else {
            assertThat(events()).as("events after " + caller + " × " + kind).isEqualTo(before);
        }
    }

    private static MockHttpServletRequestBuilder request(Caller caller, Kind kind) throws Exception {
        String unitYear = "/api/units/" + caller.unit + "/years/2020";
        String id = "M-" + caller.ordinal() + "-" + kind.ordinal();
        return switch (kind) {
            case RECORD -> post("/api/transactions").contentType(MediaType.APPLICATION_JSON)
                    .content(spend(id).replace("jianghan-gov-office", caller.unit)
                            .replace("\"fund\":\"general\"", caller.unit.equals("other-unit") ? "\"fund\":\"other\""
                                    : "\"fund\":\"general\""));
            case JOURNAL_UPLOAD -> post("/api/journals").contentType("text/csv")
                    .content("id,date,kind,unit,fund,functional,economic,nature,project,amount\n" + id
                            + ",2020-12-31,expenditure," + caller.unit + ",general,2010302,30299,project,JH2020-P01,1.00\n");
            case CLOSE -> post("/api/units/" + (caller == Caller.APPROVER ? CLOSED_BY_MATRIX : caller.unit)
                    + "/years/2020/close").param("date", "2021-01-05");
            case STATEMENTS -> get(unitYear + "/statements");
            case TABLE -> get(unitYear + "/statements/T3");
            case TRACE -> get(unitYear + "/trace").param("cell", "T3/2010302/3");
            case CHECKS -> get(unitYear + "/checks");
            case EXPLANATION -> get(unitYear + "/explanation");
            case RECONCILE -> post(unitYear + "/reconciliation").contentType(MediaType.TEXT_PLAIN)
                    .content(Files.readString(Samples.jianghan2020Published()));
            // as a browser asks: an anonymous browser is sent to the sign-in form
            case PAGE -> get("/units/" + caller.unit + "/years/2020").accept(MediaType.TEXT_HTML);
            case WORKBOOK -> get("/units/" + caller.unit + "/years/2020/statements.xlsx")
                    .accept(MediaType.TEXT_HTML, MediaType.ALL);
        };
    }

    private static String spend(String id) {
        return "{\"id\":\"" + id + "\",\"date\":\"2020-12-31\",\"kind\":\"expenditure\",\"unit\":\"jianghan-gov-office\","
                + "\"fund\":\"general\",\"functional\":\"2010302\",\"economic\":\"30299\",\"nature\":\"project\","
                + "\"project\":\"JH2020-P01\",\"amount\":\"1.00\"}";
    }

    private MvcResult call(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return call(request).getResponse().getStatus();
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
