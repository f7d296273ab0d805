package dev.deploygateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.deploygateway.config.TestDeploymentConfig;
import dev.deploygateway.events.DeploymentEvent;
import dev.deploygateway.platform.PlatformState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;

/**
 * One writer at a time, decided by the store: two instances on one store, a fake platform the test drives, and
 * the lease lapsing exactly when the test says so. Fast and deterministic: nothing waits for a timer except the
 * deadline test.
 */
@QuarkusTest
@TestProfile(OwnershipFixture.FakePlatformProfile.class)
class DeploymentOwnershipTest extends OwnershipFixture {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    GatewayInstance a;
    GatewayInstance b;
    String user;

    @BeforeEach
    void twoInstances() {
        fake.reset();
        a = instance();
        b = instance();
        user = "owner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void afterATakeoverTheLogEqualsThePlatformsLogLineForLine() {
        DeploymentRecord r = a.start(user, "takeover");
        FakePlatform.Build build = awaitBuild(r);
        build.line("one", T);
        build.line("two", T.plusMillis(1));
        build.line("three", T.plusMillis(2));
        awaitLogLines(r, 3);

        lapse(r);
        assertThat(b.monitor.sweepNow().await().atMost(WAIT)).isEqualTo(1);
        // "four" shares the timestamp of the last line A wrote: B resumes from that instant and must write
        // "four" once while skipping "three"; A still follows the platform too, and must be refused.
        build.line("four", T.plusMillis(2));
        build.line("five", T.plusMillis(3));
        await().atMost(WAIT).until(() -> !a.ownership.runsHere(r.id()));
        build.finish(PlatformState.READY);
        List<DeploymentEvent> events = awaitEnd(r);

        assertThat(logTexts(r)).containsExactly("one", "two", "three", "four", "five");
        assertThat(events.get(events.size() - 1).isEnd()).isTrue();
        assertThat(events).filteredOn(DeploymentEvent::isEnd).hasSize(1);
        DeploymentRecord finished = b.record(r);
        assertThat(finished.status()).isEqualTo(PlatformState.READY);
        assertThat(finished.generation()).isEqualTo(2);
        assertThat(fake.deployCalls()).isEqualTo(1);
    }

    @Test
    void aRunWhoseDeploymentWasClaimedStopsAtItsNextWrite() {
        DeploymentRecord r = a.start(user, "fenced");
        FakePlatform.Build build = awaitBuild(r);
        build.line("before", T);
        awaitLogLines(r, 1);
        lapse(r);
        // Another instance claims it (raising the generation) but is not running it yet.
        assertThat(b.ownership.claim(r.ref()).await().atMost(WAIT).outcome()).isEqualTo(OwnershipScripts.CLAIMED);

        build.line("after", T.plusMillis(5));

        await().atMost(WAIT).until(() -> !a.ownership.runsHere(r.id()));
        assertThat(logTexts(r)).containsExactly("before");
        assertThat(events(r)).noneMatch(DeploymentEvent::isEnd);
    }

    @Test
    void aLapsedLeaseIsRenewedByItsOwnInstanceNotAdoptedByIt() {
        DeploymentRecord r = a.start(user, "own");
        awaitBuild(r);
        lapse(r);

        assertThat(a.monitor.sweepNow().await().atMost(WAIT)).isZero();
        a.ownership.renewAll().await().atMost(WAIT);

        assertThat(store.get(r.ref().leaseKey()).await().atMost(WAIT))
                .hasValue(OwnershipScripts.leaseValue(a.ownership.instanceId(), 1));
        assertThat(b.monitor.sweepNow().await().atMost(WAIT)).isZero();
    }

    @Test
    void anOwnerLostDuringTheUploadEndsFailedRetryableWithOnePlatformCallButNoRefund() {
        CompletableFuture<Void> upload = new CompletableFuture<>();
        fake.holdDeploysUntil(Uni.createFrom().completionStage(upload));
        DeploymentRecord r = a.start(user, "at-upload");
        await().atMost(WAIT).until(() -> fake.deployCalls() == 1);

        lapse(r);
        assertThat(b.monitor.sweepNow().await().atMost(WAIT)).isEqualTo(1);
        List<DeploymentEvent> events = awaitEnd(r);
        upload.complete(null);
        await().atMost(WAIT).until(() -> !a.ownership.runsHere(r.id()));

        DeploymentRecord failed = b.record(r);
        assertThat(failed.status()).isEqualTo(PlatformState.FAILED);
        assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e.retryable()).isTrue());
        assertThat(fake.deployCalls()).isEqualTo(1);
        // The platform was called, so the attempt keeps its slot.
        assertThat(limiter.info(user).await().atMost(WAIT).remaining()).isEqualTo(limiter.limit() - 1);
        assertThat(events(r)).hasSameSizeAs(events).last().satisfies(e -> assertThat(e.isEnd()).isTrue());
    }

    @Test
    void aPlatformReadyReportedAfterATakeoverIsWrittenOnceByTheNewOwner() {
        DeploymentRecord r = a.start(user, "at-ready");
        FakePlatform.Build build = awaitBuild(r);
        build.line("built", T);
        awaitLogLines(r, 1);
        lapse(r);
        assertThat(b.monitor.sweepNow().await().atMost(WAIT)).isEqualTo(1);

        build.finish(PlatformState.READY);
        List<DeploymentEvent> events = awaitEnd(r);
        await().atMost(WAIT).until(() -> !a.ownership.runsHere(r.id()) && !b.ownership.runsHere(r.id()));

        assertThat(events(r)).hasSameSizeAs(events);
        assertThat(events).filteredOn(DeploymentEvent::isEnd).singleElement()
                .satisfies(end -> assertThat(field(end, "status")).isEqualTo("READY"));
        assertThat(logTexts(r)).containsExactly("built");
    }

    @Test
    void aRunThatMissedItsRenewalsGoesOnWhenNobodyElseClaimedIt() {
        // An overloaded instance: its renewals did not run, so its own view of the lease expired.
        GatewayInstance slow = instance(TestDeploymentConfig.defaults()
                .withLease(Duration.ofMillis(600), Duration.ofMillis(200)));
        CompletableFuture<Void> project = new CompletableFuture<>();
        fake.holdProjectsUntil(Uni.createFrom().completionStage(project));
        DeploymentRecord r = slow.start(user, "overloaded");
        await().atMost(WAIT).until(() -> !slow.ownership.surelyHeld(r.id()));

        project.complete(null);
        FakePlatform.Build build = awaitBuild(r);
        build.finish(PlatformState.READY);
        awaitEnd(r);

        assertThat(slow.record(r).status()).isEqualTo(PlatformState.READY);
        assertThat(slow.record(r).generation()).isEqualTo(1);
        assertThat(fake.deployCalls()).isEqualTo(1);
    }

    @Test
    void aRejectedCredentialFailsTheDeploymentWithItsSlotRefunded() {
        a.expiredUsers.add(user);
        DeploymentRecord r = a.start(user, "expired");

        awaitEnd(r);

        DeploymentRecord failed = a.record(r);
        assertThat(failed.status()).isEqualTo(PlatformState.FAILED);
        assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("RECONNECT_REQUIRED"));
        assertThat(limiter.info(user).await().atMost(WAIT).remaining()).isEqualTo(limiter.limit());
    }

    @Test
    void aDeploymentPastItsDeadlineTimesOutWithTheUpstreamBuildCanceled() {
        GatewayInstance quick = instance(TestDeploymentConfig.defaults().withTimeoutMs(1000));
        DeploymentRecord r = quick.start(user, "slow");
        FakePlatform.Build build = awaitBuild(r);

        List<DeploymentEvent> events = awaitEnd(r);

        assertThat(quick.record(r).status()).isEqualTo(PlatformState.TIMED_OUT);
        assertThat(fake.canceled()).contains(build.id);
        assertThat(events.get(events.size() - 1).isEnd()).isTrue();
    }
}
