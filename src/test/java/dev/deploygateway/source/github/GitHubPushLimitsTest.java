package dev.deploygateway.source.github;

import static dev.deploygateway.sandbox.github.GitHubContract.as;
import static dev.deploygateway.sandbox.github.GitHubContract.head;
import static dev.deploygateway.sandbox.github.GitHubContract.login;
import static dev.deploygateway.sandbox.github.GitHubContract.mint;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.UploadProgress;
import dev.deploygateway.sandbox.ContractProxy;
import dev.deploygateway.sandbox.RecordingProxy;
import dev.deploygateway.sandbox.github.GitHubContract;
import dev.deploygateway.scaffold.SourceBundle;
import dev.deploygateway.source.PushedCommit;
import dev.deploygateway.source.RepositoryTarget;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** GitHub's rate limits are waited out or reported, and a branch that moved during a push is never overwritten. */
@QuarkusTest
@WithTestResource(ContractProxy.class)
class GitHubPushLimitsTest extends GitHubContract {

    @Inject
    GitHubSourceHost github;

    static void force(String kind, int status, int retryAfterSeconds, String pathContains) {
        given().contentType(ContentType.JSON).body(Map.of("kind", kind, "status", status, "count", 1,
                "retryAfterSeconds", retryAfterSeconds, "pathContains", pathContains))
                .post("/sandbox/github/_sandbox/rate-limit").then().statusCode(201);
    }

    CompletableFuture<PushedCommit> push(String token, String repo, SourceBundle bundle) {
        return github.push(PlatformCredential.of(token), RepositoryTarget.privateRepository(repo), bundle, "Deploy",
                UploadProgress.NONE).subscribeAsCompletionStage();
    }

    static SourceBundle site(byte... image) {
        return SourceBundle.of(Map.of("index.html", "<h1>hi</h1>".getBytes(), "logo.bin", image));
    }

    @Test
    void aPushWaitingOutASecondaryLimitDoesNotOverwriteABranchThatMovedMeanwhile() throws Exception {
        String token = mint(login("race"));
        PushedCommit first = push(token, "race", site((byte) 0, (byte) 1)).get(30, TimeUnit.SECONDS);
        force("secondary", 429, 2, "/git/blobs");
        ContractProxy.clear();

        CompletableFuture<PushedCommit> second = push(token, "race", site((byte) 0, (byte) 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> ContractProxy.exchanges().stream()
                .anyMatch(e -> e.status() == 429 && e.uri().endsWith("/git/blobs")));
        // Someone else pushes while this push waits out GitHub's retry-after.
        String tree = as(token).get("/sandbox/github/repos/" + first.repository() + "/git/commits/"
                + first.commitSha()).then().extract().path("tree.sha");
        String theirs = as(token).body(Map.of("message", "theirs", "tree", tree, "parents",
                List.of(first.commitSha()))).post("/sandbox/github/repos/" + first.repository() + "/git/commits")
                .then().statusCode(201).extract().path("sha");
        as(token).body(Map.of("sha", theirs)).patch("/sandbox/github/repos/" + first.repository()
                + "/git/refs/heads/main").then().statusCode(200);

        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_PUSH_CONFLICT);
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(head(token, first.repository())).isEqualTo(theirs);
        // The blob request was answered 429 once, then sent again after the wait.
        assertThat(ContractProxy.exchanges().stream().filter(e -> e.uri().endsWith("/git/blobs"))
                .map(RecordingProxy.Exchange::status)).containsExactly(429, 201);
    }

    @Test
    void aSpentPrimaryQuotaIsReportedAsRateLimitedWithItsResetInsteadOfBeingHammered() {
        String token = mint(login("spent"));
        force("primary", 403, 600, "/user");
        assertThatThrownBy(() -> push(token, "spent", site((byte) 1)).get(30, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(
                            Duration.ofMinutes(9)));
                });
        assertThat(ContractProxy.exchanges()).filteredOn(e -> e.uri().contains("/sandbox/github/")).hasSize(1);
    }
}
