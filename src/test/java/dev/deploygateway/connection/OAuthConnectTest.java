package dev.deploygateway.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.deploygateway.crypto.TokenCipher;
import dev.deploygateway.crypto.TokenContext;
import dev.deploygateway.platform.vercel.VercelRecordingProxy;
import dev.deploygateway.store.RedisServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The OAuth handshake over HTTP against the app and the Vercel sandbox, and every way it must refuse. */
@QuarkusTest
@WithTestResource(VercelRecordingProxy.class)
@WithTestResource(RedisServerResource.class)
class OAuthConnectTest extends ConnectionTestSupport {

    @Inject
    TokenCipher cipher;

    @Test
    void connectsEndToEndKeepingTokensOnlyAsCiphertext() {
        String alice = user("alice");
        String authorizeUrl = startConnect(alice, "/app/settings");
        assertThat(authorizeUrl).contains("/sandbox/vercel/oauth/authorize?", "code_challenge_method=S256",
                "response_type=code", "redirect_uri=http%3A%2F%2Flocalhost%3A");
        assertThat(param(authorizeUrl, "state")).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
        String callback = authorize(authorizeUrl);
        assertThat(callback).contains("/api/v1/platforms/vercel/callback?code=");

        String done = as(alice).urlEncodingEnabled(false).get(callback).then().statusCode(302)
                .extract().header("Location");
        assertThat(done).endsWith("/app/settings?connected=vercel");

        as(alice).get("/api/v1/platforms/vercel/connection").then().statusCode(200)
                .body("state", equalTo("CONNECTED")).body("method", equalTo("oauth"))
                .body("account.username", equalTo("demo"));
        String raw = rawRecord(alice).orElseThrow();
        var record = ConnectionStore.parse(raw);
        assertThat(record.access()).startsWith("v2:");
        assertThat(record.refresh()).startsWith("v2:");
        assertThat(record.accessExpiresAt()).isGreaterThan(System.currentTimeMillis());
        String access = plaintext(alice, ConnectionTokens.ACCESS, record.access());
        String refresh = plaintext(alice, ConnectionTokens.REFRESH, record.refresh());
        assertThat(raw).doesNotContain(access).doesNotContain(refresh);
        assertSandboxAccepts(access, "demo");
        // Responses never carry tokens or ciphertext.
        String listing = as(alice).get("/api/v1/platforms").then().statusCode(200)
                .body("[0].id", equalTo("vercel")).body("[0].connection.state", equalTo("CONNECTED"))
                .body("[0].capabilities.oauth", equalTo(true)).extract().asString();
        assertThat(listing).doesNotContain(access).doesNotContain(refresh).doesNotContain("v2:");
    }

    @Test
    void thePlatformListingNamesEveryCapabilityOfEachPlatform() {
        var listing = as(user("ivy")).get("/api/v1/platforms").then().statusCode(200).extract().jsonPath();
        assertThat(listing.getList("id")).containsExactly("vercel", "railway", "render", "github");
        var common = Map.of("oauth", true, "tokenConnect", true, "gitSource", false, "database", true,
                "cancel", true, "redeploy", true, "rollback", true, "gitPush", false);
        var vercel = new HashMap<String, Boolean>(common);
        vercel.putAll(Map.of("fileUpload", true, "tarballUpload", false, "promote", true));
        var railway = new HashMap<String, Boolean>(common);
        railway.putAll(Map.of("fileUpload", false, "tarballUpload", true, "promote", false));
        assertThat(listing.getMap("[0].capabilities", String.class, Boolean.class)).isEqualTo(vercel);
        assertThat(listing.getMap("[1].capabilities", String.class, Boolean.class)).isEqualTo(railway);
        assertThat(listing.getString("[1].connection.state")).isEqualTo("NOT_CONNECTED");
        var render = new HashMap<String, Boolean>(common);
        render.putAll(Map.of("oauth", false, "gitSource", true, "fileUpload", false, "tarballUpload", false,
                "promote", false));
        assertThat(listing.getMap("[2].capabilities", String.class, Boolean.class)).isEqualTo(render);
        assertThat(listing.getList("[2].sourceHosts")).containsExactly("github");
        assertThat(listing.getString("[2].kind")).isEqualTo("platform");
        var github = new HashMap<String, Boolean>();
        Map.of("oauth", true, "tokenConnect", true, "gitPush", true).forEach(github::put);
        for (String cap : List.of("fileUpload", "tarballUpload", "gitSource", "database", "cancel", "redeploy",
                "rollback", "promote")) {
            github.put(cap, false);
        }
        assertThat(listing.getMap("[3].capabilities", String.class, Boolean.class)).isEqualTo(github);
        assertThat(listing.getString("[3].kind")).isEqualTo("sourceHost");
    }

    @Test
    void onlyAnIssuedUnusedStateIsAccepted() {
        String alice = user("alice");
        String callback = authorize(startConnect(alice, null));
        as(alice).urlEncodingEnabled(false).get(callback).then().statusCode(302);
        // Replay of the same callback.
        as(alice).urlEncodingEnabled(false).get(callback).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("OAUTH_STATE_INVALID"));
        // A state that was never issued (mismatch).
        String forged = callback.replaceAll("state=[^&]+", "state=" + Randomness.token());
        as(alice).urlEncodingEnabled(false).get(forged).then().statusCode(400)
                .body("code", equalTo("OAUTH_STATE_INVALID"));
        as(alice).get("/api/v1/platforms/vercel/callback?code=x").then().statusCode(400)
                .body("code", equalTo("OAUTH_STATE_INVALID"));
    }

    @Test
    void anotherCallerCannotCompleteMyAuthorization() {
        String alice = user("alice");
        String mallory = user("mallory");
        String callback = authorize(startConnect(alice, "/mine"));
        as(mallory).urlEncodingEnabled(false).get(callback).then().statusCode(400)
                .body("code", equalTo("OAUTH_STATE_INVALID"));
        as(mallory).get("/api/v1/platforms/vercel/connection").then().statusCode(404);
        // Mallory's attempt neither connected her nor burnt Alice's state.
        as(alice).urlEncodingEnabled(false).get(callback).then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/mine?connected=vercel"));
    }

    @Test
    void aStateExpiresAfterItsTtl() {
        String alice = user("alice");
        String callback = authorize(startConnect(alice, null));
        String key = AuthorizationStates.key(alice, param(callback, "state"));
        long ttl = store.ttlMillis(key).await().atMost(WAIT);
        assertThat(ttl).isBetween(Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(10).toMillis());
        // Let the store expire it now instead of waiting ten minutes.
        store.expire(key, Duration.ofMillis(1)).await().atMost(WAIT);
        await().atMost(Duration.ofSeconds(5)).until(() -> store.get(key).await().atMost(WAIT).isEmpty());
        as(alice).urlEncodingEnabled(false).get(callback).then().statusCode(400)
                .body("code", equalTo("OAUTH_STATE_INVALID"));
    }

    @Test
    void returnToOutsideTheAllowListIsRefused() {
        String alice = user("alice");
        for (String bad : new String[] { "https://evil.example/steal", "//evil.example/x", "/\\evil.example",
                "javascript:alert(1)", "http://localhost:8080@evil.example/" }) {
            as(alice).queryParam("returnTo", bad).get("/api/v1/platforms/vercel/connect").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
        }
        as(alice).queryParam("returnTo", "http://localhost:8080/ui").get("/api/v1/platforms/vercel/connect")
                .then().statusCode(302).header("Location", startsWith("http://localhost:"));
        as(alice).get("/api/v1/platforms/nowhere/connect").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aWrongPkceVerifierFailsTheConnectWithoutStoringAConnection() throws Exception {
        String alice = user("alice");
        String callback = authorize(startConnect(alice, "/back"));
        String state = param(callback, "state");
        String key = AuthorizationStates.key(alice, state);
        var json = (ObjectNode) new ObjectMapper().readTree(store.get(key).await().atMost(WAIT).orElseThrow());
        json.put("verifier",
                cipher.encrypt(Randomness.token(), new TokenContext("oauth-pkce", alice, "vercel", state)));
        store.set(key, json.toString(), Optional.of(Duration.ofMinutes(5))).await().atMost(WAIT);

        as(alice).urlEncodingEnabled(false).get(callback).then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/back?connectError=RECONNECT_REQUIRED"));
        assertThat(rawRecord(alice)).isEmpty();
    }

    @Test
    void aDeniedAuthorizationRedirectsWithTheError() {
        String alice = user("alice");
        String callback = authorize(startConnect(alice, "/back"));
        String denied = callback.replaceAll("code=[^&]+", "error=access_denied");
        as(alice).urlEncodingEnabled(false).get(denied).then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/back?connectError=access_denied"));
        assertThat(rawRecord(alice)).isEmpty();
    }
}
