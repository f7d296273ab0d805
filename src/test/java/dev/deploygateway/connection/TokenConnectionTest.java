package dev.deploygateway.connection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.deploygateway.platform.vercel.VercelRecordingProxy;
import dev.deploygateway.store.RedisServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Pasted tokens, disconnect, name checks, other users' data (404), Redis down (503) and log hygiene. */
@QuarkusTest
@WithTestResource(VercelRecordingProxy.class)
@WithTestResource(RedisServerResource.class)
class TokenConnectionTest extends ConnectionTestSupport {

    @RegisterExtension
    final dev.deploygateway.ops.ServiceLogCapture logs = new dev.deploygateway.ops.ServiceLogCapture();

    private static io.restassured.response.ValidatableResponse put(String userId, Object body) {
        return as(userId).contentType(ContentType.JSON).body(body).put("/api/v1/platforms/vercel/connection").then();
    }

    @Test
    void everyRefusedTokenLeavesNoConnectionBehind() {
        String alice = user("alice");
        put(alice, Map.of("token", "vsb_not-a-real-token")).statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("PLATFORM_TOKEN_REJECTED"));
        put(alice, Map.of("token", " ")).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        // A good token but a team it cannot act in.
        put(alice, Map.of("token", mint("team-less"), "teamId", "team_someoneelse")).statusCode(400);
        assertThat(rawRecord(alice)).isEmpty();
        as(alice).get("/api/v1/platforms/vercel/connection").then().statusCode(404);
    }

    @Test
    void aGoodTokenConnectsWithTheAccountsUsername() {
        String alice = user("alice");
        String token = mint("paste-alice");
        String body = put(alice, Map.of("token", token)).statusCode(200).body("state", equalTo("CONNECTED"))
                .body("method", equalTo("token")).body("account.username", equalTo("paste-alice"))
                .body("teams.id", not(empty())).extract().asString();
        assertThat(body).doesNotContain(token).doesNotContain("v2:");
        String raw = rawRecord(alice).orElseThrow();
        assertThat(raw).contains("\"access\":\"v2:").doesNotContain(token);
        assertThat(record(alice).accessExpiresAt()).isNull();
    }

    @Test
    void anotherUsersConnectionIsNotFoundOnEveryRoute() {
        String alice = user("alice");
        String bob = user("bob");
        String token = mint("bola-alice");
        put(alice, Map.of("token", token)).statusCode(200);

        as(bob).get("/api/v1/platforms").then().statusCode(200)
                .body("[0].connection.state", equalTo("NOT_CONNECTED"));
        as(bob).get("/api/v1/platforms/vercel/connection").then().statusCode(404)
                .contentType("application/problem+json");
        as(bob).delete("/api/v1/platforms/vercel/connection").then().statusCode(404);
        as(bob).get("/api/v1/platforms/vercel/names/anything").then().statusCode(409)
                .body("code", equalTo("PLATFORM_NOT_CONNECTED"));
        as(alice).get("/api/v1/platforms/vercel/connection").then().statusCode(200)
                .body("account.username", equalTo("bola-alice"));
        assertSandboxAccepts(token, "bola-alice");
    }

    @Test
    void aDisconnectLeavesNoUsableTokenAnywhere() {
        String alice = user("alice");
        String token = mint("revoke-alice");
        put(alice, Map.of("token", token)).statusCode(200);
        as(alice).delete("/api/v1/platforms/vercel/connection").then().statusCode(204);
        assertSandboxRefuses(token);
        assertThat(rawRecord(alice)).isEmpty();
        as(alice).delete("/api/v1/platforms/vercel/connection").then().statusCode(404);
        as(alice).get("/api/v1/platforms").then().body("[0].connection.state", equalTo("NOT_CONNECTED"));
    }

    @Test
    void theNameCheckMarksTheCallersOwnProjectDeployableWithSuggestions() {
        String alice = user("alice");
        String token = mint("names-alice");
        put(alice, Map.of("token", token)).statusCode(200);
        String name = "site-" + Long.toString(System.nanoTime(), 36);
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("name", name)).post("/sandbox/vercel/v11/projects").then().statusCode(200);

        as(alice).get("/api/v1/platforms/vercel/names/" + name).then().statusCode(200)
                .body("available", equalTo(true)).body("existing", equalTo(true))
                .body("reason", equalTo("is a project you already have: deploying adds to it"))
                .body("suggestions", not(empty())).body("suggestions", everyItem(startsWith(name + "-")));
        as(alice).get("/api/v1/platforms/vercel/names/" + name + "-free").then().statusCode(200)
                .body("available", equalTo(true)).body("existing", equalTo(false)).body("suggestions", empty());
        as(alice).get("/api/v1/platforms/vercel/names/Not Valid").then().statusCode(200)
                .body("available", equalTo(false)).body("existing", equalTo(false))
                .body("reason", startsWith("Project names can be up to 100 characters"));
    }

    @Test
    void tokensNeverAppearInLogsOrResponses() {
        String alice = user("alice");
        String pasted = mint("logs-alice");
        List<String> responses = new ArrayList<>();
        responses.add(put(alice, Map.of("token", pasted)).statusCode(200).extract().asString());
        responses.add(put(alice, Map.of("token", "vsb_wrong-" + pasted)).statusCode(422).extract().asString());
        as(alice).delete("/api/v1/platforms/vercel/connection").then().statusCode(204);

        String callback = authorize(startConnect(alice, "/x"));
        responses.add(as(alice).urlEncodingEnabled(false).get(callback).then().statusCode(302).extract().asString());
        var record = record(alice);
        expireAccessToken(alice);
        responses.add(as(alice).get("/api/v1/platforms/vercel/names/some-name").then().statusCode(200)
                .extract().asString());
        var refreshed = record(alice);
        responses.add(as(alice).get("/api/v1/platforms").then().statusCode(200).extract().asString());

        List<String> secrets = List.of(pasted, param(callback, "code"), param(callback, "state"),
                plaintext(alice, ConnectionTokens.ACCESS, record.access()),
                plaintext(alice, ConnectionTokens.REFRESH, record.refresh()),
                plaintext(alice, ConnectionTokens.ACCESS, refreshed.access()),
                plaintext(alice, ConnectionTokens.REFRESH, refreshed.refresh()), record.access(), record.refresh(),
                refreshed.access(), refreshed.refresh());
        assertThat(logs.lines()).as("something was logged").isNotEmpty();
        for (String secret : secrets) {
            assertThat(logs.lines()).noneMatch(line -> line.contains(secret));
            assertThat(responses).noneMatch(body -> body.contains(secret));
        }
    }

    @Test
    void connectionsAnswer503WhileRedisIsDown() {
        String alice = user("alice");
        String token = mint("outage-alice");
        var redis = RedisServerResource.forQuarkus();
        redis.stopServer();
        try {
            as(alice).get("/api/v1/platforms").then().statusCode(503).body("code", equalTo("STORE_UNAVAILABLE"));
            // Verified upstream, but the write cannot happen: 503, never a silent success.
            as(alice).contentType(ContentType.JSON).body(Map.of("token", token))
                    .put("/api/v1/platforms/vercel/connection").then().statusCode(503);
        } finally {
            redis.restartServer();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(alice).get("/api/v1/platforms").then()
                .statusCode(200));
    }
}
