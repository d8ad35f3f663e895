package ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.statement.ProjectionStatus;
import ledger.api.store.EventStoreAccess;
import ledger.api.support.TestDatabase;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs), the 2020 sample loaded: choose the unit and year, open the statements, click a figure,
 * check that the trace's events add up to it, follow an event to the cells it feeds and back,
 * download the workbook, read the 情况说明 with its charts drawn, and have a bad journal refused row by
 * row. Screenshots are kept under {@code ledger-api/target/screenshots/}. Skipped only when
 * Chromium or its driver is not installed.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BrowserIT {

    private static final String URL = TestDatabase.create("browser");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SampleLedgerSite.database(registry, URL);
    }

    @LocalServerPort int port;
    @Autowired JournalImport journalImport;
    @Autowired ProjectionStatus projections;
    @Autowired EventStoreAccess store;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startChromiumOnTheSample() throws IOException {
        Chromium.assumeInstalled();
        SampleLedgerSite.importSample(journalImport, projections);
        browser = Chromium.start("1400,1000");
        wait = Chromium.waiting(browser);
        // Every page keeps the Content-Security-Policy violations it meets, for the tests to read.
        browser.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "window.cspViolations = []; document.addEventListener('securitypolicyviolation', function (e) {"
                                + " window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });"));
        signIn("approver", "approver-demo");
    }

    /** The login form every page sends an unknown visitor to (an approver reads and records). */
    private void signIn(String user, String password) {
        Chromium.signIn(browser, wait, base() + SampleLedgerSite.STATEMENTS, user, password);
    }

    @AfterAll
    void stopChromium() {
        Chromium.quit(browser);
    }

    @Test
    @Order(1)
    void chooseTheUnitAndYearAndSeeTheStatementsLaidOutAsPublished() throws IOException {
        browser.get(base() + "/");
        new Select(browser.findElement(By.id("unit"))).selectByValue(SampleLedgerSite.UNIT);
        WebElement year = browser.findElement(By.id("year"));
        year.clear();
        year.sendKeys("2020");
        browser.findElement(By.cssSelector("form.pick button[type=submit]")).click();
        wait.until(driver -> driver.getCurrentUrl().endsWith(SampleLedgerSite.STATEMENTS));
        assertThat(browser.findElement(By.cssSelector("form.signed-in")).getText())
                .contains("approver");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("武汉市江汉区人民政府办公室 2020 年度部门决算表");
        List<WebElement> titles = browser.findElements(By.cssSelector("h2.table-title"));
        assertThat(titles).hasSize(9);
        assertThat(titles.get(0).getText()).isEqualTo("2020 年度收入支出决算总表（表 1）");
        WebElement total = browser.findElement(By.cssSelector("a[data-cell='T1/30/1']"));
        assertThat(total.getText()).isEqualTo("2,503.33");
        fullPageScreenshot("statements.png");
    }

    @Test
    @Order(2)
    void thePrintLayoutDropsTheNavigationAndKeepsTheTables() throws IOException {
        browser.get(base() + SampleLedgerSite.STATEMENTS);
        // the print button works from the script file (an onclick attribute would be refused by the
        // CSP)
        browser.executeScript("window.print = function () { window.printAsked = true; }");
        browser.findElement(By.cssSelector("button[data-print]")).click();
        assertThat(browser.executeScript("return window.printAsked === true")).isEqualTo(true);
        assertThat(cspViolations()).isEmpty();
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.id("download-xlsx")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("nav.toc")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("h2.table-title")).isDisplayed())
                    .isTrue();
            fullPageScreenshot("statements-print.png");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    @Order(3)
    void clickAFigureAndItsTracesEventsAddUpToIt() throws IOException {
        browser.get(base() + SampleLedgerSite.STATEMENTS);
        WebElement figure = browser.findElement(By.cssSelector("a[data-cell='T3/2010302/3']"));
        String clickedFigure = figure.getText();
        assertThat(clickedFigure).isEqualTo("1,197.34");
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", figure);
        figure.click();
        wait.until(driver -> driver.getCurrentUrl().contains("/trace?cell=T3/2010302/3"));

        List<WebElement> events = browser.findElements(By.cssSelector("tr.event-row"));
        assertThat(events).hasSize(40);
        long sumFen = 0;
        BigDecimal sumYuan = BigDecimal.ZERO;
        for (WebElement event : events) {
            sumFen += Long.parseLong(event.getDomAttribute("data-fen"));
            // the 7th column is what the event adds to the figure, in yuan as shown
            sumYuan =
                    sumYuan.add(
                            new BigDecimal(
                                    event.findElements(By.tagName("td"))
                                            .get(6)
                                            .getText()
                                            .replace(",", "")));
        }
        BigDecimal wanYuan = new BigDecimal(clickedFigure.replace(",", ""));
        assertThat(sumYuan).isEqualByComparingTo(wanYuan.movePointRight(4));
        assertThat(sumFen).isEqualTo(wanYuan.movePointRight(6).longValueExact());
        assertThat(browser.findElement(By.id("trace-sum")).getDomAttribute("data-fen"))
                .isEqualTo(Long.toString(sumFen));
        assertThat(browser.findElement(By.id("trace-figure")).getText()).isEqualTo("1,197.34 万元");
        assertThat(browser.findElement(By.cssSelector(".trace-head")).getText())
                .contains("与报表数值一致");
        fullPageScreenshot("trace-T3-2010302-3.png");
    }

    @Test
    @Order(4)
    void anEventListsEveryCellItFeedsEachLinkingBackToItsTrace() throws IOException {
        browser.get(base() + SampleLedgerSite.STATEMENTS + "/trace?cell=T3/2010302/3");
        browser.findElements(By.cssSelector("a.event-link")).get(0).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/events/"));
        List<String> cells =
                browser.findElements(By.cssSelector("#fed-cells a.cell-link")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertThat(cells).contains("T3/2010302/3", "T3/total/1", "T1/31/2", "T5/2010302/3");
        fullPageScreenshot("event.png");
        browser.findElement(By.linkText("T3/2010302/3")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/trace?cell=T3/2010302/3"));
        assertThat(browser.findElement(By.id("trace-cell")).getText()).isEqualTo("T3/2010302/3");
    }

    @Test
    @Order(5)
    void theDownloadButtonGivesTheWorkbook() throws Exception {
        browser.get(base() + SampleLedgerSite.STATEMENTS);
        String shown = browser.findElement(By.cssSelector("a[data-cell='T3/2010302/3']")).getText();
        String href = browser.findElement(By.id("download-xlsx")).getDomProperty("href");
        // the browser's session cookie signs the download in, as the browser's own download would
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(href))
                                        .header("Cookie", "JSESSIONID=" + session)
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Files.write(Chromium.SCREENSHOTS.resolve("statements.xlsx"), response.body());
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet t3 = workbook.getSheet("表3 支出决算表");
            DataFormatter formatter = new DataFormatter();
            Row row = null;
            for (Row candidate : t3) {
                if (formatter.formatCellValue(candidate.getCell(0)).equals("2010302")) {
                    row = candidate;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(1197.34);
            assertThat(formatter.formatCellValue(row.getCell(4))).isEqualTo(shown);
        }
    }

    @Test
    @Order(6)
    void theExplanationShowsItsFiguresBlanksAndChartsDrawnByECharts() throws IOException {
        browser.get(base() + SampleLedgerSite.STATEMENTS + "/explanation");
        wait.until(
                driver ->
                        driver.findElements(By.cssSelector(".echart[data-drawn='true'] svg")).size()
                                == 5);
        // drawn under the Content-Security-Policy, which refused nothing the page needed
        assertThat(cspViolations()).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".echart svg text"))).isNotEmpty();
        assertThat(browser.findElement(By.id("s一")).getText())
                .contains("增加 218.45 万元，增长 9.6%", "【主要原因：＿＿＿＿】", "图 1：收、支决算总计变动情况");
        assertThat(browser.findElement(By.id("prior-source")).getText())
                .isEqualTo("上年数文件 samples/2020-jianghan-gov-office/prior-year-2019.tsv");
        fullPageScreenshot("explanation.png");
    }

    @Test
    @Order(7)
    void aBadJournalUploadedInTheBrowserIsRefusedRowByRow() throws IOException {
        Path bad = Files.createTempFile("bad-journal", ".csv");
        Files.writeString(
                bad,
                "id,date,kind,unit,fund,functional,economic,nature,amount\n"
                        + "B-1,2020-02-01,expenditure,browser-unit,general,2010301,30101,personnel,12.345\n"
                        + "B-2,2020-02-01,appropriation,browser-unit,general,2010397,30101,,100\n",
                StandardCharsets.UTF_8);
        browser.get(base() + "/upload/journal");
        long events = store.eventCount();
        browser.findElement(By.id("journal-file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("journal-submit")).click();
        wait.until(driver -> !driver.findElements(By.id("problems")).isEmpty());
        List<WebElement> rows = browser.findElements(By.cssSelector("#problems tbody tr"));
        assertThat(rows)
                .extracting(row -> row.findElements(By.tagName("td")).get(0).getText())
                .contains("2", "3");
        assertThat(browser.findElement(By.id("import-refused")).getText()).contains("未导入（一行也没有记入）");
        assertThat(store.eventCount()).as("events after the refused upload").isEqualTo(events);
        assertThat(cspViolations()).isEmpty();
        fullPageScreenshot("journal-refused.png");
        Files.delete(bad);
    }

    @Test
    @Order(7)
    void aLongJournalUploadIsAJobWhosePageShowsProgressThenTheResult() throws IOException {
        // Goal: a large upload answers at once with a job page that shows how far it has got, and
        // the same result as ever when it ends; all its rows are written, once.
        int rows = 30_000;
        StringBuilder csv =
                new StringBuilder("id,date,kind,unit,unit_name,fund,functional,economic,amount\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("JOB-")
                    .append(i)
                    .append(",2020-03-01,budget,browser-job-unit,浏览器任务单位,general,2010301,30201,")
                    .append(1 + i % 97)
                    .append(".00\n");
        }
        Path journal = Files.createTempFile("long-journal", ".csv");
        Files.writeString(journal, csv, StandardCharsets.UTF_8);
        long events = store.eventCount();
        browser.get(base() + "/upload/journal");
        browser.findElement(By.id("journal-file")).sendKeys(journal.toAbsolutePath().toString());
        browser.findElement(By.id("journal-submit")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/upload/journal/jobs/"));
        // The job page answers while the import runs: phase, bar and counts, refreshed by polling.
        WebElement progress = browser.findElement(By.id("import-job"));
        assertThat(progress.getText()).contains("正在导入").contains("行");
        assertThat(browser.findElement(By.id("import-progress")).getDomAttribute("max"))
                .isEqualTo("100");
        fullPageScreenshot("journal-job-progress.png");
        WebDriverWait patient = Chromium.waiting(browser, Duration.ofSeconds(180));
        patient.until(driver -> !driver.findElements(By.id("import-result")).isEmpty());
        String result = browser.findElement(By.id("import-result")).getText();
        assertThat(result).contains("共 30000 行").contains("新记入 30000 行");
        assertThat(store.eventCount() - events)
                .as("events of the job's import")
                .isGreaterThanOrEqualTo(rows);
        assertThat(cspViolations()).isEmpty();
        fullPageScreenshot("journal-job-result.png");
        Files.delete(journal);
    }

    @Test
    @Order(8)
    void theTrialBalanceDrillsDownToEntriesAndTheirEvents() throws IOException {
        browser.get(base() + SampleLedgerSite.STATEMENTS);
        browser.findElement(By.linkText("科目余额表")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/trial-balance"));
        assertThat(browser.findElement(By.id("trial-balance-balanced")).getText()).contains("借贷平衡");
        assertThat(browser.findElement(By.id("ties-summary")).getText()).isEqualTo("全部审核公式相符。");
        fullPageScreenshot("trial-balance.png");
        browser.findElement(By.cssSelector("#trial-balance a[href*='line=8001']")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/trial-balance/entries"));
        assertThat(browser.findElement(By.id("entries-line")).getText()).isEqualTo("8001 资金结存");
        browser.findElements(By.cssSelector("#entries a.event-link")).get(0).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/events/"));
        browser.get(base() + SampleLedgerSite.STATEMENTS);
        browser.findElement(By.linkText("预算指标")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/indicators"));
        assertThat(browser.findElements(By.cssSelector("#indicators tr.indicator-row")))
                .isNotEmpty();
        browser.findElement(By.cssSelector("#indicators a[href*='indicators/line']")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/indicators/line"));
        assertThat(browser.findElements(By.cssSelector("#indicator-events a.event-link")))
                .isNotEmpty();
        assertThat(cspViolations()).isEmpty();
    }

    /**
     * The Content-Security-Policy violations the current page met (recorded from its first script
     * on).
     */
    private List<?> cspViolations() {
        return (List<?>) browser.executeScript("return window.cspViolations");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Keeps a screenshot of the whole page (beyond the window), through Chromium's DevTools. */
    private void fullPageScreenshot(String name) throws IOException {
        Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(16_000, ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot =
                browser.executeCdpCommand(
                        "Page.captureScreenshot",
                        Map.of(
                                "format",
                                "png",
                                "captureBeyondViewport",
                                true,
                                "clip",
                                Map.of(
                                        "x", 0, "y", 0, "width", width, "height", height, "scale",
                                        1)));
        Files.write(
                Chromium.SCREENSHOTS.resolve(name),
                Base64.getDecoder().decode((String) shot.get("data")));
    }
}
