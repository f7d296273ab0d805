package dev.deploygateway.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * K SSE viewers of one URL, on a Vert.x client with two event loops (the client shares the machine's two cores
 * with the server). Each viewer parses its stream as an EventSource would (only the id and event fields matter
 * here), records the receipt time of every event it gets and whether the stream ended with {@code end}. At most
 * {@code rampConcurrency} connects wait for their response headers at any time.
 */
final class Viewers {

    private final Vertx vertx;
    private final HttpClient client;

    Viewers(int k) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        this.client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(k + 16).setKeepAlive(true)
                .setPoolEventLoopSize(2).setMaxWaitQueueSize(-1).setConnectTimeout(60_000).setIdleTimeout(0));
    }

    /** One stream. Touched only on its connection's event loop, and read once every stream is closed. */
    static final class Viewer {
        int status = -1;
        long requestedAtNanos;
        long answeredAtNanos;
        long openedAtMillis = Long.MAX_VALUE;
        boolean closed;
        boolean sawEnd;
        final List<String> ids = new ArrayList<>();
        long[] receipts = new long[32];
        private final StringBuilder field = new StringBuilder();
        private final StringBuilder value = new StringBuilder();
        private boolean inValue;
        private boolean skipLine;
        private String id;
        private String event;

        void feed(Buffer chunk, long now) {
            for (int i = 0, n = chunk.length(); i < n; i++) {
                char c = (char) (chunk.getByte(i) & 0xff);
                if (c == '\n') {
                    endLine(now);
                } else if (skipLine || c == '\r') {
                    continue;
                } else if (inValue) {
                    value.append(c);
                } else if (c == ':') {
                    inValue = true;
                    String name = field.toString();
                    skipLine = !name.equals("id") && !name.equals("event");
                } else {
                    field.append(c);
                }
            }
        }

        private void endLine(long now) {
            if (field.length() == 0 && !inValue) {
                dispatch(now);
            } else if (!skipLine) {
                String name = field.toString();
                if (name.equals("id")) {
                    id = value.toString().trim();
                } else if (name.equals("event")) {
                    event = value.toString().trim();
                }
            }
            field.setLength(0);
            value.setLength(0);
            inValue = false;
            skipLine = false;
        }

        private void dispatch(long now) {
            if (id != null) {
                if (ids.size() == receipts.length) {
                    receipts = Arrays.copyOf(receipts, receipts.length * 2);
                }
                receipts[ids.size()] = now;
                ids.add(id);
                sawEnd |= "end".equals(event);
            }
            id = null;
            event = null;
        }
    }

    /** What K viewers saw. */
    static final class Run {
        final List<Viewer> viewers = new ArrayList<>();
        double rampSeconds;
        long allOpenAtMillis = Long.MAX_VALUE;
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        int complete(List<String> log) {
            int n = 0;
            for (Viewer v : viewers) {
                n += v.sawEnd && v.ids.equals(log) ? 1 : 0;
            }
            return n;
        }

        /** Viewers that got {@code count} events, the last being {@code end} (ids of their own server). */
        int completeCount(int count) {
            int n = 0;
            for (Viewer v : viewers) {
                n += v.sawEnd && v.ids.size() == count && v.ids.stream().distinct().count() == count ? 1 : 0;
            }
            return n;
        }

        /** From sending a connect to its response headers, in ms (connects that were answered). */
        Samples connectLatency() {
            Samples latency = new Samples();
            for (Viewer v : viewers) {
                if (v.answeredAtNanos > 0) {
                    latency.add((v.answeredAtNanos - v.requestedAtNanos) / 1_000_000);
                }
            }
            return latency;
        }

        /** Append-to-receipt lag of every delivery of an event appended once all K streams were open. */
        Samples lags() {
            return lags(allOpenAtMillis, Long.MAX_VALUE);
        }

        /** The same for events appended while the streams were still opening (to viewers already open). */
        Samples lagsDuringRamp() {
            return lags(Long.MIN_VALUE, allOpenAtMillis);
        }

        private Samples lags(long from, long until) {
            Samples lags = new Samples();
            for (Viewer v : viewers) {
                for (int i = 0; i < v.ids.size(); i++) {
                    long appended = appendedMillis(v.ids.get(i));
                    if (appended >= v.openedAtMillis && appended >= from && appended < until) {
                        lags.add(v.receipts[i] - appended);
                    }
                }
            }
            return lags;
        }

        /** Receipt time after the first receiver of the same event. */
        Samples spread() {
            Map<String, Long> first = new HashMap<>();
            for (Viewer v : viewers) {
                for (int i = 0; i < v.ids.size(); i++) {
                    first.merge(v.ids.get(i), v.receipts[i], Math::min);
                }
            }
            Samples spread = new Samples();
            for (Viewer v : viewers) {
                for (int i = 0; i < v.ids.size(); i++) {
                    if (appendedMillis(v.ids.get(i)) >= allOpenAtMillis) {
                        spread.add(v.receipts[i] - first.get(v.ids.get(i)));
                    }
                }
            }
            return spread;
        }

        static long appendedMillis(String id) {
            return Long.parseLong(id.substring(0, id.indexOf('-')));
        }
    }

    /** Opens K streams to {@code port}{@code path}; returns once all have answered (or the timeout passed). */
    Run open(int port, String path, String cookie, int k, int rampConcurrency) throws InterruptedException {
        Run run = new Run();
        CountDownLatch answered = new CountDownLatch(k);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        Runnable[] startOne = new Runnable[1];
        startOne[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= k) {
                return;
            }
            Viewer viewer = new Viewer();
            viewer.requestedAtNanos = System.nanoTime();
            synchronized (run.viewers) {
                run.viewers.add(viewer);
            }
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                    .setPort(port).setURI(path).putHeader("Accept", "text/event-stream");
            if (cookie != null) {
                options.putHeader("Cookie", cookie);
            }
            client.request(options).compose(request -> request.send()).onComplete(ar -> {
                if (ar.failed()) {
                    run.failed.incrementAndGet();
                    run.closed.incrementAndGet();
                } else {
                    var response = ar.result();
                    viewer.answeredAtNanos = System.nanoTime();
                    viewer.status = response.statusCode();
                    viewer.openedAtMillis = System.currentTimeMillis();
                    (viewer.status == 200 ? run.open : run.failed).incrementAndGet();
                    response.handler(chunk -> viewer.feed(chunk, System.currentTimeMillis()));
                    response.endHandler(v -> closed(run, viewer));
                    response.exceptionHandler(t -> closed(run, viewer));
                }
                answered.countDown();
                startOne[0].run();
            });
        };
        for (int i = 0; i < Math.min(rampConcurrency, k); i++) {
            startOne[0].run();
        }
        answered.await(300, TimeUnit.SECONDS);
        run.rampSeconds = (System.nanoTime() - start) / 1e9;
        run.allOpenAtMillis = System.currentTimeMillis();
        return run;
    }

    private static void closed(Run run, Viewer viewer) {
        if (!viewer.closed) {
            viewer.closed = true;
            run.closed.incrementAndGet();
        }
    }

    /** Waits until every stream of {@code run} has closed. */
    static boolean awaitClosed(Run run, int k, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (run.closed.get() < k && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return run.closed.get() >= k;
    }

    void close() {
        client.close();
        vertx.close();
    }
}
