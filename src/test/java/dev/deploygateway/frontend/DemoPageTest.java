package dev.deploygateway.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo page's own behaviour in a real Chromium: sign-in, quota, layout, and the log view's safety and scrolling.
 */
@QuarkusTest
@WithTestResource(BrowserTestApp.class)
@ExtendWith(ChromiumPresent.class)
class DemoPageTest {

    private HeadlessChromium browser;

    @AfterEach
    void close(TestInfo test) {
        if (browser != null) {
            browser.screenshot("DemoPageTest-" + test.getTestMethod().orElseThrow().getName());
            browser.close();
        }
    }

    private void signIn(String name) {
        browser.driver().get(BrowserTestApp.baseUrl() + "/");
        WebElement username = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        // The document's focused element (headless Chromium 150 does not focus the window, so ':focus' never
        // matches there, while the keys below still go to the focused field).
        browser.await(ExpectedConditions.jsReturnsValue(
                "return document.activeElement && document.activeElement.id === 'username' ? true : null;"));
        // Keyboard only: the field has focus on arrival, Enter submits.
        username.sendKeys(Keys.chord(Keys.CONTROL, "a"), name, Keys.ENTER);
        browser.await(ExpectedConditions.textToBe(By.id("account-user"), name));
    }

    @Test
    void aKeyboardSignInShowsTheQuotaUntilSignOut() {
        browser = HeadlessChromium.start(1280, 900);
        signIn("kim");
        browser.await(ExpectedConditions.textMatches(By.id("quota"), Pattern.compile("\\d+ of \\d+ deployments left")));
        assertThat(browser.find("#sign-in-panel").isDisplayed()).isFalse();

        browser.find("#sign-out").click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
        browser.driver().navigate().refresh();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
    }

    @Test
    void axePassesTheSignedInPageButCatchesPlantedViolations() {
        browser = HeadlessChromium.start(1280, 900);
        signIn("axe");
        browser.await(ExpectedConditions.textMatches(By.id("quota"), Pattern.compile("\\d+ of")));
        assertThat(AccessibilityCheck.violations(browser)).isEmpty();

        // The check itself can fail: a nameless button and grey-on-white text are what axe exists to catch.
        browser.script("const b = document.createElement('button'); document.querySelector('main').append(b);"
                + "const p = document.createElement('p'); p.textContent = 'faint'; p.style.color = '#ddd';"
                + "p.style.background = '#fff'; document.querySelector('main').append(p);");
        assertThat(AccessibilityCheck.violations(browser)).anyMatch(v -> v.startsWith("button-name"))
                .anyMatch(v -> v.startsWith("color-contrast"));
    }

    @Test
    void thePageRunsUnderItsContentSecurityPolicyWhichBlocksInjectedInlineCode() {
        browser = HeadlessChromium.start(1280, 900);
        browser.recordPolicyViolations();
        signIn("csp");
        browser.await(ExpectedConditions.textMatches(By.id("quota"), Pattern.compile("\\d+ of")));
        browser.await(
                driver -> (Long) browser.script("return document.querySelectorAll('#platforms > *').length;") > 0);
        assertThat(browser.policyViolations()).as("violations while loading and using the page").isEmpty();

        // What an injection would try: an inline script and an inline event handler. Neither may run.
        browser.script("const s = document.createElement('script'); s.textContent = 'window.__injected = 1;';"
                + "document.body.append(s);"
                + "const b = document.createElement('button'); b.id = 'injected-button';"
                + "b.setAttribute('onclick', 'window.__clicked = 1'); document.body.append(b);");
        browser.find("#injected-button").click();
        assertThat(browser.script("return window.__injected === undefined && window.__clicked === undefined;"))
                .isEqualTo(true);
        browser.await(driver -> browser.policyViolations().size() >= 2);
        assertThat(browser.policyViolations()).allMatch(v -> v.startsWith("script-src"));
    }

    @Test
    void rejectsAnInvalidNameWithTheServersMessage() {
        browser = HeadlessChromium.start(1280, 900);
        browser.driver().get(BrowserTestApp.baseUrl() + "/");
        WebElement username = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        username.sendKeys(Keys.chord(Keys.CONTROL, "a"), "not a name!", Keys.ENTER);
        browser.await(ExpectedConditions.textMatches(By.id("sign-in-error"), Pattern.compile("must be")));
        assertThat(browser.find("#app").isDisplayed()).isFalse();
    }

    @Test
    void stacksIntoOneColumnOnANarrowScreen() {
        browser = HeadlessChromium.start(420, 900);
        signIn("narrow");
        List<WebElement> columns = browser.driver().findElements(By.cssSelector("#app > .column"));
        assertThat(columns).hasSize(2);
        assertThat(columns.get(1).getRect().getX()).isEqualTo(columns.get(0).getRect().getX());
        assertThat(columns.get(1).getRect().getY()).isGreaterThan(columns.get(0).getRect().getY());
        Long overflow = (Long) browser
                .script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0L);
    }

    @Test
    void rendersLogTextAsPlainTextWithoutAnsiCodes() {
        browser = HeadlessChromium.start(1280, 900);
        browser.driver().get(BrowserTestApp.baseUrl() + "/");
        mountLogView();
        browser.script(
                "window.log.append({kind:'log', stream:'stdout', text: arguments[0], at: '2026-01-02T03:04:05.678Z'});",
                "\u001b[1;31m<img src=x onerror=\"window.pwned=1\">\u001b[0m built \u001b]0;title\u0007ok\r");
        browser.script(
                "window.log.append({kind:'log', stream:'stderr', "
                        + "text: 'Error: Command \"npm run build\" exited with 1'});");
        List<WebElement> lines = browser
                .await(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".log .line"), 2));
        assertThat(lines.get(0).findElement(By.className("text")).getText())
                .isEqualTo("<img src=x onerror=\"window.pwned=1\"> built ok");
        assertThat(lines.get(0).findElement(By.className("ts")).getAttribute("datetime"))
                .isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(browser.driver().findElements(By.cssSelector(".log img"))).isEmpty();
        assertThat(browser.script("return window.pwned === undefined")).isEqualTo(true);
        assertThat(lines.get(1).getAttribute("class")).contains("tone-error");
        // One line of text is one line on screen (no block styling leaking onto lines).
        assertThat(lines.get(0).getSize().getHeight()).isLessThan(40);
    }

    @Test
    void scrollingUpPausesAutoScrollUntilTheJumpToLive() {
        browser = HeadlessChromium.start(1280, 900);
        browser.driver().get(BrowserTestApp.baseUrl() + "/");
        mountLogView();
        browser.script(
                "for (let i = 0; i < 200; i++) window.log.append({kind:'log', stream:'stdout', text:'line ' + i});");
        browser.await(d -> (Long) browser.script("return window.log.renderedCount") == 200L);
        WebElement log = browser.find(".log");
        browser.await(d -> distanceFromBottom() <= 1L);

        new Actions(browser.driver()).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(log), 0, -600).perform();
        WebElement jump = browser.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".jump")));
        long scrolledTo = (Long) browser.script("return Math.round(document.querySelector('.log').scrollTop)");
        browser.script(
                "for (let i = 0; i < 5; i++) window.log.append({kind:'log', stream:'stdout', text:'more ' + i});");
        browser.await(ExpectedConditions.textToBePresentInElement(jump, "Jump to live (5 new)"));
        assertThat((Long) browser.script("return Math.round(document.querySelector('.log').scrollTop)"))
                .isEqualTo(scrolledTo);

        jump.click();
        browser.await(ExpectedConditions.invisibilityOf(jump));
        assertThat(distanceFromBottom()).isLessThanOrEqualTo(1L);
        browser.script("window.log.append({kind:'log', stream:'stdout', text:'live again'});");
        browser.await(d -> (Long) browser.script("return window.log.renderedCount") == 206L);
        assertThat(distanceFromBottom()).isLessThanOrEqualTo(1L);
        assertThat(jump.isDisplayed()).isFalse();
    }

    @Test
    void twentyThousandLinesRenderWithoutALongTaskOver200Ms() {
        browser = HeadlessChromium.start(1280, 900);
        browser.driver().get(BrowserTestApp.baseUrl() + "/");
        mountLogView();
        browser.script("""
                window.longTasks = [];
                new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(e.duration)))
                  .observe({ type: 'longtask', buffered: false });""");
        // As a stream delivers them: 20,000 lines in bursts of 500 events, each burst its own task.
        browser.script("""
                let i = 0;
                const burst = () => {
                  for (const end = i + 500; i < end; i += 1) {
                    window.log.append({ kind: 'log', stream: 'stdout', at: new Date(1767225600000 + i).toISOString(),
                      text: `[${i}] compiling module ${i} of 20000 \\u001b[32mok\\u001b[0m` });
                  }
                  if (i < 20000) { setTimeout(burst, 0); } else { window.appended = true; }
                };
                burst();""");
        browser.await(Duration.ofSeconds(60), d -> Boolean.TRUE.equals(browser.script(
                "return window.appended === true && window.log.renderedCount === 20000")));
        // The observer reports on its own task: give it one frame after the last render.
        browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(() => setTimeout(done, 0));");
        @SuppressWarnings("unchecked")
        List<Number> longTasks = (List<Number>) browser.script("return window.longTasks;");
        assertThat(longTasks).as("long tasks (ms) while rendering 20,000 lines")
                .allSatisfy(ms -> assertThat(ms.doubleValue()).isLessThanOrEqualTo(200.0));
        assertThat(browser.driver().findElements(By.cssSelector(".log .line"))).hasSize(20000);
        assertThat(browser.script("return [...document.querySelectorAll('.log .line .text')].at(-1).textContent"))
                .isEqualTo("[19999] compiling module 19999 of 20000 ok");
        assertThat(distanceFromBottom()).as("following the end").isLessThanOrEqualTo(1L);
        // The log is a log, not a list: no list items outside a list (axe's listitem rule).
        assertThat(browser.driver().findElements(By.cssSelector(".log li, .log [role='listitem']"))).isEmpty();
        assertThat(browser.find(".log").getAttribute("role")).isEqualTo("log");
    }

    @Test
    void theLogCanBeSearchedCopiedOrDownloadedWhole() throws Exception {
        browser = HeadlessChromium.start(1280, 900);
        browser.driver().get(BrowserTestApp.baseUrl() + "/");
        browser.grantClipboard(BrowserTestApp.baseUrl());
        Path downloads = Files.createTempDirectory("log-downloads");
        browser.downloadTo(downloads);
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        browser.driver().executeAsyncScript(
                """
                        const done = arguments[arguments.length - 1];
                        Promise.all([import('/js/log-view.js'), import('/js/log-tools.js')])
                          .then(([{ LogView }, { logTools }]) => {
                          window.log = new LogView();
                          document.body.prepend(logTools(window.log, 'build.log'), window.log.root);
                          for (let i = 0; i < 3000; i++) {
                            const text = 'step ' + i + (i % 1000 === 7 ? ' needle' : '');
                            window.log.append({ kind: 'log', stream: 'stdout', text,
                              at: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString() });
                          }
                          done();
                        });""");
        browser.await(d -> (Long) browser.script("return window.log.renderedCount") == 3000L);

        browser.find("#log-search").sendKeys("NEEDLE");
        browser.await(ExpectedConditions.textToBe(By.id("log-search-count"), "1 of 3"));
        assertThat(browser.driver().findElements(By.cssSelector(".log .line.match"))).hasSize(3);
        assertThat(browser.find(".log .line.current .text").getText()).isEqualTo("step 7 needle");
        assertThat(browser.find(".log .line.current mark").getText()).isEqualTo("needle");
        browser.find("#log-next").click();
        browser.await(ExpectedConditions.textToBe(By.id("log-search-count"), "2 of 3"));
        assertThat(browser.find(".log .line.current .text").getText()).isEqualTo("step 1007 needle");
        browser.find("#log-search").sendKeys(Keys.chord(Keys.CONTROL, "a"), "nothing like it");
        browser.await(ExpectedConditions.textToBe(By.id("log-search-count"), "No matches"));
        assertThat(browser.find("#log-next").isEnabled()).isFalse();

        browser.find("#copy-log").click();
        browser.await(ExpectedConditions.textToBe(By.id("log-tools-status"), "Copied 3000 lines."));
        List<String> copied = browser.clipboard().lines().toList();
        assertThat(copied).hasSize(3000);
        assertThat(copied.get(7)).matches("\\d\\d:\\d\\d:\\d\\d\\.007  step 7 needle");

        browser.find("#download-log").click();
        Path file = downloads.resolve("build.log");
        browser.await(d -> Files.exists(file) && sizeOf(file) > 0);
        List<String> downloaded = Files.readAllLines(file);
        assertThat(downloaded).hasSize(3000);
        assertThat(downloaded.get(0)).isEqualTo("2026-01-01T00:00:00.000Z  step 0");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private long distanceFromBottom() {
        return (Long) browser.script(
                "const l = document.querySelector('.log');"
                        + " return Math.round(l.scrollHeight - l.scrollTop - l.clientHeight);");
    }

    /** Mounts the page's own LogView module on the page, as window.log. */
    private void mountLogView() {
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/log-view.js').then(({ LogView }) => {
                  window.log = new LogView();
                  document.body.prepend(window.log.root);
                  done();
                });""");
    }
}
