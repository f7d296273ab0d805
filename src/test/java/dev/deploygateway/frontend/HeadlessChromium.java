package dev.deploygateway.frontend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium with a fresh profile, driven through Debian's chromedriver. Both binaries are named
 * explicitly, so Selenium Manager never looks for (or downloads) a browser or driver.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts a browser with a window of {@code width} x {@code height} CSS pixels. */
    static HeadlessChromium start(int width, int height) {
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(ChromiumPresent.CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(ChromiumPresent.CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new HeadlessChromium(profile, new ChromeDriver(service, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * From now on, every page this browser opens records its Content-Security-Policy violations in
     * {@code window.__cspViolations}. The recorder is installed through DevTools before any page script runs,
     * which the policy does not govern, so it also sees violations during loading.
     */
    void recordPolicyViolations() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => "
                        + "window.__cspViolations.push(e.effectiveDirective + ' ' + (e.blockedURI || 'inline')));"));
    }

    /** The violations recorded on the current page (see {@link #recordPolicyViolations()}). */
    @SuppressWarnings("unchecked")
    List<String> policyViolations() {
        return (List<String>) script("return window.__cspViolations;");
    }

    /** Lets pages of {@code origin} read and write the clipboard (headless Chromium asks nobody). */
    void grantClipboard(String origin) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin, "permissions",
                List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    /** The clipboard's text, as the page at hand reads it (see {@link #grantClipboard}). */
    String clipboard() {
        return (String) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, e => done('clipboard: ' + e));");
    }

    /** Downloads go to {@code folder} without asking. */
    void downloadTo(Path folder) {
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                folder.toAbsolutePath().toString()));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits (polling, never sleeping blindly) until {@code condition} holds, up to {@code timeout}. */
    <T> T await(Duration timeout, ExpectedCondition<T> condition) {
        // The page re-renders lists (platform cards, history) wholesale: an element found a moment ago may be gone.
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    <T> T await(ExpectedCondition<T> condition) {
        return await(Duration.ofSeconds(20), condition);
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** Saves the visible page as {@code target/screenshots/<name>.png} and returns the file. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temp profile is harmless.
            }
        }
    }
}
