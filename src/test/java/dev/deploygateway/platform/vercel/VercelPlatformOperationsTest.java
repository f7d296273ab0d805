package dev.deploygateway.platform.vercel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.CodeExchange;
import dev.deploygateway.platform.DatabaseInfo;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.OAuthAuthorization;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformOAuth;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.ProjectSpec;
import dev.deploygateway.platform.UploadProgress;
import dev.deploygateway.sandbox.SandboxSiteUrls;
import dev.deploygateway.scaffold.SourceBundle;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Environment, cancel, redeploy, rollback, promote, retries and OAuth through the SPI, against the sandbox. */
@QuarkusTest
@WithTestResource(VercelRecordingProxy.class)
class VercelPlatformOperationsTest extends VercelContractTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    VercelPlatform vercel;

    private PlatformOAuth oauth() {
        return vercel.oauth().orElseThrow();
    }

    @Test
    void environmentVariablesAreUpsertedWithSensitiveOnesEncrypted() {
        var credential = mint("env-user");
        var project = project(credential);
        vercel.setEnvironment(credential, project, List.of(new EnvVar("API_URL", "https://a", false),
                new EnvVar("SECRET", "s3cr3t", true))).await().atMost(WAIT);
        vercel.setEnvironment(credential, project, List.of(new EnvVar("API_URL", "https://b", false)))
                .await().atMost(WAIT);
        var envs = sandbox().header("Authorization", credential.bearer())
                .get("/sandbox/vercel/v10/projects/" + project.id() + "/env").then().statusCode(200).extract()
                .jsonPath();
        assertThat(envs.getList("envs.key")).containsExactlyInAnyOrder("API_URL", "SECRET");
        assertThat(envs.getString("envs.find { it.key == 'API_URL' }.value")).isEqualTo("https://b");
        assertThat(envs.getString("envs.find { it.key == 'SECRET' }.type")).isEqualTo("encrypted");
    }

    @Test
    void runningDeploymentCanBeCanceledOnce() {
        var credential = mint("cancel-user");
        var project = project(credential);
        var bundle = SourceBundle.of(Map.of("index.html", "slow".getBytes(), ".sandbox/slow-build", new byte[0]));
        var deployment = vercel.deploy(credential, project, vercel.prepareSource(bundle), DeploySpec.asPreview(),
                UploadProgress.NONE).await().atMost(WAIT);
        var canceled = vercel.cancel(credential, deployment.id()).await().atMost(WAIT);
        assertThat(canceled.state()).isEqualTo(PlatformState.CANCELED);
        assertThatThrownBy(() -> vercel.cancel(credential, deployment.id()).await().atMost(WAIT))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void rollbackAfterARedeployPointsProductionBackToV1() {
        var credential = mint("rollback-user");
        var project = project(credential);
        var v1 = ready(credential, project, "<p>v1</p>");
        var v2 = ready(credential, project, "<p>v2</p>");
        var redeployed = vercel.redeploy(credential, project, v2, DeploySpec.toProduction()).await().atMost(WAIT);
        assertThat(redeployed.id()).isNotEqualTo(v2);
        awaitState(credential, redeployed.id(), PlatformState.READY);

        vercel.rollback(credential, project, v1).await().atMost(WAIT);
        assertThat(vercel.production(credential, project).await().atMost(WAIT).orElseThrow().deploymentId())
                .isEqualTo(v1);
        String alias = SandboxSiteUrls.vercel(project.name() + ".vercel.app");
        assertThat(io.restassured.RestAssured.given().get(alias).then().statusCode(200).extract().asString())
                .isEqualTo("<p>v1</p>");
    }

    @Test
    void promoteMakesAPreviewTheProductionDeployment() {
        var credential = mint("promote-user");
        var project = project(credential);
        assertThat(vercel.production(credential, project).await().atMost(WAIT)).isEmpty();
        var bundle = SourceBundle.of(Map.of("index.html", "<p>preview</p>".getBytes()));
        var preview = vercel.deploy(credential, project, vercel.prepareSource(bundle), DeploySpec.asPreview(),
                UploadProgress.NONE).await().atMost(WAIT);
        awaitState(credential, preview.id(), PlatformState.READY);

        vercel.promote(credential, project, preview.id()).await().atMost(WAIT);
        var production = vercel.production(credential, project).await().atMost(WAIT).orElseThrow();
        assertThat(production.deploymentId()).isEqualTo(preview.id());
        String alias = SandboxSiteUrls.vercel(project.name() + ".vercel.app");
        assertThat(production.url()).contains(URI.create(alias));
        assertThat(io.restassured.RestAssured.given().get(alias).then().statusCode(200).extract().asString())
                .isEqualTo("<p>preview</p>");
    }

    @Test
    void serverErrorsAreRetriedForReadsButNeverForDeploymentCreation() {
        var credential = mint("retry-user");
        inject(503, 0, "/v2/teams", 2);
        assertThat(vercel.verify(credential).await().atMost(WAIT).teams()).hasSize(1);

        var project = project(credential);
        var source = vercel.prepareSource(SourceBundle.of(Map.of("index.html", "x".getBytes())));
        long created = stat("deploymentsCreated");
        long attempts = VercelRecordingProxy.EXCHANGES.size();
        inject(500, 0, "/v13/deployments", 1);
        assertThatThrownBy(() -> vercel.deploy(credential, project, source, DeploySpec.asPreview(), UploadProgress.NONE)
                .await().atMost(WAIT)).isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(VercelRecordingProxy.EXCHANGES.stream().skip(attempts)
                .filter(e -> e.uri().startsWith("/sandbox/vercel/v13/deployments"))).hasSize(1);
        assertThat(stat("deploymentsCreated")).isEqualTo(created);
    }

    @Test
    void rateLimitLongerThanTheCapIsReportedNotWaited() {
        var credential = mint("patient-user");
        inject(429, 3600, "/v2/user", 1);
        assertThatThrownBy(() -> vercel.verify(credential).await().atMost(WAIT))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3600));
                    assertThat(e.headers()).containsEntry("Retry-After", "3600");
                });
    }

    @Test
    void tooManyFilesAreRejectedBeforeAnyCall() {
        var files = new HashMap<String, byte[]>();
        for (int i = 0; i <= 15_000; i++) {
            files.put("f/" + i + ".txt", new byte[0]);
        }
        var bundle = SourceBundle.of(files);
        assertThatThrownBy(() -> vercel.prepareSource(bundle)).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UPLOAD_REJECTED);
            assertThat(e.retryable()).isFalse();
        });
        assertThat(VercelRecordingProxy.EXCHANGES).isEmpty();
    }

    @Test
    void oauthCodeWithPkceYieldsRotatingRefreshTokens() {
        String verifier = "verifier-" + suffix() + "-abcdefghijklmnopqrstuvwxyz0123456789";
        var redirect = URI.create("http://localhost:9999/callback");
        URI authorize = oauth().authorizationUrl(new OAuthAuthorization("st4te", SandboxS256.of(verifier), redirect,
                List.of()));
        assertThat(authorize.getQuery()).contains("code_challenge_method=S256", "state=st4te",
                "scope=openid email profile offline_access");
        String location = io.restassured.RestAssured.given().urlEncodingEnabled(false).redirects().follow(false)
                .get(authorize.toString())
                .then().statusCode(302).extract().header("Location");
        assertThat(location).startsWith(redirect.toString()).contains("state=st4te");
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");

        assertThatThrownBy(() -> oauth().exchangeCode(new CodeExchange(code, "wrong-verifier", redirect))
                .await().atMost(WAIT)).isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RECONNECT_REQUIRED));
        // The failed attempt consumed the code (single use), so authorize again.
        location = io.restassured.RestAssured.given().urlEncodingEnabled(false).redirects().follow(false)
                .get(authorize.toString())
                .then().statusCode(302).extract().header("Location");
        var tokens = oauth().exchangeCode(new CodeExchange(location.replaceAll(".*[?&]code=([^&]+).*", "$1"),
                verifier, redirect)).await().atMost(WAIT);
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.expiresAt()).isPresent();
        assertThat(vercel.verify(tokens.credential()).await().atMost(WAIT).username()).isEqualTo("demo");

        var rotated = oauth().refresh(tokens.refreshToken().get()).await().atMost(WAIT);
        assertThat(rotated.refreshToken()).isPresent().isNotEqualTo(tokens.refreshToken());
        assertThatThrownBy(() -> oauth().refresh(tokens.refreshToken().get()).await().atMost(WAIT))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RECONNECT_REQUIRED));
        // Reusing a rotated refresh token revoked the whole grant, including the newest access token.
        assertThatThrownBy(() -> vercel.verify(rotated.credential()).await().atMost(WAIT))
                .isInstanceOf(PlatformException.class);
    }

    @Test
    void postgresFromTheMarketplaceIsWiredIntoTheProjectEnv() {
        var credential = mint("db-user");
        var project = project(credential);
        var database = vercel.provisionDatabase(credential, project, DatabaseInfo.Kind.POSTGRES).await().atMost(WAIT);
        assertThat(database.id()).startsWith("store_");
        assertThat(database.status()).isEqualTo("available");
        assertThat(database.envVarNames()).contains("DATABASE_URL");
        var envs = sandbox().header("Authorization", credential.bearer())
                .get("/sandbox/vercel/v10/projects/" + project.id() + "/env").then().statusCode(200).extract()
                .jsonPath();
        assertThat(envs.getList("envs.key")).contains("DATABASE_URL");
    }

    @Test
    void databaseWithoutAnInstalledIntegrationIsExplained() {
        var credential = mint("no-integrations-user");
        var project = project(credential);
        assertThatThrownBy(() -> vercel.provisionDatabase(credential, project, DatabaseInfo.Kind.POSTGRES)
                .await().atMost(WAIT)).isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_BY_PLATFORM);
                    assertThat(e.getMessage()).contains("Marketplace");
                });
    }

    @Test
    void revokedTokenNoLongerWorks() {
        var credential = mint("revoke-user");
        oauth().revoke(credential.accessToken()).await().atMost(WAIT);
        assertThatThrownBy(() -> vercel.verify(credential).await().atMost(WAIT))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RECONNECT_REQUIRED));
    }

    private String ready(PlatformCredential credential, PlatformProject project, String html) {
        var bundle = SourceBundle.of(Map.of("index.html", html.getBytes()));
        var deployment = vercel.deploy(credential, project, vercel.prepareSource(bundle), DeploySpec.toProduction(),
                UploadProgress.NONE).await().atMost(WAIT);
        awaitState(credential, deployment.id(), PlatformState.READY);
        return deployment.id();
    }

    private void awaitState(PlatformCredential credential, String id, PlatformState state) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(
                () -> vercel.status(credential, id).await().atMost(WAIT).state() == state);
    }

    private PlatformProject project(PlatformCredential credential) {
        return vercel.ensureProject(credential, ProjectSpec.named("ops-" + suffix())).await().atMost(WAIT);
    }

    /** The PKCE S256 challenge of a verifier, computed independently of the sandbox's code. */
    static final class SandboxS256 {
        static String of(String verifier) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256")
                        .digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

}
