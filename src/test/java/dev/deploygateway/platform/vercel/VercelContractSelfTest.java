package dev.deploygateway.platform.vercel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The contract check itself must be able to fail: broken traffic is reported, good traffic is not. */
class VercelContractSelfTest {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json", "Authorization",
            "Bearer t");

    @Test
    void aDeploymentWithoutReadyStateIsReported() {
        String body = "{\"id\":\"dpl_1\",\"url\":\"x.vercel.app\",\"name\":\"x\"}";
        var exchange = new VercelRecordingProxy.Exchange("GET", "/sandbox/vercel/v13/deployments/dpl_1", JSON,
                new byte[0], 200, JSON, body.getBytes(StandardCharsets.UTF_8));
        assertThat(VercelContract.problems(exchange)).singleElement().asString().contains("matched 0 out of 2");
    }

    @Test
    void aRequestFieldTheDocumentDoesNotDefineIsReported() {
        String request = "{\"name\":\"ok\",\"colour\":\"blue\"}";
        String response = "{\"accountId\":\"a\",\"directoryListing\":false,\"id\":\"prj_1\",\"name\":\"ok\","
                + "\"nodeVersion\":\"22.x\",\"resourceConfig\":{\"functionDefaultRegions\":[]},"
                + "\"defaultResourceConfig\":{\"functionDefaultRegions\":[]}}";
        var exchange = new VercelRecordingProxy.Exchange("POST", "/sandbox/vercel/v11/projects", JSON,
                request.getBytes(StandardCharsets.UTF_8), 200, JSON, response.getBytes(StandardCharsets.UTF_8));
        assertThat(VercelContract.problems(exchange)).anyMatch(p -> p.contains("colour"));
    }

    @Test
    void aConformingExchangeHasNoProblems() {
        String request = "{\"name\":\"ok\"}";
        String response = "{\"accountId\":\"a\",\"directoryListing\":false,\"id\":\"prj_1\",\"name\":\"ok\","
                + "\"nodeVersion\":\"22.x\",\"resourceConfig\":{\"functionDefaultRegions\":[]},"
                + "\"defaultResourceConfig\":{\"functionDefaultRegions\":[]}}";
        var exchange = new VercelRecordingProxy.Exchange("POST", "/sandbox/vercel/v11/projects", JSON,
                request.getBytes(StandardCharsets.UTF_8), 200, JSON, response.getBytes(StandardCharsets.UTF_8));
        assertThat(VercelContract.problems(exchange)).isEmpty();
    }
}
