package ledger.api.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, as every browser test drives it: one place for its binary, its flags
 * (Chinese first, no background traffic), the sign-in form and the screenshots.
 */
final class Chromium {

    /** Where the tests leave their screenshots; the committed copies are under docs/screenshots. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String BINARY = System.getProperty("ledger.chromium", "/usr/bin/chromium");
    private static final String DRIVER =
            System.getProperty("ledger.chromedriver", "/usr/bin/chromedriver");

    /** How Chromium at times says an element's page was replaced, instead of "stale element". */
    private static final String NODE_REPLACED = "does not belong to the document";

    private Chromium() {}

    /**
     * Skips the calling test class when Chromium is not installed ({@code .ci/run} installs it).
     */
    static void assumeInstalled() {
        assumeTrue(
                Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(DRIVER)),
                "Chromium is not installed (" + BINARY + ", " + DRIVER + "); .ci/run installs it");
    }

    /** A headless browser whose window is {@code windowSize} ("width,height"), in Chinese. */
    static ChromeDriver start(String windowSize) throws IOException {
        assumeInstalled();
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--lang=zh-CN",
                "--window-size=" + windowSize,
                "--hide-scrollbars");
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(DRIVER))
                        .usingAnyFreePort()
                        .build();
        return new ChromeDriver(service, options);
    }

    /**
     * The waits every test allows a page: generous, for a loaded CI machine. A wait may read an
     * element of the page being replaced by the next one; Chromium reports that either as a stale
     * element or, at times, as a node that "does not belong to the document". Both mean "not yet"
     * and the wait tries again.
     */
    static WebDriverWait waiting(ChromeDriver browser) {
        return waiting(browser, Duration.ofSeconds(30));
    }

    /** A wait like {@link #waiting(ChromeDriver)}'s for as long as {@code timeout}. */
    static WebDriverWait waiting(ChromeDriver browser, Duration timeout) {
        WebDriverWait wait =
                new WebDriverWait(browser, timeout) {
                    @Override
                    public <V> V until(Function<? super WebDriver, V> isTrue) {
                        return super.until(
                                driver -> {
                                    try {
                                        return isTrue.apply(driver);
                                    } catch (WebDriverException e) {
                                        if (String.valueOf(e.getMessage())
                                                .contains(NODE_REPLACED)) {
                                            return null;
                                        }
                                        throw e;
                                    }
                                });
                    }
                };
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Opens {@code url}, which sends an unknown visitor to the sign-in form, signs in and waits
     * until the browser is back on a page other than the form.
     */
    static void signIn(
            ChromeDriver browser, WebDriverWait wait, String url, String user, String password) {
        browser.get(url);
        wait.until(driver -> driver.getCurrentUrl().contains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    static void quit(ChromeDriver browser) {
        if (browser != null) {
            browser.quit();
        }
    }
}
