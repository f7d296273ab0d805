package dev.deploygateway.frontend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.deploygateway.deployment.SseStreams;
import dev.deploygateway.identity.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The demo page's steps as a user takes them (sign in, connect, deploy, watch), shared by the browser tests. */
final class DemoPage {

    static final Set<String> TERMINAL = Set.of("READY", "FAILED", "CANCELED", "TIMED_OUT");
    static final Duration BUILD_TIMEOUT = Duration.ofSeconds(90);

    private final HeadlessChromium browser;
    private final String base;

    DemoPage(HeadlessChromium browser) {
        this(browser, BrowserTestApp.baseUrl());
    }

    /** The page as served from {@code base} (the app, or a proxy in front of it). */
    DemoPage(HeadlessChromium browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    String base() {
        return base;
    }

    /** Opens the page and signs in with the keyboard as {@code name}. */
    void signIn(String name) {
        browser.driver().get(base + "/");
        signInHere(name);
    }

    /** Signs in on the page already open (the sign-in form is showing). */
    void signInHere(String name) {
        WebElement username = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        username.sendKeys(Keys.chord(Keys.CONTROL, "a"), name, Keys.ENTER);
        browser.await(ExpectedConditions.textToBe(By.id("account-user"), name));
    }

    static By card(String platform) {
        return By.cssSelector(".card[data-platform='" + platform + "']");
    }

    void awaitConnected(String platform) {
        browser.await(ExpectedConditions.attributeToBe(By.cssSelector(".card[data-platform='" + platform + "'] .badge"),
                "data-state", "CONNECTED"));
    }

    /** Connect with … : out through the sandbox's authorize page and back to the page, which reports it. */
    void connectWithOAuth(String platform) {
        WebElement card = browser.await(ExpectedConditions.visibilityOfElementLocated(card(platform)));
        assertThat(card.findElement(By.cssSelector(".badge")).getAttribute("data-state")).isEqualTo("NOT_CONNECTED");
        card.findElement(By.cssSelector("[data-action='connect']")).click();
        browser.await(ExpectedConditions.textMatches(By.id("notice"), Pattern.compile(platform + " connected")));
        awaitConnected(platform);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("connected=");
    }

    /** Mints a sandbox token for {@code user} and pastes it into the card; returns the token. */
    String connectWithPastedToken(String platform, String user) {
        String token = given().baseUri(BrowserTestApp.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("username", user))
                .when().post("/sandbox/" + platform + "/_sandbox/tokens")
                .then().statusCode(201).extract().path("token");
        WebElement card = browser.await(ExpectedConditions.visibilityOfElementLocated(card(platform)));
        card.findElement(By.cssSelector("button[aria-controls='token-form-" + platform + "']")).click();
        WebElement input = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("token-" + platform)));
        input.sendKeys(token, Keys.ENTER);
        awaitConnected(platform);
        assertThat(browser.driver().getPageSource()).doesNotContain(token);
        return token;
    }

    /** Connects {@code user}'s Vercel account through the API (a pasted sandbox token), not through the page. */
    static void connectVercelThroughTheApi(String user) {
        String token = given().baseUri(BrowserTestApp.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("username", user)).post("/sandbox/vercel/_sandbox/tokens")
                .then().statusCode(201).extract().path("token");
        given().baseUri(BrowserTestApp.baseUrl()).auth().oauth2(TestTokens.valid(user))
                .contentType(ContentType.JSON).body(Map.of("token", token))
                .put("/api/v1/platforms/vercel/connection").then().statusCode(200);
    }

    void fillProjectName(String name) {
        WebElement field = browser.await(ExpectedConditions.elementToBeClickable(By.id("project-name")));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), name);
        browser.await(ExpectedConditions.attributeToBeNotEmpty(browser.find("#name-status"), "data-available"));
    }

    void addEnv(String key, String value, boolean sensitive) {
        int row = browser.driver().findElements(By.cssSelector("#env-rows .env-row")).size();
        browser.find("#add-env").click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("env-key-" + row))).sendKeys(key);
        if (sensitive) {
            browser.find("#env-sensitive-" + row).click();
            assertThat(browser.find("#env-value-" + row).getAttribute("type")).isEqualTo("password");
        }
        browser.find("#env-value-" + row).sendKeys(value);
    }

    /** Deploy, once the form has what it needs (it is disabled until the page's data has arrived). */
    void deploy() {
        browser.await(ExpectedConditions.elementToBeClickable(By.id("deploy-submit"))).click();
    }

    /** Opens a deployment by its link, as a reload or a shared link would. */
    void open(String deploymentId) {
        browser.driver().get(base + "/#/deployments/" + deploymentId);
    }

    String awaitDeploymentShown() {
        WebElement view = browser.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".deployment")));
        String id = view.getAttribute("data-deployment-id");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/deployments/" + id);
        return id;
    }

    String status() {
        return browser.find(".deployment").getAttribute("data-status");
    }

    static ExpectedCondition<Boolean> statusIs(String expected) {
        return d -> expected.equals(d.findElement(By.cssSelector(".deployment")).getAttribute("data-status"));
    }

    void awaitStatus(String expected) {
        browser.await(BUILD_TIMEOUT, statusIs(expected));
    }

    /** The stream badge: live, reconnecting, ended, … */
    String streamState() {
        return browser.find("#stream-state").getAttribute("data-state");
    }

    /** Clicks a button the view may re-render at any moment: found and clicked in one step, again if stale. */
    void click(By button) {
        browser.await(driver -> {
            try {
                driver.findElement(button).click();
                return true;
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                return null;
            }
        });
    }

    /** The rendered log lines of one kind ({@code log}, {@code status}, …), as text without their times. */
    List<String> renderedTexts(String kind) {
        return browser.driver().findElements(By.cssSelector(".log .line[data-kind='" + kind + "'] .text")).stream()
                .map(e -> e.getAttribute("textContent")).toList();
    }

    /** Every event the server logged is on the page exactly once, in order (log lines compared by text). */
    void assertRenderedLogMatchesServer(String user, String deploymentId) {
        List<SseStreams.Event> server = ServerEventLog.read(user, deploymentId);
        List<String> serverIds = server.stream().filter(e -> !e.event().equals("progress"))
                .map(SseStreams.Event::id).toList();
        // Rendering is batched per animation frame: wait until the page has drawn what it received.
        browser.await(d -> d.findElements(By.cssSelector(".log .line[data-event-id]")).size() >= serverIds.size());
        List<String> renderedIds = browser.driver().findElements(By.cssSelector(".log .line")).stream()
                .map(line -> line.getAttribute("data-event-id")).toList();
        assertThat(renderedIds).doesNotHaveDuplicates().containsExactlyElementsOf(serverIds);

        List<String> serverLogTexts = server.stream().filter(e -> e.event().equals("log"))
                .map(e -> JsonPath.from(e.data()).getString("text")).toList();
        assertThat(renderedTexts("log")).isNotEmpty().containsExactlyElementsOf(serverLogTexts);
    }
}
