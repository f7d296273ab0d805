package dev.deploygateway.platform.render;

import static dev.deploygateway.sandbox.render.RenderContract.forceRateLimit;
import static dev.deploygateway.sandbox.render.RenderContract.mintKey;
import static dev.deploygateway.sandbox.render.RenderContract.renderStat;
import static dev.deploygateway.sandbox.render.RenderContract.repositoryAccess;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformDeployment;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.ProjectSpec;
import dev.deploygateway.platform.UploadProgress;
import dev.deploygateway.sandbox.ContractProxy;
import dev.deploygateway.sandbox.github.GitHubContract;
import dev.deploygateway.sandbox.render.RenderContract;
import dev.deploygateway.scaffold.SourceBundle;
import dev.deploygateway.source.PushedCommit;
import dev.deploygateway.source.RepositoryTarget;
import dev.deploygateway.source.github.GitHubSourceHost;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What Render refuses (a private repository it cannot read, a service name another repository builds under, its
 * creation limit) fails with a stable code and a message that says what to do, and creates no service.
 */
@QuarkusTest
@WithTestResource(ContractProxy.class)
class RenderRejectionsTest extends RenderContract {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final SourceBundle SITE = SourceBundle.of(Map.of("index.html", "<h1>x</h1>".getBytes()));

    @Inject
    RenderPlatform render;

    @Inject
    GitHubSourceHost host;

    record Prepared(PlatformCredential key, PlatformProject project, DeploySpec spec) {
    }

    Prepared prepare(String user, String name, RepositoryTarget.Visibility visibility) {
        var key = PlatformCredential.of((String) mintKey(user).get("key"));
        var github = PlatformCredential.of(GitHubContract.mint(GitHubContract.login(user)));
        PlatformProject project = render.ensureProject(key, ProjectSpec.named(name)).await().atMost(WAIT);
        PushedCommit pushed = host.push(github, new RepositoryTarget(Optional.empty(), name,
                visibility, Optional.empty()), SITE, "Deploy", UploadProgress.NONE).await().atMost(WAIT);
        var git = new DeploySpec.GitSource(pushed.repositoryUrl(), pushed.branch(), pushed.commitSha(),
                pushed.privateRepository(), ProjectSpec.named(name), DeploySpec.ServiceOptions.DEFAULTS, List.of(),
                Optional.empty());
        return new Prepared(key, project, DeploySpec.asPreview().withGit(git));
    }

    PlatformDeployment deploy(Prepared prepared) {
        return render.deploy(prepared.key(), prepared.project(), render.prepareSource(SITE), prepared.spec(),
                UploadProgress.NONE).await().atMost(WAIT);
    }

    long services(PlatformCredential key, String name) {
        return given().header("Authorization", key.bearer()).queryParam("name", name)
                .get("/sandbox/render/v1/services").then().statusCode(200).extract().jsonPath().getList("").size();
    }

    @Test
    void aPrivateRepositoryRenderCannotReadIsRefusedWithWhatToDoLeavingNoService() {
        var prepared = prepare("noaccess", "private-site", RepositoryTarget.Visibility.PRIVATE);
        repositoryAccess(false);
        long refused = renderStat("servicesRefused");
        assertThatThrownBy(() -> deploy(prepared)).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.REPOSITORY_ACCESS_REQUIRED);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("connect GitHub").contains("public");
            assertThat(e.platformMessage()).hasValueSatisfying(m -> assertThat(m).contains("private-site"));
        });
        assertThat(renderStat("servicesRefused")).isEqualTo(refused + 1);
        assertThat(services(prepared.key(), "private-site")).isZero();
    }

    @Test
    void aPublicRepositoryNeedsNoAccessOfRendersOwn() {
        var prepared = prepare("public", "public-site", RepositoryTarget.Visibility.PUBLIC);
        repositoryAccess(false);
        assertThat(deploy(prepared).id()).startsWith("srv-");
    }

    @Test
    void aServiceNameThatAnotherRepositoryBuildsUnderIsRefused() {
        var first = prepare("owner-a", "shared-name", RepositoryTarget.Visibility.PRIVATE);
        deploy(first);
        // The same Render workspace, another GitHub account's repository of that name.
        var github = PlatformCredential.of(GitHubContract.mint(GitHubContract.login("owner-b")));
        PlatformProject existing = render.ensureProject(first.key(), ProjectSpec.named("shared-name")).await()
                .atMost(WAIT);
        assertThat(existing.id()).startsWith("srv-");
        PushedCommit other = host.push(github, RepositoryTarget.privateRepository("shared-name"), SITE,
                "Deploy", UploadProgress.NONE).await().atMost(WAIT);
        var git = new DeploySpec.GitSource(other.repositoryUrl(), other.branch(), other.commitSha(), true,
                ProjectSpec.named("shared-name"), DeploySpec.ServiceOptions.DEFAULTS, List.of(), Optional.empty());
        assertThatThrownBy(() -> render.deploy(first.key(), existing, render.prepareSource(SITE),
                DeploySpec.asPreview().withGit(git), UploadProgress.NONE).await().atMost(WAIT))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PROJECT_NAME_TAKEN));
    }

    @Test
    void rendersCreationLimitIsRateLimitedRetryableWithItsRetryAfter() {
        var prepared = prepare("limited", "limited-site", RepositoryTarget.Visibility.PRIVATE);
        forceRateLimit(600, "/v1/services");
        assertThatThrownBy(() -> deploy(prepared)).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(600));
            assertThat(e.getMessage()).contains("20 an hour");
        });
        assertThat(services(prepared.key(), "limited-site")).isZero();
    }

    @Test
    void aShortRetryAfterIsWaitedOut() {
        var prepared = prepare("short", "short-wait", RepositoryTarget.Visibility.PRIVATE);
        forceRateLimit(1, "/v1/services");
        assertThat(deploy(prepared).id()).startsWith("srv-");
        assertThat(ContractProxy.exchanges()).anyMatch(e -> e.status() == 429 && e.uri().endsWith("/v1/services"));
    }
}
