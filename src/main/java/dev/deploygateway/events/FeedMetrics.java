package dev.deploygateway.events;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The fan-out's meters on {@code /q/metrics}: viewers and feeds open on this instance, events written to
 * viewers, slow viewers cut off, and the delivery lag (from the event's append, as stamped in its id by the
 * store's clock, to the moment a loop has written it to all of its viewers).
 */
final class FeedMetrics {

    private final LongAdder viewers = new LongAdder();
    private final Counter delivered;
    private final Counter cutOffs;
    private final Timer lag;

    FeedMetrics(MeterRegistry registry, Supplier<Number> feeds) {
        Gauge.builder("gateway.sse.viewers", viewers, LongAdder::sum)
                .description("SSE viewers connected to this instance").register(registry);
        Gauge.builder("gateway.sse.feeds", feeds).description("Deployment feeds open on this instance")
                .register(registry);
        delivered = Counter.builder("gateway.sse.events.delivered")
                .description("Events written to SSE viewers (replayed and live)").register(registry);
        cutOffs = Counter.builder("gateway.sse.slow.viewer.cutoffs")
                .description("Viewers cut off because their connection stopped taking events").register(registry);
        lag = Timer.builder("gateway.sse.delivery.lag")
                .description("From an event's append to its write to every viewer of one event loop")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    void joined() {
        viewers.increment();
    }

    void left(int count) {
        viewers.add(-count);
    }

    void delivered(int events) {
        if (events > 0) {
            delivered.increment(events);
        }
    }

    void cutOff() {
        cutOffs.increment();
    }

    /** The lag of an event with stream id {@code id}, written at {@code nowMillis}. */
    void lag(String id, long nowMillis) {
        long appended = Long.parseLong(id, 0, id.indexOf('-'), 10);
        lag.record(Math.max(0, nowMillis - appended), TimeUnit.MILLISECONDS);
    }
}
