package ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import ledger.api.LedgerApplication;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Chinese first, in a real headless Chromium (issue 17 item 2): the sign-in page and its refusal, a
 * refused action and a missing page shown as Chinese pages in the site's look, a link into the API
 * refused as a page rather than raw JSON, and a clerk's GBK journal refused row by row with each
 * row shown as the clerk wrote it. Screenshots under {@code ledger-api/target/screenshots/}
 * (login.png, forbidden.png, api-forbidden.png, gbk-refused.png). Skipped only when Chromium or its
 * driver is not installed.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChineseFirstBrowserIT {

    private static final String URL = TestDatabase.create("chinese");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SampleLedgerSite.database(registry, URL);
    }

    @LocalServerPort int port;

    @TempDir Path files;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startChromium() throws IOException {
        Chromium.assumeInstalled();
        browser = Chromium.start("1200,900");
        wait = Chromium.waiting(browser);
    }

    @AfterAll
    void stopChromium() {
        Chromium.quit(browser);
    }

    @Test
    @Order(1)
    void theSignInPageIsChineseAndAWrongPasswordIsSaidInChinese() throws IOException {
        browser.get(base() + "/upload/journal");
        wait.until(driver -> driver.getCurrentUrl().contains("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录预算账簿");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText())
                .isEqualTo("用户名");
        assertThat(browser.findElement(By.cssSelector("label[for=password]")).getText())
                .isEqualTo("密码");
        assertThat(browser.findElement(By.id("login-submit")).getText()).isEqualTo("登录");
        assertThat(browser.findElement(By.cssSelector("a.brand")).getText()).contains("预算账簿");
        assertThat(browser.getPageSource()).doesNotContain("Please sign in");
        screenshot("login.png");

        browser.findElement(By.id("username")).sendKeys("clerk");
        browser.findElement(By.id("password")).sendKeys("wrong-password");
        browser.findElement(By.id("login-submit")).click();
        await(driver -> driver.getCurrentUrl().contains("error"));
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("用户名或密码不正确");

        browser.findElement(By.id("username")).sendKeys("clerk");
        browser.findElement(By.id("password")).sendKeys("clerk-demo");
        browser.findElement(By.id("login-submit")).click();
        await(
                driver ->
                        driver.getCurrentUrl().contains("/upload/journal")
                                && !driver.getCurrentUrl().contains("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("导入日记账");
    }

    @Test
    @Order(2)
    void aRefusedActionAndAMissingPageAreChinesePagesNotJson() throws IOException {
        // A recorder may not load a 科目表: the refusal is a page in the site's look.
        browser.get(base() + "/catalog");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("您的角色或被授权的单位不允许此操作")
                .doesNotContain("{")
                .doesNotContain("Forbidden");
        assertThat(browser.findElement(By.cssSelector("a.brand")).getText()).contains("预算账簿");
        screenshot("forbidden.png");

        // Following a link into the API for a unit not granted (a workbook download) is refused as
        // a page.
        browser.get(base() + "/api/units/another-unit/years/2020/statements?format=xlsx");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
        assertThat(browser.findElement(By.tagName("body")).getText())
                .doesNotContain("\"title\"")
                .doesNotContain("{");
        screenshot("api-forbidden.png");

        browser.get(base() + "/no-such-page");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("找不到");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
    }

    @Test
    @Order(3)
    void aGbkJournalWithABadRowIsRefusedShowingTheRowAsTheClerkWroteIt() throws IOException {
        Path gbk = files.resolve("日记账.csv");
        Files.write(
                gbk,
                ("交易号,日期,类型,单位,资金来源,功能分类,经济分类,金额,摘要\n"
                                + "W-1,2020/3/5,拨款,jianghan-gov-office,其他收入,2010301,30201,\"1,000.00\",收到其他收入\n"
                                + "W-2,2020/3/6,拨款,jianghan-gov-office,彩票收入,2010301,30201,5.00,来源写错\n")
                        .getBytes(Charset.forName("GBK")));
        browser.get(base() + "/upload/journal");
        assertThat(browser.findElement(By.id("template-xlsx")).getDomAttribute("href"))
                .isEqualTo("/api/journals/template?format=xlsx");
        browser.findElement(By.id("journal-file")).sendKeys(gbk.toString());
        browser.findElement(By.id("journal-submit")).click();
        wait.until(driver -> !driver.findElements(By.id("import-refused")).isEmpty());
        String problems = browser.findElement(By.id("problems")).getText();
        assertThat(problems).contains("3").contains("未知的资金来源「彩票收入」").contains("来源写错");
        screenshot("gbk-refused.png");
    }

    /** Waits for {@code condition}, saying where the browser is when it does not come. */
    private void await(
            java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        try {
            wait.until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException timedOut) {
            throw new AssertionError(
                    "at "
                            + browser.getCurrentUrl()
                            + ": "
                            + browser.findElement(By.tagName("body")).getText(),
                    timedOut);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void screenshot(String name) throws IOException {
        Chromium.screenshot(browser, name);
    }
}
