package dev.deploygateway.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Render from the demo page, as a newcomer does it: GitHub connected by OAuth through its sandbox (the source host
 * Render builds from), Render by an API key (the sandbox's, through the card's demo button), the static site deployed
 * to Render with its build log live on the page, READY with an address.
 */
@QuarkusTest
@WithTestResource(BrowserTestApp.class)
@ExtendWith(ChromiumPresent.class)
class RenderFromThePageTest {

    private HeadlessChromium browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("RenderFromThePageTest");
            browser.close();
        }
    }

    @Test
    void theStaticSiteDeploysToRenderWithItsLiveLogOnceGitHubIsConnected() {
        browser = HeadlessChromium.start(1280, 1000);
        DemoPage page = new DemoPage(browser);
        page.signIn("renata");
        // Render builds only from git: until GitHub is connected the page says so on Render's card.
        WebElement render = browser.await(ExpectedConditions.visibilityOfElementLocated(DemoPage.card("render")));
        assertThat(render.getText()).contains("Builds from a GitHub repository");
        page.connectWithOAuth("github");
        browser.await(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(DemoPage.card("render"),
                "Builds from a GitHub repository")));

        browser.find(".card[data-platform='render'] [data-action='sandbox-key']").click();
        page.awaitConnected("render");
        // Connected with a key: the card keeps no key form (and so no key) once Render accepted it.
        assertThat(browser.driver().findElements(By.id("token-render"))).isEmpty();

        new Select(browser.await(ExpectedConditions.elementToBeClickable(By.id("deploy-platform"))))
                .selectByValue("render");
        page.fillProjectName("renata-site");
        new Select(browser.find("#sample")).selectByValue("static-site");
        page.deploy();

        String id = page.awaitDeploymentShown();
        browser.await(DemoPage.BUILD_TIMEOUT, d -> !page.renderedTexts("log").isEmpty());
        page.awaitStatus("READY");
        assertThat(browser.find("#result-url").getText()).startsWith("http");
        page.assertRenderedLogMatchesServer("renata", id);
    }
}
