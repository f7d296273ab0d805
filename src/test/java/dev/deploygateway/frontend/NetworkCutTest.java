package dev.deploygateway.frontend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A 5-second network cut in the middle of a build, made by a TCP proxy that refuses connections while it is cut:
 * the page says it is reconnecting and nothing else (no invented error line, no error box), goes back to live when
 * the network is back, and ends with exactly the server's event log.
 */
@QuarkusTest
@WithTestResource(BrowserTestApp.class)
@ExtendWith(ChromiumPresent.class)
class NetworkCutTest {

    private static final Duration CUT = Duration.ofSeconds(5);

    private HeadlessChromium browser;
    private CuttableProxy proxy;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("NetworkCutTest");
            browser.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aCutMidBuildReconnectsWithoutAnErrorToTheWholeLog() {
        proxy = CuttableProxy.to(BrowserTestApp.port);
        browser = HeadlessChromium.start(1280, 1000);
        DemoPage page = new DemoPage(browser, proxy.origin());
        page.signIn("commuter");
        DemoPage.connectVercelThroughTheApi("commuter");
        String id = ScenarioSample.deploy("commuter", "cut-site", "static-site", ".sandbox/slow-build");
        page.open(id);
        page.awaitDeploymentShown();
        browser.await(d -> !page.renderedTexts("log").isEmpty() && "live".equals(page.streamState()));

        long logged = serverLogLines(id);
        Instant cutAt = Instant.now();
        proxy.cut();
        assertThat(proxy.refuses()).as("a cut proxy refuses connections").isTrue();
        browser.await(d -> List.of("reconnecting", "retrying").contains(page.streamState()));
        // The cut lasts 5 s, while the build goes on and the server logs lines this browser cannot receive.
        browser.await(Duration.ofSeconds(40), d -> Duration.between(cutAt, Instant.now()).compareTo(CUT) >= 0
                && serverLogLines(id) > logged);
        assertNothingLooksLikeAnError();
        assertThat(page.status()).isNotIn(DemoPage.TERMINAL);

        proxy.restore();
        assertThat(proxy.refuses()).as("the proxy listens again").isFalse();
        browser.await(Duration.ofSeconds(40), d -> "live".equals(page.streamState()));
        assertThat(page.status()).as("back to live during the build").isNotIn(DemoPage.TERMINAL);
        assertNothingLooksLikeAnError();

        page.awaitStatus("READY");
        assertNothingLooksLikeAnError();
        page.assertRenderedLogMatchesServer("commuter", id);
    }

    private void assertNothingLooksLikeAnError() {
        assertThat(browser.driver().findElements(By.cssSelector(".log .line[data-kind='error']"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector(".deployment .error-box")))
                .noneMatch(WebElement::isDisplayed);
        assertThat(browser.find(".deployment").getText()).doesNotContain("Error :", "ERROR:");
    }

    /** Log events the server has for the deployment so far (read directly, not through the cut proxy). */
    private static long serverLogLines(String id) {
        List<String> kinds = given().baseUri(BrowserTestApp.baseUrl()).auth().oauth2(TestTokens.valid("commuter"))
                .accept("application/json").queryParam("wait", 0)
                .get("/api/v1/deployments/" + id + "/events").then().statusCode(200)
                .extract().jsonPath().getList("events.event", String.class);
        return kinds.stream().filter("log"::equals).count();
    }
}
