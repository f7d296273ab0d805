package dev.deploygateway.frontend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The newcomer's path through the demo page in a real Chromium, against the app and its Vercel sandbox: sign in,
 * connect, deploy, watch the build live, read the result, open the site; a reload in the middle of a build; a
 * failing build; a canceled one.
 */
@QuarkusTest
@WithTestResource(BrowserTestApp.class)
@ExtendWith(ChromiumPresent.class)
class DeploymentFlowTest {

    private static final String SECRET = "s3cr3t-value-never-shown";

    private HeadlessChromium browser;
    private DemoPage page;

    @AfterEach
    void close(TestInfo test) {
        if (browser != null) {
            browser.screenshot("DeploymentFlowTest-" + test.getTestMethod().orElseThrow().getName());
            browser.close();
        }
    }

    private void start() {
        browser = HeadlessChromium.start(1280, 1000);
        page = new DemoPage(browser);
    }

    @Test
    void deploysTheStaticSiteSampleLiveThroughToItsResult() {
        start();
        browser.grantClipboard(BrowserTestApp.baseUrl());
        page.signIn("newcomer");
        page.connectWithOAuth("vercel");
        String quotaBefore = browser.find("#quota").getAttribute("data-remaining");

        page.fillProjectName("my-first-site");
        assertThat(browser.find("#name-status").getAttribute("data-available")).isEqualTo("true");
        assertThat(browser.find("#name-status").getText()).isEqualTo("\"my-first-site\" is available.");
        new Select(browser.find("#sample")).selectByValue("static-site");
        new Select(browser.find("#database")).selectByValue("postgres");
        page.addEnv("API_URL", "https://api.example.test", false);
        page.addEnv("API_SECRET", SECRET, true);
        page.deploy();

        String id = page.awaitDeploymentShown();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("deployment-title");
        // The secret left the form with the request and is shown masked only.
        assertThat(browser.find("#env-value-1").getAttribute("value")).isEmpty();
        assertThat(browser.find("#env-value-0").getAttribute("value")).isEqualTo("https://api.example.test");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".env-list code.masked")));
        assertThat(browser.driver().getPageSource()).doesNotContain(SECRET);
        // Live: build log lines, each with its time, are on the page while the deployment is still running.
        // One observation: lines shown, the status not terminal and the stream live (read apart, a fast build could
        // end between them).
        browser.await(d -> !page.renderedTexts("log").isEmpty() && !DemoPage.TERMINAL.contains(page.status())
                && "live".equals(page.streamState()));
        assertThat(browser.find(".log .line[data-kind='log'] .ts").getText()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(AccessibilityCheck.violations(browser)).as("accessibility with a running deployment open").isEmpty();
        page.awaitStatus("READY");

        // The result: the address as text with a copy button, how long it took, the database it provisioned.
        WebElement result = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        String site = browser.find("#open-site").getAttribute("href");
        assertThat(browser.find("#result-url").getText()).isEqualTo(site);
        assertThat(browser.find("#result-duration").getText()).matches("\\d+(\\.\\d)? s|\\d+ ms|\\d+ min \\d\\d s");
        assertThat(browser.find("#result-database").getText())
                .matches("PostgreSQL — Database my-first-site-postgres ready; wired DATABASE_URL.*");
        assertThat(result.findElement(By.id("result-title")).getText()).isEqualTo("Ready");
        browser.find("#copy-url").click();
        browser.await(ExpectedConditions.textToBe(By.id("result-status"), "Address copied."));
        assertThat(browser.clipboard()).isEqualTo(site);
        // Every step the deployment went through says how long it took; the status lines of the log too.
        assertThat(browser.find(".steps li[data-step='BUILDING'] .step-time").getText()).matches(".*\\d.*");
        assertThat(browser.driver().findElements(By.cssSelector(".log .line[data-kind='status'] .note")))
                .isNotEmpty().allMatch(note -> note.getText().matches("\\d+(\\.\\d)? (ms|s)|\\d+ min \\d\\d s"));
        assertThat(page.streamState()).isEqualTo("ended");
        // The upload's progress events filled the bar: every file sent, or none needed (the sandbox keeps blobs
        // by digest, so an earlier test may already have uploaded the same sample).
        WebElement progress = browser.find("#upload-progress");
        assertThat(progress.getAttribute("value")).isEqualTo(progress.getAttribute("max"));
        assertThat(browser.find(".progress .hint").getText())
                .matches("(\\d+)/\\1 files, .*|Nothing to upload: the platform already has every file\\.");
        browser.await(d -> !quotaBefore.equals(d.findElement(By.id("quota")).getAttribute("data-remaining")));
        browser.await(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#history tr[data-deployment-id='" + id + "']")));
        browser.script("document.getElementById('deployment-panel').scrollIntoView()");
        browser.screenshot("deployment-view"); // the source of docs/screenshots/deployment-view.png
        assertThat(AccessibilityCheck.violations(browser)).as("accessibility with a finished deployment open")
                .isEmpty();

        page.assertRenderedLogMatchesServer("newcomer", id);

        // The project now exists in the account: the name check says so, and deploying to it is fine.
        page.fillProjectName("my-first-site");
        assertThat(browser.find("#name-status").getAttribute("data-available")).isEqualTo("true");
        assertThat(browser.find("#name-status").getAttribute("data-existing")).isEqualTo("true");
        assertThat(browser.find("#name-status").getText()).contains("a project you already have");

        // Redeploy from the history: a new deployment of the same source, shown live in its place.
        browser.find("#history tr[data-deployment-id='" + id + "'] [data-action='redeploy']").click();
        browser.await(d -> !id.equals(d.findElement(By.cssSelector(".deployment")).getAttribute("data-deployment-id")));
        String redeployed = page.awaitDeploymentShown();
        page.awaitStatus("READY");
        page.assertRenderedLogMatchesServer("newcomer", redeployed);

        browser.driver().get(browser.find("#open-site").getAttribute("href"));
        browser.await(ExpectedConditions.titleIs("Deployed with Deploy Gateway"));
        assertThat(browser.find("h1").getText()).isEqualTo("Deployed with Deploy Gateway");
    }

    @Test
    void aReloadMidBuildContinuesTheLogWithoutDuplicates() {
        start();
        page.signIn("reloader");
        page.connectWithOAuth("vercel");
        String id = ScenarioSample.deploy("reloader", "slow-site", "static-site", ".sandbox/slow-build");
        page.open(id);
        assertThat(page.awaitDeploymentShown()).isEqualTo(id);
        browser.await(d -> page.renderedTexts("log").size() >= 2);
        assertThat(page.status()).isNotIn(DemoPage.TERMINAL);
        browser.driver().navigate().refresh();

        browser.await(ExpectedConditions.attributeToBe(By.cssSelector(".deployment"), "data-deployment-id", id));
        browser.await(d -> !page.renderedTexts("log").isEmpty());
        // The reload really happened while the build was running.
        assertThat(page.status()).isNotIn(DemoPage.TERMINAL);
        page.awaitStatus("READY");
        page.assertRenderedLogMatchesServer("reloader", id);
    }

    @Test
    void aFailingBuildShowsItsError() {
        start();
        page.signIn("unlucky");
        page.connectWithPastedToken("vercel", "unlucky");
        String id = ScenarioSample.deploy("unlucky", "broken-site", "static-site", ".sandbox/fail-build");
        page.open(id);
        assertThat(page.awaitDeploymentShown()).isEqualTo(id);
        page.awaitStatus("FAILED");
        WebElement error = browser.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error-box")));
        assertThat(error.getText()).contains("BUILD_FAILED");
        browser.await(d -> d.findElements(By.cssSelector(".log .line.tone-error")).stream()
                .anyMatch(line -> line.getText().contains("exited with 1")));
        assertThat(browser.find(".steps li.failed").getText()).contains("failed");
        assertThat(browser.find("#result-title").getText()).isEqualTo("Failed");
        assertThat(browser.driver().findElements(By.id("open-site"))).isEmpty();
        page.assertRenderedLogMatchesServer("unlucky", id);

        browser.find(".card[data-platform='vercel'] [data-action='disconnect']").click();
        browser.await(ExpectedConditions.attributeToBe(By.cssSelector(".card[data-platform='vercel'] .badge"),
                "data-state", "NOT_CONNECTED"));
        assertThat(browser.find("#deploy-submit").isEnabled()).isFalse();
    }

    @Test
    void aDeadTokenDisablesDeployingUntilTheUserReconnects() {
        start();
        page.signIn("forgetful");
        String token = page.connectWithPastedToken("vercel", "forgetful");
        given().baseUri(BrowserTestApp.baseUrl()).contentType(ContentType.JSON).body(Map.of("token", token))
                .when().post("/sandbox/vercel/_sandbox/tokens/expire")
                .then().statusCode(204);

        // The next use of the token (the name check) finds it dead; the card says so.
        browser.await(ExpectedConditions.elementToBeClickable(By.id("project-name"))).sendKeys("any-name");
        browser.await(ExpectedConditions.attributeToBe(By.cssSelector(".card[data-platform='vercel'] .badge"),
                "data-state", "RECONNECT_REQUIRED"));
        assertThat(browser.find("#deploy-submit").isEnabled()).isFalse();
        WebElement reconnect = browser.find(".card[data-platform='vercel'] [data-action='connect']");
        assertThat(reconnect.getText()).isEqualTo("Reconnect Vercel");

        reconnect.click();
        page.awaitConnected("vercel");
        assertThat(browser.find("#deploy-submit").isEnabled()).isTrue();
    }

    @Test
    void aCanceledBuildIsDrawnAsCanceledNotFailed() {
        start();
        page.signIn("impatient");
        page.connectWithOAuth("vercel");
        String id = ScenarioSample.deploy("impatient", "slow-cancel", "static-site", ".sandbox/slow-build");
        page.open(id);
        assertThat(page.awaitDeploymentShown()).isEqualTo(id);
        page.click(By.id("cancel-deployment"));
        page.awaitStatus("CANCELED");
        assertThat(browser.driver().findElements(By.id("cancel-deployment"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector(".steps li.failed"))).isEmpty();
        assertThat(browser.find(".steps li.canceled").getText())
                .matches(".+: canceled( [0-9.]+ (ms|s)|[0-9]+ min [0-9]+ s)?");
        assertThat(browser.find("#result-title").getText()).isEqualTo("Canceled");
        assertThat(browser.find("#result").getAttribute("class")).contains("outcome-canceled");
        assertThat(browser.find(".error-box").isDisplayed()).isFalse();
        browser.await(
                ExpectedConditions.textMatches(By.cssSelector("#history tr[data-deployment-id='" + id + "'] .badge"),
                        Pattern.compile("Canceled")));
        page.assertRenderedLogMatchesServer("impatient", id);
    }

    @Test
    void deploysAnUploadedZipArchive() {
        start();
        page.signIn("uploader");
        page.connectWithOAuth("vercel");
        page.fillProjectName("zipped-site");
        uploadArchive(ScenarioSample.zip("uploader", "static-site"));
        page.deploy();

        String id = page.awaitDeploymentShown();
        page.awaitStatus("READY");
        page.assertRenderedLogMatchesServer("uploader", id);
        browser.driver().get(browser.find("#open-site").getAttribute("href"));
        browser.await(ExpectedConditions.titleIs("Deployed with Deploy Gateway"));
    }

    @Test
    void aDeploymentIdThatIsNotThereIsNotFoundNotPending() {
        start();
        page.signIn("lost");
        page.open("dep_0123456789abcdef0123456789abcdef");
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("deployment-not-found")));
        assertThat(browser.find("#deployment-title").getText()).isEqualTo("Deployment not found");
        assertThat(browser.driver().findElements(By.id("cancel-deployment"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("stream-state"))).isEmpty();
        assertThat(browser.find("#deployment").getText()).doesNotContain("Pending");
    }

    @Test
    void aReloadedDeploymentLinkOnAPhoneOpensAtTheDeployment() {
        browser = HeadlessChromium.start(390, 844);
        page = new DemoPage(browser);
        DemoPage.connectVercelThroughTheApi("phone");
        page.signIn("phone");
        String id = ScenarioSample.deploy("phone", "phone-site", "static-site");
        page.open(id);
        browser.driver().navigate().refresh();
        browser.await(ExpectedConditions.attributeToBe(By.cssSelector(".deployment"), "data-deployment-id", id));
        // On one column the deployment sits below the form: the reloaded link lands on it, not 1,500 px above it.
        browser.await(d -> {
            Number top = (Number) browser.script(
                    "return document.getElementById('deployment-panel').getBoundingClientRect().top");
            return Math.abs(top.doubleValue()) < 50;
        });
        assertThat(((Number) browser.script("return window.scrollY")).doubleValue()).isGreaterThan(300);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("deployment-title");
    }

    @Test
    void aRunningDeploymentCanBeCanceledFromTheHistory() {
        start();
        page.signIn("historian");
        page.connectWithOAuth("vercel");
        String id = ScenarioSample.deploy("historian", "history-cancel", "static-site", ".sandbox/slow-build");
        browser.find("#history-refresh").click();
        By row = By.cssSelector("#history tr[data-deployment-id='" + id + "']");
        browser.await(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(browser.driver().findElement(row).findElements(By.cssSelector("[data-action='redeploy']")))
                .isEmpty();
        page.click(By.cssSelector("#history tr[data-deployment-id='" + id + "'] [data-action='cancel']"));
        browser.await(ExpectedConditions.textMatches(By.id("notice"), Pattern.compile("Canceling history-cancel")));
        browser.await(DemoPage.BUILD_TIMEOUT, d -> {
            d.findElement(By.id("history-refresh")).click();
            return "CANCELED".equals(d.findElement(row).getAttribute("data-status"));
        });
        assertThat(browser.find("#history tr[data-deployment-id='" + id + "'] [data-action='redeploy']").isDisplayed())
                .isTrue();
    }

    private void uploadArchive(Path zip) {
        browser.find("input[name='source'][value='archive']").click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("archive"))).sendKeys(zip.toString());
    }
}
