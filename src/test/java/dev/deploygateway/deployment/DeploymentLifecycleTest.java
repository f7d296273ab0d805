package dev.deploygateway.deployment;

import static dev.deploygateway.deployment.DeploymentFixtures.connectedUser;
import static dev.deploygateway.deployment.DeploymentFixtures.deploy;
import static dev.deploygateway.deployment.DeploymentFixtures.field;
import static dev.deploygateway.deployment.DeploymentFixtures.readStream;
import static dev.deploygateway.deployment.DeploymentFixtures.staticSite;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.deploygateway.deployment.DeploymentFixtures.Sse;
import dev.deploygateway.events.StreamIds;
import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** End to end through HTTP only, against the Vercel sandbox the app serves. */
@QuarkusTest
class DeploymentLifecycleTest {

    @Test
    void aDeploymentGoesLiveWithItsBuildStreamedToTheEnd() {
        String alice = connectedUser("alice");
        Response accepted = deploy(alice, staticSite("live-site", Map.of()));
        accepted.then().statusCode(202)
                .header("Location", matchesPattern("http://localhost:\\d+/api/v1/deployments/dep_[0-9a-f]{32}"))
                .header("X-RateLimit-Limit", "10")
                .header("X-RateLimit-Remaining", "9")
                .body("status", equalTo("PENDING"))
                .body("links.events", notNullValue());
        String id = accepted.path("id");

        List<Sse> events = readStream(alice, id, null);
        assertThat(events).isNotEmpty();
        assertThat(events).extracting(Sse::id).doesNotContainNull().isSortedAccordingTo(StreamIds.ORDER);
        assertThat(events.stream().map(Sse::id).distinct().count()).isEqualTo(events.size());
        assertThat(events).extracting(Sse::event).contains("status", "log", "progress");
        Sse end = events.get(events.size() - 1);
        assertThat(end.event()).isEqualTo("end");
        assertThat(field(end.data(), "status")).isEqualTo("READY");
        String url = field(end.data(), "url");
        assertThat(url).startsWith("http://localhost:");
        assertThat(events).noneMatch(e -> e.data().contains("s3cr3t-value-42"));

        String view = given().auth().oauth2(TestTokens.valid(alice)).get("/api/v1/deployments/" + id)
                .then().statusCode(200)
                .body("status", equalTo("READY"))
                .body("url", equalTo(url))
                .body("finishedAt", notNullValue())
                .body("env.find { it.key == 'API_SECRET' }.value", equalTo("••••••"))
                .body("env.find { it.key == 'PUBLIC_TITLE' }.value", equalTo("hello"))
                .extract().asString();
        assertThat(view).doesNotContain("s3cr3t-value-42");
        given().get(url).then().statusCode(200).body(org.hamcrest.Matchers.containsString("Hello live-site"));
    }

    @Test
    void aFailingBuildEndsFailedWithItsLogKept() {
        String carol = connectedUser("carol");
        String id = deploy(carol, staticSite("broken-site", Map.of(".sandbox/fail-build", "yes")))
                .then().statusCode(202).extract().path("id");
        List<Sse> events = readStream(carol, id, null);
        assertThat(events.get(events.size() - 1).event()).isEqualTo("end");
        assertThat(field(events.get(events.size() - 1).data(), "status")).isEqualTo("FAILED");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo("error");
            assertThat(field(e.data(), "code")).isEqualTo("BUILD_FAILED");
        });
        assertThat(events).filteredOn(e -> e.event().equals("log")).isNotEmpty();
        given().auth().oauth2(TestTokens.valid(carol)).get("/api/v1/deployments/" + id).then()
                .body("status", equalTo("FAILED")).body("error.code", equalTo("BUILD_FAILED"))
                .body("error.step", equalTo("build"));
        // The log is kept after the end: a later reader gets the same events.
        assertThat(readStream(carol, id, null)).isEqualTo(events);
    }

    @Test
    void cancelEndsCanceled() {
        String dave = connectedUser("dave");
        String id = deploy(dave, staticSite("slow-site", Map.of(".sandbox/slow-build", "yes")))
                .then().statusCode(202).extract().path("id");
        given().auth().oauth2(TestTokens.valid(dave)).post("/api/v1/deployments/" + id + "/cancel")
                .then().statusCode(202);
        List<Sse> events = readStream(dave, id, null);
        assertThat(field(events.get(events.size() - 1).data(), "status")).isEqualTo("CANCELED");
        given().auth().oauth2(TestTokens.valid(dave)).post("/api/v1/deployments/" + id + "/cancel")
                .then().statusCode(409).body("code", equalTo("CONFLICT"));
    }

    @Test
    void reconnectingWithLastEventIdGetsEveryLaterEventExactlyOnce() {
        String erin = connectedUser("erin");
        String id = deploy(erin, staticSite("resume-site", Map.of())).then().statusCode(202).extract().path("id");
        List<Sse> all = readStream(erin, id, null);
        assertThat(all.size()).isGreaterThan(4);
        for (int k : new int[] { 1, 3, all.size() - 2 }) {
            assertThat(readStream(erin, id, all.get(k - 1).id())).isEqualTo(all.subList(k, all.size()));
        }
        String after = all.get(2).id();
        String viaQuery = given().auth().oauth2(TestTokens.valid(erin)).accept("text/event-stream")
                .queryParam("after", after).get("/api/v1/deployments/" + id + "/events").asString();
        assertThat(DeploymentFixtures.parse(viaQuery)).isEqualTo(all.subList(3, all.size()));
    }

    @Test
    void twoLiveSubscribersSeeIdenticalSequences() {
        String frank = connectedUser("frank");
        String id = deploy(frank, staticSite("twin-site", Map.of(".sandbox/slow-build", "yes")))
                .then().statusCode(202).extract().path("id");
        var first = CompletableFuture.supplyAsync(() -> readStream(frank, id, null));
        var second = CompletableFuture.supplyAsync(() -> readStream(frank, id, null));
        List<Sse> a = first.join();
        assertThat(a.get(a.size() - 1).event()).isEqualTo("end");
        assertThat(second.join()).isEqualTo(a);
    }

    @Test
    void redeployStartsANewRateLimitedDeploymentOfTheSameSource() {
        String grace = connectedUser("grace");
        String id = deploy(grace, staticSite("again-site", Map.of())).then().statusCode(202).extract().path("id");
        readStream(grace, id, null);
        Response again = given().auth().oauth2(TestTokens.valid(grace)).post("/api/v1/deployments/" + id
                + "/redeploy");
        again.then().statusCode(202).header("X-RateLimit-Remaining", "8").body("redeployOf", equalTo(id));
        String newId = again.path("id");
        assertThat(newId).isNotEqualTo(id);
        List<Sse> events = readStream(grace, newId, null);
        assertThat(field(events.get(events.size() - 1).data(), "status")).isEqualTo("READY");
        given().auth().oauth2(TestTokens.valid(grace)).get("/api/v1/deployments/" + newId).then()
                .body("env.find { it.key == 'API_SECRET' }.value", equalTo("••••••"));
    }

    @Test
    void anIdempotencyKeyReplaysItsDeploymentForTheSameBodyOnly() {
        String heidi = connectedUser("heidi");
        var body = staticSite("idem-site", Map.of());
        String first = given().auth().oauth2(TestTokens.valid(heidi)).header("Idempotency-Key", "k-1")
                .contentType("application/json").body(body).post("/api/v1/deployments")
                .then().statusCode(202).extract().path("id");
        given().auth().oauth2(TestTokens.valid(heidi)).header("Idempotency-Key", "k-1")
                .contentType("application/json").body(body).post("/api/v1/deployments")
                .then().statusCode(202).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(TestTokens.valid(heidi)).header("Idempotency-Key", "k-1")
                .contentType("application/json").body(staticSite("other-site", Map.of()))
                .post("/api/v1/deployments").then().statusCode(409).body("code", equalTo("CONFLICT"));
        given().auth().oauth2(TestTokens.valid(heidi)).get("/api/v1/rate-limit").then()
                .body("remaining", equalTo(9));
    }

    @Test
    void historyIsNewestFirstFilterableByStatusWithCursorPaging() {
        String ivan = connectedUser("ivan");
        String one = deploy(ivan, staticSite("hist-one", Map.of())).path("id");
        readStream(ivan, one, null);
        String two = deploy(ivan, staticSite("hist-two", Map.of(".sandbox/fail-build", "1"))).path("id");
        readStream(ivan, two, null);
        given().auth().oauth2(TestTokens.valid(ivan)).get("/api/v1/deployments").then().statusCode(200)
                .body("items.id", equalTo(List.of(two, one)));
        given().auth().oauth2(TestTokens.valid(ivan)).queryParam("status", "READY").get("/api/v1/deployments")
                .then().body("items.id", equalTo(List.of(one)));
        String cursor = given().auth().oauth2(TestTokens.valid(ivan)).queryParam("limit", 1)
                .get("/api/v1/deployments").then().body("items.id", equalTo(List.of(two)))
                .extract().path("nextCursor");
        given().auth().oauth2(TestTokens.valid(ivan)).queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/api/v1/deployments").then().body("items.id", equalTo(List.of(one)));
    }

    @Test
    void longPollReturnsEventsAsJson() {
        String judy = connectedUser("judy");
        String id = deploy(judy, staticSite("poll-site", Map.of())).path("id");
        List<Sse> all = readStream(judy, id, null);
        given().auth().oauth2(TestTokens.valid(judy)).accept("application/json")
                .queryParam("after", all.get(0).id())
                .get("/api/v1/deployments/" + id + "/events").then().statusCode(200)
                .body("events[0].id", equalTo(all.get(1).id()))
                .body("ended", equalTo(true))
                .body("next", equalTo(all.get(all.size() - 1).id()));
    }
}
