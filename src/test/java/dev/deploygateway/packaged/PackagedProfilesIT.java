package dev.deploygateway.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import dev.deploygateway.identity.TestTokens;
import io.restassured.http.ContentType;

/**
 * The packaged jar as operators run it: in prod it refuses a bad key, hides demo routes and verifies real
 * tokens; so does any other profile outside the dev/test/demo allow-list ({@code staging}); with
 * {@code QUARKUS_PROFILE=demo} it runs the demo without any keys. Health and metrics are on the management port.
 */
class PackagedProfilesIT {

    private static final String KEY = "00112233445566778899aabbccddeeff".repeat(2);
    private static final String JWT_KEY = Path.of("src/test/resources/test-keys/public.pem").toAbsolutePath()
            .toUri().toString();

    @Test
    void refusesToStartWithoutTokenEncryptionKey() throws Exception {
        assertRefusesToStart(Map.of("JWT_PUBLIC_KEY_LOCATION", JWT_KEY), null);
    }

    @Test
    void refusesToStartWithA63CharacterKey() throws Exception {
        String shortKey = KEY.substring(1);
        assertRefusesToStart(Map.of("JWT_PUBLIC_KEY_LOCATION", JWT_KEY, "TOKEN_ENCRYPTION_KEY", shortKey), shortKey);
    }

    @Test
    void refusesToStartWithANonHexKey() throws Exception {
        String nonHex = "g" + KEY.substring(1);
        assertRefusesToStart(Map.of("JWT_PUBLIC_KEY_LOCATION", JWT_KEY, "TOKEN_ENCRYPTION_KEY", nonHex), nonHex);
    }

    @Test
    void prodStartsFromACompleteConfigurationWithoutDemoRoutes() throws Exception {
        try (PackagedApp app = PackagedApp
                .start(Map.of("TOKEN_ENCRYPTION_KEY", KEY, "JWT_PUBLIC_KEY_LOCATION", JWT_KEY))) {
            awaitReady(app);
            assertNoDemoFeatures(app);
            given().baseUri(app.baseUrl()).when().get("/api/v1/me").then().statusCode(401);
            assertThat(app.console()).doesNotContain(KEY).contains("Profile prod activated");
        }
    }

    @Test
    void operationalEndpointsAreOnlyOnTheManagementPort() throws Exception {
        Map<String, String> prod = Map.of("TOKEN_ENCRYPTION_KEY", KEY, "JWT_PUBLIC_KEY_LOCATION", JWT_KEY);
        try (PackagedApp app = PackagedApp.start(prod)) {
            awaitReady(app);
            for (String path : new String[] { "/q/metrics", "/q/health", "/q/health/ready", "/q/openapi",
                    "/q/swagger-ui/" }) {
                given().baseUri(app.baseUrl()).when().get(path).then().statusCode(404);
            }
            given().baseUri(app.managementUrl()).when().get("/q/metrics").then().statusCode(200)
                    .body(containsString("jvm_"));
            given().baseUri(app.managementUrl()).when().get("/q/health/live").then().statusCode(200)
                    .header("X-Content-Type-Options", "nosniff");
        }
    }

    @Test
    void aCustomStagingProfileHasNoDemoFeatures() throws Exception {
        Map<String, String> env = Map.of("QUARKUS_PROFILE", "staging", "TOKEN_ENCRYPTION_KEY", KEY,
                "JWT_PUBLIC_KEY_LOCATION", JWT_KEY);
        try (PackagedApp app = PackagedApp.start(env)) {
            awaitReady(app);
            assertNoDemoFeatures(app);
            assertThat(app.console()).contains("Profile staging activated").doesNotContain("EPHEMERAL");
        }
    }

    @Test
    void aCustomStagingProfileRefusesToStartWithoutKeysInsteadOfMakingEphemeralOnes() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("QUARKUS_PROFILE", "staging"))) {
            OptionalInt exit = app.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as("process should exit by itself").isPresent();
            assertThat(app.console()).contains("TOKEN_ENCRYPTION_KEY").contains("JWT_PUBLIC_KEY_LOCATION");
        }
    }

    @Test
    void theDemoProfileNeedsNoKeysToOfferTheDemoSignIn() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("QUARKUS_PROFILE", "demo"))) {
            awaitReady(app);
            String session = given().baseUri(app.baseUrl()).contentType(ContentType.JSON)
                    .header("Origin", app.baseUrl()).body("{\"username\":\"trudy\"}")
                    .when().post("/api/v1/dev/session")
                    .then().statusCode(201).extract().cookie("dg_session");
            given().baseUri(app.baseUrl()).cookie("dg_session", session)
                    .when().get("/api/v1/me")
                    .then().statusCode(200).body("userId", equalTo("trudy"));
            // OAuth against the sandbox works in the packaged demo too (not only in dev mode).
            given().baseUri(app.baseUrl()).cookie("dg_session", session).redirects().follow(false)
                    .when().get("/api/v1/platforms/vercel/connect?returnTo=/")
                    .then().statusCode(302)
                    .header("Location",
                            org.hamcrest.Matchers.startsWith(app.baseUrl() + "/sandbox/vercel/oauth/authorize"));
            given().baseUri(app.baseUrl()).cookie("dg_session", session).redirects().follow(false)
                    .when().get("/api/v1/platforms/railway/connect?returnTo=/")
                    .then().statusCode(302)
                    .header("Location",
                            org.hamcrest.Matchers.startsWith(app.baseUrl() + "/sandbox/railway/oauth/auth"));
            // A token signed by the test key is not trusted by the demo's ephemeral key.
            given().baseUri(app.baseUrl()).auth().oauth2(TestTokens.valid("alice"))
                    .when().get("/api/v1/me").then().statusCode(401);
        }
    }

    private static void assertRefusesToStart(Map<String, String> env, String secret) throws Exception {
        try (PackagedApp app = PackagedApp.start(env)) {
            OptionalInt exit = app.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as("process should exit by itself").isPresent();
            assertThat(exit.getAsInt()).isNotZero();
            String console = app.console();
            assertThat(console).contains("TOKEN_ENCRYPTION_KEY").contains("openssl rand -hex 32");
            if (secret != null) {
                assertThat(console).doesNotContain(secret);
            }
        }
    }

    /** No demo sign-in, no sandbox (neither its JAX-RS nor its raw routes), no tooling; real tokens work. */
    private static void assertNoDemoFeatures(PackagedApp app) {
        given().baseUri(app.baseUrl()).contentType(ContentType.JSON).header("Origin", app.baseUrl())
                .body("{\"username\":\"mallory\"}")
                .when().post("/api/v1/dev/session")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().baseUri(app.baseUrl()).when().get("/sandbox/vercel/v2/user")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().baseUri(app.baseUrl()).when().get("/sandbox/vercel/v3/deployments/dpl_x/events")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().baseUri(app.baseUrl()).header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .when().get("/sandbox/railway/graphql/v2").then().statusCode(404);
        given().baseUri(app.baseUrl()).when().get("/q/swagger-ui/").then().statusCode(404);
        given().baseUri(app.baseUrl()).auth().oauth2(TestTokens.valid("alice"))
                .when().get("/api/v1/me")
                .then().statusCode(200).body("userId", equalTo("alice"));
    }

    static void awaitReady(PackagedApp app) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(app.isAlive()).as("process alive; console:\n%s", app.console()).isTrue();
                    given().baseUri(app.managementUrl()).when().get("/q/health/ready").then().statusCode(200);
                });
    }
}
