package ledger.api.rest;

import static ledger.api.rest.ApiSupport.body;
import static ledger.api.rest.ApiSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ledger.api.LedgerApplication;
import ledger.api.statement.SampleStatements;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * The reading side of the HTTP API on the 2020 sample, uploaded as a journal: statements in
 * DOMAIN.md's JSON form matching the published report, as of a date, one table, the trace of a
 * figure, the checks, the reconciliation with the published figures and the year close; a bad
 * journal, a bad address or an unknown unit are problems that write nothing. Also: the OpenAPI
 * description lists every endpoint and Swagger UI answers.
 */
// A database of its own means a context of its own: close it after the class, so the suite does not
// hold one connection pool per finished class open against PostgreSQL's connection limit.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = LedgerApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatementApiIT {

    private static final String URL = TestDatabase.create("apistatements");
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
    void aBadJournalIsRefusedWholeWithEveryBadRowAndWritesNothing() throws IOException {
        List<String> lines =
                Files.readAllLines(Samples.jianghan2020Journal(), StandardCharsets.UTF_8);
        int first = firstDataLine(lines);
        lines.set(first + 2, lines.get(first + 2).replaceFirst(",2010301,", ",2010397,"));
        lines.set(first + 5, lines.get(first + 5).replaceFirst(",(\\d+)\\.(\\d\\d),", ",$1.$21,"));
        lines.add(
                "JH2020-BAD-1,2020-12-30,expenditure,jianghan-gov-office,,general,2010301,30101,personnel,,,"
                        + "99999999.00,记-bad,工资,,,");
        byte[] bad = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

        for (MvcResult result :
                List.of(
                        api.perform(post("/api/journals").contentType("text/csv").content(bad)),
                        api.perform(
                                multipart("/api/journals")
                                        .file(
                                                new MockMultipartFile(
                                                        "file", "bad.csv", "text/csv", bad))))) {
            assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(422);
            assertThat(result.getResponse().getContentType())
                    .startsWith("application/problem+json");
            JsonNode problem = json(result);
            assertThat(problem.get("type").textValue()).isEqualTo("urn:ledger:input-refused");
            assertThat(problem.get("detail").textValue()).contains("处问题，没有写入任何内容。第一处：第 ");
            // The three broken rows, and the rows that then break the rules (spending on a line
            // whose
            // appropriation had the bad code) — every one with its line, field and reason.
            List<String> named = new ArrayList<>();
            problem.get("problems")
                    .forEach(
                            p -> {
                                named.add(
                                        p.get("line").intValue()
                                                + ":"
                                                + p.get("field").textValue());
                                assertThat(p.get("reason").textValue()).isNotBlank();
                            });
            assertThat(named)
                    .contains(
                            (first + 3) + ":functional",
                            (first + 6) + ":amount",
                            lines.size() + ":amount");
            assertThat(problem.get("problems").get(0).get("reason").textValue())
                    .contains("2010397");
            assertThat(api.eventCount()).isZero();
        }
    }

    @Test
    @Order(2)
    void theSampleJournalUploadsAsAFileAndAgainAsTextChangingNothing() throws IOException {
        byte[] journal = Files.readAllBytes(Samples.jianghan2020Journal());
        MvcResult uploaded =
                api.perform(
                        multipart("/api/journals")
                                .file(
                                        new MockMultipartFile(
                                                "file", "journal.csv", "text/csv", journal)));
        assertThat(uploaded.getResponse().getStatus()).as(body(uploaded)).isEqualTo(200);
        JsonNode first = json(uploaded);
        assertThat(first.get("source").textValue()).isEqualTo("journal.csv");
        assertThat(first.get("rows").intValue()).isEqualTo(SampleStatements.ROWS);
        assertThat(first.get("applied").intValue()).isEqualTo(SampleStatements.ROWS);
        assertThat(first.get("events").intValue()).isEqualTo(SampleStatements.EVENTS);
        assertThat(api.eventCount()).isEqualTo(SampleStatements.EVENTS);

        JsonNode again =
                json(api.perform(post("/api/journals").contentType("text/csv").content(journal)));
        assertThat(again.get("applied").intValue()).isZero();
        assertThat(again.get("repeated").intValue()).isEqualTo(SampleStatements.ROWS);
        assertThat(again.get("events").intValue()).isZero();
        assertThat(api.eventCount()).isEqualTo(SampleStatements.EVENTS);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT COUNT(DISTINCT recorded_by) FROM event_log", Long.class))
                .isOne();
        assertThat(jdbc.queryForObject("SELECT MIN(recorded_by) FROM event_log", String.class))
                .isEqualTo(ApiSupport.USER);
    }

    @Test
    @Order(3)
    void statementsAreDomainJsonAndRegenerateThePublishedReport() {
        MvcResult result = api.perform(get(YEAR + "/statements"));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        SampleStatements.assertIsThe2020Sample(json(result));
    }

    @Test
    @Order(4)
    void statementsAsOfADateCountOnlyWhatIsDatedUpToIt() {
        LocalDate midYear = LocalDate.of(2020, 6, 30);
        JsonNode asOf =
                json(api.perform(get(YEAR + "/statements").param("asOf", midYear.toString())));
        SampleStatements.assertDomainForm(asOf, 2020, SampleStatements.UNIT);
        Map<String, String> cells = SampleStatements.cells(asOf);
        assertThat(cells.get("T1/57/2"))
                .isEqualTo(SampleStatements.wanYuan(SampleStatements.expenditureFenUpTo(midYear)))
                .isNotEqualTo("2471.39");
        assertThat(cells.get("T1/29/1")).isEqualTo("10.30");

        JsonNode trace =
                json(
                        api.perform(
                                get(YEAR + "/trace")
                                        .param("cell", "T1/57/2")
                                        .param("asOf", midYear.toString())));
        assertThat(trace.get("figure").textValue()).isEqualTo(cells.get("T1/57/2"));
        trace.get("events")
                .forEach(
                        event ->
                                assertThat(LocalDate.parse(event.get("date").textValue()))
                                        .isBeforeOrEqualTo(midYear));

        JsonNode beforeTheYear =
                json(api.perform(get(YEAR + "/statements").param("asOf", "2019-12-31")));
        SampleStatements.assertDomainForm(beforeTheYear, 2020, SampleStatements.UNIT);
        assertThat(SampleStatements.cells(beforeTheYear)).isEmpty();
    }

    @Test
    @Order(5)
    void oneTableIsTheSameAsInTheWholeSet() {
        JsonNode whole = json(api.perform(get(YEAR + "/statements")));
        for (String id : SampleStatements.TABLE_IDS) {
            MvcResult one = api.perform(get(YEAR + "/statements/" + id));
            assertThat(one.getResponse().getStatus()).isEqualTo(200);
            assertThat(json(one)).as(id).isEqualTo(whole.at("/tables/" + id));
        }
        JsonNode t7 = json(api.perform(get(YEAR + "/statements/t7")));
        assertThat(t7.get("title").textValue()).contains("三公");
        assertThat(t7.get("cells").get("1/5").textValue()).isEqualTo("10.00");
        JsonNode t4AsOf =
                json(api.perform(get(YEAR + "/statements/T4").param("asOf", "2020-01-01")));
        assertThat(t4AsOf.get("cells").get("29/1").textValue()).isEqualTo("10.30");
        assertThat(t4AsOf.get("cells").has("59/2")).isFalse();
    }

    @Test
    @Order(5)
    void aTemplateParameterLaysTheSameYearOutInAnotherFormatAndAnUnknownTemplateIsRefused()
            throws Exception {
        Map<String, String> in2020 =
                SampleStatements.cells(json(api.perform(get(YEAR + "/statements"))));
        JsonNode in2024 = json(api.perform(get(YEAR + "/statements").param("template", "2024")));
        Map<String, String> cells = SampleStatements.cells(in2024);
        // 24 类 lines: 本年支出合计 moves from 表1 line 57 to 53, 208 from line 38 to 36; 表7 pairs 预算数/决算数
        assertThat(cells.get("T1/53/2")).isEqualTo(in2020.get("T1/57/2"));
        assertThat(cells.get("T1/36/2")).isEqualTo(in2020.get("T3/208/1"));
        assertThat(cells.get("T7/1/1")).isEqualTo(in2020.get("T7/1/1"));
        assertThat(cells.get("T7/1/2")).isEqualTo(in2020.get("T7/1/7"));
        assertThat(in2024.at("/tables/T7/title").textValue()).isEqualTo("财政拨款“三公”经费支出决算表");
        String text =
                api.perform(
                                get(YEAR + "/statements")
                                        .param("format", "text")
                                        .param("template", "2024"))
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("行次", "栏次").contains("二十四、抗疫特别国债安排的支出");
        JsonNode trace =
                json(
                        api.perform(
                                get(YEAR + "/trace")
                                        .param("cell", "T1/53/2")
                                        .param("template", "2024")));
        assertThat(trace.get("figure").textValue()).isEqualTo(in2020.get("T1/57/2"));
        assertThat(json(api.perform(get(YEAR + "/checks").param("template", "2024-26"))))
                .allSatisfy(
                        finding ->
                                assertThat(finding.get("severity").textValue())
                                        .isNotEqualTo("ERROR"));

        api.refused(
                get(YEAR + "/statements").param("template", "2019"),
                400,
                "template",
                "没有内置的模板 2019");
        api.refused(
                get(YEAR + "/statements").param("template", "/etc/passwd"),
                400,
                "template",
                "没有内置的模板");
        api.refused(
                get(YEAR + "/trace").param("cell", "T1/60/2").param("template", "2024"),
                400,
                "cell",
                "lines 1–56");
    }

    @Test
    @Order(6)
    void aTraceListsTheEventsWhoseSignedAmountsMakeTheFigureExactly() {
        JsonNode statements = json(api.perform(get(YEAR + "/statements")));
        Map<String, String> cells = SampleStatements.cells(statements);
        for (String cell :
                List.of(
                        "T3/2010302/3",
                        "T1/57/2",
                        "T1/59/2",
                        "T1/29/1",
                        "T4/60/2",
                        "T6/public-total/1",
                        "T7/1/11",
                        "T2/total/1",
                        "T5/210/1")) {
            MvcResult result = api.perform(get(YEAR + "/trace").param("cell", cell));
            assertThat(result.getResponse().getStatus()).as(cell).isEqualTo(200);
            JsonNode trace = json(result);
            assertThat(trace.get("cell").textValue()).isEqualTo(cell);
            assertThat(trace.get("figure").textValue()).as(cell).isEqualTo(cells.get(cell));
            long sum = 0;
            for (JsonNode event : trace.get("events")) {
                assertThat(event.get("contributesFen").longValue())
                        .as(cell)
                        .isEqualTo(
                                event.get("sign").longValue() * event.get("amountFen").longValue());
                assertThat(
                                new BigDecimal(event.get("amountYuan").textValue())
                                        .movePointRight(2)
                                        .longValueExact())
                        .isEqualTo(event.get("amountFen").longValue());
                for (String field :
                        List.of(
                                "eventId",
                                "eventType",
                                "date",
                                "kind",
                                "account",
                                "fund",
                                "functional",
                                "economic",
                                "transactionId",
                                "recordedBy",
                                "recordedAt")) {
                    assertThat(event.get(field).isNull()).as(cell + " " + field).isFalse();
                }
                sum += event.get("contributesFen").longValue();
            }
            assertThat(sum).as(cell).isEqualTo(trace.get("sumFen").longValue());
            assertThat(SampleStatements.wanYuan(sum)).as(cell).isEqualTo(cells.get(cell));
            assertThat(trace.get("eventCount").intValue()).isEqualTo(trace.get("events").size());
        }
        JsonNode project = json(api.perform(get(YEAR + "/trace").param("cell", "T3/2010302/3")));
        assertThat(project.get("sumFen").longValue()).isEqualTo(1_197_340_000L);
        assertThat(project.get("sumYuan").textValue()).isEqualTo("11973400.00");
        // A corrected entry: the reversal and the expenditure it reverses are both there,
        // cancelling out.
        JsonNode original = null;
        JsonNode reversal = null;
        for (JsonNode event : project.get("events")) {
            if (event.get("transactionId").textValue().equals("JH2020-0214")) {
                original = event;
            } else if (event.get("transactionId").textValue().equals("JH2020-0217")) {
                reversal = event;
            }
        }
        assertThat(original).isNotNull();
        assertThat(reversal).isNotNull();
        assertThat(reversal.get("reverses").textValue()).isEqualTo("JH2020-0214");
        assertThat(reversal.get("contributesFen").longValue())
                .isEqualTo(-original.get("contributesFen").longValue());
    }

    @Test
    @Order(6)
    void aLargeTraceIsPagedAndItsPagesTogetherAreTheWholeTrace() {
        String cell = "T3/2010302/3";
        JsonNode whole = json(api.perform(get(YEAR + "/trace").param("cell", cell)));
        int count = whole.get("eventCount").intValue();
        assertThat(count).isEqualTo(40);
        assertThat(whole.get("page").intValue()).isZero();
        assertThat(whole.get("size").intValue()).isEqualTo(500);
        assertThat(whole.get("pageCount").intValue()).isEqualTo(1);

        // 40 events in pages of 7: six pages, the last holding 5
        List<JsonNode> concatenated = new java.util.ArrayList<>();
        for (int page = 0; page < 6; page++) {
            JsonNode one =
                    json(
                            api.perform(
                                    get(YEAR + "/trace")
                                            .param("cell", cell)
                                            .param("page", Integer.toString(page))
                                            .param("size", "7")));
            assertThat(one.get("eventCount").intValue()).as("page " + page).isEqualTo(count);
            assertThat(one.get("sumFen").longValue()).as("page " + page).isEqualTo(1_197_340_000L);
            assertThat(one.get("figure").textValue())
                    .as("page " + page)
                    .isEqualTo(whole.get("figure").textValue());
            assertThat(one.get("page").intValue()).isEqualTo(page);
            assertThat(one.get("size").intValue()).isEqualTo(7);
            assertThat(one.get("pageCount").intValue()).isEqualTo(6);
            assertThat(one.get("events").size()).as("page " + page).isEqualTo(page < 5 ? 7 : 5);
            one.get("events").forEach(concatenated::add);
        }
        List<JsonNode> unpaged = new java.util.ArrayList<>();
        whole.get("events").forEach(unpaged::add);
        assertThat(concatenated).isEqualTo(unpaged);

        JsonNode largest =
                json(api.perform(get(YEAR + "/trace").param("cell", cell).param("size", "5000")));
        assertThat(largest.get("events")).isEqualTo(whole.get("events"));
        JsonNode empty = json(api.perform(get(YEAR + "/trace").param("cell", "T9/total/1")));
        assertThat(empty.get("eventCount").intValue()).isZero();
        assertThat(empty.get("pageCount").intValue()).isEqualTo(1);

        // Refusals in Chinese, from the message catalog; in English for a client that asks.
        api.refused(
                get(YEAR + "/trace").param("cell", cell).param("page", "-1"),
                400,
                "page",
                "页码 page 须为 0 或更大（API 的页码从 0 起），不能是 -1");
        api.refused(
                get(YEAR + "/trace")
                        .param("cell", cell)
                        .param("page", "-1")
                        .header("Accept-Language", "en"),
                400,
                "page",
                "0 or more");
        api.refused(
                get(YEAR + "/trace").param("cell", cell).param("page", "first"),
                400,
                "page",
                "whole number");
        api.refused(
                get(YEAR + "/trace").param("cell", cell).param("size", "0"),
                400,
                "size",
                "每页事件数须在 1 到 5000 之间，不能是 0");
        api.refused(
                get(YEAR + "/trace")
                        .param("cell", cell)
                        .param("size", "0")
                        .header("Accept-Language", "en"),
                400,
                "size",
                "between 1 and 5000");
        api.refused(
                get(YEAR + "/trace").param("cell", cell).param("size", "5001"),
                400,
                "size",
                "每页事件数须在 1 到 5000 之间，不能是 5001");
        api.refused(
                get(YEAR + "/trace").param("cell", cell).param("page", "6").param("size", "7"),
                400,
                "page",
                "共 40 条、6 页（每页 7 条，页码 0–5），没有页码为 6 的页");
        api.refused(
                get(YEAR + "/trace")
                        .param("cell", cell)
                        .param("page", "6")
                        .param("size", "7")
                        .header("Accept-Language", "en"),
                400,
                "page",
                "6 page(s) of 7 (0–5); there is no page 6");

        // filtered by the database: kind by its Chinese name, 摘要 text, an amount range; figure
        // stays the cell's
        List<JsonNode> wanted =
                unpaged.stream()
                        .filter(
                                e ->
                                        e.get("kind").textValue().equals("expenditure")
                                                && Math.abs(e.get("amountFen").longValue())
                                                        >= 10_000_000L)
                        .toList();
        JsonNode filtered =
                json(
                        api.perform(
                                get(YEAR + "/trace")
                                        .param("cell", cell)
                                        .param("kind", "支出")
                                        .param("minYuan", "100,000.00")
                                        .param("size", "3")));
        assertThat(filtered.get("eventCount").intValue()).isEqualTo(wanted.size()).isPositive();
        assertThat(filtered.get("sumFen").longValue())
                .isEqualTo(
                        wanted.stream().mapToLong(e -> e.get("contributesFen").longValue()).sum());
        assertThat(filtered.get("figure").textValue()).isEqualTo(whole.get("figure").textValue());
        assertThat(filtered.get("events"))
                .containsExactlyElementsOf(wanted.subList(0, Math.min(3, wanted.size())));
        String word = unpaged.get(0).get("memo").textValue().substring(0, 2);
        JsonNode byMemo =
                json(api.perform(get(YEAR + "/trace").param("cell", cell).param("memo", word)));
        assertThat(byMemo.get("events"))
                .containsExactlyElementsOf(
                        unpaged.stream()
                                .filter(e -> e.get("memo").textValue().contains(word))
                                .toList());
        api.refused(
                get(YEAR + "/trace").param("cell", cell).param("minYuan", "很多"),
                400,
                "filter",
                "金额下限「很多」不是金额，应为元，如 1,234.50");
        api.refused(
                get(YEAR + "/trace")
                        .param("cell", cell)
                        .param("minYuan", "很多")
                        .header("Accept-Language", "en"),
                400,
                "filter",
                "minYuan '很多' is not an amount");
        api.refused(
                get(YEAR + "/trace").param("cell", cell).param("kind", "gift"),
                400,
                "filter",
                "未知的类型「gift」，可用的值：年初预算（budget）、");
        api.refused(
                get(YEAR + "/trace")
                        .param("cell", cell)
                        .param("kind", "gift")
                        .header("Accept-Language", "en"),
                400,
                "filter",
                "unknown kind 'gift' (expected one of: budget, ");
        api.refused(
                get(YEAR + "/trace")
                        .param("cell", cell)
                        .param("from", "2020-06-30")
                        .param("to", "2020-01-01"),
                400,
                "filter",
                "起始日期 2020-06-30 晚于截止日期 2020-01-01");
        api.refused(
                get(YEAR + "/trace")
                        .param("cell", cell)
                        .param("to", "2020/13/01")
                        .header("Accept-Language", "en"),
                400,
                "filter",
                "to '2020/13/01' is not a date");

        // the whole filtered trace as a workbook
        MvcResult book =
                api.perform(
                        get(YEAR + "/trace")
                                .param("cell", cell)
                                .param("kind", "expenditure")
                                .param("minYuan", "100000")
                                .param("format", "xlsx"));
        assertThat(book.getResponse().getStatus()).isEqualTo(200);
        assertThat(book.getResponse().getContentType()).startsWith(LedgerController.XLSX);
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                        new java.io.ByteArrayInputStream(
                                book.getResponse().getContentAsByteArray()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum() - 1).isEqualTo(wanted.size());
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    @Test
    @Order(7)
    void badAddressesDatesAndUnknownUnitsAreProblemsThatWriteNothing() {
        api.refused(
                get(YEAR + "/trace").param("cell", "T3-2010302-3"),
                400,
                "cell",
                "table/row/column");
        api.refused(get(YEAR + "/trace").param("cell", "T10/1/1"), 400, "cell", "T1 … T9");
        api.refused(get(YEAR + "/trace").param("cell", "T3/2010302/x"), 400, "cell", "number");
        api.refused(get(YEAR + "/trace").param("cell", "T3/2010302/7"), 400, "cell", "no column 7");
        api.refused(
                get(YEAR + "/trace").param("cell", "T1/1/2"),
                400,
                "cell",
                "income lines have column 1");
        api.refused(get(YEAR + "/trace").param("cell", "T1/61/2"), 400, "cell", "lines 1–60");
        api.refused(get(YEAR + "/trace").param("cell", "T3/abc/1"), 400, "cell", "abc");
        api.refused(get(YEAR + "/trace"), 400, "cell", "required");
        api.refused(
                get(YEAR + "/statements").param("asOf", "2020-13-01"), 400, "asOf", "yyyy-mm-dd");
        api.refused(
                get(YEAR + "/statements").param("asOf", "30.06.2020"), 400, "asOf", "yyyy-mm-dd");
        api.refused(
                get(YEAR + "/trace").param("cell", "T1/1/1").param("asOf", "2020-02-30"),
                400,
                "asOf",
                "yyyy-mm-dd");
        api.refused(get(YEAR + "/statements/T10"), 400, "table", "T10");
        api.refused(
                get("/api/units/jianghan-gov-office/years/twenty/statements"),
                400,
                "year",
                "whole number");
        api.refused(get("/api/units/nobody/years/2020/statements"), 404, "unit", "nobody");
        api.refused(
                get("/api/units/nobody/years/2020/trace").param("cell", "T1/1/1"),
                404,
                "unit",
                "nobody");
        api.refused(get("/api/units/nobody/years/2020/checks"), 404, "unit", "nobody");
        api.refused(
                post("/api/units/jianghan-gov-office/years/2020/reconciliation")
                        .contentType("text/tab-separated-values")
                        .content("T1\t1\t1\tabc\nT1\t1\n"),
                422,
                "published",
                "abc");
    }

    @Test
    @Order(8)
    void theChecksFindNoBrokenRuleInTheSample() {
        MvcResult result = api.perform(get(YEAR + "/checks"));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        JsonNode findings = json(result);
        assertThat(findings.isArray()).isTrue();
        findings.forEach(
                finding -> {
                    assertThat(finding.get("severity").textValue())
                            .as(finding.toString())
                            .isEqualTo("NOTE");
                    assertThat(finding.get("rule").textValue()).isNotBlank();
                    assertThat(finding.get("message").textValue()).isNotBlank();
                });
        // As of mid-year the figures are different, and still consistent.
        JsonNode midYear = json(api.perform(get(YEAR + "/checks").param("asOf", "2020-06-30")));
        midYear.forEach(
                finding -> assertThat(finding.get("severity").textValue()).isEqualTo("NOTE"));
    }

    @Test
    @Order(9)
    void reconciliationWithThePublishedReportExplainsEveryDifference() throws IOException {
        String tsv = Files.readString(Samples.jianghan2020Published(), StandardCharsets.UTF_8);
        MvcResult result =
                api.perform(
                        post(YEAR + "/reconciliation")
                                .contentType("text/tab-separated-values")
                                .content(tsv.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
        JsonNode report = json(result);
        assertThat(report.get("publishedFigures").intValue()).isEqualTo(249);
        assertThat(report.get("regeneratedExactly").intValue()).isEqualTo(243);
        assertThat(report.get("differing").intValue()).isEqualTo(9);
        assertThat(report.get("differingExplained").intValue()).isEqualTo(9);
        assertThat(report.get("differingUnexplained").intValue()).isZero();
        assertThat(report.get("ledgerAgrees").booleanValue()).isTrue();
        Set<String> explained = new TreeSet<>();
        report.get("findings")
                .forEach(
                        line -> {
                            String text = line.textValue();
                            if (text.startsWith("已解释 ")) {
                                explained.add(text.substring("已解释 ".length(), text.indexOf('：')));
                            }
                            assertThat(text)
                                    .doesNotStartWith("未解释")
                                    .doesNotContain("NOT EXPLAINED T");
                        });
        assertThat(explained)
                .containsExactlyInAnyOrderElementsOf(SampleStatements.EXPLAINED_DIFFERENCES);
        Set<String> cells = new TreeSet<>();
        report.get("differences")
                .forEach(
                        cell -> {
                            assertThat(cell.get("explained").booleanValue())
                                    .as(cell.toString())
                                    .isTrue();
                            assertThat(cell.get("unexplainedAmount").decimalValue())
                                    .as(cell.toString())
                                    .isZero();
                            assertThat(cell.get("explainedAmount").decimalValue())
                                    .as(cell.toString())
                                    .isEqualByComparingTo(cell.get("difference").decimalValue());
                            cells.add(cell.get("cell").textValue());
                        });
        assertThat(cells)
                .containsExactlyInAnyOrderElementsOf(SampleStatements.EXPLAINED_DIFFERENCES);

        // The published report itself, as text (or PDF, the same path): its figures are read from
        // it.
        byte[] reportText = Files.readAllBytes(Samples.path("2020-jianghan-gov-office/report.txt"));
        JsonNode fromReport =
                json(
                        api.perform(
                                post(YEAR + "/reconciliation")
                                        .contentType(MediaType.TEXT_PLAIN)
                                        .content(reportText)));
        assertThat(fromReport.get("publishedFigures").intValue()).isEqualTo(249);
        assertThat(fromReport.get("regeneratedExactly").intValue()).isEqualTo(243);
        assertThat(fromReport.get("differingExplained").intValue()).isEqualTo(9);
        assertThat(fromReport.get("ledgerAgrees").booleanValue()).isTrue();
        api.refused(
                post("/api/units/jianghan-gov-office/years/2019/reconciliation")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(reportText),
                422,
                "published",
                "上传的是 2020 年度的报告");
        api.refused(
                post(YEAR + "/reconciliation")
                        .contentType(MediaType.APPLICATION_PDF)
                        .content("%PDF-1.4\n1 0 obj".getBytes(StandardCharsets.US_ASCII)),
                422,
                "published",
                "不完整");

        // Against a year without transactions every published figure differs, and the report's own
        // contradictions explain only a few: the ledger does not agree.
        JsonNode disagreeing =
                json(
                        api.perform(
                                post("/api/units/jianghan-gov-office/years/2019/reconciliation")
                                        .contentType(MediaType.TEXT_PLAIN)
                                        .content(tsv.getBytes(StandardCharsets.UTF_8))));
        assertThat(disagreeing.get("ledgerAgrees").booleanValue()).isFalse();
        assertThat(disagreeing.get("regeneratedExactly").intValue())
                .as("the two printed zeros")
                .isEqualTo(2);
        assertThat(disagreeing.get("differing").intValue()).isEqualTo(247);
        assertThat(disagreeing.get("differingExplained").intValue()).isLessThan(247);
        assertThat(disagreeing.get("differingUnexplained").intValue())
                .isEqualTo(247 - disagreeing.get("differingExplained").intValue());
        assertThat(disagreeing.get("findings").toString())
                .contains("NOT EXPLAINED T1/1/1: published 2493.03", "未解释 T1/1/1：公布 2493.03");
    }

    @Test
    @Order(10)
    void closingTheYearCarriesTheClosingBalanceAndThenRefusesTheYear() {
        long before = api.eventCount();
        MvcResult result = api.perform(post(YEAR + "/close").param("date", "2021-01-15"));
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
        assertThat(body(result)).contains("2021-01-15").contains("31940000");
        assertThat(api.eventCount()).isGreaterThan(before);
        api.refused(post(YEAR + "/close").param("date", "2021-01-16"), 422, "year", "已结转关账");
        api.refused(
                post("/api/transactions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                ApiSupport.object(
                                        "id",
                                        "JH2020-LATE",
                                        "date",
                                        "2020-12-31",
                                        "kind",
                                        "appropriation",
                                        "unit",
                                        "jianghan-gov-office",
                                        "fund",
                                        "general",
                                        "functional",
                                        "2010301",
                                        "economic",
                                        "30101",
                                        "amount",
                                        "1.00")),
                422,
                "date",
                "已结转关账");
        JsonNode next =
                json(api.perform(get("/api/units/jianghan-gov-office/years/2021/statements")));
        assertThat(SampleStatements.cells(next))
                .containsEntry("T1/29/1", "31.94")
                .containsEntry("T4/29/1", "31.94");
        // The closed year's statements are unchanged by the close.
        SampleStatements.assertIsThe2020Sample(json(api.perform(get(YEAR + "/statements"))));
    }

    @Test
    @Order(11)
    void theOpenApiDescriptionListsEveryEndpointAndSwaggerUiAnswers() {
        JsonNode docs = json(api.perform(get("/v3/api-docs")));
        JsonNode paths = docs.get("paths");
        Map<String, String> expected =
                Map.of(
                        "/api/transactions", "post",
                        "/api/journals", "post",
                        "/api/units/{unit}/years/{year}/statements", "get",
                        "/api/units/{unit}/years/{year}/statements/{table}", "get",
                        "/api/units/{unit}/years/{year}/trace", "get",
                        "/api/units/{unit}/years/{year}/checks", "get",
                        "/api/units/{unit}/years/{year}/reconciliation", "post",
                        "/api/units/{unit}/years/{year}/close", "post");
        expected.forEach(
                (path, method) -> {
                    assertThat(paths.has(path)).as(path).isTrue();
                    assertThat(paths.get(path).has(method)).as(method + " " + path).isTrue();
                    assertThat(paths.get(path).get(method).get("summary").textValue())
                            .as(path)
                            .isNotBlank();
                });
        assertThat(
                        paths.get("/api/journals")
                                .get("post")
                                .get("requestBody")
                                .get("content")
                                .has("text/csv"))
                .isTrue();
        assertThat(
                        paths.get("/api/units/{unit}/years/{year}/trace")
                                .get("get")
                                .get("parameters")
                                .toString())
                .contains("\"cell\"", "\"asOf\"");
        assertThat(docs.at("/components/schemas/TransactionRequest/properties").has("reverses"))
                .isTrue();
        // The kinds are listed from TransactionKind, so a new kind is documented with no edit here.
        assertThat(
                        docs.at(
                                        "/components/schemas/TransactionRequest/properties/kind/description")
                                .textValue())
                .contains("budget (年初预算)", "reversal (冲销)", "transfer (单位间划转)")
                .doesNotContain("carry-");

        MvcResult ui = api.perform(get("/swagger-ui"));
        int status = ui.getResponse().getStatus();
        assertThat(status).isIn(200, 301, 302);
        String page = status == 200 ? "/swagger-ui" : ui.getResponse().getRedirectedUrl();
        assertThat(page).contains("swagger-ui");
        MvcResult index = api.perform(get(page));
        assertThat(index.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(index)).containsIgnoringCase("swagger");
    }

    private static int firstDataLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("JH2020-")) {
                return i;
            }
        }
        throw new IllegalStateException("no data rows");
    }
}
