package dev.deploygateway.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.deployment.SseStreams;
import dev.deploygateway.events.StreamIds;
import dev.deploygateway.identity.TestTokens;
import io.restassured.http.ContentType;
import redis.embedded.RedisServer;

/**
 * Two gateway instances on one Redis, both talking to one "platform" (a third instance serving the Vercel
 * sandbox), as separate processes: an owner frozen past its lease (SIGSTOP) is fenced when it thaws and the log
 * holds every platform line once; a deployment started through A streams through B, and when A dies mid-build
 * B takes the lease over and finishes it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String KEY = "0123456789abcdef".repeat(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LEASE = Duration.ofSeconds(3);

    private static RedisServer redis;
    private static PackagedApp platform;
    private static PackagedApp a;
    private static PackagedApp b;

    @BeforeAll
    static void startEverything() throws IOException {
        int redisPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort).setting("save \"\"")
                .setting("appendonly no").build();
        redis.start();
        // The platform: its builds take ~1 s per step, so a deployment lasts long enough to lose an instance.
        platform = PackagedApp.start(Map.of("QUARKUS_PROFILE", "demo", "SANDBOX_VERCEL_STEP_DELAY", "1s"));
        Map<String, String> gateway = new HashMap<>();
        gateway.put("QUARKUS_PROFILE", "demo");
        gateway.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);
        gateway.put("TOKEN_ENCRYPTION_KEY", KEY);
        gateway.put("JWT_PUBLIC_KEY_LOCATION",
                Path.of("src/test/resources/test-keys/public.pem").toAbsolutePath().toUri().toString());
        gateway.put("GATEWAY_DEPLOYMENT_LEASE_TTL", LEASE.toMillis() + "ms");
        gateway.put("GATEWAY_DEPLOYMENT_LEASE_RENEW_INTERVAL", "1s");
        gateway.put("GATEWAY_DEPLOYMENT_SWEEP_INTERVAL", "500ms");
        PackagedProfilesIT.awaitReady(platform);
        gateway.put("VERCEL_API_URL", platform.baseUrl() + "/sandbox/vercel");
        a = PackagedApp.start(gateway);
        b = PackagedApp.start(gateway);
        PackagedProfilesIT.awaitReady(a);
        PackagedProfilesIT.awaitReady(b);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (PackagedApp app : new PackagedApp[] { a, b, platform }) {
            if (app != null) {
                app.close();
            }
        }
        if (redis != null) {
            redis.stop();
        }
    }

    /** A user connected to the platform through A; returns the platform token. */
    private static String connect(String user) {
        String platformToken = given().baseUri(platform.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("username", user)).post("/sandbox/vercel/_sandbox/tokens")
                .then().statusCode(201).extract().path("token");
        given().baseUri(a.baseUrl()).auth().oauth2(TestTokens.valid(user)).contentType(ContentType.JSON)
                .body(Map.of("token", platformToken)).put("/api/v1/platforms/vercel/connection")
                .then().statusCode(200);
        return platformToken;
    }

    private static String deployThroughA(String user, String project) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("platform", "vercel");
        body.put("projectName", project);
        body.put("files", Map.of("index.html", Map.of("content", "<h1>twins</h1>", "encoding", "utf-8")));
        return given().baseUri(a.baseUrl()).auth().oauth2(TestTokens.valid(user)).contentType(ContentType.JSON)
                .body(body).post("/api/v1/deployments").then().statusCode(202).extract().path("id");
    }

    private static void awaitStatusOnB(String user, String id, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            String view = given().baseUri(b.baseUrl()).auth().oauth2(TestTokens.valid(user))
                    .get("/api/v1/deployments/" + id).then().extract().asString();
            assertThat(view).as("deployment as seen from B (A's console:%n%s)", a.console())
                    .contains("\"status\":\"" + status + "\"");
        });
    }

    @Test
    @Order(1)
    void aFrozenOwnersDeploymentIsTakenOverWithEveryPlatformLineOnce() throws Exception {
        String user = "frozen-" + System.nanoTime();
        String platformToken = connect(user);
        String id = deployThroughA(user, "frozen-site");
        awaitStatusOnB(user, id, "BUILDING");

        a.pause();
        try {
            // B takes over once A's lease lapses; the build goes on meanwhile.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> b.console().contains("taking over deployment " + id));
        } finally {
            a.resume();
        }
        String stream = given().baseUri(b.baseUrl()).auth().oauth2(TestTokens.valid(user))
                .accept("text/event-stream").get("/api/v1/deployments/" + id + "/events")
                .then().statusCode(200).extract().asString();

        var events = SseStreams.parse(stream);
        assertThat(events.get(events.size() - 1).event()).isEqualTo("end");
        assertThat(events).filteredOn(e -> e.event().equals("end")).hasSize(1);
        List<String> ours = new ArrayList<>();
        for (var e : events) {
            if (e.event().equals("log")) {
                ours.add(JSON.readTree(e.data()).path("text").asText());
            }
        }
        String platformId = given().baseUri(b.baseUrl()).auth().oauth2(TestTokens.valid(user))
                .get("/api/v1/deployments/" + id).then().statusCode(200).extract().path("platformDeploymentId");
        List<String> theirs = platformLog(platformToken, platformId);
        assertThat(ours).containsExactlyElementsOf(theirs);
        await().atMost(Duration.ofSeconds(20)).until(() -> a.console().contains("deployment " + id + ":"));
    }

    /** The build lines as the platform itself reports them (Vercel's events API, one JSON object per line). */
    private static List<String> platformLog(String platformToken, String platformDeploymentId) throws Exception {
        String body = given().baseUri(platform.baseUrl()).auth().oauth2(platformToken)
                .queryParam("format", "lines").queryParam("limit", "-1")
                .get("/sandbox/vercel/v3/deployments/" + platformDeploymentId + "/events")
                .then().statusCode(200).extract().asString();
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                var event = JSON.readTree(line);
                // What the gateway's client turns into log lines: every event with text but the state changes.
                var text = event.has("text") ? event.get("text") : event.path("payload").get("text");
                if (!event.path("type").asText().equals("deployment-state") && text != null && !text.isNull()) {
                    lines.add(text.asText());
                }
            }
        }
        return lines;
    }

    @Test
    @Order(2) // kills A
    void aViewerOnBSeesTheDeploymentAStartedFinishAfterADies() throws Exception {
        String user = "twin-" + System.nanoTime();
        String bearer = TestTokens.valid(user);
        connect(user);
        String id = deployThroughA(user, "twin-site");

        // A viewer on B, connected for the whole deployment.
        CompletableFuture<String> viewerOnB = CompletableFuture.supplyAsync(() -> given().baseUri(b.baseUrl())
                .auth().oauth2(bearer).accept("text/event-stream").get("/api/v1/deployments/" + id + "/events")
                .then().statusCode(200).extract().asString());

        awaitStatusOnB(user, id, "BUILDING");
        Instant killed = Instant.now();
        a.kill();

        String stream = viewerOnB.get(120, TimeUnit.SECONDS);
        var events = SseStreams.parse(stream);
        assertThat(events.get(events.size() - 1).event()).isEqualTo("end");
        assertThat(events.get(events.size() - 1).data()).contains("\"status\":\"READY\"");
        assertThat(events).extracting(e -> e.id()).doesNotContainNull()
                .isSortedAccordingTo(StreamIds.ORDER);
        assertThat(events).anySatisfy(e -> assertThat(e.data()).contains("resumed on another gateway instance"));
        List<String> logLines = events.stream().filter(e -> e.event().equals("log")).map(e -> e.data()).toList();
        assertThat(logLines).doesNotHaveDuplicates();

        String finishedAt = given().baseUri(b.baseUrl()).auth().oauth2(bearer).get("/api/v1/deployments/" + id)
                .then().statusCode(200).extract().path("finishedAt");
        // The platform build itself has at most ~12 s left; the takeover may add the lease TTL plus a sweep.
        assertThat(Duration.between(killed, Instant.parse(finishedAt))).isLessThan(Duration.ofSeconds(12)
                .plus(LEASE).plusSeconds(5));
        assertThat(b.console()).contains("taking over deployment " + id);
    }
}
