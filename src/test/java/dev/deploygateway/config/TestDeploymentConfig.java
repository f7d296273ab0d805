package dev.deploygateway.config;

import java.time.Duration;

/** A deployment configuration for plain tests: the production defaults, with the few settings tests vary. */
public record TestDeploymentConfig(long timeoutMs, Duration leaseTtl, Duration leaseRenewInterval,
        int journalCapacity, int journalBatch) implements DeploymentConfig {

    public static TestDeploymentConfig defaults() {
        return new TestDeploymentConfig(300_000, Duration.ofSeconds(15), Duration.ofSeconds(5), 5000, 200);
    }

    public TestDeploymentConfig withLease(Duration ttl, Duration renewInterval) {
        return new TestDeploymentConfig(timeoutMs, ttl, renewInterval, journalCapacity, journalBatch);
    }

    public TestDeploymentConfig withTimeoutMs(long timeout) {
        return new TestDeploymentConfig(timeout, leaseTtl, leaseRenewInterval, journalCapacity, journalBatch);
    }

    public TestDeploymentConfig withJournal(int capacity, int batch) {
        return new TestDeploymentConfig(timeoutMs, leaseTtl, leaseRenewInterval, capacity, batch);
    }

    @Override
    public Duration sweepInterval() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration retention() {
        return Duration.ofDays(7);
    }

    @Override
    public long maxEventsPerDeployment() {
        return 20_000;
    }

    @Override
    public int maxLogLineLength() {
        return 4096;
    }

    @Override
    public Duration feedPollInterval() {
        return Duration.ofMillis(150);
    }

    @Override
    public int subscriberBuffer() {
        return 2000;
    }

    @Override
    public int feedTailEvents() {
        return 5000;
    }

    @Override
    public Duration feedLinger() {
        return Duration.ofSeconds(30);
    }

    @Override
    public Duration slowViewerTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public Duration heartbeatInterval() {
        return Duration.ofSeconds(15);
    }

    @Override
    public Duration sseRetry() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration longPollMaxWait() {
        return Duration.ofSeconds(25);
    }

    @Override
    public Duration idempotencyTtl() {
        return Duration.ofHours(24);
    }
}
