package dev.deploygateway.events;

import java.time.Duration;
import java.util.function.LongSupplier;

import dev.deploygateway.config.DeploymentConfig;

/**
 * What every feed and loop group of an instance share: limits, the clocks they read (injectable so tests can
 * drive time) and the metrics they report to.
 *
 * @param tailEvents        events a feed keeps in memory for replay
 * @param backlogLimit      events a paused viewer may fall behind before it is cut off
 * @param slowViewerTimeout how long a viewer may stay paused before it is cut off
 * @param linger            how long a feed without viewers stays open for reconnects
 * @param heartbeat         interval of heartbeat comments
 * @param nanoClock         monotonic time, for the durations above
 * @param wallClock         epoch millis, for the delivery lag (event ids carry the append time)
 */
record FeedSettings(int tailEvents, int backlogLimit, Duration slowViewerTimeout, Duration linger,
        Duration heartbeat, LongSupplier nanoClock, LongSupplier wallClock, FeedMetrics metrics) {

    static FeedSettings of(DeploymentConfig config, FeedMetrics metrics) {
        return new FeedSettings(config.feedTailEvents(), config.subscriberBuffer(), config.slowViewerTimeout(),
                config.feedLinger(), config.heartbeatInterval(), System::nanoTime, System::currentTimeMillis,
                metrics);
    }
}
