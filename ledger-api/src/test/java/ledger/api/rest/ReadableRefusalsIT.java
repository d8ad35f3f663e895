package ledger.api.rest;

import static ledger.api.rest.ApiSupport.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import ledger.api.LedgerApplication;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Refusals a person can act on: an invisible Unicode format character (U+202E turns text around) in
 * a memo, voucher or name is refused naming the field, through a JSON request and through a journal
 * row alike; a parameter of the wrong form is named with the form it takes, on the pages and in API
 * problems, without the Java type names of the framework's own message.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = LedgerApplication.class)
class ReadableRefusalsIT {

    private static final String URL = TestDatabase.create("readable");
    private static final String UNIT = "readable-unit";

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
    void aFormatCharacterInAJsonTransactionIsRefusedNamingTheField() {
        JsonNode memo =
                api.refused(
                        transaction("memo", "付款\u202E001-2202"), 422, "memo", "不可见的格式字符 U+202E");
        assertThat(memo.get("detail").textValue()).contains("memo");
        api.refused(transaction("voucher", "记-\u200B01"), 422, "voucher", "不可见的格式字符 U+200B");
        api.refused(transaction("unit_name", "江汉区\u2066测试局"), 422, "unit_name", "不可见的格式字符 U+2066");
    }

    @Test
    void aFormatCharacterInAJournalRowIsRefusedNamingTheFieldAndTheLine() {
        String journal =
                "id,date,kind,unit,unit_name,fund,functional,economic,nature,amount,voucher,memo\n"
                        + "R-1,2020-01-02,appropriation,"
                        + UNIT
                        + ",可读测试单位,other,2010301,30201,,100.00,记-1,拨款\n"
                        + "R-2,2020-01-03,expenditure,"
                        + UNIT
                        + ",,other,2010301,30201,public,10.00,记-2,办公\u202E用品\n";
        JsonNode text =
                api.refused(
                        post("/api/journals").contentType(MediaType.TEXT_PLAIN).content(journal),
                        422,
                        "memo",
                        "不可见的格式字符 U+202E");
        assertThat(text.get("problems").get(0).get("line").intValue()).isEqualTo(3);
        api.refused(
                MockMvcRequestBuilders.multipart("/api/journals")
                        .file(
                                new MockMultipartFile(
                                        "file",
                                        "j.csv",
                                        "text/csv",
                                        journal.replace("可读测试单位", "可读\u200F测试单位")
                                                .getBytes(StandardCharsets.UTF_8))),
                422,
                "unit_name",
                "不可见的格式字符 U+200F");
    }

    @Test
    void anApiParameterOfTheWrongFormIsNamedWithTheFormItTakes() {
        JsonNode date =
                api.refused(
                        get("/api/units/" + UNIT + "/years/2020/statements")
                                .param("asOf", "yesterday"),
                        400,
                        "asOf",
                        "应为日期，写作 yyyy-mm-dd");
        assertThat(date.toString()).doesNotContain("java.", "LocalDate", "Failed to convert");
        JsonNode year =
                api.refused(
                        get("/api/units/" + UNIT + "/years/twenty/statements"),
                        400,
                        "year",
                        "应为整数");
        assertThat(year.toString()).doesNotContain("java.", "int'", "NumberFormatException");
    }

    @Test
    void aPageParameterOfTheWrongFormIsExplainedInChineseWithoutJavaTypes() throws Exception {
        MvcResult date =
                api.perform(
                        get("/units/" + UNIT + "/years/2020")
                                .param("asOf", "2020-13-45")
                                .accept(MediaType.TEXT_HTML));
        String page = date.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(date.getResponse().getStatus()).isEqualTo(400);
        assertThat(page)
                .contains("请求参数有误", "参数 asOf 应为日期，写作 yyyy-mm-dd", "2020-13-45")
                .doesNotContain("java.", "LocalDate", "Failed to convert", "DateTimeFormat");

        MvcResult year =
                api.perform(get("/units/" + UNIT + "/years/twenty").accept(MediaType.TEXT_HTML));
        assertThat(year.getResponse().getStatus()).isEqualTo(400);
        assertThat(year.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("参数 year 应为整数")
                .doesNotContain("java.", "Failed to convert", "NumberFormatException");
    }

    private static org.springframework.test.web.servlet.RequestBuilder transaction(
            String field, String value) {
        return post("/api/transactions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        object(
                                "id",
                                "R-9",
                                "date",
                                "2020-01-02",
                                "kind",
                                "appropriation",
                                "unit",
                                UNIT,
                                "unit_name",
                                "可读测试单位",
                                "fund",
                                "other",
                                "functional",
                                "2010301",
                                "economic",
                                "30201",
                                "amount",
                                "100.00",
                                field,
                                value));
    }
}
