package dev.deploygateway.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The deploy form when things are not fine: the server's validation problems in words, on the fields they are
 * about; an archive that is not one, said once; the hourly limit reached, said once, with the quota refreshed;
 * a history of exactly one page without a "Load more" that would load nothing; notices that can be dismissed.
 */
@QuarkusTest
@WithTestResource(BrowserTestApp.class)
@ExtendWith(ChromiumPresent.class)
class FormStatesTest {

    private HeadlessChromium browser;
    private DemoPage page;

    @AfterEach
    void close(TestInfo test) {
        if (browser != null) {
            browser.screenshot("FormStatesTest-" + test.getTestMethod().orElseThrow().getName());
            browser.close();
        }
    }

    private void start(String user) {
        browser = HeadlessChromium.start(1280, 1000);
        page = new DemoPage(browser);
        DemoPage.connectVercelThroughTheApi(user);
        page.signIn(user);
        page.awaitConnected("vercel");
    }

    @Test
    void validationProblemsMarkTheirFieldsInWords() {
        start("careless");
        WebElement name = browser.await(ExpectedConditions.elementToBeClickable(By.id("project-name")));
        name.sendKeys("Not A Valid Name!");
        page.addEnv("1BAD", "x", false);
        page.deploy();
        // Checked before sending: the variable's name.
        browser.await(ExpectedConditions.attributeToBe(By.id("env-key-0"), "aria-invalid", "true"));
        assertThat(browser.find("#deploy-errors").getText())
                .contains("Variable 1 name: use letters, digits and _, and do not start with a digit");
        assertThat(browser.find("#env-key-0").getAttribute("aria-describedby")).contains("env-key-0-error");

        // Fixed; the server's check of the project name is next.
        browser.find("#env-key-0").clear();
        browser.find("#env-key-0").sendKeys("GOOD_KEY");
        page.deploy();
        browser.await(ExpectedConditions.attributeToBe(By.id("project-name"), "aria-invalid", "true"));
        assertThat(browser.find("#env-key-0").getAttribute("aria-invalid")).isNull();
        String errors = browser.find("#deploy-errors").getText();
        assertThat(errors).startsWith("Project name: ").doesNotContain("^", "$", "settings.", "[a-z");
        assertThat(browser.find("#project-name-error").getText()).isNotBlank();
        assertThat(browser.driver().findElements(By.cssSelector(".deployment"))).isEmpty();
    }

    @Test
    void anArchiveThatIsNotOneIsSaidOnce() throws IOException {
        start("zipless");
        page.fillProjectName("not-a-zip");
        Path fake = Files.createTempFile("broken", ".zip");
        Files.writeString(fake, "this is not a zip archive");
        browser.find("input[name='source'][value='archive']").click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("archive"))).sendKeys(fake.toString());
        page.deploy();
        WebElement errors = browser
                .await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#deploy-errors p")));
        String said = errors.getText();
        assertThat(said).isNotBlank();
        String pageText = browser.find("body").getText();
        assertThat(pageText.indexOf(said)).as("said once").isEqualTo(pageText.lastIndexOf(said));
        assertThat(browser.find("#notice").isDisplayed()).isFalse();
        Files.delete(fake);
    }

    @Test
    void usingUpTheHourElsewhereShowsTheLimitOnceWithoutLoadMore() {
        String user = "greedy";
        DemoPage.connectVercelThroughTheApi(user);
        browser = HeadlessChromium.start(1280, 1000);
        page = new DemoPage(browser);
        page.signIn(user);
        browser.await(ExpectedConditions.attributeToBe(By.id("quota"), "data-remaining", "10"));
        // Another tab (the API here) uses up the hour's deployments; this page does not know yet.
        for (int i = 0; i < 10; i++) {
            ScenarioSample.deploy(user, "greedy-" + i, "static-site");
        }
        browser.find("#history-refresh").click();
        // Exactly ten deployments: one page, and no "Load more" (which would load an empty one).
        browser.await(d -> d.findElements(By.cssSelector("#history tbody tr")).size() == 10);
        assertThat(browser.driver().findElements(By.cssSelector("#history .more"))).isEmpty();
        assertThat(browser.find("#quota").getAttribute("data-remaining")).isEqualTo("10");

        page.fillProjectName("one-too-many");
        page.deploy();
        WebElement errors = browser
                .await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#deploy-errors p")));
        String said = errors.getText();
        assertThat(said).containsOnlyOnce("Try again in")
                .matches("You have reached the limit of 10 deployments per 60 minutes\\. Try again in \\d+ seconds\\.");
        assertThat(browser.find("#deploy-form").getText()).containsOnlyOnce("Try again in");
        browser.await(ExpectedConditions.attributeToBe(By.id("quota"), "data-remaining", "0"));
        assertThat(browser.find("#quota").getText()).startsWith("0 of 10");
    }

    @Test
    void aRetryAfterALostAnswerReusesTheAttemptsIdempotencyKey() {
        start("retrier");
        page.fillProjectName("retried-site");
        // The first answer to POST /api/v1/deployments is lost on the way back (the request did reach the server).
        browser.script("""
                const real = window.fetch;
                window.deployKeys = [];
                window.fetch = (url, init = {}) => {
                  if (String(url).endsWith('/api/v1/deployments') && init.method === 'POST') {
                    window.deployKeys.push(init.headers['Idempotency-Key']);
                    if (window.deployKeys.length === 1) {
                      return real(url, init).then(() => { throw new TypeError('Failed to fetch'); });
                    }
                  }
                  return real(url, init);
                };""");
        page.deploy();
        browser.await(
                ExpectedConditions.textToBePresentInElementLocated(By.id("deploy-errors"), "Deploy again to retry"));
        assertThat(browser.driver().findElements(By.cssSelector(".deployment"))).isEmpty();

        page.deploy();
        String id = page.awaitDeploymentShown();
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) browser.script("return window.deployKeys;");
        assertThat(keys).hasSize(2).doesNotContainNull();
        assertThat(keys.get(1)).as("the retry reuses the attempt's key").isEqualTo(keys.get(0));
        // One deployment, the one the lost answer was about.
        browser.find("#history-refresh").click();
        browser.await(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#history tr[data-deployment-id='" + id + "']")));
        assertThat(browser.driver().findElements(By.cssSelector("#history tbody tr"))).hasSize(1);

        // A new submission (the same form, after that one was answered) is a new attempt with a new key.
        page.deploy();
        browser.await(d -> ((List<?>) browser.script("return window.deployKeys;")).size() == 3);
        @SuppressWarnings("unchecked")
        List<String> after = (List<String>) browser.script("return window.deployKeys;");
        assertThat(after.get(2)).isNotEqualTo(keys.get(0));
    }

    @Test
    void aRailwayWorkspaceIsShownByItsNameNotItsId() {
        browser = HeadlessChromium.start(1280, 1000);
        page = new DemoPage(browser);
        page.signIn("rail-user");
        page.connectWithPastedToken("railway", "rail-user");
        String workspaceId = io.restassured.RestAssured.given().baseUri(BrowserTestApp.baseUrl())
                .contentType(io.restassured.http.ContentType.JSON).body(Map.of("username", "rail-user"))
                .post("/sandbox/railway/_sandbox/tokens").then().statusCode(201).extract().path("workspaceId");
        String line = browser.find(".card[data-platform='railway'] .account-line").getText();
        assertThat(line).matches("as .+ · team .+").doesNotContain(workspaceId);
    }

    @Test
    void noticesCanBeDismissed() {
        start("noticed");
        browser.find(".card[data-platform='vercel'] [data-action='disconnect']").click();
        WebElement notice = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).isNotBlank();
        notice.findElement(By.cssSelector("button.dismiss")).click();
        browser.await(ExpectedConditions.invisibilityOfElementLocated(By.id("notice")));
    }
}
