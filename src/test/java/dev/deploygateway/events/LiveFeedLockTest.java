package dev.deploygateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * EventFeeds calls {@link LiveFeed#isClosed()} inside {@code ConcurrentHashMap.compute} (holding the map's bin
 * lock), and a feed whose last viewer ends runs {@code onEmpty} (a map removal, needing that bin lock) from inside
 * its own lock. If {@code isClosed()} needed the feed lock, a viewer joining while the last one ended deadlocked
 * both event loops (seen in the SSE fan-out benchmark: the whole app stopped answering).
 */
class LiveFeedLockTest {

    @Test
    void isClosedAnswersWhileTheFeedRunsOnEmptyUnderItsLock() {
        AtomicReference<LiveFeed> feed = new AtomicReference<>();
        AtomicReference<Object> seenFromOtherThread = new AtomicReference<>();
        LiveFeed.Source source = (after, count) -> Uni.createFrom()
                .item(List.of(new DeploymentEvent("1-0", EventKind.END, "{\"status\":\"READY\",\"url\":null}")));
        feed.set(new LiveFeed("dep_x", source, 100, () -> {
            // Another thread asks, as EventFeeds.subscribe does from inside compute().
            try {
                seenFromOtherThread.set(CompletableFuture.supplyAsync(() -> feed.get().isClosed())
                        .get(2, TimeUnit.SECONDS));
            } catch (Exception e) {
                seenFromOtherThread.set(e);
            }
        }));
        List<DeploymentEvent> received = Multi.createFrom().<DeploymentEvent> emitter(e -> {
            feed.get().add(e, StreamIds.BEGINNING);
            feed.get().poll();
        }).collect().asList().await().atMost(java.time.Duration.ofSeconds(10));

        assertThat(received).extracting(DeploymentEvent::id).containsExactly("1-0");
        assertThat(seenFromOtherThread.get()).isEqualTo(true);
    }
}
