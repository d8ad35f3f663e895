package ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.statement.ProjectionStatus;
import ledger.api.support.TestDatabase;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingRepository;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.CellTrace;
import ledger.projections.statement.StatementTemplate;
import ledger.projections.statement.TracedPosting;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
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
 * Issue 17 item 5 in a real headless Chromium on the 2020 sample: search a trace by 摘要 text and
 * kind, keep the search across pages, jump to a page, download the filtered trace as xlsx, follow
 * an account id to its page, and follow a reversal to its original and back. Screenshots of the
 * trace search and the account page go to {@code ledger-api/target/screenshots/}. Skipped only when
 * Chromium or its driver is not installed.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TraceBrowserIT {

    private static final String URL = TestDatabase.create("tracebrowser");
    private static final String CELL = "T3/2010302/3";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SampleLedgerSite.database(registry, URL);
    }

    @LocalServerPort int port;
    @Autowired JournalImport journalImport;
    @Autowired ProjectionStatus projections;
    @Autowired PostingRepository postings;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startChromiumOnTheSample() throws IOException {
        Chromium.assumeInstalled();
        SampleLedgerSite.importSample(journalImport, projections);
        browser = Chromium.start("1400,1000");
        wait = Chromium.waiting(browser);
        browser.get(base() + SampleLedgerSite.STATEMENTS);
        wait.until(driver -> driver.getCurrentUrl().contains("/login"));
        browser.findElement(By.id("username")).sendKeys("auditor");
        browser.findElement(By.id("password")).sendKeys("auditor-demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    @AfterAll
    void stopChromium() {
        Chromium.quit(browser);
    }

    private List<TracedPosting> fullTrace() {
        List<Posting> all =
                postings.postingsOf(UnitCode.of(SampleLedgerSite.UNIT), FiscalYear.of(2020));
        return CellTrace.trace(CellAddress.parse(CELL), all, null, StatementTemplate.forYear(2020))
                .postings();
    }

    @Test
    void searchByMemoJumpToAPageKeepTheSearchAndDownloadIt() throws Exception {
        List<TracedPosting> full = fullTrace();
        browser.get(base() + SampleLedgerSite.STATEMENTS + "/trace?cell=" + CELL + "&size=7");
        assertThat(text("trace-page")).isEqualTo("共 " + full.size() + " 条，第 1/6 页");

        // jump to page 4 by typing it
        WebElement go = browser.findElement(By.id("trace-go"));
        go.clear();
        go.sendKeys("4");
        browser.findElement(By.id("trace-go-button")).click();
        wait.until(driver -> text("trace-page").endsWith("第 4/6 页"));
        assertThat(browser.findElement(By.cssSelector("#trace-events tbody tr td")).getText())
                .isEqualTo("22");
        browser.findElement(By.id("trace-last")).click();
        wait.until(driver -> text("trace-page").endsWith("第 6/6 页"));
        browser.findElement(By.id("trace-first")).click();
        wait.until(driver -> text("trace-page").endsWith("第 1/6 页"));

        // search by words of a 摘要
        String words = full.get(2).posting().memo().substring(0, 2);
        long matching = full.stream().filter(t -> t.posting().memo().contains(words)).count();
        long matchingFen =
                full.stream()
                        .filter(t -> t.posting().memo().contains(words))
                        .mapToLong(TracedPosting::signedFen)
                        .sum();
        browser.findElement(By.id("filter-memo")).sendKeys(words);
        browser.findElement(By.id("filter-search")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("memo="));
        int pages = (int) Math.max(1, (matching + 6) / 7);
        assertThat(text("trace-page")).isEqualTo("共 " + matching + " 条，第 1/" + pages + " 页");
        assertThat(browser.findElement(By.id("trace-sum")).getDomAttribute("data-fen"))
                .isEqualTo(Long.toString(matchingFen));
        for (WebElement row : browser.findElements(By.cssSelector("#trace-events tbody tr"))) {
            assertThat(row.findElements(By.tagName("td")).get(8).getText()).contains(words);
        }
        assertThat(browser.findElement(By.id("filter-memo")).getDomProperty("value"))
                .isEqualTo(words);
        fullPageScreenshot("trace-search.png");

        // a kind too; the next page keeps both
        new Select(browser.findElement(By.id("filter-kind"))).selectByVisibleText("支出");
        browser.findElement(By.id("filter-memo")).clear();
        browser.findElement(By.id("filter-search")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("kind=expenditure"));
        long spent =
                full.stream().filter(t -> t.posting().kind().code().equals("expenditure")).count();
        if (spent > 7) {
            browser.findElement(By.id("trace-next")).click();
            wait.until(driver -> text("trace-page").contains("第 2/"));
            assertThat(browser.getCurrentUrl()).contains("kind=expenditure", "size=7");
        }
        assertThat(text("trace-page")).startsWith("共 " + spent + " 条");

        // the download is the whole filtered trace
        String href = browser.findElement(By.id("trace-export")).getDomProperty("href");
        assertThat(href).contains("/trace.xlsx", "kind=expenditure");
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(href))
                                        .header("Cookie", "JSESSIONID=" + session)
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains(".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum() - 1).isEqualTo((int) spent);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(CELL, "类型 支出");
        }
    }

    @Test
    void anAccountIdLeadsToItsPageAndAReversalToItsOriginalAndBack() throws Exception {
        browser.get(base() + SampleLedgerSite.STATEMENTS + "/trace?cell=" + CELL);
        WebElement account = browser.findElement(By.cssSelector("#trace-events a.account-link"));
        String id = account.getText();
        account.click();
        wait.until(driver -> driver.getCurrentUrl().contains("/accounts/"));
        assertThat(text("account-id")).isEqualTo(id);
        assertThat(browser.findElement(By.id("account-balances")).getText()).contains("可用资金");
        List<Posting> history =
                postings
                        .postingsOf(UnitCode.of(SampleLedgerSite.UNIT), FiscalYear.of(2020))
                        .stream()
                        .filter(p -> p.account().id().equals(id))
                        .toList();
        assertThat(text("trace-page")).startsWith("共 " + history.size() + " 条");

        // the account of a reversal: the reversal links to its original, the original says it was
        // reversed
        Posting reversal =
                postings
                        .postingsOf(UnitCode.of(SampleLedgerSite.UNIT), FiscalYear.of(2020))
                        .stream()
                        .filter(Posting::isReversal)
                        .findFirst()
                        .orElseThrow();
        browser.get(base() + Links.account(reversal.account().id()));
        fullPageScreenshot("account.png");
        WebElement reversed = browser.findElement(By.cssSelector("#account-events a.reversed-by"));
        assertThat(reversed.getText()).isEqualTo("已被冲销");
        WebElement original =
                browser.findElement(By.cssSelector("#account-events a.original-link"));
        assertThat(original.getText()).isEqualTo("冲销 " + reversal.reverses().value());
        original.click();
        wait.until(driver -> driver.getCurrentUrl().contains("/events/"));
        WebElement reversedBy = browser.findElement(By.cssSelector("#reversed-by a"));
        assertThat(reversedBy.getText()).isEqualTo("冲销交易 " + reversal.transactionId().value());
        reversedBy.click();
        wait.until(driver -> driver.getCurrentUrl().endsWith("/events/" + reversal.eventId()));
        assertThat(browser.findElement(By.cssSelector("#reverses a")).getText())
                .isEqualTo("交易 " + reversal.reverses().value());
        assertThat(browser.findElement(By.id("event-account")).getDomProperty("href"))
                .endsWith(Links.account(reversal.account().id()));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void fullPageScreenshot(String name) throws IOException {
        Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = Math.min(1400, ((Number) size.get("width")).doubleValue());
        double height = Math.min(4_000, ((Number) size.get("height")).doubleValue());
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
