package dev.deploygateway.frontend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.sandbox.SandboxSiteUrls;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A page that user A deploys to the Vercel sandbox, opened in a real Chromium by a signed-in user B, cannot read or
 * change B's data: it is served from the sandbox's site origin, not the gateway's, under a CSP that sandboxes it.
 * The gateway's own refusals of that origin (CORS, CSRF) are checked with B's real session cookie too.
 */
@QuarkusTest
@WithTestResource(BrowserTestApp.class)
@ExtendWith(ChromiumPresent.class)
class SandboxSiteIsolationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = """
            <!doctype html><html><body><script>
            const gw = "GATEWAY";
            const out = { origin: String(self.origin) };
            async function run() {
              try {
                const r = await fetch(gw + "/api/v1/me", { credentials: "include" });
                out.read = "answered " + r.status + " " + (await r.text());
              } catch (e) { out.read = "blocked"; }
              try {
                await fetch(gw + "/api/v1/platforms/vercel/connection", { method: "DELETE", mode: "no-cors",
                  credentials: "include" });
                out.write = "sent";
              } catch (e) { out.write = "blocked"; }
              document.body.setAttribute("data-result", JSON.stringify(out));
            }
            run();
            </script></body></html>
            """;

    private HeadlessChromium browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("SandboxSiteIsolationTest");
            browser.close();
        }
    }

    @Test
    void aPageDeployedByOneUserCannotReadOrWriteAnotherSignedInUsersData() throws Exception {
        String site = deployHostilePage("mallory-" + Long.toString(System.nanoTime(), 36));
        assertThat(site).doesNotStartWith(BrowserTestApp.baseUrl()).startsWith(SandboxSiteUrls.origin());

        browser = HeadlessChromium.start(1024, 768);
        signIn("bob");
        connectVercel("bob");
        String cookie = browser.driver().manage().getCookieNamed("dg_session").getValue();
        String before = given().cookie("dg_session", cookie).get("/api/v1/platforms/vercel/connection").then()
                .statusCode(200).extract().asString();

        browser.driver().get(site);
        String result = browser.await(Duration.ofSeconds(20), d -> d.findElement(By.tagName("body"))
                .getAttribute("data-result"));
        JsonNode out = JSON.readTree(result);
        assertThat(out.path("origin").asText()).as("the CSP sandbox gives the page an opaque origin")
                .isEqualTo("null");
        assertThat(out.path("read").asText()).isEqualTo("blocked");
        assertThat(out.path("write").asText()).isEqualTo("blocked");
        assertThat(given().cookie("dg_session", cookie).get("/api/v1/platforms/vercel/connection").then()
                .statusCode(200).extract().asString()).isEqualTo(before);

        // Without the CSP's help, the gateway itself refuses the site's origin with B's cookie.
        var read = given().cookie("dg_session", cookie).header("Origin", SandboxSiteUrls.origin())
                .get("/api/v1/me").then().extract();
        assertThat(read.header("Access-Control-Allow-Origin")).isNull();
        int write = given().cookie("dg_session", cookie).header("Origin", SandboxSiteUrls.origin())
                .delete("/api/v1/platforms/vercel/connection").then().extract().statusCode();
        assertThat(write).isEqualTo(403);
        given().cookie("dg_session", cookie).get("/api/v1/platforms/vercel/connection").then().statusCode(200);
    }

    /** A deploys the page through the sandbox's API (as any Vercel user could); answers its site URL. */
    private static String deployHostilePage(String user) {
        String api = BrowserTestApp.baseUrl() + "/sandbox/vercel";
        String token = given().baseUri(api).contentType(ContentType.JSON).body(Map.of("username", user))
                .post("/_sandbox/tokens").then().statusCode(201).extract().path("token");
        String page = HOSTILE.replace("GATEWAY", BrowserTestApp.baseUrl());
        String id = given().baseUri(api).header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .queryParam("skipAutoDetectionConfirmation", 1).body(Map.of("name", user, "target", "production",
                        "files", List.of(Map.of("file", "index.html", "data", page))))
                .post("/v13/deployments").then().statusCode(200).extract().path("id");
        String host = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    var deployment = given().baseUri(api).header("Authorization", "Bearer " + token)
                            .get("/v13/deployments/" + id).then().statusCode(200).extract();
                    return "READY".equals(deployment.path("readyState")) ? deployment.<String>path("url") : null;
                }, Objects::nonNull);
        assertThat(host).as("the page's deployment became READY").isNotNull();
        return SandboxSiteUrls.vercel(host);
    }

    private void signIn(String name) {
        browser.driver().get(BrowserTestApp.baseUrl() + "/");
        WebElement username = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        username.sendKeys(Keys.chord(Keys.CONTROL, "a"), name, Keys.ENTER);
        browser.await(ExpectedConditions.textToBe(By.id("account-user"), name));
    }

    /** B's data the page goes after: a Vercel connection, made by pasting a sandbox token as a user would. */
    private void connectVercel(String name) {
        String token = given().baseUri(BrowserTestApp.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("username", name)).post("/sandbox/vercel/_sandbox/tokens").then().statusCode(201)
                .extract().path("token");
        Object status = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/platforms/vercel/connection', {method: 'PUT', credentials: 'include',"
                + " headers: {'Content-Type': 'application/json'}, body: JSON.stringify({token: arguments[0]})})"
                + ".then(r => done(r.status), e => done(String(e)));", token);
        assertThat(status).isInstanceOfSatisfying(Number.class, n -> assertThat(n.intValue()).isBetween(200, 299));
    }
}
