package ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.statement.ProjectionStatus;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 预算执行进度 in a real headless Chromium: reached from the navigation, 类/款/项 and budget lines indented,
 * a date chosen in the form changes the figures, a figure clicked shows the events behind it (who
 * recorded each and when) adding up to it, and each event opens. Screenshots of the page and the
 * drill-down go to {@code ledger-api/target/screenshots/} (execution.png, execution-events.png);
 * the committed copies are under {@code docs/screenshots/}. Skipped only when Chromium or its
 * driver is not installed.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExecutionBrowserIT {

    private static final String URL = TestDatabase.create("browserexecution");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SampleLedgerSite.database(registry, URL);
    }

    @LocalServerPort int port;
    @Autowired JournalImport journalImport;
    @Autowired ProjectionStatus projections;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startChromiumOnTheSample() throws IOException {
        Chromium.assumeInstalled();
        SampleLedgerSite.importSample(journalImport, projections);
        browser = Chromium.start("1400,1000");
        wait = Chromium.waiting(browser);
        Chromium.signIn(
                browser, wait, base() + SampleLedgerSite.STATEMENTS, "auditor", "auditor-demo");
    }

    @AfterAll
    void stopChromium() {
        Chromium.quit(browser);
    }

    @Test
    @Order(1)
    void thePageIsReachedFromTheNavigationAndADateChangesTheFigures() throws IOException {
        browser.findElement(By.linkText("预算执行")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/execution"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("预算执行进度");
        assertThat(browser.findElement(By.cssSelector("nav.pages a.current")).getText())
                .isEqualTo("预算执行");
        List<WebElement> headings = browser.findElements(By.cssSelector("#execution thead th"));
        assertThat(headings.stream().map(WebElement::getText).toList())
                .containsSubsequence(
                        "年初预算（元）", "调整后预算（元）", "年初结转（元）", "已拨（元）", "已支（元）", "可用（元）", "执行率");
        assertThat(
                        browser.findElement(By.cssSelector("#execution tbody tr"))
                                .getDomAttribute("class"))
                .contains("level-total");
        for (String level : List.of("class", "section", "item", "line")) {
            assertThat(browser.findElements(By.cssSelector("#execution tr.level-" + level)))
                    .as(level)
                    .isNotEmpty();
        }
        double classIndent = indent("class");
        assertThat(indent("section")).isGreaterThan(classIndent);
        assertThat(indent("item")).isGreaterThan(indent("section"));
        assertThat(indent("line")).isGreaterThan(indent("item"));
        assertThat(browser.findElement(By.id("download-execution-xlsx")).getDomAttribute("href"))
                .contains("/execution.xlsx");
        String yearSpent = totalSpent();

        browser.executeScript(
                "document.querySelector('#execution-as-of input[name=asOf]').value = '2020-03-31'");
        browser.findElement(By.cssSelector("#execution-as-of button[type=submit]")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("asOf=2020-03-31"));
        assertThat(browser.findElement(By.cssSelector("header .context")).getText())
                .contains("截至：2020-03-31");
        assertThat(totalSpent()).isNotEqualTo(yearSpent);
        assertThat(browser.findElement(By.id("download-execution-xlsx")).getDomAttribute("href"))
                .contains("asOf=2020-03-31");
        Chromium.screenshot(browser, "execution.png");
    }

    @Test
    @Order(2)
    void aFigureClickedShowsTheEventsBehindItAndWhoRecordedThem() throws IOException {
        browser.get(base() + SampleLedgerSite.STATEMENTS + "/execution?asOf=2020-03-31");
        WebElement spent =
                browser.findElement(
                        By.cssSelector("#execution tr.level-class a[data-figure=spent]"));
        String figure = spent.getText();
        String row =
                browser.findElement(By.cssSelector("#execution tr.level-class"))
                        .getDomAttribute("data-row");
        spent.click();
        wait.until(driver -> driver.getCurrentUrl().contains("/execution/events"));
        assertThat(browser.findElement(By.id("execution-figure")).getText()).isEqualTo("已支");
        assertThat(browser.findElement(By.id("execution-row")).getText()).startsWith(row);
        assertThat(browser.findElement(By.id("execution-events-total")).getText())
                .isEqualTo(figure + " 元");
        List<WebElement> events =
                browser.findElements(By.cssSelector("#execution-events tr.event-row"));
        assertThat(events).isNotEmpty();
        long sumFen = 0;
        for (WebElement event : events) {
            sumFen += fen(event.findElements(By.tagName("td")).get(7).getText());
            assertThat(event.findElement(By.cssSelector("td.recorded-by")).getText())
                    .isEqualTo("web-test");
            assertThat(event.findElements(By.tagName("td")).get(0).getText())
                    .isLessThanOrEqualTo("2020-03-31");
        }
        assertThat(sumFen).isEqualTo(fen(figure));
        Chromium.screenshot(browser, "execution-events.png");

        events.get(0).findElement(By.cssSelector("a.event-link")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/events/"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("支出");
        browser.navigate().back();
        browser.findElement(By.id("back-to-execution")).click();
        wait.until(driver -> driver.getCurrentUrl().endsWith("/execution?asOf=2020-03-31"));
    }

    private String totalSpent() {
        return browser.findElement(By.cssSelector("#execution tr.level-total a[data-figure=spent]"))
                .getText();
    }

    private double indent(String level) {
        Object padding =
                browser.executeScript(
                        "return parseFloat(getComputedStyle(document.querySelector("
                                + "'#execution tr.level-"
                                + level
                                + " td.label')).paddingLeft)");
        return ((Number) padding).doubleValue();
    }

    private static long fen(String yuan) {
        return new java.math.BigDecimal(yuan.replace(",", "")).movePointRight(2).longValueExact();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
