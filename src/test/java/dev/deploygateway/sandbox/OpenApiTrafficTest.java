package dev.deploygateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.deploygateway.sandbox.github.GitHubContract;
import dev.deploygateway.sandbox.render.RenderContract;

/** The contract checks can fail: answers that break the documents are reported, conforming ones are not. */
class OpenApiTrafficTest {

    static RecordingProxy.Exchange exchange(String method, String uri, String request, int status, String response) {
        return new RecordingProxy.Exchange(method, uri, Map.of("Content-Type", "application/json"),
                request.getBytes(StandardCharsets.UTF_8), status, Map.of("Content-Type", "application/json"),
                response.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGitHubRefWithoutItsObjectIsReported() {
        var good = exchange("GET", "/sandbox/github/repos/o/r/git/ref/heads/main", "", 200, "{\"ref\":\"refs/heads/main"
                + "\",\"node_id\":\"x\",\"url\":\"https://api.github.com/x\",\"object\":{\"type\":\"commit\",\"sha\":\""
                + "a".repeat(40) + "\",\"url\":\"https://api.github.com/y\"}}");
        var bad = exchange("GET", "/sandbox/github/repos/o/r/git/ref/heads/main", "", 200,
                "{\"ref\":\"refs/heads/main\",\"node_id\":\"x\",\"url\":\"https://api.github.com/x\"}");
        assertThat(GitHubContract.TRAFFIC.problems(List.of(good))).isEmpty();
        assertThat(GitHubContract.TRAFFIC.problems(List.of(bad))).singleElement().asString().contains("object");
    }

    @Test
    void offDocumentRenderRequestsOrAnswersAreReported() {
        var badRequest = exchange("POST", "/sandbox/render/v1/services/srv-1/deploys", "{\"clearCache\":\"always\"}",
                201, "{\"id\":\"dep-1\"}");
        var badOwner = exchange("GET", "/sandbox/render/v1/owners", "", 200,
                "[{\"owner\":{\"id\":\"tea-1\",\"name\":\"n\",\"email\":\"e\"},\"cursor\":\"c\"}]");
        assertThat(RenderContract.TRAFFIC.problems(List.of(badRequest))).isNotEmpty();
        assertThat(RenderContract.TRAFFIC.problems(List.of(badOwner))).isNotEmpty();
    }
}
