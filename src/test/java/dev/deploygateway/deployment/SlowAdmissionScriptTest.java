package dev.deploygateway.deployment;

import static dev.deploygateway.deployment.DeploymentFixtures.connectedUser;
import static dev.deploygateway.deployment.DeploymentFixtures.staticSite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.deploygateway.store.RedisBehindProxyResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The creation script (and only it) reaches Redis 400 ms late, past the 250 ms command timeout this resource
 * configures, as when one script is slow on a busy Redis: admission never over-admits, and every slot Redis
 * ends up holding belongs to a deployment that exists.
 */
@QuarkusTest
@WithTestResource(value = RedisBehindProxyResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SlowAdmissionScriptTest extends AdmissionHttp {

    @AfterEach
    void fullSpeed() {
        RedisBehindProxyResource.proxy().clear();
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
}
