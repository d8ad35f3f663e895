package ledger.api.rest;

import static ledger.api.rest.ApiSupport.json;
import static ledger.api.rest.ApiSupport.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import ledger.api.LedgerApplication;
import ledger.api.support.TestDatabase;
import ledger.core.account.AppropriateFunds;
import ledger.core.account.CommandOutcome;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * POST /api/transactions on the whole application and a PostgreSQL database of its own: every kind
 * of transaction is recorded (201) and a repeat changes nothing (200); every refusal is an RFC 7807
 * problem naming the field and the reason (422 for refused input, 400 for a malformed request) and
 * leaves the event store exactly as it was.
 */
// A database of its own means a context of its own: close it after the class, so the suite does not
// hold one connection pool per finished class open against PostgreSQL's connection limit.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = LedgerApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransactionApiIT {

    private static final String URL = TestDatabase.create("apitx");
    private static final String UNIT = "test-bureau";
    private static final String UNIT_NAME = "江汉区测试局";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired WebApplicationContext application;
    @Autowired JdbcTemplate jdbc;
    @Autowired CommandBus commandBus;

    ApiSupport api;

    @BeforeEach
    void support() {
        api = new ApiSupport(ApiSupport.signedIn(application), jdbc);
    }

    @Test
    @Order(1)
    void everyKindIsRecordedWith201AndARepeatAnswers200AndWritesNothing() {
        // A unit seen for the first time (registered with its first transaction), then the Axon
        // path.
        JsonNode budget =
                recorded(
                        tx(
                                "T21-001",
                                "2021-01-05",
                                "budget",
                                "general",
                                "2010301",
                                "30101",
                                "100000.00",
                                "unit_name",
                                UNIT_NAME,
                                "voucher",
                                "记-2021-01-001",
                                "memo",
                                "年初预算批复"),
                        201);
        assertThat(budget.get("transactionId").textValue()).isEqualTo("T21-001");
        assertThat(budget.get("accountId").textValue())
                .isEqualTo("2021/test-bureau/general/2010301/30101");
        assertThat(budget.get("repeated").booleanValue()).isFalse();

        long events = api.eventCount();
        JsonNode again =
                recorded(
                        tx(
                                "T21-001",
                                "2021-01-05",
                                "budget",
                                "general",
                                "2010301",
                                "30101",
                                "100000.00",
                                "unit_name",
                                UNIT_NAME,
                                "voucher",
                                "记-2021-01-001",
                                "memo",
                                "年初预算批复"),
                        200);
        assertThat(again.get("repeated").booleanValue()).isTrue();
        assertThat(api.eventCount()).isEqualTo(events);

        recorded(
                tx(
                        "T21-002",
                        "2021-02-01",
                        "supplement",
                        "general",
                        "2010301",
                        "30101",
                        "20000.00"),
                201);
        recorded(
                tx("T21-003", "2021-02-02", "reduce", "general", "2010301", "30101", "5000.00"),
                201);
        recorded(
                tx(
                        "T21-004",
                        "2021-02-03",
                        "appropriation",
                        "general",
                        "2010301",
                        "30101",
                        "100000.00"),
                201);
        recorded(
                tx(
                        "T21-005",
                        "2021-03-01",
                        "expenditure",
                        "general",
                        "2010301",
                        "30101",
                        "30000.00",
                        "nature",
                        "personnel",
                        "memo",
                        "3月工资"),
                201);
        // A project expenditure with a government purchase won by a small enterprise (project new:
        // batch path) …
        recorded(
                tx("T21-006", "2021-01-05", "budget", "general", "2010302", "30201", "50000.00"),
                201);
        recorded(
                tx(
                        "T21-007",
                        "2021-02-03",
                        "appropriation",
                        "general",
                        "2010302",
                        "30201",
                        "50000.00"),
                201);
        recorded(
                tx(
                        "T21-008",
                        "2021-04-01",
                        "expenditure",
                        "general",
                        "2010302",
                        "30201",
                        "12000.00",
                        "nature",
                        "project",
                        "project",
                        "TB-P01",
                        "project_name",
                        "政务调研",
                        "procurement",
                        "services",
                        "sme",
                        "true"),
                201);
        // … and one more on the known project (Axon path), a purchase of goods from a large
        // supplier.
        recorded(
                tx(
                        "T21-009",
                        "2021-04-02",
                        "expenditure",
                        "general",
                        "2010302",
                        "30201",
                        "3000.00",
                        "nature",
                        "project",
                        "project",
                        "TB-P01",
                        "procurement",
                        "goods",
                        "sme",
                        "false"),
                201);
        recorded(
                tx("T21-010", "2021-01-01", "opening", "general", "2010301", "30101", "8000.00"),
                201);
        recorded(
                tx(
                        "T21-011",
                        "2021-05-01",
                        "appropriation",
                        "other",
                        "2010301",
                        "30101",
                        "3000.00"),
                201);
        JsonNode reversal =
                recorded(
                        object(
                                "id",
                                "T21-012",
                                "date",
                                "2021-03-02",
                                "kind",
                                "reversal",
                                "unit",
                                UNIT,
                                "reverses",
                                "T21-005",
                                "memo",
                                "工资重复入账冲销"),
                        201);
        assertThat(reversal.get("accountId").textValue())
                .isEqualTo("2021/test-bureau/general/2010301/30101");
        long afterReversal = api.eventCount();
        recorded(
                object(
                        "id",
                        "T21-012",
                        "date",
                        "2021-03-02",
                        "kind",
                        "reversal",
                        "unit",
                        UNIT,
                        "reverses",
                        "T21-005",
                        "memo",
                        "工资重复入账冲销"),
                200);
        assertThat(api.eventCount()).isEqualTo(afterReversal);
    }

    @Test
    @Order(2)
    void theStatementsShowWhatWasRecordedAndTheTraceKeepsAReversalBesideItsOriginal() {
        JsonNode set = json(api.perform(get("/api/units/" + UNIT + "/years/2021/statements")));
        assertThat(set.get("unitName").textValue()).isEqualTo(UNIT_NAME);
        JsonNode t1 = set.at("/tables/T1/cells");
        assertThat(t1.get("1/1").textValue())
                .isEqualTo("15.00"); // general appropriations 100,000 + 50,000
        assertThat(t1.get("8/1").textValue()).isEqualTo("0.30"); // other income 3,000
        assertThat(t1.get("29/1").textValue()).isEqualTo("0.80"); // opening 8,000
        assertThat(t1.get("57/2").textValue())
                .isEqualTo("1.50"); // 30,000 − 30,000 + 12,000 + 3,000
        assertThat(set.at("/tables/T3/cells").get("2010302/3").textValue()).isEqualTo("1.50");
        assertThat(set.at("/tables/T3/cells").has("2010301/2"))
                .as("the reversed salary is gone")
                .isFalse();
        assertThat(set.at("/tables/T2/cells").get("total/7").textValue()).isEqualTo("0.30");
        assertThat(set.at("/tables/T7/cells").size()).isZero();

        JsonNode trace =
                json(
                        api.perform(
                                get("/api/units/" + UNIT + "/years/2021/trace")
                                        .param("cell", "T1/59/2")));
        // 年末结转和结余: opening + income − expenditure, every event with its sign.
        assertThat(trace.get("sumFen").longValue()).isEqualTo((8_000 + 153_000 - 15_000) * 100L);
        assertThat(trace.get("figure").textValue()).isEqualTo("14.60");
        List<String> ids = new ArrayList<>();
        long sum = 0;
        for (JsonNode event : trace.get("events")) {
            ids.add(event.get("transactionId").textValue());
            sum += event.get("contributesFen").longValue();
            assertThat(event.get("recordedBy").textValue()).isEqualTo(ApiSupport.USER);
        }
        assertThat(sum).isEqualTo(trace.get("sumFen").longValue());
        assertThat(ids)
                .contains(
                        "T21-005", "T21-012", "T21-010", "T21-004", "T21-007", "T21-011", "T21-008")
                .doesNotContain("T21-001", "T21-002", "T21-003", "T21-006");
        JsonNode original = event(trace, "T21-005");
        JsonNode undo = event(trace, "T21-012");
        assertThat(original.get("contributesFen").longValue()).isEqualTo(-3_000_000L);
        assertThat(undo.get("contributesFen").longValue()).isEqualTo(3_000_000L);
        assertThat(undo.get("reverses").textValue()).isEqualTo("T21-005");
        assertThat(undo.get("eventType").textValue()).isEqualTo("TransactionReversed");

        JsonNode project =
                json(
                        api.perform(
                                get("/api/units/" + UNIT + "/years/2021/trace")
                                        .param("cell", "T3/2010302/3")));
        JsonNode purchase = event(project, "T21-008");
        assertThat(purchase.get("project").textValue()).isEqualTo("TB-P01");
        assertThat(purchase.get("procurement").textValue()).isEqualTo("services");
        assertThat(purchase.get("sme").booleanValue()).isTrue();
        assertThat(event(project, "T21-009").get("sme").booleanValue()).isFalse();
    }

    @Test
    @Order(3)
    void refusedInputIs422NamingTheFieldAndWritesNothing() {
        api.refused(
                record(
                        tx(
                                "T21-100",
                                "2021-06-01",
                                "appropriation",
                                "general",
                                "2010301",
                                "30101",
                                "12.345")),
                422,
                "amount",
                "金额的小数超过两位");
        api.refused(
                record(
                        tx(
                                "T21-100",
                                "2021-06-01",
                                "appropriation",
                                "general",
                                "2010301",
                                "30101",
                                "-5.00")),
                422,
                "amount",
                "");
        api.refused(
                record(
                        tx(
                                "T21-100",
                                "2021-06-01",
                                "appropriation",
                                "general",
                                "2010301",
                                "30101",
                                "abc")),
                422,
                "amount",
                "");
        api.refused(
                record(
                        tx(
                                "T21-100",
                                "2021-06-01",
                                "budget",
                                "general",
                                "2010397",
                                "30101",
                                "1.00")),
                422,
                "functional",
                "2010397");
        api.refused(
                record(
                        tx(
                                "T21-100",
                                "2021-06-01",
                                "budget",
                                "general",
                                "2010301",
                                "30198",
                                "1.00")),
                422,
                "economic",
                "30198");
        api.refused(
                record(
                        tx(
                                "T21-100",
                                "2021-06-01",
                                "budget",
                                "nosuchfund",
                                "2010301",
                                "30101",
                                "1.00")),
                422,
                "fund",
                "");
        api.refused(
                record(
                        tx(
                                "T21-100",
                                "2021-06-31",
                                "budget",
                                "general",
                                "2010301",
                                "30101",
                                "1.00")),
                422,
                "date",
                "2021-06-31");
        api.refused(
                record(
                        tx(
                                "T21-100",
                                "2021-06-01",
                                "refund",
                                "general",
                                "2010301",
                                "30101",
                                "1.00")),
                422,
                "kind",
                "");
        // Overspend: 8,000 opening + 100,000 received − 0 spent (the salary was reversed).
        api.refused(
                record(
                        tx(
                                "T21-100",
                                "2021-06-01",
                                "expenditure",
                                "general",
                                "2010301",
                                "30101",
                                "108000.01",
                                "nature",
                                "personnel")),
                422,
                "amount",
                "支出 108,000.01 元超过该预算行可用资金 108,000.00 元"
                        + "（年初结转 8,000.00 + 本年拨款 100,000.00 − 已支出 0.00）");
        // The same refusal for an API client that asks for English, from the same catalog.
        api.refused(
                post("/api/transactions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content(
                                tx(
                                        "T21-100",
                                        "2021-06-01",
                                        "expenditure",
                                        "general",
                                        "2010301",
                                        "30101",
                                        "108000.01",
                                        "nature",
                                        "personnel")),
                422,
                "amount",
                "expenditure of 108,000.01 yuan exceeds the funds"
                        + " available on this line: 108,000.00 (opening 8,000.00 + received 100,000.00 − spent 0.00)");
        JsonNode chinese =
                api.refused(
                        post("/api/transactions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                                .content(
                                        tx(
                                                "T21-100",
                                                "2021-06-01",
                                                "budget",
                                                "nosuchfund",
                                                "2010301",
                                                "30101",
                                                "1.00")),
                        422,
                        "fund",
                        "未知的资金来源「nosuchfund」");
        assertThat(chinese.get("detail").textValue())
                .startsWith("资金来源（fund）：未知的资金来源「nosuchfund」，可用的值：" + "一般公共预算财政拨款（general）");
        JsonNode english =
                api.refused(
                        post("/api/transactions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .header("Accept-Language", "en-US,en;q=0.9")
                                .content(
                                        tx(
                                                "T21-100",
                                                "2021-06-01",
                                                "budget",
                                                "nosuchfund",
                                                "2010301",
                                                "30101",
                                                "1.00")),
                        422,
                        "fund",
                        "unknown fund source 'nosuchfund'"
                                + " (expected one of: general, gov-fund, soe-capital, superior, business, operating, affiliated, other)");
        assertThat(english.get("detail").textValue()).startsWith("fund: unknown fund source");
        // Over-appropriation: the budget is 115,000 of which 100,000 is received.
        api.refused(
                record(
                        tx(
                                "T21-100",
                                "2021-06-01",
                                "appropriation",
                                "general",
                                "2010301",
                                "30101",
                                "15000.01")),
                422,
                "amount",
                "");
        api.refused(
                record(
                        tx(
                                "T21-100",
                                "2021-06-01",
                                "expenditure",
                                "general",
                                "2010302",
                                "30201",
                                "1.00",
                                "nature",
                                "personnel")),
                422,
                "nature",
                "");
        api.refused(
                record(
                        tx(
                                "T21-100",
                                "2021-06-01",
                                "expenditure",
                                "general",
                                "2010302",
                                "30201",
                                "1.00",
                                "nature",
                                "project")),
                422,
                "project",
                "");
        api.refused(
                record(
                        tx(
                                "T21-100",
                                "2021-06-01",
                                "budget",
                                "general",
                                "2010301",
                                "30101",
                                "1.00",
                                "nature",
                                "personnel")),
                422,
                "nature",
                "只有支出行填写支出性质");
        // The same id with other content.
        api.refused(
                record(
                        tx(
                                "T21-004",
                                "2021-02-03",
                                "appropriation",
                                "general",
                                "2010301",
                                "30101",
                                "99.00")),
                422,
                "id",
                "T21-004");
        // A reversal of a reversal, of nothing, and one dated before its original.
        api.refused(
                record(
                        object(
                                "id",
                                "T21-101",
                                "date",
                                "2021-06-01",
                                "kind",
                                "reversal",
                                "unit",
                                UNIT,
                                "reverses",
                                "T21-012")),
                422,
                "reverses",
                "本身是一笔冲销");
        api.refused(
                record(
                        object(
                                "id",
                                "T21-101",
                                "date",
                                "2021-06-01",
                                "kind",
                                "reversal",
                                "unit",
                                UNIT,
                                "reverses",
                                "T21-999")),
                422,
                "reverses",
                "T21-999");
        api.refused(
                record(
                        object(
                                "id",
                                "T21-101",
                                "date",
                                "2021-06-01",
                                "kind",
                                "reversal",
                                "unit",
                                UNIT,
                                "reverses",
                                "T21-008",
                                "amount",
                                "1.00")),
                422,
                "amount",
                "");
        api.refused(
                record(
                        object(
                                "id",
                                "T21-101",
                                "date",
                                "2021-03-31",
                                "kind",
                                "reversal",
                                "unit",
                                UNIT,
                                "reverses",
                                "T21-008")),
                422,
                "date",
                "");
        // A second 年初预算 on a line is a second 指标 (issue 14); only a budget names its 指标文号.
        api.refused(
                record(
                        object(
                                "id",
                                "T21-102",
                                "date",
                                "2021-01-06",
                                "kind",
                                "appropriation",
                                "unit",
                                UNIT,
                                "fund",
                                "general",
                                "functional",
                                "2010301",
                                "economic",
                                "30101",
                                "amount",
                                "1.00",
                                "indicator",
                                "财预〔2021〕1号")),
                422,
                "indicator",
                "只有年初预算行可以填写指标文号");
        // A code outside the year's 科目表 names the code, the year and how to load the 科目表.
        api.refused(
                record(
                        tx(
                                "T21-102",
                                "2021-01-06",
                                "budget",
                                "general",
                                "2010601",
                                "30101",
                                "1.00")),
                422,
                "functional",
                "2010601 不在 2021 年的科目表中");

        JsonNode missing = api.refused(record(object("id", "T21-103")), 422, "date", "日期为必填项");
        assertThat(missing.get("problems"))
                .extracting(p -> p.get("field").textValue())
                .contains("date", "kind", "unit");
        assertThat(missing.get("problems").get(0).has("line"))
                .as("a request has no line number")
                .isFalse();
    }

    @Test
    @Order(4)
    void aMalformedRequestIs400NamingTheFieldAndWritesNothing() {
        api.refused(
                post("/api/transactions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\": \"T21-1"),
                400,
                "body",
                "not valid JSON");
        api.refused(
                post("/api/transactions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                object(
                                        "id",
                                        "T21-104",
                                        "date",
                                        "2021-06-01",
                                        "kind",
                                        "budget",
                                        "unit",
                                        UNIT,
                                        "fund",
                                        "general",
                                        "functional",
                                        "2010301",
                                        "economic",
                                        "30101",
                                        "amount",
                                        "1.00",
                                        "amout",
                                        "1.00")),
                400,
                "amout",
                "unknown field");
        api.refused(
                post("/api/transactions").contentType(MediaType.APPLICATION_JSON).content("[]"),
                400,
                "body",
                "one JSON object");
        api.refused(
                post("/api/transactions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\": {\"nested\": 1}}"),
                400,
                "id",
                "string");
        api.refused(
                post("/api/transactions").contentType(MediaType.APPLICATION_JSON),
                400,
                "body",
                "missing");
        long before = api.eventCount();
        MvcResult wrongType =
                api.perform(
                        post("/api/transactions").contentType(MediaType.TEXT_PLAIN).content("x"));
        assertThat(wrongType.getResponse().getStatus()).isEqualTo(415);
        assertThat(wrongType.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void withoutTheRightToRecordNothingIsWritten() throws Exception {
        String valid =
                tx("T21-300", "2021-06-01", "appropriation", "other", "2010301", "30101", "1.00");
        MockMvc anonymous =
                MockMvcBuilders.webAppContextSetup(application)
                        .apply(SecurityMockMvcConfigurers.springSecurity())
                        .build();
        long before = api.eventCount();
        MvcResult unauthenticated = anonymous.perform(record(valid)).andReturn();
        assertThat(unauthenticated.getResponse().getStatus()).isEqualTo(401);
        assertThat(unauthenticated.getResponse().getContentType())
                .startsWith("application/problem+json");
        MvcResult auditor =
                anonymous
                        .perform(
                                post("/api/transactions")
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(valid)
                                        .with(
                                                SecurityMockMvcRequestPostProcessors.httpBasic(
                                                        "auditor", "auditor-demo")))
                        .andReturn();
        assertThat(auditor.getResponse().getStatus()).isEqualTo(403);
        // The demo clerk records for jianghan-gov-office only.
        MvcResult otherUnit =
                anonymous
                        .perform(
                                post("/api/transactions")
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(valid)
                                        .with(
                                                SecurityMockMvcRequestPostProcessors.httpBasic(
                                                        "clerk", "clerk-demo")))
                        .andReturn();
        assertThat(otherUnit.getResponse().getStatus()).isEqualTo(403);
        assertThat(otherUnit.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void aClosedYearRefusesEverythingAndCannotBeClosedTwice() {
        api.refused(
                post("/api/units/" + UNIT + "/years/2021/close").param("date", "2021-12-32"),
                400,
                "date",
                "yyyy-mm-dd");
        api.refused(
                post("/api/units/" + UNIT + "/years/2021/close").param("date", "2021-06-30"),
                422,
                "date",
                "");
        api.refused(post("/api/units/nobody/years/2021/close"), 404, "unit", "nobody");

        // The preview carries what the close then carries, and writes nothing.
        MvcResult previewed =
                api.perform(
                        get("/api/units/" + UNIT + "/years/2021/close")
                                .param("date", "2021-12-31"));
        assertThat(previewed.getResponse().getStatus())
                .as(ApiSupport.body(previewed))
                .isEqualTo(200);
        JsonNode preview = json(previewed);
        assertThat(preview.get("totalFen").longValue()).isEqualTo(14_600_000L);
        assertThat(preview.get("closedOn").textValue()).isEqualTo("2021-12-31");
        assertThat(preview.get("lines")).isNotEmpty();
        MvcResult closed =
                api.perform(
                        post("/api/units/" + UNIT + "/years/2021/close")
                                .param("date", "2021-12-31"));
        assertThat(closed.getResponse().getStatus()).as(ApiSupport.body(closed)).isEqualTo(200);
        JsonNode close = json(closed);
        assertThat(close.get("accountsCarried").intValue()).isPositive();
        assertThat(close.get("accountsCarried").intValue()).isEqualTo(preview.get("lines").size());
        assertThat(ApiSupport.body(closed)).contains("2021-12-31").contains("14600000");

        api.refused(
                record(
                        tx(
                                "T21-200",
                                "2021-12-31",
                                "appropriation",
                                "other",
                                "2010301",
                                "30101",
                                "1.00")),
                422,
                "date",
                "已结转关账");
        api.refused(
                record(
                        tx(
                                "T21-201",
                                "2021-12-31",
                                "budget",
                                "general",
                                "2010303",
                                "30101",
                                "1.00")),
                422,
                "date",
                "已结转关账");
        api.refused(
                post("/api/units/" + UNIT + "/years/2021/close").param("date", "2022-01-10"),
                422,
                "year",
                "单位 " + UNIT + " 的 2021 年度已结转关账，不能再次结转");
        // The same refusal for a client that asks for English, from the one catalog.
        api.refused(
                post("/api/units/" + UNIT + "/years/2021/close")
                        .param("date", "2022-01-10")
                        .header("Accept-Language", "en"),
                422,
                "year",
                "fiscal year 2021 of unit " + UNIT + " is already closed");
        api.refused(
                post("/api/units/" + UNIT + "/years/2021/close")
                        .param("date", "2021-06-30")
                        .header("Accept-Language", "en"),
                422,
                "year",
                "is already closed");
        api.refused(
                record(
                        tx(
                                "T22-001",
                                "2022-01-01",
                                "opening",
                                "general",
                                "2010301",
                                "30101",
                                "1.00")),
                422,
                "kind",
                "");
        // The carried balance arrives in 2022 as its opening.
        JsonNode next = json(api.perform(get("/api/units/" + UNIT + "/years/2022/statements")));
        assertThat(next.at("/tables/T1/cells").get("29/1").textValue()).isEqualTo("14.60");
    }

    @Test
    @Order(7)
    void aCommandSentOverHttpArrivesAtTheBudgetAccountAggregate() {
        // Goal: the API's write path is Axon's command bus to the aggregate, not a path beside it:
        // an interceptor on the bus sees the command, with the caller in its metadata, and the
        // aggregate's handler answer; the stored event names that command as its correlation.
        List<CommandMessage<?>> seen = new CopyOnWriteArrayList<>();
        List<Object> answers = new CopyOnWriteArrayList<>();
        Registration watching =
                commandBus.registerHandlerInterceptor(
                        (unitOfWork, chain) -> {
                            seen.add(unitOfWork.getMessage());
                            Object answer = chain.proceed();
                            answers.add(answer);
                            return answer;
                        });
        try {
            // 2021 is closed by now; the next year is open.
            recorded(
                    tx(
                            "T22-BUS",
                            "2022-06-01",
                            "appropriation",
                            "other",
                            "2010301",
                            "30101",
                            "1.00"),
                    201);
            recorded(
                    tx(
                            "T22-BUS",
                            "2022-06-01",
                            "appropriation",
                            "other",
                            "2010301",
                            "30101",
                            "1.00"),
                    200);
        } finally {
            watching.cancel();
        }
        assertThat(seen)
                .hasSize(2)
                .allSatisfy(
                        command -> {
                            assertThat(command.getPayload())
                                    .isInstanceOfSatisfying(
                                            AppropriateFunds.class,
                                            appropriation -> {
                                                assertThat(
                                                                appropriation
                                                                        .entry()
                                                                        .transactionId()
                                                                        .value())
                                                        .isEqualTo("T22-BUS");
                                                assertThat(appropriation.account().id())
                                                        .isEqualTo(
                                                                "2022/test-bureau/other/2010301/30101");
                                            });
                            assertThat(command.getMetaData())
                                    .containsEntry("user", ApiSupport.USER);
                        });
        assertThat(answers)
                .containsExactly(CommandOutcome.RECORDED, CommandOutcome.ALREADY_RECORDED);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId'"
                                        + " FROM domain_event_entry WHERE convert_from(payload, 'UTF8')::jsonb #>> '{entry,transactionId}'"
                                        + " = 'T22-BUS'",
                                String.class))
                .isEqualTo(seen.get(0).getIdentifier());
    }

    private JsonNode recorded(String body, int status) {
        MvcResult result = api.perform(record(body));
        assertThat(result.getResponse().getStatus()).as(ApiSupport.body(result)).isEqualTo(status);
        return json(result);
    }

    private static RequestBuilder record(String body) {
        return post("/api/transactions").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String tx(
            String id,
            String date,
            String kind,
            String fund,
            String functional,
            String economic,
            String amount,
            String... more) {
        List<String> fields =
                new ArrayList<>(
                        List.of(
                                "id",
                                id,
                                "date",
                                date,
                                "kind",
                                kind,
                                "unit",
                                UNIT,
                                "fund",
                                fund,
                                "functional",
                                functional,
                                "economic",
                                economic,
                                "amount",
                                amount));
        fields.addAll(List.of(more));
        return object(fields.toArray(String[]::new));
    }

    private static JsonNode event(JsonNode trace, String transactionId) {
        for (JsonNode event : trace.get("events")) {
            if (event.get("transactionId").textValue().equals(transactionId)) {
                return event;
            }
        }
        throw new AssertionError(transactionId + " is not in the trace of " + trace.get("cell"));
    }
}
