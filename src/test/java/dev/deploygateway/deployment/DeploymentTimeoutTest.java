package dev.deploygateway.deployment;

import static dev.deploygateway.deployment.DeploymentFixtures.connected;
import static dev.deploygateway.deployment.DeploymentFixtures.deploy;
import static dev.deploygateway.deployment.DeploymentFixtures.field;
import static dev.deploygateway.deployment.DeploymentFixtures.readStream;
import static dev.deploygateway.deployment.DeploymentFixtures.staticSite;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.deploygateway.deployment.DeploymentFixtures.Connected;
import dev.deploygateway.deployment.DeploymentFixtures.Sse;
import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** DEPLOYMENT_TIMEOUT_MS ends a deployment that runs too long as TIMED_OUT and cancels it upstream. */
@QuarkusTest
@TestProfile(DeploymentTimeoutTest.ShortTimeout.class)
class DeploymentTimeoutTest {

    /** Builds take several seconds; the gateway gives them 1.5 s. */
    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.deployment.timeout-ms", "1500", "sandbox.vercel.step-delay", "400ms");
        }
    }

    @Test
    void aDeploymentPastItsDeadlineTimesOutWithTheUpstreamBuildCanceled() {
        Connected tim = connected("tim");
        String user = tim.user();
        String id = deploy(user, staticSite("slow-site", Map.of())).then().statusCode(202).extract().path("id");
        List<Sse> events = readStream(user, id, null);
        Sse end = events.get(events.size() - 1);
        assertThat(field(end.data(), "status")).isEqualTo("TIMED_OUT");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo("error");
            assertThat(field(e.data(), "code")).isEqualTo("TIMED_OUT");
        });
        String platformId = given().auth().oauth2(TestTokens.valid(user)).get("/api/v1/deployments/" + id)
                .then().body("status", equalTo("TIMED_OUT")).body("error.code", equalTo("TIMED_OUT"))
                .extract().path("platformDeploymentId");
        assertThat(platformId).isNotNull();
        // The platform itself was told to stop: its deployment is CANCELED, not left building.
        given().auth().oauth2(tim.platformToken()).get("/sandbox/vercel/v13/deployments/" + platformId)
                .then().statusCode(200).body("readyState", equalTo("CANCELED"));
    }
}
