package dev.deploygateway.deployment;

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

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.identity.TestTokens;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.store.SharedStore;
import io.quarkus.test.common.http.TestHTTPResource;

/** Deployment requests over real HTTP (many at once) and what the store holds afterwards. */
abstract class AdmissionHttp {

    static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/api/v1/deployments")
    URI deployments;

    @Inject
    SharedStore store;
    @Inject
    DeploymentRateLimiter limiter;
    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    CompletableFuture<HttpResponse<String>> post(String user, String body, Optional<String> key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(deployments).timeout(WAIT)
                .header("Authorization", "Bearer " + TestTokens.valid(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        key.ifPresent(k -> request.header("Idempotency-Key", k));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<HttpResponse<String>> burst(int n,
            Function<Integer, CompletableFuture<HttpResponse<String>>> call) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(call.apply(i));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    String bodyOf(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int slots(String user) {
        return store.sortedSize(DeploymentRateLimiter.key(user)).await().atMost(WAIT).intValue();
    }

    int historySize(String user) {
        return store.sortedSize(DeploymentRepository.historyKey(user)).await().atMost(WAIT).intValue();
    }

    String field(String body, String name) {
        try {
            return json.readTree(body).path(name).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
