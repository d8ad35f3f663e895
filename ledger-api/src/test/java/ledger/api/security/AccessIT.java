package ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * a unit not granted answers 403 whether it exists or not, and a refusal writes nothing.
 */
@SpringBootTest(classes = LedgerApplication.class)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessIT {

    private static final String URL = TestDatabase.create("access");
    private static final String STATEMENTS = "/api/units/jianghan-gov-office/years/2020/statements";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
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
                + "economic,amount\nO-1,2020-02-01,appropriation,other-unit,别的单位,other,2010301,30201,9.00\n")
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
