package ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import ledger.api.LedgerApplication;
import ledger.api.catalog.CatalogFile;
import ledger.api.catalog.YearCatalogs;
import ledger.api.department.DepartmentFile;
import ledger.api.department.Departments;
import ledger.api.recording.JournalImport;
import ledger.api.recording.YearCloser;
import ledger.api.statement.ProjectionStatus;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A department's year close in a real headless Chromium, on the demo-street sample (three units):
 * the department page marks a partly closed year "部分单位已结账 (1/3)" once one unit is closed; an
 * auditor may not reach the close; an approver follows the link from the department page to a
 * confirmation listing each open unit's carried lines and the total, writes nothing until
 * confirming, then closes the other two units at once, and the department page marks the year
 * "已结账", on its statements and on a department trace. Screenshots: department-close-confirm.png,
 * department-closed.png.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DepartmentCloseBrowserIT {

    private static final String URL = TestDatabase.create("departmentclosebrowser");
    private static final String DEPARTMENT = "/departments/demo-street/years/2020";
    private static final FiscalYear YEAR = FiscalYear.of(2020);
    private static final List<UnitCode> UNITS =
            List.of(
                    UnitCode.of("demo-street-office"),
                    UnitCode.of("demo-street-enforcement"),
                    UnitCode.of("demo-street-service"));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SampleLedgerSite.database(registry, URL);
    }

    @LocalServerPort int port;
    @Autowired Departments departments;
    @Autowired YearCatalogs catalogs;
    @Autowired JournalImport journalImport;
    @Autowired ProjectionStatus projections;
    @Autowired JdbcLedgerRegistry registry;
    @Autowired YearCloser closer;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startChromiumOnTheDepartmentSample() throws IOException {
        Chromium.assumeInstalled();
        departments.register(
                DepartmentFile.read(
                        Files.readAllBytes(Samples.path("2020-demo-street/departments.csv")),
                        "departments.csv"),
                "departments.csv",
                "web-test");
        catalogs.load(
                YEAR,
                CatalogFile.read(
                        Files.readAllBytes(Samples.path("2020-demo-street/catalog-2020.csv")),
                        "catalog-2020.csv"),
                "catalog-2020.csv",
                "web-test");
        try (InputStream in = Files.newInputStream(Samples.path("2020-demo-street/journal.csv"))) {
            journalImport.importJournal(in, "journal.csv", "web-test");
        }
        projections.awaitCaughtUp(Duration.ofMinutes(2));
        browser = Chromium.start("1200,900");
        wait = Chromium.waiting(browser);
    }

    @AfterAll
    void stopChromium() {
        Chromium.quit(browser);
    }

    @Test
    @Order(1)
    void anOpenYearIsUnmarkedAndAPartlyClosedOneSaysHowManyUnitsAreClosed() {
        Chromium.signIn(browser, wait, base() + DEPARTMENT, "auditor", "auditor-demo");
        assertThat(browser.findElements(By.id("department-year-closed"))).isEmpty();
        assertThat(browser.findElements(By.id("department-year-partly-closed"))).isEmpty();
        // The close is an approver's: no link for an auditor, and the page itself refuses.
        assertThat(browser.findElements(By.id("department-close-link"))).isEmpty();
        browser.get(base() + DEPARTMENT + "/close");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");

        // One unit closes its own year first.
        closer.close(UNITS.get(1), YEAR, YEAR.lastDay(), "web-test");
        browser.get(base() + DEPARTMENT);
        assertThat(browser.findElement(By.id("department-year-partly-closed")).getText())
                .isEqualTo("部分单位已结账 (1/3)");
        assertThat(browser.findElements(By.id("department-year-closed"))).isEmpty();
        assertThat(browser.findElement(By.id("department-unit-list")).getText())
                .contains("demo-street-enforcement 示例街道综合行政执法队 已结账");
        browser.get(base() + DEPARTMENT + "/trace?cell=T1/27/1");
        assertThat(browser.findElement(By.id("department-year-partly-closed")).getText())
                .isEqualTo("部分单位已结账 (1/3)");
    }

    @Test
    @Order(2)
    void anApproverClosesTheOtherUnitsAtOnceAfterSeeingWhatIsCarried() throws IOException {
        signOut();
        Chromium.signIn(browser, wait, base() + DEPARTMENT, "approver", "approver-demo");
        browser.findElement(By.id("department-close-link")).click();
        await(driver -> !driver.findElements(By.id("department-close-lines")).isEmpty());
        // Nothing is written by the confirmation page.
        assertThat(registry.isClosed(UNITS.get(0), YEAR)).isFalse();
        assertThat(registry.isClosed(UNITS.get(2), YEAR)).isFalse();
        assertThat(browser.findElement(By.id("department-close-unit-count")).getText())
                .isEqualTo("2");
        String lines = browser.findElement(By.id("department-close-lines")).getText();
        assertThat(lines).contains("demo-street-office").contains("demo-street-service");
        assertThat(lines).doesNotContain("demo-street-enforcement");
        assertThat(browser.findElement(By.id("department-close-units")).getText())
                .contains("demo-street-enforcement 示例街道综合行政执法队 已结账");
        // The total is the two units' previews added up, as each unit's close would carry them.
        long expected = 0;
        for (UnitCode unit : List.of(UNITS.get(0), UNITS.get(2))) {
            expected +=
                    closer.preview(unit, YEAR, YearCloser.defaultClosedOn(YEAR))
                            .closed()
                            .carriedTotal()
                            .fen();
        }
        String total = browser.findElement(By.id("department-close-total")).getText();
        assertThat(total).isEqualTo(ledger.api.report.Amounts.yuan(expected) + " 元");
        assertThat(browser.findElement(By.id("department-close-confirm")).getText())
                .contains("确认结账")
                .contains("2 个单位")
                .contains(total.replace(" 元", ""));
        Chromium.screenshot(browser, "department-close-confirm.png");

        browser.findElement(By.id("department-close-confirm")).click();
        await(driver -> !driver.findElements(By.id("department-close-done")).isEmpty());
        assertThat(browser.findElement(By.id("department-close-done-total")).getText())
                .isEqualTo(total);
        for (UnitCode unit : UNITS) {
            assertThat(registry.isClosed(unit, YEAR)).as(unit.code()).isTrue();
        }

        browser.get(base() + DEPARTMENT);
        assertThat(browser.findElement(By.id("department-year-closed")).getText()).isEqualTo("已结账");
        assertThat(browser.findElements(By.id("department-year-partly-closed"))).isEmpty();
        Chromium.screenshot(browser, "department-closed.png");
        browser.get(base() + DEPARTMENT + "/trace?cell=T1/27/1");
        assertThat(browser.findElement(By.id("department-year-closed")).getText()).isEqualTo("已结账");

        // A closed year is not closed again: the page says so and offers no button.
        browser.get(base() + DEPARTMENT + "/close");
        assertThat(browser.findElement(By.id("department-close-already")).getText())
                .contains("不能重新打开");
        assertThat(browser.findElements(By.id("department-close-confirm"))).isEmpty();
    }

    private void signOut() {
        browser.get(base() + "/");
        browser.findElement(By.cssSelector("form.signed-in button")).click();
        await(driver -> driver.getCurrentUrl().contains("/login"));
    }

    /** Waits for {@code condition}, saying where the browser is when it does not come. */
    private void await(Function<WebDriver, Boolean> condition) {
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
}
