package dev.deploygateway.frontend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.deploygateway.deployment.SseStreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The newcomer's path through the demo page in a real Chromium, against the app and its Vercel sandbox: sign in,
 * connect, deploy, watch the build live, open the site; a reload in the middle of a build; a failing build.
 */
@QuarkusTest
@WithTestResource(BrowserTestApp.class)
@ExtendWith(ChromiumPresent.class)
class DeploymentFlowTest {

    private static final Set<String> TERMINAL = Set.of("READY", "FAILED", "CANCELED", "TIMED_OUT");
    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(60);

    private static final String SECRET = "s3cr3t-value-never-shown";

    private HeadlessChromium browser;

    @AfterEach
    void close(TestInfo test) {
        if (browser != null) {
            browser.screenshot("DeploymentFlowTest-" + test.getTestMethod().orElseThrow().getName());
            browser.close();
        }
    }

    @Test
    void deploysTheStaticSiteSampleLiveAndOpensTheSite() {
        browser = HeadlessChromium.start(1280, 1000);
        signIn("newcomer");
        connectVercelWithOAuth();
        String quotaBefore = browser.find("#quota").getAttribute("data-remaining");

        fillProjectName("my-first-site");
        browser.await(ExpectedConditions.attributeToBe(By.id("name-status"), "data-available", "true"));
        new org.openqa.selenium.support.ui.Select(browser.find("#sample")).selectByValue("static-site");
        addEnv("API_URL", "https://api.example.test", false);
        addEnv("API_SECRET", SECRET, true);
        browser.find("#deploy-submit").click();

        String id = awaitDeploymentShown();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("deployment-title");
        // The secret left the form with the request and is shown masked only.
        assertThat(browser.find("#env-value-1").getAttribute("value")).isEmpty();
        assertThat(browser.find("#env-value-0").getAttribute("value")).isEqualTo("https://api.example.test");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".env-list code.masked")));
        assertThat(browser.driver().getPageSource()).doesNotContain(SECRET);
        // Live: build log lines are on the page while the deployment is still running.
        browser.await(d -> !d.findElements(By.cssSelector(".log li[data-kind='log']")).isEmpty()
                && !TERMINAL.contains(status()));
        browser.await(BUILD_TIMEOUT, statusIs("READY"));
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("open-site")));
        // The upload's progress events filled the bar: every file sent, or none needed (the sandbox keeps blobs
        // by digest, so an earlier test may already have uploaded the same sample).
        WebElement progress = browser.find("#upload-progress");
        assertThat(progress.isDisplayed()).isTrue();
        assertThat(progress.getAttribute("value")).isEqualTo(progress.getAttribute("max"));
        assertThat(browser.find(".progress .hint").getText())
                .matches("(\\d+)/\\1 files, .*|Nothing to upload: the platform already has every file\\.");
        browser.await(d -> !quotaBefore.equals(d.findElement(By.id("quota")).getAttribute("data-remaining")));
        browser.await(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#history tr[data-deployment-id='" + id + "']")));
        browser.script("document.getElementById('deployment-panel').scrollIntoView()");
        browser.screenshot("deployment-view"); // the source of docs/screenshots/deployment-view.png

        assertRenderedLogMatchesServer("newcomer", id);

        // Redeploy from the history: a new deployment of the same source, shown live in its place.
        browser.find("#history tr[data-deployment-id='" + id + "'] button").click();
        browser.await(d -> !id.equals(d.findElement(By.cssSelector(".deployment")).getAttribute("data-deployment-id")));
        String redeployed = awaitDeploymentShown();
        browser.await(BUILD_TIMEOUT, statusIs("READY"));
        assertRenderedLogMatchesServer("newcomer", redeployed);

        String site = browser.find("#open-site").getAttribute("href");
        browser.driver().get(site);
        browser.await(ExpectedConditions.titleIs("Deployed with Deploy Gateway"));
        assertThat(browser.find("h1").getText()).isEqualTo("Deployed with Deploy Gateway");
    }

    @Test
    void aReloadMidBuildContinuesTheLogWithoutDuplicates() {
        browser = HeadlessChromium.start(1280, 1000);
        signIn("reloader");
        connectVercelWithOAuth();
        String id = ScenarioSample.deploy("reloader", "slow-site", "static-site", ".sandbox/slow-build");
        browser.driver().get(BrowserTestApp.baseUrl() + "/#/deployments/" + id);
        assertThat(awaitDeploymentShown()).isEqualTo(id);
        browser.await(d -> d.findElements(By.cssSelector(".log li[data-kind='log']")).size() >= 2);
        assertThat(status()).isNotIn(TERMINAL);
        browser.driver().navigate().refresh();

        browser.await(ExpectedConditions.attributeToBe(By.cssSelector(".deployment"), "data-deployment-id", id));
        browser.await(d -> !d.findElements(By.cssSelector(".log li[data-kind='log']")).isEmpty());
        // The reload really happened while the build was running.
        assertThat(status()).isNotIn(TERMINAL);
        browser.await(BUILD_TIMEOUT, statusIs("READY"));
        assertRenderedLogMatchesServer("reloader", id);
    }

    @Test
    void aFailingBuildShowsItsError() {
        browser = HeadlessChromium.start(1280, 1000);
        signIn("unlucky");
        connectVercelWithPastedToken("unlucky");
        String id = ScenarioSample.deploy("unlucky", "broken-site", "static-site", ".sandbox/fail-build");
        browser.driver().get(BrowserTestApp.baseUrl() + "/#/deployments/" + id);
        assertThat(awaitDeploymentShown()).isEqualTo(id);
        browser.await(BUILD_TIMEOUT, statusIs("FAILED"));
        WebElement error = browser.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error-box")));
        assertThat(error.getText()).contains("BUILD_FAILED");
        assertThat(browser.driver().findElements(By.cssSelector(".log li.tone-error")))
                .extracting(WebElement::getText).anyMatch(t -> t.contains("exited with 1"));
        assertThat(browser.find(".steps li.failed").getText()).isNotEmpty();
        assertThat(browser.driver().findElements(By.id("open-site"))).isEmpty();
        assertRenderedLogMatchesServer("unlucky", id);

        browser.find(".card[data-platform='vercel'] [data-action='disconnect']").click();
        browser.await(ExpectedConditions.attributeToBe(By.cssSelector(".card[data-platform='vercel'] .badge"),
                "data-state", "NOT_CONNECTED"));
        assertThat(browser.find("#deploy-submit").isEnabled()).isFalse();
    }

    @Test
    void showsReconnectNeededWhenTheTokenStopsWorkingAndReconnects() {
        browser = HeadlessChromium.start(1280, 1000);
        signIn("forgetful");
        String token = connectVercelWithPastedToken("forgetful");
        given().baseUri(BrowserTestApp.baseUrl()).contentType(ContentType.JSON)
                .body(java.util.Map.of("token", token))
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
        browser.await(ExpectedConditions.attributeToBe(By.cssSelector(".card[data-platform='vercel'] .badge"),
                "data-state", "CONNECTED"));
        assertThat(browser.find("#deploy-submit").isEnabled()).isTrue();
    }

    @Test
    void cancelsARunningBuild() {
        browser = HeadlessChromium.start(1280, 1000);
        signIn("impatient");
        connectVercelWithOAuth();
        String id = ScenarioSample.deploy("impatient", "slow-cancel", "static-site", ".sandbox/slow-build");
        browser.driver().get(BrowserTestApp.baseUrl() + "/#/deployments/" + id);
        assertThat(awaitDeploymentShown()).isEqualTo(id);
        // The view re-renders its actions on every status event: find and click in one step, again if stale.
        browser.await(driver -> {
            try {
                driver.findElement(By.id("cancel-deployment")).click();
                return true;
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                return null;
            }
        });
        browser.await(BUILD_TIMEOUT, statusIs("CANCELED"));
        assertThat(browser.driver().findElements(By.id("cancel-deployment"))).isEmpty();
        assertRenderedLogMatchesServer("impatient", id);
    }

    @Test
    void deploysAnUploadedZipArchive() {
        browser = HeadlessChromium.start(1280, 1000);
        signIn("uploader");
        connectVercelWithOAuth();
        fillProjectName("zipped-site");
        uploadArchive(ScenarioSample.zip("uploader", "static-site"));
        browser.find("#deploy-submit").click();

        String id = awaitDeploymentShown();
        browser.await(BUILD_TIMEOUT, statusIs("READY"));
        assertRenderedLogMatchesServer("uploader", id);
        browser.driver().get(browser.find("#open-site").getAttribute("href"));
        browser.await(ExpectedConditions.titleIs("Deployed with Deploy Gateway"));
    }

    // --- steps -----------------------------------------------------------------------------------------------

    private void signIn(String name) {
        browser.driver().get(BrowserTestApp.baseUrl() + "/");
        WebElement username = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        username.sendKeys(Keys.chord(Keys.CONTROL, "a"), name, Keys.ENTER);
        browser.await(ExpectedConditions.textToBe(By.id("account-user"), name));
    }

    private By vercelCard() {
        return By.cssSelector(".card[data-platform='vercel']");
    }

    private void connectVercelWithOAuth() {
        WebElement card = browser.await(ExpectedConditions.visibilityOfElementLocated(vercelCard()));
        assertThat(card.findElement(By.cssSelector(".badge")).getAttribute("data-state")).isEqualTo("NOT_CONNECTED");
        card.findElement(By.cssSelector("[data-action='connect']")).click();
        // Out through the sandbox's authorize page and back to the page, which reports the result.
        browser.await(ExpectedConditions.textMatches(By.id("notice"), java.util.regex.Pattern.compile("vercel connected")));
        browser.await(ExpectedConditions.attributeToBe(By.cssSelector(".card[data-platform='vercel'] .badge"),
                "data-state", "CONNECTED"));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("connected=");
    }

    private String connectVercelWithPastedToken(String user) {
        String token = given().baseUri(BrowserTestApp.baseUrl()).contentType(ContentType.JSON)
                .body("{\"username\":\"" + user + "\"}")
                .when().post("/sandbox/vercel/_sandbox/tokens")
                .then().statusCode(201).extract().path("token");
        WebElement card = browser.await(ExpectedConditions.visibilityOfElementLocated(vercelCard()));
        card.findElement(By.cssSelector("button[aria-controls='token-form-vercel']")).click();
        WebElement input = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("token-vercel")));
        input.sendKeys(token, Keys.ENTER);
        browser.await(ExpectedConditions.attributeToBe(By.cssSelector(".card[data-platform='vercel'] .badge"),
                "data-state", "CONNECTED"));
        assertThat(browser.driver().getPageSource()).doesNotContain(token);
        return token;
    }

    private void fillProjectName(String name) {
        WebElement field = browser.await(ExpectedConditions.elementToBeClickable(By.id("project-name")));
        field.sendKeys(name);
        browser.await(ExpectedConditions.attributeToBeNotEmpty(browser.find("#name-status"), "data-available"));
    }

    private void addEnv(String key, String value, boolean sensitive) {
        int row = browser.driver().findElements(By.cssSelector("#env-rows .env-row")).size();
        browser.find("#add-env").click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("env-key-" + row))).sendKeys(key);
        if (sensitive) {
            browser.find("#env-sensitive-" + row).click();
            assertThat(browser.find("#env-value-" + row).getAttribute("type")).isEqualTo("password");
        }
        browser.find("#env-value-" + row).sendKeys(value);
    }

    private void uploadArchive(Path zip) {
        browser.find("input[name='source'][value='archive']").click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("archive"))).sendKeys(zip.toString());
    }

    private String awaitDeploymentShown() {
        WebElement view = browser.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".deployment")));
        String id = view.getAttribute("data-deployment-id");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/deployments/" + id);
        return id;
    }

    private String status() {
        return browser.find(".deployment").getAttribute("data-status");
    }

    private static ExpectedCondition<Boolean> statusIs(String expected) {
        return d -> expected.equals(d.findElement(By.cssSelector(".deployment")).getAttribute("data-status"));
    }

    /** Every event the server logged is on the page exactly once, in order (log lines compared by text). */
    private void assertRenderedLogMatchesServer(String user, String deploymentId) {
        List<SseStreams.Event> server = ServerEventLog.read(user, deploymentId);
        List<String> serverIds = server.stream()
                .filter(e -> !e.event().equals("progress"))
                .map(SseStreams.Event::id).toList();
        List<String> renderedIds = browser.driver().findElements(By.cssSelector(".log li")).stream()
                .map(li -> li.getAttribute("data-event-id")).toList();
        assertThat(renderedIds).doesNotHaveDuplicates().containsExactlyElementsOf(serverIds);

        List<String> serverLogTexts = server.stream().filter(e -> e.event().equals("log"))
                .map(e -> io.restassured.path.json.JsonPath.from(e.data()).getString("text")).toList();
        List<String> renderedLogTexts = browser.driver().findElements(By.cssSelector(".log li[data-kind='log']"))
                .stream().map(li -> li.getAttribute("textContent")).toList();
        assertThat(renderedLogTexts).isNotEmpty().containsExactlyElementsOf(serverLogTexts);
    }
}
