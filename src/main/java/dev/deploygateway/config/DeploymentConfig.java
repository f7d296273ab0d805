package dev.deploygateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Deployment pipeline, monitor and event-log limits. */
@ConfigMapping(prefix = "gateway.deployment")
public interface DeploymentConfig {

    /** {@code DEPLOYMENT_TIMEOUT_MS}: a deployment not finished after this long ends as TIMED_OUT. */
    @WithDefault("300000")
    long timeoutMs();

    /** The timeout as a duration. */
    default Duration timeout() {
        return Duration.ofMillis(timeoutMs());
    }

    /**
     * {@code GATEWAY_DEPLOYMENT_LEASE_TTL}: how long an owner's lease lives without renewal; another instance
     * takes the deployment over after it lapses.
     */
    @WithDefault("15s")
    Duration leaseTtl();

    /**
     * {@code GATEWAY_DEPLOYMENT_LEASE_RENEW_INTERVAL}: how often the owner renews its leases; at most a third of
     * the TTL (checked at startup).
     */
    @WithDefault("5s")
    Duration leaseRenewInterval();

    /**
     * Journal entries (log lines, statuses) one running deployment may buffer while the store is slow or down;
     * beyond this the pipeline stops reading the platform's log until the store catches up.
     */
    @WithDefault("5000")
    int journalCapacity();

    /** Most journal entries written in one store round trip. */
    @WithDefault("200")
    int journalBatch();

    /** How often each instance looks for unowned active deployments (taken over) and overdue ones (timed out). */
    @WithDefault("2s")
    Duration sweepInterval();

    /** {@code GATEWAY_DEPLOYMENT_RETENTION}: how long a deployment's record and event log are kept. */
    @WithDefault("7d")
    Duration retention();

    /** Most events kept in one deployment's log (older ones are trimmed). */
    @WithDefault("20000")
    long maxEventsPerDeployment();

    /** Longest log line kept; longer lines are cut with a marker (build output is attacker-controlled). */
    @WithDefault("4096")
    int maxLogLineLength();

    /** How often an instance with live viewers polls a deployment's shared event log. */
    @WithDefault("150ms")
    Duration feedPollInterval();

    /**
     * How far (in events) a viewer whose connection stopped taking writes may fall behind the live log before
     * it is cut off with a warning (it reconnects and resumes by id).
     */
    @WithDefault("2000")
    int subscriberBuffer();

    /**
     * Newest events of a deployment each instance keeps in memory, encoded, while it has viewers: replay for
     * joining and resuming viewers comes from there; a viewer resuming from an older id reads the rest itself.
     */
    @WithDefault("5000")
    int feedTailEvents();

    /**
     * How long an instance keeps a deployment's feed (its ownership check and its events in memory) after the
     * last viewer left, so that reconnects and late viewers cost the store nothing.
     */
    @WithDefault("30s")
    Duration feedLinger();

    /** How long a viewer's connection may stay unable to take writes before the viewer is cut off. */
    @WithDefault("30s")
    Duration slowViewerTimeout();

    /** SSE comment heartbeat interval. */
    @WithDefault("15s")
    Duration heartbeatInterval();

    /** SSE {@code retry:} reconnect delay suggested to browsers. */
    @WithDefault("2s")
    Duration sseRetry();

    /** Longest wait of a long-poll request for new events. */
    @WithDefault("25s")
    Duration longPollMaxWait();

    /** How long an {@code Idempotency-Key} is remembered. */
    @WithDefault("24h")
    Duration idempotencyTtl();
}
