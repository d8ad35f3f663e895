package ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.statement.ProjectionStatus;
import ledger.api.store.EventStoreAccess;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The pages over HTTP with the 2020 sample loaded, without a browser: each page answers in Chinese
 * with the ledger's figures; a figure's trace adds up to it; an event lists the cells it feeds; the
 * reconciliation with the published report marks the report's own contradictions; a bad journal is
 * refused row by row and writes nothing; the 情况说明 names the published text's contradictions; the
 * workbook and the chart images download.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebPagesIT {

    private static final String URL = TestDatabase.create("webpages");
    private static final String STATEMENTS = SampleLedgerSite.STATEMENTS;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SampleLedgerSite.database(registry, URL);
    }

    @Autowired TestRestTemplate http;
    @Autowired JournalImport journalImport;
    @Autowired ProjectionStatus projections;
    @Autowired EventStoreAccess store;

    @BeforeAll
    void loadTheSample() {
        SampleLedgerSite.importSample(journalImport, projections);
    }

    /**
     * The demo users of application-demo.yml (profile demo): clerk (recorder of the sample unit),
     * approver, auditor.
     */
    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user + "-demo");
    }

    @Test
    void thePagesAreForSignedInUsersOfTheUnitOnly() {
        ResponseEntity<String> anonymous = http.getForEntity(STATEMENTS, String.class);
        assertThat(anonymous.getBody()).doesNotContain("2020 年度收入支出决算总表");
        assertThat(http.getForEntity("/login", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // the clerk of the sample unit reads it, but not another unit, nor its events
        assertThat(as("clerk").getForEntity(STATEMENTS, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(
                        as("clerk")
                                .getForEntity("/units/web-prior-unit/years/2020", String.class)
                                .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(page("/")).contains("jianghan-gov-office");
        // an auditor writes nothing: the journal upload is for recorders
        assertThat(as("auditor").getForEntity("/upload/journal", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", file("j.csv", "id,date,kind,unit\n".getBytes(StandardCharsets.UTF_8)));
        post("auditor", "/upload/journal", form, HttpStatus.FORBIDDEN);
        // a clerk may not record for a unit it is not granted: the whole file is refused, nothing
        // written
        long events = store.eventCount();
        MultiValueMap<String, Object> other = new LinkedMultiValueMap<>();
        other.add(
                "file",
                file(
                        "other.csv",
                        ("id,date,kind,unit,fund,functional,economic,amount\n"
                                        + "X-1,2020-02-01,appropriation,someone-else,other,2010301,30201,9.00\n")
                                .getBytes(StandardCharsets.UTF_8)));
        assertThat(importJob("clerk", other, HttpStatus.FORBIDDEN))
                .contains("id=\"import-not-permitted\"");
        assertThat(store.eventCount()).isEqualTo(events);
    }

    @Test
    void theHomePageOffersTheUnitsAndYearsAndOpensTheChosenStatements() {
        String home = page("/");
        assertThat(home)
                .contains(
                        "选择单位",
                        "武汉市江汉区人民政府办公室（jianghan-gov-office）",
                        "href=\"" + STATEMENTS + "\"",
                        "name=\"asOf\"");
        // the form's target redirects to the statements as of the chosen date (followed here)
        String opened = page("/open?unit=jianghan-gov-office&year=2020&asOf=2020-06-30");
        assertThat(opened).contains("2020 年度部门决算表", "截至：<b>2020-06-30</b>");
    }

    @Test
    void theStatementsPageLaysOutTheNineTablesWithEveryFigureLinkedToItsTrace() {
        String statements = page(STATEMENTS);
        for (String title :
                List.of(
                        "2020 年度收入支出决算总表（表 1）",
                        "2020 年度收入决算表（表 2）",
                        "2020 年度支出决算表（表 3）",
                        "2020 年度财政拨款收入支出决算总表（表 4）",
                        "2020 年度一般公共预算财政拨款支出决算表（表 5）",
                        "2020 年度一般公共预算财政拨款基本支出决算表（表 6）",
                        "2020 年度一般公共预算财政拨款“三公”经费支出决算表（表 7）",
                        "2020 年度政府性基金预算财政拨款收入支出决算表（表 8）",
                        "2020 年度国有资本经营预算财政拨款支出决算表（表 9）")) {
            assertThat(statements).contains(title);
        }
        assertThat(statements)
                .contains("部门：武汉市江汉区人民政府办公室", "单位：万元", "行次", "栏次", "本单位无政府性基金预算财政拨款收支", "0 处错误");
        assertThat(statements)
                .containsPattern(
                        "href=\""
                                + Pattern.quote(STATEMENTS)
                                + "/trace\\?cell=T3/2010302/3\"\\s+data-cell=\"T3/2010302/3\">1,197.34</a>");
        // one link per printed figure: the ledger prints 281 cells … fewer than published where
        // blank
        assertThat(count(statements, "class=\"figure\""))
                .isEqualTo(count(statements, "data-cell=\""));
        assertThat(count(statements, "data-cell=\"")).isGreaterThan(200);
        String halfYear = page(STATEMENTS + "?asOf=2020-06-30");
        assertThat(halfYear)
                .contains("截至：", "2020-06-30", "trace?cell=T1/30/1&amp;asOf=2020-06-30");
    }

    @Test
    void theStatementsPageFollowsTheTemplateAskedForAndItsLinksKeepIt() {
        assertThat(page("/")).contains("name=\"template\"", "2024 格式（24 个类级科目行）");
        String in2024 = page(STATEMENTS + "?template=2024");
        assertThat(in2024)
                .contains(
                        "2020 年度收入支出决算总表",
                        "2020 年度财政拨款“三公”经费支出决算表",
                        "二十四、抗疫特别国债安排的支出",
                        "trace?cell=T1/53/2&amp;template=2024",
                        "name=\"template\" value=\"2024\"")
                .doesNotContain("（表 1）", "行次", "栏次", "债务还本支出");
        String trace = page(STATEMENTS + "/trace?cell=T1/53/2&template=2024");
        assertThat(trace).contains("T1/53/2").containsPattern("/events/[^\"?]+\\?template=2024\"");
        assertThat(page("/open?unit=jianghan-gov-office&year=2020&template=2024-26"))
                .contains("债务还本支出")
                .doesNotContain("（表 1）");
        ResponseEntity<String> unknown =
                as("auditor").getForEntity(STATEMENTS + "?template=2019", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("参数 template：没有内置的模板 2019");
    }

    @Test
    void aTracesEventsAddUpToTheFigureAndEachEventListsTheCellsItFeeds() {
        String trace = page(STATEMENTS + "/trace?cell=T3/2010302/3");
        assertThat(trace)
                .contains("表3 支出决算表 · 2010302 一般行政管理事务 · 第 3 栏 项目支出", "1,197.34 万元", "与报表数值一致");
        long sum = 0;
        Matcher rows = Pattern.compile("class=\"event-row\" data-fen=\"(-?\\d+)\"").matcher(trace);
        int events = 0;
        while (rows.find()) {
            sum += Long.parseLong(rows.group(1));
            events++;
        }
        assertThat(events).isEqualTo(40);
        assertThat(sum).isEqualTo(1_197_340_000L);
        assertThat(trace)
                .contains("id=\"trace-sum\" data-fen=\"1197340000\"", "11,973,400.00 元", "支出（冲销）");

        Matcher firstEvent = Pattern.compile("href=\"(/events/[^\"]+)\"").matcher(trace);
        assertThat(firstEvent.find()).isTrue();
        String event = page(firstEvent.group(1));
        assertThat(event)
                .contains(
                        "此事件计入的单元格",
                        "JH2020-0088",
                        "2010302 一般行政管理事务",
                        "30103 奖金",
                        "项目支出",
                        "JH2020-P10 弥补在职、退休人员奖励性补贴及未休年休假补贴",
                        "350,000.00")
                .contains(
                        STATEMENTS + "/trace?cell=T3/2010302/3",
                        STATEMENTS + "/trace?cell=T1/31/2",
                        STATEMENTS + "/trace?cell=T5/total/3");
    }

    @Test
    void aLargeTraceShowsOnePageWithLinksToTheOthersAndTheWholeTotal() {
        String base = STATEMENTS + "/trace?cell=T3/2010302/3";
        long sum = 0;
        int events = 0;
        List<Integer> numbers = new ArrayList<>();
        for (int page = 0; page < 6; page++) {
            String trace = page(base + "&page=" + page + "&size=7");
            assertThat(trace)
                    .contains(
                            "id=\"trace-count\">40<",
                            "id=\"trace-sum\" data-fen=\"1197340000\"",
                            "1,197.34 万元",
                            "与报表数值一致",
                            "共 40 条，第 " + (page + 1) + "/6 页");
            Matcher rows =
                    Pattern.compile("class=\"event-row\" data-fen=\"(-?\\d+)\"").matcher(trace);
            int onThisPage = 0;
            while (rows.find()) {
                sum += Long.parseLong(rows.group(1));
                onThisPage++;
            }
            assertThat(onThisPage).as("page " + page).isEqualTo(page < 5 ? 7 : 5);
            events += onThisPage;
            Matcher number =
                    Pattern.compile("data-fen=\"-?\\d+\">\\s*<td>(\\d+)</td>").matcher(trace);
            while (number.find()) {
                numbers.add(Integer.parseInt(number.group(1)));
            }
            String previous =
                    "id=\"trace-previous\" href=\""
                            + base.replace("&", "&amp;")
                            + "&amp;size=7&amp;page="
                            + (page - 1)
                            + "\"";
            String next =
                    "id=\"trace-next\" href=\""
                            + base
                            + "&amp;size=7&amp;page="
                            + (page + 1)
                            + "\"";
            if (page > 0) {
                assertThat(trace).contains(previous);
            } else {
                assertThat(trace).doesNotContain("trace-previous");
            }
            if (page < 5) {
                assertThat(trace).contains(next);
            } else {
                assertThat(trace).doesNotContain("trace-next");
            }
        }
        assertThat(events).isEqualTo(40);
        assertThat(sum).isEqualTo(1_197_340_000L);
        assertThat(numbers)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());

        assertThat(page(base)).contains("共 40 条，第 1/1 页").doesNotContain("trace-jump");
        for (String bad :
                List.of("&page=-1", "&size=0", "&size=5001", "&page=6&size=7", "&page=x")) {
            ResponseEntity<String> refused = as("auditor").getForEntity(base + bad, String.class);
            assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(as("auditor").getForEntity(base + "&page=6&size=7", String.class).getBody())
                .contains("共 40 条、6 页", "没有第 7 页");
        assertThat(as("auditor").getForEntity(base + "&size=5001", String.class).getBody())
                .contains("每页事件数须在 1 到 5000 之间");
    }

    @Test
    void theChecksPageListsTheRulesTheLedgerMeetsAndMarksNothingAsAnError() {
        String checks = page(STATEMENTS + "/checks");
        assertThat(checks).contains("审核公式").doesNotContain("fig mark-error", "class=\"row-error\"");
    }

    @Test
    void reconcilingWithThePublishedReportMarksItsOwnContradictionsAndFindsNothingUnexplained()
            throws IOException {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(
                "published",
                file("published.tsv", Files.readAllBytes(Samples.jianghan2020Published())));
        String result = post(STATEMENTS + "/reconciliation", form);
        assertThat(result)
                .contains(
                        "id=\"reconciliation-summary\"",
                        "id=\"unexplained-count\">0</b> 格",
                        "结论：账簿与公布报表一致",
                        "T1/38/2：公布 140.10，账簿 140.09",
                        "公布报表在此自相矛盾",
                        "T7/1/5",
                        "公布：140.10",
                        "公布：空白");
        Matcher differing = Pattern.compile("不一致 <b>(\\d+)</b> 格").matcher(result);
        assertThat(differing.find()).isTrue();
        assertThat(count(result, "fig mark-explained"))
                .isEqualTo(Integer.parseInt(differing.group(1)))
                .isGreaterThanOrEqualTo(9);
        assertThat(result).doesNotContain("fig mark-unexplained");

        // The report itself instead of the typed figures: the same result, and the page says what
        // it read.
        MultiValueMap<String, Object> report = new LinkedMultiValueMap<>();
        report.add(
                "published",
                file(
                        "report.txt",
                        Files.readAllBytes(Samples.path("2020-jianghan-gov-office/report.txt"))));
        String fromReport = post(STATEMENTS + "/reconciliation", report);
        assertThat(fromReport)
                .contains(
                        "id=\"read-note\"",
                        "读出 249 个数字",
                        "id=\"unexplained-count\">0</b> 格",
                        "结论：账簿与公布报表一致");
        assertThat(count(fromReport, "fig mark-explained"))
                .isEqualTo(Integer.parseInt(differing.group(1)));

        MultiValueMap<String, Object> wrong = new LinkedMultiValueMap<>();
        wrong.add("text", "T3\t2010302\t3\t1197.35\n");
        String unexplained = post(STATEMENTS + "/reconciliation", wrong);
        assertThat(unexplained).contains("未解释", "fig mark-unexplained", "结论：有差异无法由公布报表自身解释");

        // A fen more on 表4 line 60 (cols 2 and 3): its blank line 61 is then implied 31.95, the
        // ledger has 31.94 there.
        // The contradiction explains all but the fen, and the page marks the cell unexplained, the
        // fen stated.
        MultiValueMap<String, Object> offByAFen = new LinkedMultiValueMap<>();
        offByAFen.add(
                "published",
                file(
                        "published.tsv",
                        Files.readString(Samples.jianghan2020Published(), StandardCharsets.UTF_8)
                                .replace("T4\t60\t2\t31.94", "T4\t60\t2\t31.95")
                                .replace("T4\t60\t3\t31.94", "T4\t60\t3\t31.95")
                                .getBytes(StandardCharsets.UTF_8)));
        String fen = post(STATEMENTS + "/reconciliation", offByAFen);
        assertThat(fen)
                .contains(
                        "未解释 T4/61/2：公布 空白，账簿 31.94，差额 -31.94（公布 − 账簿），其中公布报表自身矛盾解释 -31.95",
                        "未解释 0.01：账簿与公布报表支持的最接近数 31.95 仍不相符",
                        "<td class=\"num unexplained-amount\">0.01</td>",
                        "结论：有差异无法由公布报表自身解释");
        // lines 60 and 61, cols 2 and 3
        assertThat(count(fen, "fig mark-unexplained")).isEqualTo(4);
        MultiValueMap<String, Object> broken = new LinkedMultiValueMap<>();
        broken.add("text", "T3\t2010302\tx\t1\n");
        assertThat(post(STATEMENTS + "/reconciliation", broken)).contains("公布数文件有误", "line 1");
    }

    @Test
    void aBadJournalIsRefusedRowByRowAndWritesNothing() throws IOException {
        List<String> lines =
                new ArrayList<>(
                        Files.readAllLines(Samples.jianghan2020Journal(), StandardCharsets.UTF_8));
        int header = 0;
        while (lines.get(header).startsWith("#")) {
            header++;
        }
        List<String> bad = new ArrayList<>(lines.subList(0, header + 1));
        bad.add(
                "W-1,2020-03-01,expenditure,web-unit,网页测试单位,general,2010397,30101,personnel,,,100.00,v,m,,,");
        bad.add(
                "W-2,2020-03-01,expenditure,web-unit,网页测试单位,general,2010301,30101,personnel,,,12.345,v,m,,,");
        bad.add(
                "W-3,2020-13-01,appropriation,web-unit,网页测试单位,general,2010301,30101,,,,1.00,v,m,,,");
        long eventsBefore = store.eventCount();
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", file("bad.csv", String.join("\n", bad).getBytes(StandardCharsets.UTF_8)));
        String refused = importJob("approver", form, HttpStatus.OK);
        assertThat(refused)
                .contains("id=\"import-refused\"", "未导入（一行也没有记入）", "2010397", "amount", "date");
        assertThat(count(refused, "<td class=\"num\">")).isGreaterThanOrEqualTo(3);
        assertThat(refused)
                .contains(
                        "<td class=\"num\">" + (header + 2) + "</td>",
                        "<td class=\"num\">" + (header + 3) + "</td>",
                        "<td class=\"num\">" + (header + 4) + "</td>");
        assertThat(refused).contains("W-2,2020-03-01,expenditure");
        assertThat(store.eventCount()).isEqualTo(eventsBefore);

        MultiValueMap<String, Object> again = new LinkedMultiValueMap<>();
        again.add("file", file("journal.csv", Files.readAllBytes(Samples.jianghan2020Journal())));
        assertThat(importJob("clerk", again, HttpStatus.OK))
                .contains("id=\"import-result\"", "<b>476</b> 行")
                .containsPattern("新记入\\s*<b>0</b> 行");
        assertThat(store.eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void aBadDepartmentFileIsRefusedOnItsPageLineByLineAndRegistersNothing() {
        // Goal: the departments page lists a refused file's problems by line, as the 科目表 page does.
        long eventsBefore = store.eventCount();
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(
                "file",
                file(
                        "bad-departments.csv",
                        ("department,department_name,unit,unit_name,kind,parent,from_year\n"
                                        + "web-dept,网页部门,web-dept-office,网页部门本级,企业,,2020\n")
                                .getBytes(StandardCharsets.UTF_8)));
        String refused = post("approver", "/departments", form, HttpStatus.valueOf(422));
        assertThat(refused)
                .contains(
                        "id=\"department-refused\"",
                        "id=\"department-problems\"",
                        "<b>bad-departments.csv</b> 未登记（一行也没有登记）：共 <b>1</b> 处错误",
                        "<td class=\"num\">2</td>",
                        "单位性质须为 行政单位、事业单位 或 参公单位，不是 企业");
        assertThat(store.eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void aFileOfManyBadRowsListsTheFirstThousandProblemsBesideTheirLinesAndCountsTheRest() {
        // Goal: a huge bad upload gives a page of bounded size that still says how much is wrong.
        StringBuilder csv =
                new StringBuilder("id,date,kind,unit,fund,functional,economic,amount\r\n");
        for (int i = 0; i < 1_500; i++) {
            csv.append("M-")
                    .append(i)
                    .append(",2020-03-01,budget,web-many,general,2010301,30101,-")
                    .append(i)
                    .append("\r\n");
        }
        long eventsBefore = store.eventCount();
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", file("many.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        String refused = importJob("approver", form, HttpStatus.OK);
        assertThat(refused)
                .contains("id=\"import-refused\"", "共 <b>1500</b> 行有错误", "另有 500 行被拒绝，未逐一列出");
        assertThat(count(refused, "<td class=\"num\">")).isEqualTo(1_001);
        // Each listed line beside its text (line 1001 is M-999), without the carriage return.
        assertThat(refused)
                .contains(
                        "<td class=\"source\">M-999,2020-03-01,budget,web-many,general,2010301,30101,-999</td>");
        assertThat(refused).doesNotContain("M-1001,");
        assertThat(store.eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void theExplanationIsWrittenFromTheLedgerWithTheShippedPriorYearAndItsCharts() {
        String explanation = page(STATEMENTS + "/explanation");
        assertThat(withoutTags(explanation)).contains("增加 218.45 万元，增长 9.6%", "完成年初预算的 109.2%");
        assertThat(explanation)
                .contains(
                        "第三部分 武汉市江汉区人民政府办公室2020 年度部门决算情况说明",
                        "上年数文件 samples/2020-jianghan-gov-office/prior-year-2019.tsv",
                        "【主要原因：＿＿＿＿】",
                        "data-key=\"budget.completion\"",
                        "图 1：收、支决算总计变动情况",
                        "/webjars/echarts/5.5.0/echarts.min.js",
                        "data-echarts=");
        assertThat(explanation).contains(STATEMENTS + "/trace?cell=T1/30/1");
        assertThat(
                        http.getForEntity("/webjars/echarts/5.5.0/echarts.min.js", String.class)
                                .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void whenTheLedgerHoldsLastYearTheExplanationComparesWithIt() {
        String journal =
                "id,date,kind,unit,unit_name,fund,functional,economic,nature,amount\n"
                        + "P19-1,2019-01-05,budget,web-prior-unit,上年测试单位,general,2010301,30101,,1000.00\n"
                        + "P19-2,2019-01-06,appropriation,web-prior-unit,上年测试单位,general,2010301,30101,,1000.00\n"
                        + "P19-3,2019-02-01,expenditure,web-prior-unit,上年测试单位,general,2010301,30101,personnel,800.00\n"
                        + "P20-1,2020-01-05,budget,web-prior-unit,上年测试单位,general,2010301,30101,,2000.00\n"
                        + "P20-2,2020-01-06,appropriation,web-prior-unit,上年测试单位,general,2010301,30101,,2000.00\n"
                        + "P20-3,2020-02-01,expenditure,web-prior-unit,上年测试单位,general,2010301,30101,personnel,1500.00\n";
        journalImport.importJournal(
                new ByteArrayInputStream(journal.getBytes(StandardCharsets.UTF_8)),
                "prior.csv",
                "web-test");
        String explanation = withoutTags(page("/units/web-prior-unit/years/2020/explanation"));
        assertThat(explanation)
                .contains(
                        "上年数来源：账簿 2019 年度决算",
                        "2020 年度收、支总计 0.20 万元。与 2019 年度相比，收、支总计各增加 0.10 万元，增长 100.0%",
                        "一般公共预算财政拨款支出增加 0.07 万元，增长 87.5%");
        // a prior-year file uploaded then is not used: the ledger's own year comes first
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(
                "priorYear",
                file(
                        "prior.tsv",
                        "year\t2019\ntotal-income-expenditure\t5\n"
                                .getBytes(StandardCharsets.UTF_8)));
        assertThat(withoutTags(post("/units/web-prior-unit/years/2020/explanation", form)))
                .contains("上年数来源：账簿 2019 年度决算", "增加 0.10 万元");
    }

    @Test
    void aPublishedExplanationUploadedBesideItIsCheckedFigureByFigure() {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(
                "published",
                file(
                        "stated.tsv",
                        ("budget\t2,232.51\t五(三)\nthree-public.completion\t35.0%\t七(二)\n"
                                        + "total\t2,503.33\t一\nbudget.lei.208.completion\t111.5\t五(三)2\n")
                                .getBytes(StandardCharsets.UTF_8)));
        String checked = post(STATEMENTS + "/explanation", form);
        assertThat(checked)
                .contains(
                        "核对结果",
                        "五(三) 一般公共预算财政拨款支出年初预算：公布 2,232.51，账簿 2,264.21",
                        "七(二) “三公”经费完成年初预算：公布 35.0%，账簿 35.3%",
                        "缺少 %")
                .doesNotContain("一 收、支总计：公布");

        MultiValueMap<String, Object> wrongYear = new LinkedMultiValueMap<>();
        wrongYear.add(
                "priorYear",
                file(
                        "prior.tsv",
                        "year\t2018\nrunning-costs\t1\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(post(STATEMENTS + "/explanation", wrongYear)).contains("是 2018 年度的数字");
    }

    @Test
    void theWorkbookAndTheChartImagesDownload() throws IOException {
        ResponseEntity<byte[]> workbook =
                as("auditor").getForEntity(STATEMENTS + "/statements.xlsx", byte[].class);
        assertThat(workbook.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(workbook.getHeaders().getContentType())
                .hasToString("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(workbook.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("jianghan-gov-office-2020-部门决算.xlsx");
        try (Workbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook.getBody()))) {
            // 表1–表9, then the 科目余额表 and the 预算指标 account
            assertThat(read.getNumberOfSheets()).isEqualTo(11);
        }
        assertThat(page(STATEMENTS + "/charts")).contains("图 2：收入决算结构", "charts/fig3-lei.png");
        ResponseEntity<byte[]> png =
                as("auditor").getForEntity(STATEMENTS + "/charts/fig1.png", byte[].class);
        assertThat(png.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(png.getBody()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void mistakesAnswerWithAPageSayingWhatIsWrong() {
        ResponseEntity<String> noEvent =
                as("auditor").getForEntity("/events/no-such-event", String.class);
        assertThat(noEvent.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noEvent.getBody()).contains("找不到", "没有事件 no-such-event");
        ResponseEntity<String> badCell =
                as("auditor").getForEntity(STATEMENTS + "/trace?cell=T3/2010302/9", String.class);
        assertThat(badCell.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badCell.getBody()).contains("单元格 T3/2010302/9 不存在");
        ResponseEntity<String> noUnit =
                as("auditor").getForEntity("/units/no-such-unit/years/2020", String.class);
        assertThat(noUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noUnit.getBody()).contains("<html", "账簿中没有单位 no-such-unit");
        // the HTTP API keeps answering problem JSON
        ResponseEntity<String> api =
                as("auditor")
                        .getForEntity(
                                "/api/units/no-such-unit/years/2020/statements", String.class);
        assertThat(api.getHeaders().getContentType().toString()).contains("json");
    }

    private String page(String path) {
        ResponseEntity<String> response = as("auditor").getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).contains("text/html");
        return response.getBody();
    }

    private String post(String path, MultiValueMap<String, Object> form) {
        return post("auditor", path, form, HttpStatus.OK);
    }

    /**
     * Submits a page's form as a browser does: with the session and the CSRF token of the page that
     * shows the form (the page at the same address).
     */
    private String post(
            String user, String path, MultiValueMap<String, Object> form, HttpStatus expected) {
        ResponseEntity<String> response =
                submit(
                        user,
                        path,
                        form,
                        org.springframework.boot.http.client.ClientHttpRequestFactorySettings
                                .Redirects.FOLLOW_WHEN_POSSIBLE);
        assertThat(response.getStatusCode()).as(path).isEqualTo(expected);
        return response.getBody();
    }

    /** Submits a form whose answer is a redirect (303 or 302), and returns where it goes. */
    private String postForRedirect(String user, String path, MultiValueMap<String, Object> form) {
        ResponseEntity<String> response =
                submit(
                        user,
                        path,
                        form,
                        org.springframework.boot.http.client.ClientHttpRequestFactorySettings
                                .Redirects.DONT_FOLLOW);
        assertThat(response.getStatusCode().is3xxRedirection())
                .as(path + " answered " + response.getStatusCode())
                .isTrue();
        return response.getHeaders().getLocation().toString();
    }

    private ResponseEntity<String> submit(
            String user,
            String path,
            MultiValueMap<String, Object> form,
            org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects
                    redirects) {
        ResponseEntity<String> formPage = as(user).getForEntity(path, String.class);
        Matcher token =
                Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(formPage.getBody());
        assertThat(token.find()).as("CSRF token in the form of " + path).isTrue();
        String session =
                formPage.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                        .filter(cookie -> cookie.startsWith("JSESSIONID="))
                        .map(cookie -> cookie.split(";")[0])
                        .findFirst()
                        .orElseThrow();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.add(HttpHeaders.COOKIE, session);
        MultiValueMap<String, Object> fields = new LinkedMultiValueMap<>(form);
        fields.add("_csrf", token.group(1));
        return as(user).withRedirects(redirects)
                .postForEntity(path, new HttpEntity<>(fields, headers), String.class);
    }

    /**
     * Uploads a journal as the page's form does, follows the redirect to its import job and reads
     * the job's page once the job has ended (its progress JSON says when).
     */
    private String importJob(String user, MultiValueMap<String, Object> form, HttpStatus expected) {
        String location = postForRedirect(user, "/upload/journal", form);
        assertThat(location).contains("/upload/journal/jobs/");
        String path = java.net.URI.create(location).getPath();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!as(user).getForObject(path + "/progress", String.class).contains("\"done\":true")) {
            assertThat(System.nanoTime())
                    .as("the import job ends within a minute")
                    .isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
        // Someone else's job does not exist for them, nor its progress.
        assertThat(as("auditor").getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> page = as(user).getForEntity(path, String.class);
        assertThat(page.getStatusCode()).as(path).isEqualTo(expected);
        return page.getBody();
    }

    private static ByteArrayResource file(String name, byte[] bytes) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static String withoutTags(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            count++;
        }
        return count;
    }
}
