package ledger.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import ledger.api.LedgerApplication;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The 科目表 over HTTP: any signed-in role reads a year's catalog, only an approver loads one (API and
 * page), a refused file writes nothing; a single command with a code outside its year's catalog is
 * refused with the message that says how to load it, and accepted after; a budget line's two 指标 add
 * up in T7 and each shows its 指标文号 in the trace.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogApiIT {

    private static final String URL = TestDatabase.create("catalogapi");
    private static final String GOOD = "code,name\n20106,财政事务\n2010601,行政运行\n";
    private static final String ORPHAN = "code,name\n2010602,一般行政管理事务\n";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    private static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile(
                "file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private static String budget(String id, String amount, String indicator) {
        return "{\"id\":\""
                + id
                + "\",\"date\":\"2024-01-0"
                + id.charAt(id.length() - 1)
                + "\",\"kind\":\"budget\","
                + "\"unit\":\"jianghan-gov-office\",\"fund\":\"general\",\"functional\":\"2010601\","
                + "\"economic\":\"30217\",\"amount\":\""
                + amount
                + "\",\"indicator\":\""
                + indicator
                + "\"}";
    }

    @Test
    @Order(1)
    void everySignedInRoleReadsACatalogAndAnonymousIsRefused() throws Exception {
        for (String[] user :
                new String[][] {
                    {"clerk", "clerk-demo"},
                    {"auditor", "auditor-demo"},
                    {"approver", "approver-demo"}
                }) {
            MvcResult result = call(get("/api/catalog/2024").with(httpBasic(user[0], user[1])));
            assertThat(result.getResponse().getStatus()).as(user[0]).isEqualTo(200);
            assertThat(body(result)).contains("\"code\":\"2010301\"", "\"name\":\"大型修缮\"");
        }
        assertThat(call(get("/api/catalog/2024")).getResponse().getStatus()).isEqualTo(401);
        MvcResult before2000 =
                call(get("/api/catalog/1999").with(httpBasic("auditor", "auditor-demo")));
        assertThat(before2000.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(before2000)).contains("预算年度应在 2000 至 2100 年之间，而这里是 1999");
        assertThat(
                        body(
                                call(
                                        get("/api/catalog/1999")
                                                .header("Accept-Language", "en")
                                                .with(httpBasic("auditor", "auditor-demo")))))
                .contains("a fiscal year is between 2000 and 2100, got 1999");
    }

    @Test
    @Order(2)
    void onlyAnApproverLoadsACatalog() throws Exception {
        long before = events();
        assertThat(
                        status(
                                multipart("/api/catalog/2024")
                                        .file(file("km.csv", GOOD))
                                        .with(httpBasic("clerk", "clerk-demo"))))
                .isEqualTo(403);
        assertThat(
                        status(
                                multipart("/api/catalog/2024")
                                        .file(file("km.csv", GOOD))
                                        .with(httpBasic("auditor", "auditor-demo"))))
                .isEqualTo(403);
        assertThat(status(multipart("/api/catalog/2024").file(file("km.csv", GOOD))))
                .isEqualTo(401);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aCommandWithACodeOutsideItsYearsCatalogIsRefusedSayingHowToLoadIt() throws Exception {
        MvcResult refused =
                call(
                        post("/api/transactions")
                                .with(httpBasic("approver", "approver-demo"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(budget("B-1", "3000.00", "区财预〔2024〕1号")));
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(refused))
                .contains("functional", "支出功能分类科目 2010601 不在 2024 年的科目表中", "ledger catalog import");
        assertThat(events()).isZero();
    }

    @Test
    @Order(4)
    void aCatalogWithAnOrphanIsRefusedWholeNamingTheLine() throws Exception {
        MvcResult refused =
                call(
                        multipart("/api/catalog/2024")
                                .file(file("orphan.csv", GOOD + "2150199,其他资源勘探工业信息等支出\n"))
                                .with(httpBasic("approver", "approver-demo")));
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(refused)).contains("\"line\":4", "项 2150199 的上级款 21501");
        // The same refusals in English for a client that asks, from the one message catalog.
        MvcResult english =
                call(
                        multipart("/api/catalog/2024")
                                .file(file("orphan.csv", GOOD + "2150199,其他资源勘探工业信息等支出\n"))
                                .header("Accept-Language", "en")
                                .with(httpBasic("approver", "approver-demo")));
        assertThat(english.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(english))
                .contains(
                        "\"line\":4",
                        "the parent 款 21501 of the 项 2150199 is neither in the file nor in the"
                                + " 2024 catalog")
                .doesNotContain("既不在文件中");
        MvcResult empty =
                call(
                        multipart("/api/catalog/2024")
                                .file(file("empty.csv", ""))
                                .with(httpBasic("approver", "approver-demo")));
        assertThat(empty.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(empty)).contains("文件为空：第一行应为表头，含列 编码（code）、名称（name）");
        MvcResult emptyEnglish =
                call(
                        multipart("/api/catalog/2024")
                                .file(file("empty.csv", ""))
                                .header("Accept-Language", "en")
                                .with(httpBasic("approver", "approver-demo")));
        assertThat(body(emptyEnglish))
                .contains("the file is empty: the first line must be the header, with the columns");
        assertThat(events()).isZero();
    }

    @Test
    @Order(5)
    void anApproverLoadsTheCatalogAndTheCommandsAreThenAcceptedWithTheirIndicators()
            throws Exception {
        MvcResult loaded =
                call(
                        multipart("/api/catalog/2024")
                                .file(file("km.csv", GOOD))
                                .with(httpBasic("approver", "approver-demo")));
        assertThat(loaded.getResponse().getStatus()).as(body(loaded)).isEqualTo(200);
        assertThat(body(loaded)).contains("\"codes\":2");
        assertThat(events()).isEqualTo(1);
        assertThat(
                        body(
                                call(
                                        get("/api/catalog/2024?format=tsv")
                                                .with(httpBasic("clerk", "clerk-demo")))))
                .contains("functional\t2010601\t行政运行");
        assertThat(
                        body(
                                call(
                                        get("/api/catalog/2025?format=tsv")
                                                .with(httpBasic("clerk", "clerk-demo")))))
                .doesNotContain("2010601");

        for (String row :
                new String[] {
                    budget("B-1", "3000.00", "区财预〔2024〕1号"), budget("B-2", "2000.00", "区财预〔2024〕7号")
                }) {
            MvcResult recorded =
                    call(
                            post("/api/transactions")
                                    .with(httpBasic("approver", "approver-demo"))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(row));
            assertThat(recorded.getResponse().getStatus()).as(body(recorded)).isEqualTo(201);
        }
        // The 2024 statements print the names of the 2024 科目表 for the codes it added.
        MvcResult received =
                call(
                        post("/api/transactions")
                                .with(httpBasic("approver", "approver-demo"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"id\":\"A-1\",\"date\":\"2024-02-01\","
                                                + "\"kind\":\"appropriation\",\"unit\":\"jianghan-gov-office\",\"fund\":\"general\","
                                                + "\"functional\":\"2010601\",\"economic\":\"30217\",\"amount\":\"5000.00\"}"));
        assertThat(received.getResponse().getStatus()).as(body(received)).isEqualTo(201);
        MvcResult text =
                call(
                        get("/api/units/jianghan-gov-office/years/2024/statements?format=text")
                                .with(httpBasic("auditor", "auditor-demo")));
        assertThat(text.getResponse().getStatus()).as(body(text)).isEqualTo(200);
        assertThat(body(text)).contains("财政事务", "行政运行");
        MvcResult trace =
                call(
                        get("/api/units/jianghan-gov-office/years/2024/trace?cell=T7/1/11")
                                .with(httpBasic("auditor", "auditor-demo")));
        assertThat(trace.getResponse().getStatus()).as(body(trace)).isEqualTo(200);
        assertThat(body(trace))
                .contains(
                        "\"figure\":\"0.50\"",
                        "\"eventCount\":2",
                        "\"indicator\":\"区财预〔2024〕1号\"",
                        "\"indicator\":\"区财预〔2024〕7号\"");
    }

    @Test
    @Order(6)
    void theCatalogPageIsForApproversAndPostsWithTheCsrfToken() throws Exception {
        MvcResult page =
                call(get("/catalog?year=2024").with(httpBasic("approver", "approver-demo")));
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(page)).contains("2024 年度科目表", "2010601", "行政运行", "km.csv");
        assertThat(status(get("/catalog?year=2024").with(httpBasic("clerk", "clerk-demo"))))
                .isEqualTo(403);
        assertThat(status(get("/catalog?year=2024").with(httpBasic("auditor", "auditor-demo"))))
                .isEqualTo(403);

        long before = events();
        // A page's form is signed in by the session cookie, so it needs the page's CSRF token
        // (Basic
        // credentials are an API client's own and need none: security/CrossSiteIT).
        MockHttpSession session =
                (MockHttpSession)
                        mvc.perform(formLogin("/login").user("approver").password("approver-demo"))
                                .andReturn()
                                .getRequest()
                                .getSession(false);
        assertThat(session).isNotNull();
        assertThat(
                        status(
                                multipart("/catalog")
                                        .file(file("orphan.csv", ORPHAN))
                                        .param("year", "2024")
                                        .session(session)))
                .isEqualTo(403);
        MvcResult refused =
                call(
                        multipart("/catalog")
                                .file(file("orphan.csv", ORPHAN))
                                .param("year", "2023")
                                .session(session)
                                .with(csrf()));
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(refused)).contains("未载入", "项 2010602 的上级款 20106 既不在文件中，也不在 2023 年的科目表中");
        assertThat(events()).isEqualTo(before);
        MvcResult accepted =
                call(
                        multipart("/catalog")
                                .file(file("km-2023.csv", GOOD))
                                .param("year", "2023")
                                .with(httpBasic("approver", "approver-demo"))
                                .with(csrf()));
        assertThat(accepted.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(accepted)).contains("已载入 2023 年科目表 km-2023.csv：2 个科目");
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    @Order(7)
    void theCommandLineLoadsAndListsThroughTheApiAsTheSignedInUser() throws Exception {
        java.nio.file.Path km = java.nio.file.Files.createTempFile("km-2022", ".csv");
        java.nio.file.Files.writeString(km, GOOD, StandardCharsets.UTF_8);
        long before = events();
        String[] clerk = remote("clerk", "catalog", "import", km.toString(), "--year", "2022");
        assertThat(clerk[0]).as(clerk[2]).isEqualTo("1");
        assertThat(clerk[2]).contains("403");
        assertThat(events()).isEqualTo(before);
        String[] approver =
                remote("approver", "catalog", "import", km.toString(), "--year", "2022");
        assertThat(approver[0]).as(approver[2]).isEqualTo("0");
        assertThat(approver[1]).contains("已载入 2022 年科目表", "2 个科目");
        assertThat(events()).isEqualTo(before + 1);
        String[] tsv = remote("auditor", "catalog", "list", "--year", "2022", "--format", "tsv");
        assertThat(tsv[1]).contains("functional\t2010601\t行政运行");
        String[] text = remote("auditor", "catalog", "list", "--year", "2022");
        assertThat(text[1]).contains("2022 年科目表", "载入 1 次", "    2010601  行政运行");
        java.nio.file.Files.delete(km);
    }

    /**
     * {@code ledger args… --server URL --user USER} with USER's demo password: exit code, out, err.
     */
    private String[] remote(String user, String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        all.addAll(java.util.List.of("--server", "http://localhost:" + port, "--user", user));
        picocli.CommandLine cli =
                ledger.api.cli.LedgerCommandLine.commandLine(
                        name -> name.equals("LEDGER_PASSWORD") ? user + "-demo" : null);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        int exit = cli.execute(all.toArray(String[]::new));
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    private MvcResult call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return call(request).getResponse().getStatus();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
