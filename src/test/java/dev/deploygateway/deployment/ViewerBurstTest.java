package dev.deploygateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.deploygateway.events.DeploymentEvent;
import dev.deploygateway.identity.TestTokens;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.store.RedisClients;
import dev.deploygateway.store.RedisServerResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;

/**
 * Viewers cost the store nothing per connect: a thousand browsers open a running deployment's stream at the same
 * moment on an instance backed by real Redis, and every one gets 200 and then the whole log, in order, ending
 * with {@code end}; the burst costs one ownership read and the feed's own reads, never a command per viewer, and
 * nothing that could trip the store's breaker or shed load.
 */
@QuarkusTest
@TestProfile(OwnershipFixture.FakePlatformProfile.class)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ViewerBurstTest extends OwnershipFixture {

    private static final int VIEWERS = 1000;
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final Pattern CALLS = Pattern.compile("cmdstat_(\\w+):calls=(\\d+)");

    @TestHTTPResource("/")
    URL app;
    @Inject
    MeterRegistry meters;

    /** The browsers' side, and a Redis client of the test's own: its own event loops, not the app's. */
    private Vertx outside;

    @BeforeEach
    void clients() {
        outside = Vertx.vertx();
    }

    @AfterEach
    void closeClients() {
        outside.closeAndAwait();
    }

    /** One browser's stream: its status and everything it received. */
    static final class Stream {
        volatile int status;
        final StringBuffer body = new StringBuffer();
        volatile boolean closed;
    }

    @Test
    void aThousandViewersOpeningAtOnceGetTheWholeLogForOneOwnershipRead() {
        fake.reset();
        String user = "crowd-" + UUID.randomUUID().toString().substring(0, 8);
        DeploymentRecord r = instance().start(user, "crowd");
        FakePlatform.Build build = awaitBuild(r);
        build.line("before the crowd", T);
        awaitLogLines(r, 1);
        Map<String, Long> commandsBefore = commandCalls();
        double storeFailures = counter("gateway.store.failures");
        double storeSaturated = counter("gateway.store.saturated");

        List<Stream> streams = open(user, r.id());
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.stream().allMatch(s -> s.status != 0));
        Map<String, Long> commandsAfter = commandCalls();

        assertThat(streams).extracting(s -> s.status).containsOnly(200);
        // A thousand viewers checking ownership or reading the log for themselves would be a thousand commands.
        assertThat(delta(commandsBefore, commandsAfter, "hgetall")).isLessThanOrEqualTo(2);
        assertThat(delta(commandsBefore, commandsAfter, "xrange")).isLessThan(100);
        // Nothing shed, and the breaker closed: the viewers' one read cannot open it (it needs several failures).
        assertThat(counter("gateway.store.saturated")).isEqualTo(storeSaturated);
        assertThat(counter("gateway.store.failures") - storeFailures).isLessThanOrEqualTo(1);
        assertThat(meters.get("gateway.store.breaker.state").gauge().value()).isZero();

        build.line("while they watch", T.plusMillis(1));
        build.line("still watching", T.plusMillis(2));
        build.finish(PlatformState.READY);
        List<String> log = awaitEnd(r).stream().map(DeploymentEvent::id).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.stream().allMatch(s -> s.closed));
        for (Stream stream : streams) {
            List<SseStreams.Event> events = SseStreams.parse(stream.body.toString());
            assertThat(events).extracting(SseStreams.Event::id).isEqualTo(log);
            assertThat(events.get(events.size() - 1).event()).isEqualTo("end");
        }
    }

    private List<Stream> open(String user, String deploymentId) {
        HttpClient client = outside.getDelegate().createHttpClient(new HttpClientOptions().setMaxPoolSize(VIEWERS + 10)
                .setMaxWaitQueueSize(-1).setKeepAlive(true));
        String token = TestTokens.valid(user);
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < VIEWERS; i++) {
            Stream stream = new Stream();
            streams.add(stream);
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost(app.getHost())
                    .setPort(app.getPort()).setURI("/api/v1/deployments/" + deploymentId + "/events")
                    .putHeader("Accept", "text/event-stream").putHeader("Authorization", "Bearer " + token);
            client.request(request).compose(req -> req.send()).onComplete(ar -> {
                if (ar.failed()) {
                    stream.status = -1;
                    stream.closed = true;
                    return;
                }
                ar.result().handler(chunk -> stream.body.append(chunk.toString()));
                ar.result().endHandler(v -> stream.closed = true);
                ar.result().exceptionHandler(t -> stream.closed = true);
                stream.status = ar.result().statusCode();
            });
        }
        return streams;
    }

    private Map<String, Long> commandCalls() {
        String info = RedisClients.dataSource(outside, RedisServerResource.forQuarkus().url())
                .execute("INFO", "commandstats").await().atMost(WAIT).toString();
        Map<String, Long> calls = new HashMap<>();
        Matcher m = CALLS.matcher(info);
        while (m.find()) {
            calls.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return calls;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String command) {
        return after.getOrDefault(command, 0L) - before.getOrDefault(command, 0L);
    }

    private double counter(String name) {
        var counter = meters.find(name).counter();
        return counter == null ? 0 : counter.count();
    }
}
