package dev.deploygateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSE fan-out benchmark client. Against one running gateway (demo profile, Vercel sandbox): signs in, connects a
 * sandbox Vercel account, then runs scenario A (one deployment, one viewer) and scenario B (one deployment, K
 * viewers), and reports app RSS per 1,000 viewers, delivery lag, upstream platform calls A vs B and complete
 * sequences. One JVM, JDK HttpClient over HTTP/1.1 (one TCP connection per viewer), line subscribers.
 *
 * <p>Lag: the id of every event is {@code <append-millis>-<seq>} (the store stamps it when the event is
 * appended), so {@code receive millis - id millis} is the append-to-receipt lag on this machine's clock. Only
 * events appended after a viewer's stream opened count as live; earlier ones are replay.
 *
 * <p>Args: baseUrl appPid K rampConcurrency resultsFile
 */
public final class SseFanOut {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EVENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"(\\d+-\\d+)\"");
    private static final Pattern ENDED = Pattern.compile("\"ended\"\\s*:\\s*true");
    private static final Pattern METRIC = Pattern.compile("^(\\w+)\\{(.*)\\}\\s+([0-9.eE+-]+)$");

    private final String base;
    private final long appPid;
    private final HttpClient http;
    private String cookie;

    private SseFanOut(String base, long appPid) {
        this.base = base;
        this.appPid = appPid;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "sse-client");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        int k = Integer.parseInt(args[2]);
        int ramp = Integer.parseInt(args[3]);
        Path results = Path.of(args[4]);
        new SseFanOut(base, pid).run(k, ramp, results);
        System.exit(0);
    }

    private void run(int k, int rampConcurrency, Path resultsFile) throws Exception {
        signIn();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

        log("scenario A: 1 viewer");
        Scenario a = scenario("bench-a-" + run, 1, rampConcurrency);
        log("scenario B: " + k + " viewers");
        Scenario b = scenario("bench-b-" + run, k, rampConcurrency);

        String table = report(a, b, k);
        System.out.println(table);
        Files.writeString(resultsFile, table);
    }

    /** One deployment watched by {@code viewers} subscribers; returns what was measured. */
    private Scenario scenario(String project, int viewers, int rampConcurrency) throws Exception {
        Scenario s = new Scenario(viewers);
        Thread.sleep(1500); // let earlier streams' metrics settle (meters count a request when it completes)
        Map<String, Double> metricsBefore = metrics();
        s.rssBefore = rssKb();
        s.heapBefore = liveHeapKb();
        String created = send(post("/api/v1/deployments", "{\"platform\":\"vercel\",\"projectName\":\"" + project
                + "\",\"target\":\"preview\",\"files\":{\"index.html\":{\"content\":\"<h1>" + project + "</h1>\","
                + "\"encoding\":\"utf-8\"}}}"), 202);
        String id = first(ID, created);
        s.deploymentId = id;
        long rampStart = System.nanoTime();
        Semaphore inFlight = new Semaphore(rampConcurrency);
        CountDownLatch opened = new CountDownLatch(viewers);
        Sampler sampler = new Sampler();
        sampler.start();
        for (int i = 0; i < viewers; i++) {
            inFlight.acquire();
            Viewer v = new Viewer(s, () -> {
                inFlight.release();
                opened.countDown();
            });
            s.viewers.add(v);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/deployments/" + id + "/events"))
                    .header("Accept", "text/event-stream").header("Cookie", cookie).GET().build();
            http.sendAsync(request, info -> {
                v.opened(info.statusCode());
                return HttpResponse.BodySubscribers.fromLineSubscriber(v);
            }).whenComplete((r, failure) -> v.closed(failure));
        }
        if (!opened.await(300, TimeUnit.SECONDS)) {
            log("not all viewers opened within 300 s");
        }
        s.rampSeconds = (System.nanoTime() - rampStart) / 1e9;
        s.rssWith = rssKb();
        s.heapWith = liveHeapKb();
        log(String.format("  %d streams open (%d failed) in %.1f s; RSS %d MB", s.open.get(), s.failed.get(),
                s.rampSeconds, s.rssWith / 1024));
        // Wait for the deployment to end and every viewer to close its stream.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (s.closed.get() < viewers && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        sampler.stop = true;
        s.rssPeak = Math.max(sampler.peak.get(), s.rssWith);
        s.canonical = fullLog(id);
        Thread.sleep(2000);
        Map<String, Double> metricsAfter = metrics();
        s.upstreamServed = delta(metricsBefore, metricsAfter, "served");
        s.upstreamClient = delta(metricsBefore, metricsAfter, "client");
        s.upstreamByUri = byUri(metricsBefore, metricsAfter);
        log("  ended: " + s.closed.get() + " closed, upstream calls served by the sandbox: " + s.upstreamServed
                + " " + s.upstreamByUri);
        return s;
    }

    // ---- reporting -------------------------------------------------------------------------------------------

    private String report(Scenario a, Scenario b, int k) {
        StringBuilder out = new StringBuilder();
        out.append("# SSE fan-out benchmark results\n\n");
        out.append("Run ").append(java.time.Instant.now()).append(" on ").append(host()).append("; K = ").append(k)
                .append(".\n\n");
        out.append("| metric | A (1 viewer) | B (K viewers) |\n| --- | ---: | ---: |\n");
        row(out, "viewers requested", a.requested, b.requested);
        row(out, "streams opened (HTTP 200)", a.open.get(), b.open.get());
        row(out, "streams failed to open", a.failed.get(), b.failed.get());
        row(out, "ramp time to all open (s)", fmt(a.rampSeconds), fmt(b.rampSeconds));
        row(out, "events in the deployment's log", a.canonical.size(), b.canonical.size());
        row(out, "viewers with the full sequence ending in `end`", a.complete(), b.complete());
        row(out, "app RSS before (MB)", mb(a.rssBefore), mb(b.rssBefore));
        row(out, "app RSS with viewers attached (MB)", mb(a.rssWith), mb(b.rssWith));
        row(out, "app RSS peak during the run (MB)", mb(a.rssPeak), mb(b.rssPeak));
        row(out, "**app RSS per 1,000 viewers (MB)**", "-", fmt(perThousand(b.rssWith - b.rssBefore, b.open.get())));
        row(out, "app live heap before / with viewers (MB, after full GC)", mb(a.heapBefore) + " / " + mb(a.heapWith),
                mb(b.heapBefore) + " / " + mb(b.heapWith));
        row(out, "**app live heap per 1,000 viewers (MB)**", "-",
                fmt(perThousand(b.heapWith - b.heapBefore, b.open.get())));
        row(out, "live deliveries measured (viewer x event)", a.lags.size(), b.lags.size());
        row(out, "**lag append->receipt p50 (ms)**", a.lags.pct(50), b.lags.pct(50));
        row(out, "**lag append->receipt p99 (ms)**", a.lags.pct(99), b.lags.pct(99));
        row(out, "lag append->receipt max (ms)", a.lags.pct(100), b.lags.pct(100));
        row(out, "spread after first receiver p50 / p99 (ms)", "-",
                b.spread().pct(50) + " / " + b.spread().pct(99));
        row(out, "upstream platform calls (served by the sandbox)", a.upstreamServed, b.upstreamServed);
        row(out, "upstream platform calls (gateway's Vercel client)", a.upstreamClient, b.upstreamClient);
        row(out, "**upstream calls ratio B/A**", "-",
                a.upstreamServed == 0 ? "n/a" : fmt((double) b.upstreamServed / a.upstreamServed));
        out.append("\nUpstream calls by sandbox route: A ").append(a.upstreamByUri).append("; B ")
                .append(b.upstreamByUri).append(".\n");
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Object a, Object b) {
        out.append("| ").append(name).append(" | ").append(a).append(" | ").append(b).append(" |\n");
    }

    private static double perThousand(long kb, int viewers) {
        return viewers == 0 ? 0 : kb / 1024.0 / viewers * 1000;
    }

    private static String mb(long kb) {
        return kb < 0 ? "n/a" : fmt(kb / 1024.0);
    }

    private static String fmt(double v) {
        return String.format("%.1f", v);
    }

    private static String host() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }

    // ---- the app -------------------------------------------------------------------------------------------

    private void signIn() throws Exception {
        HttpResponse<String> session = http.send(post("/api/v1/dev/session", "{\"username\":\"bench\"}"),
                HttpResponse.BodyHandlers.ofString());
        check(session, 201);
        cookie = session.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("dg_session=")).findFirst().orElseThrow();
        String minted = send(HttpRequest.newBuilder(URI.create(base + "/sandbox/vercel/_sandbox/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench\"}")).build(), 201);
        String token = first(TOKEN, minted);
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/platforms/vercel/connection"))
                .header("Content-Type", "application/json").header("Origin", base).header("Cookie", cookie)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(), 200);
    }

    private HttpRequest post(String path, String json) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.build();
    }

    private String send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        check(response, expected);
        return response.body();
    }

    private static void check(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The deployment's whole log, through the JSON long-poll form of the events route. */
    private List<String> fullLog(String id) throws Exception {
        List<String> ids = new ArrayList<>();
        String after = "0-0";
        for (int page = 0; page < 100; page++) {
            String body = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/deployments/" + id
                    + "/events?wait=0&after=" + after)).header("Accept", "application/json")
                    .header("Cookie", cookie).GET().build(), 200);
            Matcher m = EVENT_ID.matcher(body);
            int before = ids.size();
            while (m.find()) {
                ids.add(m.group(1));
            }
            if (ENDED.matcher(body).find() || ids.size() == before) {
                break;
            }
            after = ids.get(ids.size() - 1);
        }
        return ids;
    }

    private Map<String, Double> metrics() throws Exception {
        String text = send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).GET().build(), 200);
        Map<String, Double> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            Matcher m = METRIC.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            String labels = m.group(2);
            double value = Double.parseDouble(m.group(3));
            if (name.equals("http_server_requests_seconds_count")) {
                String uri = label(labels, "uri");
                if (uri.startsWith("/sandbox/vercel/") && !uri.startsWith("/sandbox/vercel/_sandbox")
                        && !uri.startsWith("/sandbox/vercel/sites/") && !uri.startsWith("/sandbox/vercel/oauth/")) {
                    out.merge("served " + label(labels, "method") + " " + uri.substring("/sandbox/vercel".length()),
                            value, Double::sum);
                }
            } else if (name.equals("http_client_requests_seconds_count") && labels.contains("clientName=\"vercel\"")) {
                out.merge("client " + label(labels, "method") + " " + label(labels, "uri"), value, Double::sum);
            }
        }
        return out;
    }

    private static String label(String labels, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : "";
    }

    private static long delta(Map<String, Double> before, Map<String, Double> after, String kind) {
        double sum = 0;
        for (var e : after.entrySet()) {
            if (e.getKey().startsWith(kind + " ")) {
                sum += e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            }
        }
        return Math.round(sum);
    }

    private static Map<String, Long> byUri(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Long> out = new TreeMap<>();
        for (var e : after.entrySet()) {
            long d = Math.round(e.getValue() - before.getOrDefault(e.getKey(), 0.0));
            if (e.getKey().startsWith("served ") && d != 0) {
                out.put(e.getKey().substring(7), d);
            }
        }
        return out;
    }

    private long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + appPid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // the app is gone
        }
        return -1;
    }

    /** Heap in use right after a full GC of the app (jcmd); -1 when jcmd is not usable. */
    private long liveHeapKb() {
        try {
            Process gc = new ProcessBuilder("jcmd", Long.toString(appPid), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor(60, TimeUnit.SECONDS);
            Process info = new ProcessBuilder("jcmd", Long.toString(appPid), "GC.heap_info").redirectErrorStream(true)
                    .start();
            String text = new String(info.getInputStream().readAllBytes());
            info.waitFor(60, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("used (\\d+)K").matcher(text);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + text);
        }
        return m.group(1);
    }

    private static void log(String line) {
        System.err.println(java.time.LocalTime.now().withNano(0) + " " + line);
    }

    /** Samples the app's RSS twice a second, keeping the peak. */
    private final class Sampler extends Thread {
        final AtomicLong peak = new AtomicLong();
        volatile boolean stop;

        Sampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stop) {
                peak.accumulateAndGet(rssKb(), Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    // ---- per-scenario state ---------------------------------------------------------------------------------

    /** What one scenario measured. */
    static final class Scenario {
        final int requested;
        final List<Viewer> viewers = new ArrayList<>();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final Samples lags = new Samples();
        final Map<String, Long> firstReceipt = new ConcurrentHashMap<>();
        final Samples spreadSamples = new Samples();
        String deploymentId;
        double rampSeconds;
        long rssBefore;
        long rssWith;
        long rssPeak;
        long heapBefore;
        long heapWith;
        long upstreamServed;
        long upstreamClient;
        Map<String, Long> upstreamByUri = Map.of();
        List<String> canonical = List.of();

        Scenario(int requested) {
            this.requested = requested;
        }

        int complete() {
            long expected = hash(canonical);
            int n = 0;
            for (Viewer v : viewers) {
                if (v.sawEnd && v.count == canonical.size() && v.idHash == expected) {
                    n++;
                }
            }
            return n;
        }

        Samples spread() {
            return spreadSamples;
        }

        static long hash(List<String> ids) {
            long h = 17;
            for (String id : ids) {
                h = h * 31 + id.hashCode();
            }
            return h;
        }
    }

    /** Many long samples, appended from several threads. */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        synchronized int size() {
            return size;
        }

        synchronized String pct(int p) {
            if (size == 0) {
                return "n/a";
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * size) - 1;
            return Long.toString(sorted[Math.max(0, Math.min(size - 1, index))]);
        }
    }

    /** One SSE viewer: parses lines into events, records lag for live ones and a hash of the ids it saw. */
    static final class Viewer implements Flow.Subscriber<String> {
        private final Scenario scenario;
        private final Runnable onOpen;
        private long openedAtMillis = Long.MAX_VALUE;
        private boolean openReported;
        private String id;
        private String event;
        long idHash = 17;
        int count;
        boolean sawEnd;

        Viewer(Scenario scenario, Runnable onOpen) {
            this.scenario = scenario;
            this.onOpen = onOpen;
        }

        synchronized void opened(int status) {
            openedAtMillis = System.currentTimeMillis();
            if (status == 200) {
                scenario.open.incrementAndGet();
            } else {
                scenario.failed.incrementAndGet();
            }
            reportOpen();
        }

        synchronized void closed(Throwable failure) {
            if (!openReported) {
                scenario.failed.incrementAndGet();
                reportOpen();
            }
            scenario.closed.incrementAndGet();
        }

        private void reportOpen() {
            if (!openReported) {
                openReported = true;
                onOpen.run();
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public synchronized void onNext(String line) {
            if (line.isEmpty()) {
                dispatch();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            }
        }

        private void dispatch() {
            if (id == null) {
                event = null;
                return;
            }
            long now = System.currentTimeMillis();
            long appended = Long.parseLong(id.substring(0, id.indexOf('-')));
            if (appended >= openedAtMillis) {
                scenario.lags.add(now - appended);
                Long first = scenario.firstReceipt.putIfAbsent(id, now);
                scenario.spreadSamples.add(first == null ? 0 : now - first);
            }
            idHash = idHash * 31 + id.hashCode();
            count++;
            sawEnd |= "end".equals(event);
            id = null;
            event = null;
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
