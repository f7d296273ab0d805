package dev.deploygateway.deployment;

import static dev.deploygateway.deployment.DeploymentFixtures.connectedUser;
import static dev.deploygateway.deployment.DeploymentFixtures.staticSite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.identity.TestTokens;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.store.RedisBehindProxyResource;
import dev.deploygateway.store.SharedStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Admission stays exact under bursts and a slow Redis: a burst for one user admits exactly the limit, one
 * {@code Idempotency-Key} sent fifty times at once makes one deployment, and an admission script slowed past
 * the command timeout never over-admits nor leaves a slot without a deployment (Redis behind a proxy that
 * delays only that script).
 */
@QuarkusTest
@QuarkusTestResource(value = RedisBehindProxyResource.class, restrictToAnnotatedClass = true)
class AdmissionUnderLoadTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/api/v1/deployments")
    URI deployments;

    @Inject
    SharedStore store;
    @Inject
    DeploymentRateLimiter limiter;
    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void fullSpeed() {
        RedisBehindProxyResource.proxy().clear();
    }

    @Test
    void fiftyConcurrentRequestsWithOneIdempotencyKeyGetOneDeploymentAndUseOneSlot() throws Exception {
        String user = connectedUser("same-key");
        String body = json.writeValueAsString(staticSite("same-key", Map.of()));

        List<HttpResponse<String>> answers = burst(50, i -> post(user, body, Optional.of("key-1")));

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(202);
        assertThat(answers.stream().map(r -> field(r.body(), "id")).distinct()).hasSize(1);
        assertThat(limiter.info(user).await().atMost(WAIT).remaining()).isEqualTo(limiter.limit() - 1);
        assertThat(historySize(user)).isEqualTo(1);
    }

    @Test
    void fiveHundredConcurrentRequestsForOneUserAdmitExactlyTheLimitWithNo5xx() throws Exception {
        String user = connectedUser("burst");

        List<HttpResponse<String>> answers = burst(500, i -> post(user,
                bodyOf(staticSite("burst-" + i, Map.of())), Optional.empty()));

        Map<Integer, Long> byStatus = answers.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(202, 429).containsEntry(202, (long) limiter.limit());
        assertThat(slots(user)).isEqualTo(limiter.limit());
        assertThat(historySize(user)).isEqualTo(limiter.limit());
    }

    @Test
    void anAdmissionScriptSlowerThanTheCommandTimeoutNeverOverAdmitsNorLeaksASlot() throws Exception {
        String user = connectedUser("slow-script");
        // Only the creation script (by its SHA-1 in EVALSHA, by its source in EVAL) reaches Redis late.
        RedisBehindProxyResource.proxy().delay(CreationScripts.CREATE.sha1(), Duration.ofMillis(400));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(post(user, bodyOf(staticSite("slow-" + i, Map.of())), Optional.empty()).join().statusCode());
        }
        RedisBehindProxyResource.proxy().clear();

        assertThat(statuses).doesNotContain(500).allMatch(s -> s == 202 || s == 503 || s == 429);
        long accepted = statuses.stream().filter(s -> s == 202).count();
        assertThat(accepted).isLessThanOrEqualTo(limiter.limit());
        // Whatever ran late on Redis was settled or revoked: every slot belongs to a deployment that exists.
        await().atMost(WAIT).untilAsserted(() -> assertThat(slots(user)).isEqualTo(historySize(user))
                .isEqualTo((int) accepted));
        for (int i = 0; i < limiter.limit() - accepted; i++) {
            assertThat(post(user, bodyOf(staticSite("after-" + i, Map.of())), Optional.empty()).join()
                    .statusCode()).isEqualTo(202);
        }
        assertThat(post(user, bodyOf(staticSite("over", Map.of())), Optional.empty()).join().statusCode())
                .isEqualTo(429);
    }

    private CompletableFuture<HttpResponse<String>> post(String user, String body, Optional<String> key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(deployments).timeout(WAIT)
                .header("Authorization", "Bearer " + TestTokens.valid(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        key.ifPresent(k -> request.header("Idempotency-Key", k));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<HttpResponse<String>> burst(int n,
            Function<Integer, CompletableFuture<HttpResponse<String>>> call) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(call.apply(i));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private String bodyOf(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int slots(String user) {
        return store.sortedSize(DeploymentRateLimiter.key(user)).await().atMost(WAIT).intValue();
    }

    private int historySize(String user) {
        return store.sortedSize(DeploymentRepository.historyKey(user)).await().atMost(WAIT).intValue();
    }

    private String field(String body, String name) {
        try {
            return json.readTree(body).path(name).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
