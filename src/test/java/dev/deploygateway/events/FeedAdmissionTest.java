package dev.deploygateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/** The ownership check of a feed: once per feed however many viewers ask, a yes kept, a failure retried. */
class FeedAdmissionTest {

    private final FeedSettings settings = new FeedSettings(100, 100, Duration.ofSeconds(30), Duration.ofSeconds(30),
            Duration.ofSeconds(15), System::nanoTime, System::currentTimeMillis,
            new FeedMetrics(new SimpleMeterRegistry(), () -> 0));
    // Tasks run where they are handed over: enough for a feed touched by one thread at a time.
    private final Feed feed = new Feed(Runnable::run, (after, count) -> Uni.createFrom().item(List.of()), settings,
            closed -> {});
    private final AtomicInteger checks = new AtomicInteger();
    private final List<Object> answers = new CopyOnWriteArrayList<>();

    private void ask(Supplier<Uni<Boolean>> check) {
        feed.admit(check, (yes, failure) -> answers.add(failure != null ? failure : yes));
    }

    @Test
    void concurrentViewersShareOneCheckWhoseYesIsKept() {
        List<UniEmitter<? super Boolean>> pending = new CopyOnWriteArrayList<>();
        Supplier<Uni<Boolean>> check = () -> Uni.createFrom().emitter(e -> {
            checks.incrementAndGet();
            pending.add(e);
        });
        for (int i = 0; i < 50; i++) {
            ask(check);
        }
        assertThat(checks).hasValue(1);
        pending.get(0).complete(true);
        ask(check);

        assertThat(answers).hasSize(51).containsOnly(true);
        assertThat(checks).hasValue(1);
    }

    @Test
    void aNoIsNotKept() {
        Supplier<Uni<Boolean>> check = () -> Uni.createFrom().item(() -> {
            checks.incrementAndGet();
            return false;
        });
        ask(check);
        ask(check);

        assertThat(answers).containsExactly(false, false);
        assertThat(checks).hasValue(2);
    }

    @Test
    void aCheckThatFailsIsRetriedBeforeTheViewersAreTold() {
        Supplier<Uni<Boolean>> check = () -> Uni.createFrom().item(() -> {
            if (checks.incrementAndGet() < 3) {
                throw new IllegalStateException("command timed out");
            }
            return true;
        });
        ask(check);
        ask(check);

        await().atMost(Duration.ofSeconds(10)).until(() -> answers.size() == 2);
        assertThat(answers).containsOnly(true);
        assertThat(checks).hasValue(3);
    }

    @Test
    void aCheckThatKeepsFailingTellsEveryWaitingViewerOnce() {
        IllegalStateException down = new IllegalStateException("store down");
        Supplier<Uni<Boolean>> check = () -> Uni.createFrom().item(() -> {
            checks.incrementAndGet();
            throw down;
        });
        ask(check);
        ask(check);

        await().atMost(Duration.ofSeconds(10)).until(() -> answers.size() == 2);
        assertThat(answers).containsOnly(down);
        assertThat(checks).hasValue(4);
    }
}
