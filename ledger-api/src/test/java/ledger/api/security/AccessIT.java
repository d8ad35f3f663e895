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
import ledger.core.department.DepartmentLine;
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
 * Who may do what, with the configured users and their hashed passwords: a recorder records for its
 * own units, an approver also closes years, an auditor reads everything and writes nothing; a unit
 * not granted answers 403 whether it exists or not, and a refusal writes nothing. The matrix runs
 * each caller (recorder with and without the unit, approver, auditor, anonymous, wrong password)
 * against each kind of endpoint.
 */
@SpringBootTest(classes = LedgerApplication.class)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessIT {

    private static final String URL = TestDatabase.create("access");
    private static final String STATEMENTS = "/api/units/jianghan-gov-office/years/2020/statements";

    /**
     * The demo users' password hashes (application-demo.yml), reused by the users granted a
     * department.
     */
    private static final String APPROVER_HASH =
            "{bcrypt}$2a$10$eCSW8.HjfDrdL.dwR//LOeXcH/CxEQ/KWiPE3R5zy23AQJcZtVz.G";

    private static final String AUDITOR_HASH =
            "{bcrypt}$2a$10$b1yaFd9TL2TtzK7JzMnFdOZ8gr5DyLQVGsJGofgv4OKJiLwDwjCCu";
    private static final String DEPARTMENT = "demo-street";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
        // The demo users, plus an auditor and an approver granted the department demo-street only.
        String[][] users = {
            {
                "clerk",
                "{bcrypt}$2a$10$Y1Ry24qBeLrEcCkajpVYRuGtVGcEYjgERmghbPYY9bvRAbyX7HD8m",
                "recorder",
                "jianghan-gov-office",
                ""
            },
            {"approver", APPROVER_HASH, "approver", "*", ""},
            {"auditor", AUDITOR_HASH, "auditor", "*", ""},
            {"dept-auditor", AUDITOR_HASH, "auditor", "", DEPARTMENT},
            {"dept-approver", APPROVER_HASH, "approver", "", DEPARTMENT}
        };
        for (int i = 0; i < users.length; i++) {
            String[] user = users[i];
            String prefix = "ledger.security.users[" + i + "].";
            registry.add(prefix + "name", () -> user[0]);
            registry.add(prefix + "password", () -> user[1]);
            registry.add(prefix + "roles[0]", () -> user[2]);
            if (!user[3].isEmpty()) {
                registry.add(prefix + "units[0]", () -> user[3]);
            }
            if (!user[4].isEmpty()) {
                registry.add(prefix + "departments[0]", () -> user[4]);
            }
        }
    }

    @Autowired MockMvc mvc;
    @Autowired JournalImport journalImport;
    @Autowired JdbcTemplate jdbc;
    @Autowired ledger.api.department.Departments departments;

    @BeforeAll
    void theSampleAndAnotherUnit() throws Exception {
        try (InputStream in = Files.newInputStream(Samples.jianghan2020Journal())) {
            journalImport.importJournal(in, "journal.csv", "setup");
        }
        journalImport.importJournal(
                new java.io.ByteArrayInputStream(
                        ("id,date,kind,unit,unit_name,fund,functional,"
                                        + "economic,amount\nO-1,2020-02-01,appropriation,other-unit,别的单位,other,2010301,30201,9.00\n"
                                        + "C-1,2020-02-01,appropriation,"
                                        + CLOSED_BY_MATRIX
                                        + ",矩阵单位,other,2010301,30201,9.00\n")
                                .getBytes(StandardCharsets.UTF_8)),
                "setup",
                "setup");
        departments.register(
                List.of(
                        new DepartmentLine(
                                2,
                                DEPARTMENT,
                                "示例街道",
                                "demo-street-office",
                                "本级",
                                "行政单位",
                                "",
                                "2020"),
                        new DepartmentLine(
                                3,
                                DEPARTMENT,
                                "示例街道",
                                "demo-street-service",
                                "中心",
                                "事业单位",
                                "demo-street-office",
                                "2020"),
                        new DepartmentLine(
                                4,
                                DEPARTMENT,
                                "示例街道",
                                DEPARTMENT_CLOSED_BY_MATRIX,
                                "关闭",
                                "行政单位",
                                "demo-street-office",
                                "2020"),
                        new DepartmentLine(
                                5,
                                "demo-culture",
                                "文化局",
                                "demo-culture-office",
                                "文化局",
                                "行政单位",
                                "",
                                "2020"),
                        new DepartmentLine(
                                6, "demo-closing", "结转部门", "closing-top", "本级", "行政单位", "", "2020"),
                        new DepartmentLine(
                                7,
                                "demo-closing",
                                "结转部门",
                                "closing-sub",
                                "下属",
                                "事业单位",
                                "closing-top",
                                "2020")),
                "setup.csv",
                "setup");
        journalImport.importJournal(
                new java.io.ByteArrayInputStream(
                        ("id,date,kind,unit,unit_name,fund,functional,"
                                        + "economic,nature,amount,to_unit\n"
                                        + "D-1,2020-02-01,appropriation,demo-street-office,本级,other,2010302,30299,,100.00,\n"
                                        + "D-2,2020-02-01,appropriation,demo-street-service,中心,business,2010350,30299,,50.00,\n"
                                        + "D-3,2020-03-01,transfer,demo-street-office,,other,2010302,30299,subsidy,10.00,demo-street-service\n"
                                        + "D-4,2020-02-01,appropriation,"
                                        + DEPARTMENT_CLOSED_BY_MATRIX
                                        + ",关闭,other,2010301,30201,,9.00,\n"
                                        + "D-5,2020-02-01,appropriation,demo-culture-office,文化局,other,2010301,30201,,9.00,\n"
                                        + "D-6,2020-02-01,appropriation,closing-top,本级,other,2010301,30201,,9.00,\n"
                                        + "D-7,2020-02-01,appropriation,closing-sub,下属,other,2010301,30201,,9.00,\n")
                                .getBytes(StandardCharsets.UTF_8)),
                "setup",
                "setup");
    }

    @Test
    void aDepartmentNotGrantedAnswersTheSameWhetherItExistsOrNot() throws Exception {
        MvcResult existing =
                call(
                        get("/api/departments/demo-culture/years/2020/statements")
                                .with(httpBasic("dept-auditor", "auditor-demo")));
        MvcResult missing =
                call(
                        get("/api/departments/no-such-department/years/2020/statements")
                                .with(httpBasic("dept-auditor", "auditor-demo")));
        assertThat(existing.getResponse().getStatus()).isEqualTo(403);
        assertThat(missing.getResponse().getStatus()).isEqualTo(403);
        assertThat(existing.getResponse().getContentAsString())
                .isEqualTo(missing.getResponse().getContentAsString());
        // Its units are not reached either, and a recorder is never granted a department's
        // statements.
        assertThat(
                        status(
                                get("/api/units/demo-culture-office/years/2020/statements")
                                        .with(httpBasic("dept-auditor", "auditor-demo"))))
                .isEqualTo(403);
        assertThat(
                        status(
                                get("/api/departments/" + DEPARTMENT + "/years/2020/statements")
                                        .with(httpBasic("clerk", "clerk-demo"))))
                .isEqualTo(403);
        // Every unit granted: a department that does not exist is then simply not found, said in
        // Chinese, or in English for a client that asks.
        MvcResult notFound =
                call(
                        get("/api/departments/no-such-department/years/2020/statements")
                                .with(httpBasic("auditor", "auditor-demo")));
        assertThat(notFound.getResponse().getStatus()).isEqualTo(404);
        assertThat(notFound.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("部门 no-such-department 在 2020 年没有登记的单位");
        assertThat(
                        call(get("/api/departments/no-such-department/years/2020/statements")
                                        .header("Accept-Language", "en")
                                        .with(httpBasic("auditor", "auditor-demo")))
                                .getResponse()
                                .getContentAsString(StandardCharsets.UTF_8))
                .contains("department no-such-department has no units registered for 2020");
    }

    @Test
    void theDepartmentPagesShowTheWorkingViewAndATraceByUnitWithTheEliminatedLegsMarked()
            throws Exception {
        MvcResult page =
                call(
                        get("/departments/" + DEPARTMENT + "/years/2020")
                                .accept(MediaType.TEXT_HTML)
                                .with(httpBasic("dept-auditor", "auditor-demo")));
        String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.getResponse().getStatus()).as(html).isEqualTo(200);
        assertThat(html).contains("汇总", "抵销", "合并", "demo-street-service", "T1/4/1");
        MvcResult trace =
                call(
                        get("/departments/" + DEPARTMENT + "/years/2020/trace")
                                .param("cell", "T1/4/1")
                                .accept(MediaType.TEXT_HTML)
                                .with(httpBasic("dept-auditor", "auditor-demo")));
        String traced = trace.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(trace.getResponse().getStatus()).as(traced).isEqualTo(200);
        assertThat(traced)
                .contains("demo-street-service", "TransferReceived", "class=\"eliminated\"");
        // 上级补助收入 comes only from transfers inside the department: all of it is eliminated.
        java.util.regex.Matcher sum =
                java.util.regex.Pattern.compile("id=\"department-trace-sum\">([0-9.,]+) 元")
                        .matcher(traced);
        java.util.regex.Matcher eliminated =
                java.util.regex.Pattern.compile("id=\"department-trace-eliminated\">([0-9.,]+) 元")
                        .matcher(traced);
        assertThat(sum.find()).isTrue();
        assertThat(eliminated.find()).isTrue();
        assertThat(sum.group(1)).isNotEqualTo("0.00").isEqualTo(eliminated.group(1));
        assertThat(
                        status(
                                get("/departments/demo-culture/years/2020")
                                        .accept(MediaType.TEXT_HTML)
                                        .with(httpBasic("dept-auditor", "auditor-demo"))))
                .isEqualTo(403);
    }

    @Test
    void registeringDepartmentsIsForApproversAndABadFileWritesNothing() throws Exception {
        long before = events();
        var good =
                new org.springframework.mock.web.MockMultipartFile(
                        "file",
                        "more.csv",
                        "text/csv",
                        ("department,department_name,unit,unit_name,kind,parent,from_year\n"
                                        + "demo-more,更多,demo-more-office,本级,行政单位,,2020\n")
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(
                        status(
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                        .multipart("/api/departments")
                                        .file(good)
                                        .with(httpBasic("auditor", "auditor-demo"))))
                .isEqualTo(403);
        assertThat(
                        status(
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                        .multipart("/api/departments")
                                        .file(good)
                                        .with(httpBasic("clerk", "clerk-demo"))))
                .isEqualTo(403);
        assertThat(events()).isEqualTo(before);
        var bad =
                new org.springframework.mock.web.MockMultipartFile(
                        "file",
                        "bad.csv",
                        "text/csv",
                        ("department,department_name,unit,unit_name,kind,parent,from_year\n"
                                        + "demo-more,更多,demo-more-office,本级,行政单位,,2020\n"
                                        + "demo-more,更多,demo-more-office,本级,行政单位,,2020\n")
                                .getBytes(StandardCharsets.UTF_8));
        MvcResult refused =
                call(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                .multipart("/api/departments")
                                .file(bad)
                                .with(httpBasic("approver", "approver-demo")));
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("单位 demo-more-office 在 2020 年已于第 2 行登记，不能登记两次");
        assertThat(events()).isEqualTo(before);
        assertThat(
                        status(
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                        .multipart("/api/departments")
                                        .file(good)
                                        .with(httpBasic("approver", "approver-demo"))))
                .isEqualTo(200);
        assertThat(events()).isEqualTo(before + 1);
        assertThat(
                        status(
                                get("/departments")
                                        .accept(MediaType.TEXT_HTML)
                                        .with(httpBasic("auditor", "auditor-demo"))))
                .isEqualTo(403);
        MvcResult listed =
                call(
                        get("/departments")
                                .accept(MediaType.TEXT_HTML)
                                .with(httpBasic("dept-approver", "approver-demo")));
        assertThat(listed.getResponse().getStatus()).isEqualTo(200);
        assertThat(listed.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("demo-more-office", "事业单位");
    }

    @Test
    void aSingleTransferOverTheApiStoresBothLegsOrNothing() throws Exception {
        String transfer =
                "{\"id\":\"API-T1\",\"date\":\"2020-06-01\",\"kind\":\"transfer\","
                        + "\"unit\":\"demo-street-office\",\"fund\":\"other\",\"functional\":\"2010302\","
                        + "\"economic\":\"30299\",\"nature\":\"subsidy\",\"amount\":\"5.00\","
                        + "\"to_unit\":\"demo-street-service\"}";
        long before = events();
        // Granted the payer only (clerk has jianghan-gov-office): refused before anything is read.
        assertThat(
                        status(
                                post("/api/transactions")
                                        .with(httpBasic("clerk", "clerk-demo"))
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(transfer)))
                .isEqualTo(403);
        MvcResult outside =
                call(
                        post("/api/transactions")
                                .with(httpBasic("approver", "approver-demo"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        transfer.replace(
                                                "demo-street-service", "demo-culture-office")));
        assertThat(outside.getResponse().getStatus()).isEqualTo(422);
        assertThat(outside.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("to_unit", "单位 demo-culture-office 在 2020 年不属于部门 demo-street");
        assertThat(events()).isEqualTo(before);
        MvcResult recorded =
                call(
                        post("/api/transactions")
                                .with(httpBasic("approver", "approver-demo"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(transfer));
        assertThat(recorded.getResponse().getStatus())
                .as(recorded.getResponse().getContentAsString())
                .isEqualTo(201);
        assertThat(events()).isEqualTo(before + 2);
        assertThat(
                        jdbc.queryForList(
                                "SELECT payload_type FROM domain_event_entry WHERE"
                                        + " convert_from(payload, 'UTF8') LIKE '%API-T1%' ORDER BY global_index",
                                String.class))
                .containsExactly(
                        "ledger.core.account.TransferPaid", "ledger.core.account.TransferReceived");
        assertThat(
                        status(
                                post("/api/transactions")
                                        .with(httpBasic("approver", "approver-demo"))
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(transfer)))
                .isEqualTo(200);
        assertThat(events()).isEqualTo(before + 2);
    }

    @Test
    void anApproverGrantedADepartmentClosesAllItsUnitsOrNone() throws Exception {
        long before = events();
        assertThat(
                        status(
                                post("/api/departments/demo-closing/years/2020/close?date=2021-01-05")
                                        .with(httpBasic("dept-approver", "approver-demo"))))
                .isEqualTo(403);
        assertThat(
                        status(
                                post("/api/departments/demo-closing/years/2020/close?date=2021-01-05")
                                        .with(httpBasic("auditor", "auditor-demo"))))
                .isEqualTo(403);
        assertThat(events()).isEqualTo(before);
        MvcResult closed =
                call(
                        post("/api/departments/demo-closing/years/2020/close?date=2021-01-05")
                                .with(httpBasic("approver", "approver-demo")));
        assertThat(closed.getResponse().getStatus())
                .as(closed.getResponse().getContentAsString())
                .isEqualTo(200);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT COUNT(*) FROM ledger_year WHERE unit IN ('closing-top', 'closing-sub')"
                                        + " AND fiscal_year = 2020 AND closed",
                                Long.class))
                .isEqualTo(2L);
        long after = events();
        assertThat(
                        status(
                                post("/api/departments/demo-closing/years/2020/close?date=2021-01-05")
                                        .with(httpBasic("approver", "approver-demo"))))
                .isEqualTo(422);
        assertThat(events()).isEqualTo(after);
    }

    @Test
    void withoutSigningInEveryCallIsRefusedWith401() throws Exception {
        MvcResult result = call(get(STATEMENTS));
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentType()).contains("problem+json");
        assertThat(
                        call(post("/api/transactions")
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(spend("A-0")))
                                .getResponse()
                                .getStatus())
                .isEqualTo(401);
        assertThat(
                        call(get(STATEMENTS).with(httpBasic("clerk", "wrong-password")))
                                .getResponse()
                                .getStatus())
                .isEqualTo(401);
        assertThat(call(get("/v3/api-docs")).getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aRecorderRecordsAndReadsForItsOwnUnitOnly() throws Exception {
        long events = events();
        MvcResult recorded =
                call(
                        post("/api/transactions")
                                .with(httpBasic("clerk", "clerk-demo"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(spend("A-1")));
        assertThat(recorded.getResponse().getStatus()).isEqualTo(201);
        assertThat(events()).isEqualTo(events + 1);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT recorded_by FROM event_log WHERE payload #>> '{entry,transactionId}'"
                                        + " = 'A-1'",
                                String.class))
                .isEqualTo("clerk");
        assertThat(status(get(STATEMENTS).with(httpBasic("clerk", "clerk-demo")))).isEqualTo(200);

        long before = events();
        assertThat(
                        status(
                                post("/api/transactions")
                                        .with(httpBasic("clerk", "clerk-demo"))
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(
                                                spend("A-2")
                                                        .replace(
                                                                "jianghan-gov-office",
                                                                "other-unit"))))
                .isEqualTo(403);
        assertThat(
                        status(
                                post("/api/journals")
                                        .with(httpBasic("clerk", "clerk-demo"))
                                        .contentType("text/csv")
                                        .content(
                                                "id,date,kind,unit,fund,functional,economic,amount\n"
                                                        + "A-3,2020-02-01,appropriation,other-unit,other,2010301,30201,1.00\n")))
                .isEqualTo(403);
        assertThat(events()).isEqualTo(before);
        assertThat(
                        status(
                                post("/api/units/jianghan-gov-office/years/2020/close")
                                        .with(httpBasic("clerk", "clerk-demo"))))
                .isEqualTo(403);
    }

    @Test
    void aUnitNotGrantedAnswersTheSameWhetherItExistsOrNot() throws Exception {
        MvcResult existing =
                call(
                        get("/api/units/other-unit/years/2020/statements")
                                .with(httpBasic("clerk", "clerk-demo")));
        MvcResult missing =
                call(
                        get("/api/units/no-such-unit/years/2020/statements")
                                .with(httpBasic("clerk", "clerk-demo")));
        assertThat(existing.getResponse().getStatus()).isEqualTo(403);
        assertThat(missing.getResponse().getStatus()).isEqualTo(403);
        assertThat(existing.getResponse().getContentAsString())
                .isEqualTo(missing.getResponse().getContentAsString());
        assertThat(
                        status(
                                get("/api/units/other-unit/years/2020/trace?cell=T1/1/1")
                                        .with(httpBasic("clerk", "clerk-demo"))))
                .isEqualTo(403);
    }

    @Test
    void anAuditorReadsTracesChecksAndReconcilesEverythingButWritesNothing() throws Exception {
        assertThat(status(get(STATEMENTS).with(httpBasic("auditor", "auditor-demo"))))
                .isEqualTo(200);
        assertThat(
                        status(
                                get("/api/units/other-unit/years/2020/statements")
                                        .with(httpBasic("auditor", "auditor-demo"))))
                .isEqualTo(200);
        assertThat(
                        status(
                                get("/api/units/jianghan-gov-office/years/2020/trace?cell=T3/2010302/3")
                                        .with(httpBasic("auditor", "auditor-demo"))))
                .isEqualTo(200);
        assertThat(
                        status(
                                get("/api/units/jianghan-gov-office/years/2020/checks")
                                        .with(httpBasic("auditor", "auditor-demo"))))
                .isEqualTo(200);
        assertThat(
                        status(
                                post("/api/units/jianghan-gov-office/years/2020/reconciliation")
                                        .with(httpBasic("auditor", "auditor-demo"))
                                        .contentType(MediaType.TEXT_PLAIN)
                                        .content(
                                                Files.readString(Samples.jianghan2020Published()))))
                .isEqualTo(200);
        long before = events();
        assertThat(
                        status(
                                post("/api/transactions")
                                        .with(httpBasic("auditor", "auditor-demo"))
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(spend("A-4"))))
                .isEqualTo(403);
        assertThat(
                        status(
                                post("/api/journals")
                                        .with(httpBasic("auditor", "auditor-demo"))
                                        .contentType("text/csv")
                                        .content("id,date,kind,unit\n")))
                .isEqualTo(403);
        assertThat(
                        status(
                                post("/api/units/other-unit/years/2020/close")
                                        .with(httpBasic("auditor", "auditor-demo"))))
                .isEqualTo(403);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anApproverRecordsAndClosesYears() throws Exception {
        assertThat(
                        status(
                                post("/api/transactions")
                                        .with(httpBasic("approver", "approver-demo"))
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(spend("A-5"))))
                .isEqualTo(201);
        MvcResult closed =
                call(
                        post("/api/units/other-unit/years/2020/close?date=2021-01-05")
                                .with(httpBasic("approver", "approver-demo")));
        assertThat(closed.getResponse().getStatus())
                .as(closed.getResponse().getContentAsString())
                .isEqualTo(200);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT closed FROM ledger_year WHERE unit = 'other-unit' AND fiscal_year = 2020",
                                Boolean.class))
                .isTrue();
    }

    /** Who calls: a user (null: nobody signed in), a password, and the unit the call is about. */
    enum Caller {
        RECORDER_OWN_UNIT("clerk", "clerk-demo", "jianghan-gov-office"),
        RECORDER_OTHER_UNIT("clerk", "clerk-demo", "other-unit"),
        APPROVER("approver", "approver-demo", "jianghan-gov-office"),
        AUDITOR("auditor", "auditor-demo", "jianghan-gov-office"),
        ANONYMOUS(null, null, "jianghan-gov-office"),
        WRONG_PASSWORD("clerk", "not-clerk-demo", "jianghan-gov-office"),
        DEPARTMENT_AUDITOR("dept-auditor", "auditor-demo", "demo-street-office"),
        DEPARTMENT_APPROVER("dept-approver", "approver-demo", "demo-street-office"),
        OTHER_DEPARTMENT("dept-auditor", "auditor-demo", "demo-culture-office", "demo-culture");

        final String user;
        final String password;
        final String unit;

        /** The department the call is about, for the department kinds. */
        final String department;

        Caller(String user, String password, String unit) {
            this(user, password, unit, DEPARTMENT);
        }

        Caller(String user, String password, String unit, String department) {
            this.user = user;
            this.password = password;
            this.unit = unit;
            this.department = department;
        }
    }

    /**
     * A kind of endpoint; {@code write} kinds must change the event store exactly when they
     * succeed.
     */
    enum Kind {
        RECORD(true),
        JOURNAL_UPLOAD(true),
        CLOSE(true),
        STATEMENTS(false),
        TABLE(false),
        TRACE(false),
        CHECKS(false),
        RECONCILE(false),
        EXPLANATION(false),
        PAGE(false),
        WORKBOOK(false),
        DEPARTMENT_STATEMENTS(false),
        DEPARTMENT_TRACE(false),
        DEPARTMENT_CHECKS(false);

        final boolean write;

        Kind(boolean write) {
            this.write = write;
        }

        boolean page() {
            return this == PAGE || this == WORKBOOK;
        }

        boolean ofDepartment() {
            return name().startsWith("DEPARTMENT_");
        }
    }

    /**
     * The unit an approver closes in the matrix, so that the sample's year stays open for the other
     * cells.
     */
    private static final String CLOSED_BY_MATRIX = "matrix-close";

    /**
     * Likewise for the approver granted the department: a unit of it, reached through the
     * department.
     */
    private static final String DEPARTMENT_CLOSED_BY_MATRIX = "demo-street-close";

    /**
     * Every caller against every kind of endpoint, with the answer each must get: 401 without valid
     * credentials (a page sends the anonymous to the sign-in form instead), 403 for a role or a
     * unit not granted, else success; a refused write leaves the event count as it was.
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
            case OTHER_DEPARTMENT:
                return 403;
            case DEPARTMENT_AUDITOR:
                return kind.write ? 403 : 200;
            case DEPARTMENT_APPROVER:
                // It reads the department and its units and closes their years; recording needs
                // units granted.
                return kind == Kind.RECORD || kind == Kind.JOURNAL_UPLOAD ? 403 : 200;
            case AUDITOR:
                return kind.write ? 403 : 200;
            case RECORDER_OWN_UNIT:
                if (kind == Kind.CLOSE || kind.ofDepartment()) {
                    return 403;
                }
                return kind == Kind.RECORD ? 201 : 200;
            default:
                return kind == Kind.RECORD ? 201 : 200;
        }
    }

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @MethodSource("roleMatrix")
    void eachCallerAgainstEachKindOfEndpoint(Caller caller, Kind kind, int expected)
            throws Exception {
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

    private static MockHttpServletRequestBuilder request(Caller caller, Kind kind)
            throws Exception {
        String unitYear = "/api/units/" + caller.unit + "/years/2020";
        String id = "M-" + caller.ordinal() + "-" + kind.ordinal();
        return switch (kind) {
            case RECORD ->
                    post("/api/transactions")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                    spend(id)
                                            .replace("jianghan-gov-office", caller.unit)
                                            .replace(
                                                    "\"fund\":\"general\"",
                                                    caller.unit.equals("other-unit")
                                                            ? "\"fund\":\"other\""
                                                            : "\"fund\":\"general\""));
            case JOURNAL_UPLOAD ->
                    post("/api/journals")
                            .contentType("text/csv")
                            .content(
                                    "id,date,kind,unit,fund,functional,economic,nature,project,amount\n"
                                            + id
                                            + ",2020-12-31,expenditure,"
                                            + caller.unit
                                            + ",general,2010302,30299,project,JH2020-P01,1.00\n");
            case CLOSE ->
                    post("/api/units/"
                                    + (caller == Caller.APPROVER
                                            ? CLOSED_BY_MATRIX
                                            : caller == Caller.DEPARTMENT_APPROVER
                                                    ? DEPARTMENT_CLOSED_BY_MATRIX
                                                    : caller.unit)
                                    + "/years/2020/close")
                            .param("date", "2021-01-05");
            case STATEMENTS -> get(unitYear + "/statements");
            case TABLE -> get(unitYear + "/statements/T3");
            case TRACE -> get(unitYear + "/trace").param("cell", "T3/2010302/3");
            case CHECKS -> get(unitYear + "/checks");
            case EXPLANATION -> get(unitYear + "/explanation");
            case RECONCILE ->
                    post(unitYear + "/reconciliation")
                            .contentType(MediaType.TEXT_PLAIN)
                            .content(Files.readString(Samples.jianghan2020Published()));
            // as a browser asks: an anonymous browser is sent to the sign-in form
            case PAGE -> get("/units/" + caller.unit + "/years/2020").accept(MediaType.TEXT_HTML);
            case WORKBOOK ->
                    get("/units/" + caller.unit + "/years/2020/statements.xlsx")
                            .accept(MediaType.TEXT_HTML, MediaType.ALL);
            case DEPARTMENT_STATEMENTS ->
                    get("/api/departments/" + caller.department + "/years/2020/statements")
                            .param("view", "working");
            case DEPARTMENT_TRACE ->
                    get("/api/departments/" + caller.department + "/years/2020/trace")
                            .param("cell", "T1/4/1");
            case DEPARTMENT_CHECKS ->
                    get("/api/departments/" + caller.department + "/years/2020/checks");
        };
    }

    private static String spend(String id) {
        return "{\"id\":\""
                + id
                + "\",\"date\":\"2020-12-31\",\"kind\":\"expenditure\",\"unit\":\"jianghan-gov-office\","
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
