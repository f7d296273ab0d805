package dev.deploygateway.platform.vercel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformState;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A READY deployment with a truthy {@code aliasError} is READY with a warning, never a plain success. */
@QuarkusTest
@WithTestResource(VercelAliasStub.class)
class VercelAliasErrorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final PlatformCredential CREDENTIAL = PlatformCredential.of("stub-token");

    @Inject
    VercelPlatform vercel;

    @Test
    void aReadyLineInTheStreamIsPrecededByTheAliasWarning() {
        assertWarnedThenReady(follow("dpl_streamed"));
    }

    @Test
    void aReadyStatusAfterTheStreamIsPrecededByTheAliasWarning() {
        assertWarnedThenReady(follow("dpl_polled"));
    }

    @Test
    void aReadyStatusCarriesVercelsAliasError() {
        var status = vercel.status(CREDENTIAL, "dpl_polled").await().atMost(WAIT);
        assertThat(status.state()).isEqualTo(PlatformState.READY);
        assertThat(status.errorCode()).contains("cert_missing");
        assertThat(status.errorMessage()).contains("The certificate for the alias is missing");
        assertThat(status.url()).isPresent();
    }

    private List<PlatformEvent> follow(String id) {
        return vercel.events(CREDENTIAL, id, Optional.empty()).collect().asList().await().atMost(WAIT);
    }

    private static void assertWarnedThenReady(List<PlatformEvent> events) {
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOfSatisfying(PlatformEvent.LogLine.class,
                l -> assertThat(l.text()).isEqualTo("Build done"));
        assertThat(events.get(1)).isInstanceOfSatisfying(PlatformEvent.Notice.class,
                n -> assertThat(n.text()).contains("live at its own URL", "cert_missing",
                        "The certificate for the alias is missing"));
        assertThat(events.get(2)).isInstanceOfSatisfying(PlatformEvent.StateChange.class,
                s -> assertThat(s.state()).isEqualTo(PlatformState.READY));
    }
}
