package dev.deploygateway.connection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import dev.deploygateway.identity.TestTokens;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.store.SharedStore;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Shared helpers: every connection test runs on one Quarkus app (Redis + the recording proxy's fixed port). */
abstract class ConnectionTestSupport {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    SharedStore store;

    @Inject
    ConnectionTokens tokens;

    static String user(String name) {
        return name + "-" + Long.toString(System.nanoTime(), 36);
    }

    static RequestSpecification as(String userId) {
        return given().auth().oauth2(TestTokens.valid(userId)).redirects().follow(false);
    }

    /** A personal Vercel sandbox token for a (sandbox) username. */
    static String mint(String username) {
        return mint(PlatformId.VERCEL, username);
    }

    /** A personal token of a platform's sandbox for a (sandbox) username. */
    static String mint(PlatformId platform, String username) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username))
                .post("/sandbox/" + platform.key() + "/_sandbox/tokens").then().statusCode(201).extract()
                .path("token");
    }

    static long sandboxStat(String name) {
        return sandboxStat(PlatformId.VERCEL, name);
    }

    static long sandboxStat(PlatformId platform, String name) {
        return ((Number) given().get("/sandbox/" + platform.key() + "/_sandbox/stats").then().statusCode(200)
                .extract().path(name)).longValue();
    }

    /** GET /connect for the caller; answers the sandbox authorize URL. */
    static String startConnect(String userId, String returnTo) {
        var request = as(userId);
        if (returnTo != null) {
            request = request.queryParam("returnTo", returnTo);
        }
        return request.get("/api/v1/platforms/vercel/connect").then().statusCode(302)
                .header("Cache-Control", "no-store").extract().header("Location");
    }

    /** Follows the authorize URL to the sandbox, which auto-approves; answers our callback URL with code + state. */
    static String authorize(String authorizeUrl) {
        return given().urlEncodingEnabled(false).redirects().follow(false).get(authorizeUrl).then().statusCode(302)
                .extract().header("Location");
    }

    static String param(String url, String name) {
        return url.replaceAll(".*[?&]" + name + "=([^&#]+).*", "$1");
    }

    /** The complete OAuth handshake through HTTP; answers where the browser is finally sent. */
    static String connectWithOAuth(String userId) {
        String callback = authorize(startConnect(userId, "/app/settings"));
        return as(userId).urlEncodingEnabled(false).get(callback).then().statusCode(302).extract()
                .header("Location");
    }

    Optional<String> rawRecord(String userId) {
        return rawRecord(userId, PlatformId.VERCEL);
    }

    Optional<String> rawRecord(String userId, PlatformId platform) {
        return store.get(ConnectionStore.key(userId, platform)).await().atMost(WAIT);
    }

    ConnectionRecord record(String userId) {
        return record(userId, PlatformId.VERCEL);
    }

    ConnectionRecord record(String userId, PlatformId platform) {
        return ConnectionStore.parse(rawRecord(userId, platform).orElseThrow());
    }

    String plaintext(String userId, String field, String ciphertext) {
        return tokens.open(userId, PlatformId.VERCEL, field, ciphertext).plaintext();
    }

    /** Rewrites the stored record so its access token looks expired (what time would do after an hour). */
    void expireAccessToken(String userId) {
        expireAccessToken(userId, PlatformId.VERCEL);
    }

    /** As above, for the user's connection to {@code platform}. */
    void expireAccessToken(String userId, PlatformId platform) {
        var r = record(userId, platform);
        store.set(ConnectionStore.key(userId, platform),
                ConnectionStore.write(r.withTokens(r.access(), r.refresh(), System.currentTimeMillis() - 1000)),
                Optional.empty()).await().atMost(WAIT);
    }

    static void assertSandboxAccepts(String token, String username) {
        assertThat((String) given().header("Authorization", "Bearer " + token).get("/sandbox/vercel/v2/user")
                .then().statusCode(200).extract().path("user.username")).isEqualTo(username);
    }

    static void assertSandboxRefuses(String token) {
        given().header("Authorization", "Bearer " + token).get("/sandbox/vercel/v2/user").then().statusCode(403);
    }
}
