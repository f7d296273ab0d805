package dev.deploygateway.deployment;

import static dev.deploygateway.deployment.DeploymentFixtures.connectedUser;
import static dev.deploygateway.deployment.DeploymentFixtures.deploy;
import static dev.deploygateway.deployment.DeploymentFixtures.readStream;
import static dev.deploygateway.deployment.DeploymentFixtures.staticSite;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.deploygateway.deployment.DeploymentFixtures.Sse;
import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The SSE form of the events route as a browser meets it: headers, fields, negotiation, resume at the end. */
@QuarkusTest
class DeploymentEventStreamTest {

    /** Long enough for any answer here, far shorter than a heartbeat: a stream left open fails the test. */
    private static final RestAssuredConfig PROMPT = RestAssured.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 8000).setParam("http.connection.timeout", 8000));

    private static RequestSpecification as(String user) {
        return given().config(PROMPT).auth().oauth2(TestTokens.valid(user));
    }

    private static String finishedDeployment(String user, String name) {
        String id = deploy(user, staticSite(name, Map.of())).then().statusCode(202).extract().path("id");
        readStream(user, id, null);
        return id;
    }

    @Test
    void theStreamHasSseHeadersARetryFieldWithAnIdOnEveryEvent() {
        String kim = connectedUser("kim");
        String id = finishedDeployment(kim, "headers-site");
        Response response = as(kim).accept("text/event-stream").get("/api/v1/deployments/" + id + "/events");
        response.then().statusCode(200)
                .header("Content-Type", startsWith("text/event-stream"))
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no");
        String body = response.asString();
        assertThat(body).startsWith("retry:2000\n\n");
        List<Sse> events = DeploymentFixtures.parse(body);
        assertThat(events).extracting(Sse::id).doesNotContainNull();
        assertThat(events.get(events.size() - 1).event()).isEqualTo("end");
    }

    @Test
    void resumingFromTheEndGetsOnlyTheEndEventAgain() {
        String lee = connectedUser("lee");
        String id = finishedDeployment(lee, "resume-end-site");
        List<Sse> all = readStream(lee, id, null);
        Sse end = all.get(all.size() - 1);

        String body = as(lee).accept("text/event-stream").header("Last-Event-ID", end.id())
                .get("/api/v1/deployments/" + id + "/events").then().statusCode(200).extract().asString();

        assertThat(DeploymentFixtures.parse(body)).containsExactly(end);
    }

    @Test
    void aLongPollAfterTheEndSaysTheLogHasEnded() {
        String max = connectedUser("max");
        String id = finishedDeployment(max, "poll-end-site");
        List<Sse> all = readStream(max, id, null);
        String endId = all.get(all.size() - 1).id();

        as(max).accept("application/json").queryParam("after", endId).queryParam("wait", 5)
                .get("/api/v1/deployments/" + id + "/events").then().statusCode(200)
                .body("events", empty())
                .body("ended", equalTo(true))
                .body("next", equalTo(endId));
    }

    @Test
    void theEventStreamIsServedUnlessTheAcceptPrefersJson() {
        String ned = connectedUser("ned");
        String id = finishedDeployment(ned, "accept-site");
        String path = "/api/v1/deployments/" + id + "/events";
        for (String accept : List.of("*/*", "text/*", "text/event-stream", "application/json;q=0.5, text/event-stream",
                "text/html, */*;q=0.8")) {
            as(ned).header("Accept", accept).get(path).then().statusCode(200)
                    .header("Content-Type", startsWith("text/event-stream"));
        }
        for (String accept : List.of("application/json", "text/event-stream;q=0.5, application/json")) {
            as(ned).header("Accept", accept).get(path).then().statusCode(200)
                    .header("Content-Type", startsWith("application/json")).body("ended", equalTo(true));
        }
        as(ned).header("Accept", "application/xml").get(path).then().statusCode(406)
                .header("Content-Type", startsWith("application/problem+json")).body("code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void aStreamWithoutCredentialsIsA401Problem() {
        given().config(PROMPT).accept("text/event-stream")
                .get("/api/v1/deployments/dep_00000000000000000000000000000000/events").then().statusCode(401)
                .header("Content-Type", startsWith("application/problem+json"))
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("UNAUTHENTICATED"));
        given().config(PROMPT).accept("text/event-stream").auth().oauth2(TestTokens.expired("olga"))
                .get("/api/v1/deployments/dep_00000000000000000000000000000000/events").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aStreamIsOnlyOpenedForTheExactTokenThatWasVerified() {
        String rae = connectedUser("rae");
        String id = finishedDeployment(rae, "token-site");
        String token = TestTokens.valid(rae);
        given().config(PROMPT).accept("text/event-stream").auth().oauth2(token)
                .get("/api/v1/deployments/" + id + "/events").then().statusCode(200);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        given().config(PROMPT).accept("text/event-stream").auth().oauth2(tampered)
                .get("/api/v1/deployments/" + id + "/events").then().statusCode(401);
        given().config(PROMPT).accept("text/event-stream").cookie("dg_session", token)
                .get("/api/v1/deployments/" + id + "/events").then().statusCode(200);
    }

    @Test
    void aLastEventIdThatIsNotAnEventIdIsA400Problem() {
        String pia = connectedUser("pia");
        String id = finishedDeployment(pia, "bad-cursor-site");
        as(pia).accept("text/event-stream").header("Last-Event-ID", "yesterday")
                .get("/api/v1/deployments/" + id + "/events").then().statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void theFanOutReportsItsMetrics() {
        String quinn = connectedUser("quinn");
        finishedDeployment(quinn, "metrics-site");
        String metrics = given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_sse_viewers "))
                .body(containsString("gateway_sse_feeds "))
                .body(containsString("gateway_sse_events_delivered_total "))
                .body(containsString("gateway_sse_slow_viewer_cutoffs_total "))
                .body(containsString("gateway_sse_delivery_lag_seconds_bucket{")).extract().asString();
        Matcher delivered = Pattern.compile("gateway_sse_events_delivered_total ([0-9.]+)").matcher(metrics);
        assertThat(delivered.find()).isTrue();
        assertThat(Double.parseDouble(delivered.group(1))).isPositive();
    }
}
