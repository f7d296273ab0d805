package dev.deploygateway.frontend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The hand-off from a code generator (its page opens the deploy link in a popup; the user signs in and deploys;
 * the generator gets the outcome back twice: by postMessage and on its redirect URL), and the production actions
 * of a finished deployment (promote a preview, roll back to an earlier production deployment), from the page.
 */
@QuarkusTest
@WithTestResource(BrowserTestApp.class)
@ExtendWith(ChromiumPresent.class)
class HandoffAndLifecycleTest {

    private HeadlessChromium browser;
    private GeneratorSite generator;

    @AfterEach
    void close(TestInfo test) {
        if (browser != null) {
            browser.screenshot("HandoffAndLifecycleTest-" + test.getTestMethod().orElseThrow().getName());
            browser.close();
        }
        if (generator != null) {
            generator.close();
        }
    }

    @Test
    void theHandOffLinkReturnsTheDeploymentOutcomeToTheGenerator() {
        generator = GeneratorSite.start();
        DemoPage.connectVercelThroughTheApi("generated");
        String link = BrowserTestApp.baseUrl() + "/deploy?projectName=gen-app&env=API_KEY"
                + "&envDescription=" + encode("Your key from the generator's settings page")
                + "&redirectUrl=" + encode(GeneratorSite.origin() + "/done") + "&source=sample:static-site";
        browser = HeadlessChromium.start(1280, 1000);
        browser.driver().get(GeneratorSite.origin() + "/?link=" + encode(link));
        String generatorWindow = browser.driver().getWindowHandle();
        browser.find("#deploy").click();
        browser.await(ExpectedConditions.numberOfWindowsToBe(2));
        String popup = browser.driver().getWindowHandles().stream().filter(h -> !h.equals(generatorWindow))
                .findFirst().orElseThrow();
        browser.driver().switchTo().window(popup);

        DemoPage page = new DemoPage(browser);
        // Before sign-in the page cannot ask the gateway whether the redirect is allowed: it names no origin yet.
        browser.await(ExpectedConditions.textToBe(By.id("handoff-title"), "Deploy \"gen-app\" for a code generator"));
        assertThat(browser.find("#handoff li[aria-current='step']").getText()).isEqualTo("Sign in");
        page.signInHere("generated");
        browser.await(ExpectedConditions.textToBe(By.id("handoff-title"),
                "Deploy \"gen-app\" for " + GeneratorSite.origin()));
        // Prefilled from the link: the name, the declared variable (sensitive, its value for the user to give),
        // the description, the sample.
        browser.await(ExpectedConditions.attributeToBe(By.id("project-name"), "value", "gen-app"));
        assertThat(browser.find("#env-key-0").getAttribute("value")).isEqualTo("API_KEY");
        assertThat(browser.find("#env-value-0").getAttribute("type")).isEqualTo("password");
        assertThat(browser.find("#env-description").getText()).isEqualTo("Your key from the generator's settings page");
        assertThat(browser.find("#sample").getAttribute("value")).isEqualTo("static-site");
        assertThat(browser.find("#handoff li[aria-current='step']").getText()).isEqualTo("Deploy");
        browser.find("#env-value-0").sendKeys("k-123");
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("handoff-form"); // the source of docs/screenshots/handoff-form.png
        page.deploy();

        String id = page.awaitDeploymentShown();
        page.awaitStatus("READY");
        String url = browser.find("#result-url").getText();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("handoff-countdown")));
        browser.screenshot("handoff-return"); // the source of docs/screenshots/handoff-return.png
        // Back at the generator, on its redirect URL, with the outcome in the query.
        browser.await(Duration.ofSeconds(20), ExpectedConditions.urlContains(GeneratorSite.origin() + "/done"));
        assertThat(browser.find("#outcome").getText().lines().toList()).containsExactly(
                "deploymentId=" + id, "projectName=gen-app", "status=READY", "url=" + url);

        // The opener got the same outcome by postMessage (and the generator's page only accepts the gateway's).
        browser.driver().switchTo().window(generatorWindow);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> received = (List<Map<String, Object>>) browser.script("return window.received;");
        assertThat(received).containsExactly(Map.of("type", "deploy-gateway:deployment", "deploymentId", id,
                "status", "READY", "url", url, "projectName", "gen-app"));
    }

    @Test
    void aSourceTheGeneratorRegisteredIsDeployedFromTheLink() {
        DemoPage.connectVercelThroughTheApi("registrant");
        String page = "<!doctype html><html lang=\"en\"><head><title>Registered</title></head><body><h1>From the link"
                + "</h1></body></html>";
        String source = given().baseUri(BrowserTestApp.baseUrl()).auth().oauth2(TestTokens.valid("registrant"))
                .contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("index.html", Map.of("content", page, "encoding", "utf-8"))))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        browser = HeadlessChromium.start(1280, 1000);
        DemoPage demo = new DemoPage(browser);
        browser.driver().get(BrowserTestApp.baseUrl() + "/deploy?projectName=registered-app&source=" + source);
        demo.signInHere("registrant");
        browser.await(ExpectedConditions.elementSelectionStateToBe(By.id("source-registered-choice"), true));
        assertThat(browser.find("#registered-description").getText()).startsWith("1 file (1 KB) from a code generator");
        demo.deploy();
        demo.awaitDeploymentShown();
        demo.awaitStatus("READY");
        browser.driver().get(browser.find("#open-site").getAttribute("href"));
        browser.await(ExpectedConditions.titleIs("Registered"));
    }

    @Test
    void aRedirectOutsideTheAllowListIsRefusedButTheUserCanStillDeploy() {
        DemoPage.connectVercelThroughTheApi("wary");
        browser = HeadlessChromium.start(1280, 1000);
        DemoPage page = new DemoPage(browser);
        browser.driver().get(BrowserTestApp.baseUrl() + "/deploy?projectName=wary-app&redirectUrl="
                + encode("https://evil.example/steal"));
        page.signInHere("wary");
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("handoff-problems")));
        assertThat(browser.find("#handoff-problems").getText()).contains("this page will not send you back");
        assertThat(browser.find("#handoff").getText()).doesNotContain("evil.example/steal")
                .contains("See the result here");
        browser.await(ExpectedConditions.elementToBeClickable(By.id("deploy-submit")));
    }

    @Test
    void theResultPanelMovesProductionByPromotionOrRollback() {
        DemoPage.connectVercelThroughTheApi("operator");
        String first = deployThroughTheApi("operator", "ops-site", "production");
        String second = deployThroughTheApi("operator", "ops-site", "production");
        String preview = deployThroughTheApi("operator", "ops-site", "preview");
        browser = HeadlessChromium.start(1280, 1000);
        DemoPage page = new DemoPage(browser);
        page.signIn("operator");

        // The preview: promoted to production from its result panel.
        page.open(preview);
        page.awaitStatus("READY");
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("promote")));
        assertThat(browser.driver().findElements(By.id("rollback"))).isEmpty();
        page.click(By.id("promote"));
        browser.await(ExpectedConditions.textToBe(By.id("result-status"), "Promoted to production."));
        assertThat(browser.find("#result-live").getText()).startsWith("Live in production at http");
        assertThat(browser.driver().findElements(By.id("promote"))).isEmpty();
        assertThat(liveAnswer("operator", preview, "promote")).isEqualTo("This deployment is already the live one.");

        // The first production deployment: rolled back to.
        page.open(first);
        browser.await(
                d -> first.equals(d.findElement(By.cssSelector(".deployment")).getAttribute("data-deployment-id")));
        page.awaitStatus("READY");
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("rollback")));
        page.click(By.id("rollback"));
        browser.await(ExpectedConditions.textToBe(By.id("result-status"),
                "Rolled back: this deployment is live again."));
        assertThat(liveAnswer("operator", first, "rollback")).isEqualTo("This deployment is already the live one.");
        assertThat(liveAnswer("operator", second, "rollback")).as("the second is no longer live: rolled back to")
                .isNull();
        assertThat(liveAnswer("operator", first, "rollback")).as("and back again")
                .isNull();

        // Rolling back to what is already live is refused, in words, and the button comes back.
        browser.driver().navigate().refresh();
        page.awaitStatus("READY");
        page.click(By.id("rollback"));
        browser.await(ExpectedConditions.textToBe(By.id("result-status"), "This deployment is already the live one."));
        assertThat(browser.find("#rollback").isEnabled()).isTrue();
    }

    /** Asks the API for {@code action} on {@code id}: null when done, else the 409's words. */
    private static String liveAnswer(String user, String id, String action) {
        var response = given().baseUri(BrowserTestApp.baseUrl()).auth().oauth2(TestTokens.valid(user))
                .post("/api/v1/deployments/" + id + "/" + action).then().extract();
        if (response.statusCode() == 200) {
            return null;
        }
        assertThat(response.statusCode()).isEqualTo(409);
        return response.path("detail");
    }

    private static String deployThroughTheApi(String user, String project, String target) {
        Map<String, Object> files = new LinkedHashMap<>(ScenarioSample.files(user, "static-site"));
        String id = given().baseUri(BrowserTestApp.baseUrl()).auth().oauth2(TestTokens.valid(user))
                .contentType(ContentType.JSON)
                .body(Map.of("platform", "vercel", "projectName", project, "target", target, "files", files))
                .post("/api/v1/deployments").then().statusCode(202).extract().path("id");
        org.awaitility.Awaitility.await().atMost(DemoPage.BUILD_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> given().baseUri(BrowserTestApp.baseUrl()).auth().oauth2(TestTokens.valid(user))
                        .get("/api/v1/deployments/" + id).then().statusCode(200).extract().path("status"),
                        "READY"::equals);
        return id;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
