package dev.deploygateway.deployment;

import static dev.deploygateway.deployment.DeploymentFixtures.connectedUser;
import static dev.deploygateway.deployment.DeploymentFixtures.deploy;
import static dev.deploygateway.deployment.DeploymentFixtures.field;
import static dev.deploygateway.deployment.DeploymentFixtures.readStream;
import static dev.deploygateway.deployment.DeploymentFixtures.staticSite;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.deploygateway.deployment.DeploymentFixtures.Sse;
import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * {@code POST /api/v1/deployments/{id}/rollback} and {@code …/promote} against the Vercel and Railway sandboxes:
 * what production serves afterwards (the production domain's page), and every refusal with its status.
 */
@QuarkusTest
class RollbackPromoteTest {

    @Test
    void promotingAPreviewPointsTheProductionDomainAtIt() {
        String ada = connectedUser("ada");
        String preview = finished(ada, site("promo-site", "preview", "first"));

        String live = action(ada, preview, "promote").statusCode(200)
                .body("deployment.id", equalTo(preview)).body("deployment.status", equalTo("READY"))
                .body("live.deploymentId", equalTo(preview)).extract().path("live.url");
        assertThat(live).contains("/vercel/promo-site.vercel.app/");
        given().get(live).then().statusCode(200).body(containsString("first"));

        action(ada, preview, "promote").statusCode(409).body("code", equalTo("CONFLICT"))
                .body("detail", containsString("already the live one"));
        action(ada, preview, "rollback").statusCode(409).body("detail", containsString("promote it"));
    }

    @Test
    void rollingBackMakesAnEarlierProductionDeploymentLiveAgain() {
        String bob = connectedUser("bob");
        String first = finished(bob, site("roll-site", "production", "version one"));
        String second = finished(bob, site("roll-site", "production", "version two"));
        action(bob, second, "promote").statusCode(409).body("detail", containsString("already a production"));

        String live = action(bob, first, "rollback").statusCode(200).body("live.deploymentId", equalTo(first))
                .extract().path("live.url");
        given().get(live).then().statusCode(200).body(containsString("version one"));
        action(bob, first, "rollback").statusCode(409).body("detail", containsString("already the live one"));
        action(bob, second, "rollback").statusCode(200);
        given().get(live).then().statusCode(200).body(containsString("version two"));
    }

    @Test
    void onlyTheOwnersReadyDeploymentsCanBeMadeLive() {
        String cat = connectedUser("cat");
        String failed = finished(cat, site("broken-roll", "production", "x", ".sandbox/fail-build"));
        action(cat, failed, "rollback").statusCode(409).body("detail", containsString("this one is FAILED"));

        String mine = finished(cat, site("mine-roll", "preview", "mine"));
        String eve = connectedUser("eve");
        action(eve, mine, "promote").statusCode(404).body("code", equalTo("NOT_FOUND"));
        action(eve, "dep_00000000000000000000000000000000", "rollback").statusCode(404);
    }

    @Test
    void railwayRollsBackButHasNoPromote() {
        String dan = RailwayDeploymentTest.railwayUser("dan");
        String first = finished(dan, railway(site("rail-roll", "preview", "railway one")));
        String second = finished(dan, railway(site("rail-roll", "preview", "railway two")));

        action(dan, first, "promote").statusCode(422).body("code", equalTo("UNSUPPORTED_BY_PLATFORM"));
        // Railway itself refuses to roll back to the deployment that is running: a 409 in its words.
        action(dan, second, "rollback").statusCode(409).body("code", equalTo("CONFLICT"))
                .body("detail", containsString("cannot be rolled back"));
        String live = action(dan, first, "rollback").statusCode(200).body("live.deploymentId", equalTo(first))
                .extract().path("live.url");
        assertThat(live).isEqualTo(field(lastEvent(dan, first).data(), "url"));
        // Railway rolls back by starting the earlier image again: the domain serves it once that is up.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(live).then()
                .statusCode(200).body(containsString("railway one")));
    }

    private static Map<String, Object> site(String name, String target, String text, String... markers) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("index.html", "<!doctype html><title>" + name + "</title><h1>" + text + "</h1>");
        for (String marker : markers) {
            extra.put(marker, "on");
        }
        Map<String, Object> body = new LinkedHashMap<>(staticSite(name, extra));
        body.put("target", target);
        return body;
    }

    private static Map<String, Object> railway(Map<String, Object> body) {
        body.put("platform", "railway");
        return body;
    }

    /** Starts a deployment and reads its stream to the end; returns its id. */
    private static String finished(String user, Map<String, Object> body) {
        String id = deploy(user, body).then().statusCode(202).extract().path("id");
        assertThat(lastEvent(user, id).event()).isEqualTo("end");
        return id;
    }

    private static Sse lastEvent(String user, String id) {
        List<Sse> events = readStream(user, id, null);
        return events.get(events.size() - 1);
    }

    private static ValidatableResponse action(String user, String id, String action) {
        return given().auth().oauth2(TestTokens.valid(user)).post("/api/v1/deployments/" + id + "/" + action)
                .then();
    }
}
