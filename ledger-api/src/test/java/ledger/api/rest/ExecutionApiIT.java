package ledger.api.rest;

import static ledger.api.rest.ApiSupport.body;
import static ledger.api.rest.ApiSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ledger.api.LedgerApplication;
import ledger.api.department.DepartmentStatementService;
import ledger.api.report.Amounts;
import ledger.api.statement.SampleStatements;
import ledger.api.statement.StatementService;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.classification.FundSource;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.StatementSet;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Goal: 预算执行进度 over HTTP ties to the statements — at year end, 已支 of every 类/款/项 is 表3's 合计 column,
 * the 一般公共预算 lines' 已支 表5's, the 财政拨款 lines' 已拨 表1 lines 1–3, 年初结转 表1 line 29 and 可用 表1 line 59 —
 * for a unit and for a department (合并, transfers eliminated); an earlier date shows what was dated
 * up to it and ties to the statements as of it; a line's 可用 is what a refused expenditure names;
 * each figure is the sum of the events behind it; the workbook holds the same figures; bad requests
 * name their field and write nothing. Method: the 2020 江汉 sample and the demo-street department
 * loaded into the whole application on PostgreSQL, MockMvc as demo users; both sides computed,
 * nothing hard-coded.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = LedgerApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutionApiIT {

    private static final String URL = TestDatabase.create("apiexecution");
    private static final String UNIT =
            "/api/units/" + SampleStatements.UNIT + "/years/2020/execution";
    private static final String DEPARTMENT = "/api/departments/demo-street/years/2020/execution";
    private static final FiscalYear YEAR = FiscalYear.of(2020);
    private static final LocalDate MID_YEAR = LocalDate.of(2020, 3, 31);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired WebApplicationContext application;
    @Autowired JdbcTemplate jdbc;
    @Autowired StatementService statements;
    @Autowired DepartmentStatementService departments;

    ApiSupport api;

    @BeforeEach
    void support() {
        api = new ApiSupport(ApiSupport.signedIn(application), jdbc);
    }

    @Test
    @Order(1)
    void theSampleAndTheDepartmentAreLoaded() throws Exception {
        ok(
                api.perform(
                        post("/api/journals")
                                .contentType("text/csv")
                                .content(Files.readAllBytes(Samples.jianghan2020Journal()))));
        ok(
                api.perform(
                        multipart("/api/departments")
                                .file(
                                        new MockMultipartFile(
                                                "file",
                                                "departments.csv",
                                                "text/csv",
                                                Files.readAllBytes(
                                                        Samples.path(
                                                                "2020-demo-street/departments.csv"))))));
        ok(
                api.perform(
                        multipart("/api/catalog/2020")
                                .file(
                                        new MockMultipartFile(
                                                "file",
                                                "catalog-2020.csv",
                                                "text/csv",
                                                Files.readAllBytes(
                                                        Samples.path(
                                                                "2020-demo-street/catalog-2020.csv"))))));
        ok(
                api.perform(
                        post("/api/journals")
                                .contentType("text/csv")
                                .content(
                                        Files.readAllBytes(
                                                Samples.path("2020-demo-street/journal.csv")))));
    }

    @Test
    @Order(2)
    void theUnitsYearEndExecutionTiesToItsStatements() {
        JsonNode execution = ok(api.perform(get(UNIT)));
        assertThat(execution.get("scope").textValue()).isEqualTo("unit");
        assertThat(execution.get("name").textValue()).isEqualTo(SampleStatements.UNIT_NAME);
        tiesToStatements(
                execution,
                statements.statements(
                        UnitCode.of(SampleStatements.UNIT),
                        YEAR,
                        null,
                        ledger.projections.statement.StatementTemplate.builtIn("2020")));
    }

    @Test
    @Order(3)
    void anEarlierDateCountsOnlyWhatIsDatedUpToItAndStillTies() {
        JsonNode year = ok(api.perform(get(UNIT)));
        JsonNode march = ok(api.perform(get(UNIT).param("asOf", MID_YEAR.toString())));
        assertThat(march.get("asOf").textValue()).isEqualTo("2020-03-31");
        assertThat(yuan(total(march), "spent")).isLessThan(yuan(total(year), "spent"));
        assertThat(yuan(total(march), "appropriated"))
                .isLessThan(yuan(total(year), "appropriated"));
        tiesToStatements(
                march,
                statements.statements(
                        UnitCode.of(SampleStatements.UNIT),
                        YEAR,
                        MID_YEAR,
                        ledger.projections.statement.StatementTemplate.builtIn("2020")));
    }

    @Test
    @Order(4)
    void theDepartmentEliminatesTransfersBetweenItsUnitsAsItsStatementsDo() {
        JsonNode execution = ok(api.perform(get(DEPARTMENT)));
        assertThat(execution.get("scope").textValue()).isEqualTo("department");
        assertThat(execution.get("name").textValue()).isEqualTo("示例街道办事处");
        StatementSet consolidated =
                departments
                        .statements(
                                "demo-street",
                                YEAR,
                                null,
                                ledger.projections.statement.StatementTemplate.builtIn("2020"))
                        .consolidated();
        tiesToStatements(execution, consolidated);
        // every unit appears with its own budget lines
        List<String> units = new ArrayList<>();
        execution
                .get("rows")
                .forEach(
                        r -> {
                            if (r.hasNonNull("unit")
                                    && !units.contains(r.get("unit").textValue())) {
                                units.add(r.get("unit").textValue());
                            }
                        });
        assertThat(units)
                .containsExactlyInAnyOrder(
                        "demo-street-office", "demo-street-enforcement", "demo-street-service");
        JsonNode received =
                ok(
                        api.perform(
                                get(DEPARTMENT + "/events")
                                        .param("row", "total")
                                        .param("figure", "appropriated")));
        assertThat(received.get("events"))
                .isNotEmpty()
                .noneSatisfy(
                        e ->
                                assertThat(e.get("eventType").textValue())
                                        .isEqualTo("TransferReceived"));

        JsonNode june = ok(api.perform(get(DEPARTMENT).param("asOf", "2020-06-29")));
        assertThat(yuan(total(june), "spent")).isLessThan(yuan(total(execution), "spent"));
        tiesToStatements(
                june,
                departments
                        .statements(
                                "demo-street",
                                YEAR,
                                LocalDate.of(2020, 6, 29),
                                ledger.projections.statement.StatementTemplate.builtIn("2020"))
                        .consolidated());
        assertThat(body(api.perform(get(DEPARTMENT).param("format", "text"))))
                .startsWith("预算执行进度")
                .contains("部门：示例街道办事处", "执行率");
    }

    @Test
    @Order(5)
    void everyFigureIsTheSumOfTheEventsBehindIt() {
        JsonNode execution = ok(api.perform(get(UNIT).param("asOf", MID_YEAR.toString())));
        int checked = 0;
        for (JsonNode row : execution.get("rows")) {
            if (!List.of("合计", "类", "预算行").contains(row.get("level").textValue())) {
                continue;
            }
            for (String figure :
                    List.of(
                            "initial",
                            "adjusted",
                            "opening",
                            "appropriated",
                            "spent",
                            "available")) {
                JsonNode events =
                        ok(
                                api.perform(
                                        get(UNIT + "/events")
                                                .param("row", row.get("key").textValue())
                                                .param("figure", figure)
                                                .param("asOf", MID_YEAR.toString())));
                BigDecimal sum = BigDecimal.ZERO;
                for (JsonNode event : events.get("events")) {
                    sum = sum.add(new BigDecimal(event.get("amount").textValue()));
                    assertThat(LocalDate.parse(event.get("date").textValue()))
                            .isBeforeOrEqualTo(MID_YEAR);
                    assertThat(event.get("recordedBy").textValue()).isEqualTo(ApiSupport.USER);
                    assertThat(event.get("recordedAt").isNull()).isFalse();
                }
                assertThat(sum)
                        .as(row.get("key") + " " + figure)
                        .isEqualByComparingTo(yuan(row, jsonName(figure)));
                assertThat(new BigDecimal(events.get("total").textValue()))
                        .isEqualByComparingTo(sum);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    @Order(6)
    void aLinesAvailableIsTheFigureARefusedExpenditureNames() {
        JsonNode execution = ok(api.perform(get(UNIT)));
        JsonNode line = null;
        for (JsonNode row : execution.get("rows")) {
            if (row.get("level").textValue().equals("预算行")
                    && row.get("fund").textValue().equals("general")
                    && yuan(row, "available").signum() > 0) {
                line = row;
                break;
            }
        }
        assertThat(line).isNotNull();
        BigDecimal tooMuch = yuan(line, "available").add(new BigDecimal("0.01"));
        JsonNode problem =
                api.refused(
                        post("/api/transactions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        ApiSupport.object(
                                                "id",
                                                "EXEC-1",
                                                "date",
                                                "2020-12-30",
                                                "kind",
                                                "expenditure",
                                                "unit",
                                                SampleStatements.UNIT,
                                                "fund",
                                                "general",
                                                "functional",
                                                line.get("functional").textValue(),
                                                "economic",
                                                line.get("economic").textValue(),
                                                "nature",
                                                line.get("economic").textValue().startsWith("301")
                                                        ? "personnel"
                                                        : "public",
                                                "amount",
                                                tooMuch.toPlainString())),
                        422,
                        "amount",
                        "可用资金");
        long availableFen = yuan(line, "available").movePointRight(2).longValueExact();
        assertThat(problem.get("detail").textValue())
                .contains("可用资金 " + Amounts.yuan(availableFen) + " 元");
    }

    @Test
    @Order(7)
    void theWorkbookHoldsTheSameFiguresAsTheDocument() throws Exception {
        JsonNode execution = ok(api.perform(get(UNIT).param("asOf", MID_YEAR.toString())));
        MvcResult result =
                api.perform(get(UNIT).param("format", "xlsx").param("asOf", MID_YEAR.toString()));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(
                        new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("预算执行进度");
            int heading = -1;
            for (Row row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("级次")) {
                    heading = row.getRowNum();
                    break;
                }
            }
            assertThat(heading).isPositive();
            Row headings = sheet.getRow(heading);
            assertThat(headings.getCell(3).getStringCellValue()).isEqualTo("年初预算");
            assertThat(headings.getCell(9).getStringCellValue()).isEqualTo("执行率");
            JsonNode rows = execution.get("rows");
            assertThat(sheet.getLastRowNum() - heading).isEqualTo(rows.size());
            String[] names = {
                "initialBudget", "adjustedBudget", "opening", "appropriated", "spent", "available"
            };
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.getRow(heading + 1 + i);
                assertThat(row.getCell(0).getStringCellValue())
                        .isEqualTo(rows.get(i).get("level").textValue());
                for (int f = 0; f < names.length; f++) {
                    assertThat(row.getCell(3 + f).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(
                                    BigDecimal.valueOf(row.getCell(3 + f).getNumericCellValue())
                                            .setScale(2, java.math.RoundingMode.HALF_UP))
                            .as(i + " " + names[f])
                            .isEqualByComparingTo(yuan(rows.get(i), names[f]));
                }
                JsonNode percent = rows.get(i).get("executedPercent");
                assertThat(row.getCell(9).getStringCellValue())
                        .isEqualTo(percent.isNull() ? "" : percent.textValue() + "%");
            }
        }
    }

    @Test
    @Order(8)
    void badRequestsNameTheirFieldAndWriteNothing() {
        api.refused(get(UNIT).param("asOf", "2021-01-01"), 400, "asOf", "不在 2020 年度内");
        api.refused(get(DEPARTMENT).param("asOf", "2019-12-31"), 400, "asOf", "不在 2020 年度内");
        api.refused(
                get(UNIT + "/events").param("row", "total").param("figure", "profit"),
                400,
                "figure",
                "profit");
        api.refused(
                get(UNIT + "/events").param("row", "999").param("figure", "spent"),
                400,
                "row",
                "999");
        api.refused(
                get("/api/departments/no-such/years/2020/execution"), 404, "department", "no-such");
        ApiSupport anonymous =
                new ApiSupport(
                        MockMvcBuilders.webAppContextSetup(application)
                                .apply(SecurityMockMvcConfigurers.springSecurity())
                                .build(),
                        jdbc);
        assertThat(
                        anonymous
                                .perform(
                                        get("/api/units/another-unit/years/2020/execution")
                                                .with(httpBasic("clerk", "clerk-demo")))
                                .getResponse()
                                .getStatus())
                .isEqualTo(403);
        assertThat(
                        anonymous
                                .perform(get(UNIT).with(httpBasic("clerk", "clerk-demo")))
                                .getResponse()
                                .getStatus())
                .isEqualTo(200);
    }

    @Test
    @Order(9)
    void theDepartmentsPageLinksEachFigureToItsEventsAndDownloadsTheWorkbook() throws Exception {
        MvcResult statementsPage =
                api.perform(get("/departments/demo-street/years/2020").accept(MediaType.TEXT_HTML));
        assertThat(body(statementsPage)).contains("/departments/demo-street/years/2020/execution");
        MvcResult page =
                api.perform(
                        get("/departments/demo-street/years/2020/execution")
                                .param("asOf", "2020-06-30")
                                .accept(MediaType.TEXT_HTML));
        String html = body(page);
        assertThat(page.getResponse().getStatus()).as(html).isEqualTo(200);
        assertThat(html)
                .contains(
                        "预算执行进度",
                        "部门：示例街道办事处",
                        "level-line",
                        "demo-street-service",
                        "/departments/demo-street/years/2020/execution/events?row=total&amp;figure=spent&amp;asOf=2020-06-30",
                        "/departments/demo-street/years/2020/execution.xlsx?asOf=2020-06-30");
        MvcResult events =
                api.perform(
                        get("/departments/demo-street/years/2020/execution/events")
                                .param("row", "total")
                                .param("figure", "spent")
                                .param("asOf", "2020-06-30")
                                .accept(MediaType.TEXT_HTML));
        String listed = body(events);
        assertThat(events.getResponse().getStatus()).as(listed).isEqualTo(200);
        assertThat(listed).contains("已支", "示例街道办事处", "event-row", ApiSupport.USER);
        MvcResult workbook =
                api.perform(get("/units/" + SampleStatements.UNIT + "/years/2020/execution.xlsx"));
        assertThat(workbook.getResponse().getStatus()).isEqualTo(200);
        assertThat(workbook.getResponse().getHeader("Content-Disposition")).contains("attachment");
        try (XSSFWorkbook read =
                new XSSFWorkbook(
                        new ByteArrayInputStream(workbook.getResponse().getContentAsByteArray()))) {
            assertThat(read.getSheetAt(0).getSheetName()).isEqualTo("预算执行进度");
        }
        MvcResult missing =
                api.perform(
                        get("/units/" + SampleStatements.UNIT + "/years/2020/execution/events")
                                .param("row", "999")
                                .param("figure", "spent")
                                .accept(MediaType.TEXT_HTML));
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(missing)).contains("预算执行表中没有这一行");
    }

    /**
     * 已支 of every 类/款/项 and the total = 表3 col 1; of the general-fund lines by 功能分类 = 表5 col 1; 已拨
     * of the 财政拨款 lines = 表1 lines 1–3; 已拨 total = 表1 line 27; 年初结转 = 表1 line 29; 可用 = 表1 line 59
     * (年末结转和结余, on the expenditure side: col 2).
     */
    private static void tiesToStatements(JsonNode execution, StatementSet set) {
        int functionalRows = 0;
        BigDecimal fiscalReceived = BigDecimal.ZERO;
        java.util.Map<String, BigDecimal> generalSpent = new java.util.TreeMap<>();
        for (JsonNode row : execution.get("rows")) {
            String level = row.get("level").textValue();
            if (level.equals("合计")) {
                assertThat(yuan(row, "spent"))
                        .isEqualByComparingTo(yuan(set.fen(CellAddress.parse("T3/total/1"))));
                assertThat(yuan(row, "appropriated"))
                        .isEqualByComparingTo(yuan(set.fen(CellAddress.parse("T1/27/1"))));
                assertThat(yuan(row, "opening"))
                        .isEqualByComparingTo(yuan(set.fen(CellAddress.parse("T1/29/1"))));
                assertThat(yuan(row, "available"))
                        .isEqualByComparingTo(yuan(set.fen(CellAddress.parse("T1/59/2"))));
            } else if (level.equals("预算行")) {
                FundSource fund = FundSource.parse(row.get("fund").textValue());
                if (fund.isFiscalAppropriation()) {
                    fiscalReceived = fiscalReceived.add(yuan(row, "appropriated"));
                }
                if (fund == FundSource.GENERAL) {
                    String code = row.get("functional").textValue();
                    for (String key : List.of(code.substring(0, 3), code.substring(0, 5), code)) {
                        generalSpent.merge(key, yuan(row, "spent"), BigDecimal::add);
                    }
                }
            } else {
                String code = row.get("functional").textValue();
                assertThat(yuan(row, "spent"))
                        .as("T3 " + code)
                        .isEqualByComparingTo(
                                yuan(set.fen(CellAddress.parse("T3/" + code + "/1"))));
                functionalRows++;
            }
        }
        assertThat(functionalRows).isGreaterThan(3);
        generalSpent.forEach(
                (code, spent) ->
                        assertThat(spent)
                                .as("T5 " + code)
                                .isEqualByComparingTo(
                                        yuan(set.fen(CellAddress.parse("T5/" + code + "/1")))));
        long t1FiscalFen = 0;
        for (int line = 1; line <= 3; line++) {
            t1FiscalFen += set.fen(CellAddress.parse("T1/" + line + "/1"));
        }
        assertThat(fiscalReceived).as("财政拨款 received").isEqualByComparingTo(yuan(t1FiscalFen));
    }

    private static JsonNode total(JsonNode execution) {
        return execution.get("rows").get(0);
    }

    private static String jsonName(String figure) {
        return switch (figure) {
            case "initial" -> "initialBudget";
            case "adjusted" -> "adjustedBudget";
            default -> figure;
        };
    }

    private static BigDecimal yuan(JsonNode row, String field) {
        return new BigDecimal(row.get(field).textValue());
    }

    private static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    private static JsonNode ok(MvcResult result) {
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
        return json(result);
    }
}
