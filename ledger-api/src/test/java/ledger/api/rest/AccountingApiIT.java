package ledger.api.rest;

import static ledger.api.rest.ApiSupport.body;
import static ledger.api.rest.ApiSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import ledger.api.LedgerApplication;
import ledger.api.statement.SampleStatements;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Goal: the 预算会计 as a user reaches it over HTTP — the 科目余额表 of the 2020 sample ties to its 表1/表4
 * (资金结存 and 财政拨款结转 at 31.94 万元), each line's figure is the sum of the entries behind it, the 预算指标
 * account adds up, the checks carry the ties, the workbook a sheet each, the pages show them with
 * links to the events; a unit not granted is 403, a date outside the year 400 naming asOf, and
 * nothing is written. Method: the sample journal uploaded to the whole application on PostgreSQL,
 * then MockMvc as the demo users.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = LedgerApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountingApiIT {

    private static final String URL = TestDatabase.create("apiaccounting");
    private static final String YEAR = "/api/units/jianghan-gov-office/years/2020";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired WebApplicationContext application;
    @Autowired JdbcTemplate jdbc;

    ApiSupport api;

    @BeforeEach
    void support() {
        api = new ApiSupport(ApiSupport.signedIn(application), jdbc);
    }

    @Test
    @Order(1)
    void theSampleIsImported() throws Exception {
        MvcResult imported =
                api.perform(
                        post("/api/journals")
                                .contentType("text/csv")
                                .content(Files.readAllBytes(Samples.jianghan2020Journal())));
        assertThat(imported.getResponse().getStatus()).as(body(imported)).isEqualTo(200);
        assertThat(api.eventCount()).isEqualTo(SampleStatements.EVENTS);
    }

    @Test
    @Order(2)
    void theTrialBalanceTiesToTheStatementsIncludingTheClosingBalance() {
        MvcResult result = api.perform(get(YEAR + "/trial-balance").param("proFormaClose", "true"));
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
        JsonNode balance = json(result);
        assertThat(balance.get("balanced").booleanValue()).isTrue();
        assertThat(balance.get("proFormaClosing").booleanValue()).isTrue();
        assertThat(balance.get("unitKind").textValue()).isEqualTo("administrative");
        assertThat(balance.get("ties"))
                .isNotEmpty()
                .allSatisfy(
                        tie ->
                                assertThat(tie.get("holds").booleanValue())
                                        .as(tie.get("description").textValue())
                                        .isTrue());
        assertThat(wan(account(balance, "8001").get("closing").textValue()))
                .isEqualByComparingTo("31.94");
        assertThat(wan(account(balance, "8101").get("closing").textValue()))
                .isEqualByComparingTo("-31.94");
        assertThat(wan(account(balance, "8101").get("opening").textValue()))
                .isEqualByComparingTo("-10.30");
        assertThat(wan(account(balance, "6001").get("credit").textValue()))
                .isEqualByComparingTo("2493.03");
        assertThat(wan(account(balance, "7101").get("debit").textValue()))
                .isEqualByComparingTo("2471.39");

        JsonNode open = json(api.perform(get(YEAR + "/trial-balance")));
        assertThat(open.get("proFormaClosing").booleanValue()).isFalse();
        assertThat(wan(account(open, "8101").get("closing").textValue()))
                .isEqualByComparingTo("-10.30");
        assertThat(open.get("ties"))
                .allSatisfy(tie -> assertThat(tie.get("holds").booleanValue()).isTrue());

        JsonNode institution =
                json(api.perform(get(YEAR + "/trial-balance").param("unitKind", "事业单位")));
        assertThat(wan(account(institution, "7201").get("debit").textValue()))
                .isEqualByComparingTo("2471.39");
        assertThat(new BigDecimal(account(institution, "7101").get("debit").textValue())).isZero();
    }

    @Test
    @Order(3)
    void aLinesFigureIsTheSumOfTheEntriesBehindItEachNamingItsEvent() {
        JsonNode balance = json(api.perform(get(YEAR + "/trial-balance")));
        JsonNode detail = null;
        for (JsonNode row : balance.get("rows")) {
            if (row.has("detailId") && row.get("code").textValue().equals("7101")) {
                detail = row;
                break;
            }
        }
        assertThat(detail).isNotNull();
        JsonNode entries =
                json(
                        api.perform(
                                get(YEAR + "/trial-balance/entries")
                                        .param("line", detail.get("detailId").textValue())));
        BigDecimal debit = BigDecimal.ZERO;
        for (JsonNode entry : entries) {
            assertThat(entry.get("eventId").textValue()).isNotEmpty();
            if (entry.get("side").textValue().equals("借")) {
                debit = debit.add(new BigDecimal(entry.get("amount").textValue()));
            }
        }
        assertThat(debit).isEqualByComparingTo(detail.get("debit").textValue());
        String event = entries.get(0).get("eventId").textValue();
        assertThat(api.perform(get("/events/" + event)).getResponse().getStatus()).isEqualTo(200);
        BigDecimal credit = BigDecimal.ZERO;
        for (JsonNode entry :
                json(api.perform(get(YEAR + "/trial-balance/entries").param("line", "6001")))) {
            if (entry.get("side").textValue().equals("贷")) {
                credit = credit.add(new BigDecimal(entry.get("amount").textValue()));
            }
        }
        assertThat(credit).isEqualByComparingTo(account(balance, "6001").get("credit").textValue());
    }

    @Test
    @Order(4)
    void theIndicatorAccountAddsUpToTheStatements() {
        MvcResult result = api.perform(get(YEAR + "/indicators"));
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
        JsonNode account = json(result);
        BigDecimal initial = BigDecimal.ZERO;
        BigDecimal spent = BigDecimal.ZERO;
        for (JsonNode line : account.get("lines")) {
            spent = spent.add(new BigDecimal(line.get("spent").textValue()));
            for (JsonNode indicator : line.get("indicators")) {
                if (indicator.get("source").textValue().equals("年初")) {
                    initial = initial.add(new BigDecimal(indicator.get("amount").textValue()));
                }
                assertThat(indicator.get("events")).isNotEmpty();
            }
        }
        assertThat(wan(initial.toPlainString())).isEqualByComparingTo("2264.21");
        assertThat(wan(spent.toPlainString())).isEqualByComparingTo("2471.39");
        assertThat(account.get("projects")).hasSize(10);
        String text = body(api.perform(get(YEAR + "/indicators").param("format", "text")));
        assertThat(text).startsWith("预算指标账").contains("年初", "已拨", "已支", "可用", "上年结转");
    }

    @Test
    @Order(5)
    void theChecksCarryTheTiesAndTheWorkbookASheetEach() throws Exception {
        JsonNode findings = json(api.perform(get(YEAR + "/checks")));
        assertThat(findings)
                .noneSatisfy(f -> assertThat(f.get("rule").textValue()).startsWith("预算会计"));
        byte[] workbook =
                api.perform(get(YEAR + "/statements").param("format", "xlsx"))
                        .getResponse()
                        .getContentAsByteArray();
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            List<String> names = new ArrayList<>();
            read.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).hasSize(11).endsWith("科目余额表（预算会计）", "预算指标账");
        }
        String text = body(api.perform(get(YEAR + "/trial-balance").param("format", "text")));
        assertThat(text)
                .startsWith("科目余额表（预算会计）")
                .contains("8001", "资金结存", "相符")
                .doesNotContain("不符");
    }

    @Test
    @Order(6)
    void aUnitNotGrantedIsForbiddenAndADateOutsideTheYearNamesAsOf() {
        long before = api.eventCount();
        ApiSupport clerkApi =
                new ApiSupport(
                        MockMvcBuilders.webAppContextSetup(application)
                                .apply(SecurityMockMvcConfigurers.springSecurity())
                                .build(),
                        jdbc);
        for (String path :
                List.of(
                        "/api/units/another-unit/years/2020/trial-balance",
                        "/api/units/another-unit/years/2020/indicators",
                        "/api/units/another-unit/years/2020/trial-balance/entries?line=6001",
                        "/units/another-unit/years/2020/trial-balance",
                        "/units/another-unit/years/2020/indicators")) {
            assertThat(
                            clerkApi.perform(get(path).with(httpBasic("clerk", "clerk-demo")))
                                    .getResponse()
                                    .getStatus())
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(
                        clerkApi.perform(
                                        get(YEAR + "/trial-balance")
                                                .with(httpBasic("clerk", "clerk-demo")))
                                .getResponse()
                                .getStatus())
                .isEqualTo(200);
        api.refused(
                get(YEAR + "/trial-balance").param("asOf", "2021-01-01"),
                400,
                "asOf",
                "不在 2020 年度内");
        api.refused(
                get(YEAR + "/indicators").param("asOf", "2019-12-31"), 400, "asOf", "不在 2020 年度内");
        api.refused(get(YEAR + "/trial-balance").param("unitKind", "企业"), 400, "unitKind", "单位类型");
        api.refused(get(YEAR + "/trial-balance/entries").param("line", "60"), 400, "line", "科目");
        assertThat(api.eventCount()).isEqualTo(before);
        MvcResult page =
                api.perform(
                        get("/units/jianghan-gov-office/years/2020/trial-balance")
                                .param("asOf", "2021-03-01"));
        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(page)).contains("截至日期（asOf）", "不在 2020 年度内");
    }

    @Test
    @Order(7)
    void thePagesShowTheTrialBalanceAndIndicatorsWithDrillDownToEvents() {
        MvcResult page =
                api.perform(
                        get("/units/jianghan-gov-office/years/2020/trial-balance")
                                .param("proFormaClose", "true"));
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = body(page);
        assertThat(html)
                .contains(
                        "科目余额表（预算会计）",
                        "财政拨款预算收入",
                        "借贷平衡",
                        "全部审核公式相符",
                        "/units/jianghan-gov-office/years/2020/trial-balance/entries?line=6001");
        MvcResult entries =
                api.perform(
                        get("/units/jianghan-gov-office/years/2020/trial-balance/entries")
                                .param("line", "8001"));
        assertThat(entries.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(entries)).contains("资金结存", "/events/");
        String indicators =
                body(api.perform(get("/units/jianghan-gov-office/years/2020/indicators")));
        assertThat(indicators).contains("预算指标账", "年初", "/indicators/line?account=");
        String line =
                body(
                        api.perform(
                                get("/units/jianghan-gov-office/years/2020/indicators/line")
                                        .param(
                                                "account",
                                                "2020/jianghan-gov-office/general/2010302/30299")));
        assertThat(line).contains("年初结转和结余", "/events/");
        String checks = body(api.perform(get("/units/jianghan-gov-office/years/2020/checks")));
        assertThat(checks).doesNotContain("预算会计.");
    }

    private static JsonNode account(JsonNode balance, String code) {
        for (JsonNode row : balance.get("rows")) {
            if (row.get("code").textValue().equals(code) && !row.has("detailId")) {
                return row;
            }
        }
        throw new AssertionError("no 科目 " + code);
    }

    private static BigDecimal wan(String yuan) {
        return new BigDecimal(yuan).movePointLeft(4).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
