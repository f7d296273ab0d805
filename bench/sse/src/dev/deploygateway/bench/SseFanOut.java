package dev.deploygateway.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SSE fan-out benchmark. Against one running gateway (demo profile, Vercel sandbox) and one running baseline
 * ({@link SseBaseline}, a bare Vert.x server) on the same machine, in one run:
 * <ul>
 * <li>A: one deployment watched by one viewer (upstream calls for one viewer);</li>
 * <li>B: one deployment watched by K viewers (ramp, complete sequences, delivery lag, upstream calls);</li>
 * <li>C: K viewers attached to a slow deployment, measured idle (RSS, live heap, class histogram), then
 * canceled;</li>
 * <li>baseline: K connections to the bare server (RSS, live heap), then B's events published to them with B's
 * timing (delivery lag).</li>
 * </ul>
 * Lag: every id is {@code <append millis>-<seq>}, so receipt millis minus id millis is append-to-receipt time on
 * this machine's clock; only events appended after a viewer's stream opened count (earlier ones are replay).
 *
 * <p>Args: gatewayUrl gatewayPid baselinePort baselinePid K rampConcurrency resultsFile command
 */
public final class SseFanOut {

    /** What one scenario measured. */
    static final class Result {
        String deploymentId;
        Viewers.Run run;
        List<Gateway.LoggedEvent> log = List.of();
        long rssBefore;
        long rssWith;
        long heapBefore = -1;
        long heapWith = -1;
        long upstreamServed;
        long upstreamClient;
        Map<String, Long> upstreamByUri = Map.of();
        List<String[]> growth = List.of();

        List<String> ids() {
            return log.stream().map(Gateway.LoggedEvent::id).toList();
        }
    }

    private final Gateway gateway;
    private final long gatewayPid;
    private final int baselinePort;
    private final long baselinePid;
    private final int rampConcurrency;

    private SseFanOut(Gateway gateway, long gatewayPid, int baselinePort, long baselinePid, int rampConcurrency) {
        this.gateway = gateway;
        this.gatewayPid = gatewayPid;
        this.baselinePort = baselinePort;
        this.baselinePid = baselinePid;
        this.rampConcurrency = rampConcurrency;
    }

    public static void main(String[] args) throws Exception {
        Gateway gateway = new Gateway(args[0]);
        SseFanOut bench = new SseFanOut(gateway, Long.parseLong(args[1]), Integer.parseInt(args[2]),
                Long.parseLong(args[3]), Integer.parseInt(args[5]));
        int k = Integer.parseInt(args[4]);
        Report report = new Report(k, args[7], ServerProcess.loadAverage());
        gateway.signIn();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        log("A: 1 viewer");
        Result a = bench.watched("bench-a-" + run, 1);
        log("W: " + k + " viewers of A's finished deployment (replay from memory; warms both sides up)");
        Result w = bench.replayed(a, k);
        log("B: " + k + " viewers");
        Result b = bench.watched("bench-b-" + run, k);
        String meters = gateway.metricLines("gateway_sse_");
        log("C: " + k + " idle viewers, memory");
        Result c = bench.idle("bench-c-" + run, k);
        log("baseline: " + k + " viewers of a bare Vert.x server");
        Result base = bench.baseline(k, b.log);
        String table = report.render(a, w, b, c, base, meters, ServerProcess.loadAverage());
        System.out.println(table);
        Files.writeString(Path.of(args[6]), table);
        System.exit(0);
    }

    /** A deployment watched live by {@code k} viewers until its end. */
    private Result watched(String project, int k) throws Exception {
        Result r = new Result();
        Thread.sleep(1500); // meters count a request when it completes: let earlier streams settle
        Map<String, Double> before = gateway.upstreamCalls();
        r.rssBefore = ServerProcess.rssKb(gatewayPid);
        r.deploymentId = gateway.deploy(project, false);
        Viewers viewers = new Viewers(k);
        r.run = viewers.open(port(gateway), "/api/v1/deployments/" + r.deploymentId + "/events", gateway.cookie(), k,
                rampConcurrency);
        r.rssWith = ServerProcess.rssKb(gatewayPid);
        log(String.format("  %d open, %d failed in %.1f s; RSS %d MB", r.run.open.get(), r.run.failed.get(),
                r.run.rampSeconds, r.rssWith / 1024));
        Viewers.awaitClosed(r.run, k, 300);
        viewers.close();
        r.log = gateway.log(r.deploymentId);
        Thread.sleep(2000);
        Map<String, Double> after = gateway.upstreamCalls();
        r.upstreamServed = delta(before, after, "served");
        r.upstreamClient = delta(before, after, "client");
        r.upstreamByUri = byUri(before, after);
        log("  closed " + r.run.closed.get() + "; upstream calls " + r.upstreamServed + " " + r.upstreamByUri);
        return r;
    }

    /** K viewers of a finished deployment: each gets the whole log from the feed's memory and the end. */
    private Result replayed(Result finished, int k) throws Exception {
        Result r = new Result();
        r.deploymentId = finished.deploymentId;
        r.log = finished.log;
        Viewers viewers = new Viewers(k);
        r.run = viewers.open(port(gateway), "/api/v1/deployments/" + r.deploymentId + "/events", gateway.cookie(), k,
                rampConcurrency);
        Viewers.awaitClosed(r.run, k, 300);
        viewers.close();
        log(String.format("  %d open, %d failed in %.1f s", r.run.open.get(), r.run.failed.get(), r.run.rampSeconds));
        return r;
    }

    /** K viewers attached to a slow deployment, measured while nothing is sent, then the deployment canceled. */
    private Result idle(String project, int k) throws Exception {
        Result r = new Result();
        Map<String, long[]> histogramBefore = ServerProcess.histogram(gatewayPid);
        r.heapBefore = ServerProcess.liveHeapKb(gatewayPid);
        r.rssBefore = ServerProcess.rssKb(gatewayPid);
        r.deploymentId = gateway.deploy(project, true);
        Viewers viewers = new Viewers(k);
        r.run = viewers.open(port(gateway), "/api/v1/deployments/" + r.deploymentId + "/events", gateway.cookie(), k,
                rampConcurrency);
        Thread.sleep(1000);
        r.rssWith = ServerProcess.rssKb(gatewayPid);
        r.heapWith = ServerProcess.liveHeapKb(gatewayPid);
        r.growth = ServerProcess.growth(histogramBefore, ServerProcess.histogram(gatewayPid), 20);
        String dump = System.getenv("HEAP_DUMP");
        if (dump != null && !dump.isBlank()) {
            ServerProcess.heapDump(gatewayPid, dump);
        }
        log(String.format("  %d open in %.1f s; RSS %d -> %d MB", r.run.open.get(), r.run.rampSeconds,
                r.rssBefore / 1024, r.rssWith / 1024));
        gateway.cancel(r.deploymentId);
        Viewers.awaitClosed(r.run, k, 300);
        viewers.close();
        return r;
    }

    /**
     * The bare server: a first ramp of K connections ended at once (the gateway has had B before C, so both are
     * measured on their second ramp), then K connections, memory, and {@code events} published with their
     * original spacing.
     */
    private Result baseline(int k, List<Gateway.LoggedEvent> events) throws Exception {
        Viewers warmUp = new Viewers(k);
        Viewers.Run first = warmUp.open(baselinePort, "/events", null, k, rampConcurrency);
        publish("end {}");
        Viewers.awaitClosed(first, k, 300);
        warmUp.close();
        Result r = new Result();
        Map<String, long[]> histogramBefore = ServerProcess.histogram(baselinePid);
        r.heapBefore = ServerProcess.liveHeapKb(baselinePid);
        r.rssBefore = ServerProcess.rssKb(baselinePid);
        Viewers viewers = new Viewers(k);
        r.run = viewers.open(baselinePort, "/events", null, k, rampConcurrency);
        Thread.sleep(1000);
        r.rssWith = ServerProcess.rssKb(baselinePid);
        r.heapWith = ServerProcess.liveHeapKb(baselinePid);
        r.growth = ServerProcess.growth(histogramBefore, ServerProcess.histogram(baselinePid), 20);
        log(String.format("  %d open in %.1f s; RSS %d -> %d MB", r.run.open.get(), r.run.rampSeconds,
                r.rssBefore / 1024, r.rssWith / 1024));
        // The gateway's journal appends in batches (one script, one millisecond): publish the same batches.
        long firstAppend = Viewers.Run.appendedMillis(events.get(0).id());
        long start = System.currentTimeMillis();
        for (int i = 0; i < events.size();) {
            long at = Viewers.Run.appendedMillis(events.get(i).id());
            StringBuilder batch = new StringBuilder();
            for (; i < events.size() && Viewers.Run.appendedMillis(events.get(i).id()) == at; i++) {
                batch.append(events.get(i).event()).append(' ').append(events.get(i).data()).append('\n');
            }
            Thread.sleep(Math.max(0, start + at - firstAppend - System.currentTimeMillis()));
            publish(batch.toString());
        }
        Viewers.awaitClosed(r.run, k, 300);
        viewers.close();
        r.log = events;
        return r;
    }

    private void publish(String lines) throws Exception {
        new Gateway("http://127.0.0.1:" + baselinePort).send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + baselinePort + "/publish")).POST(HttpRequest.BodyPublishers.ofString(lines)).build(), 200);
    }

    private static int port(Gateway gateway) {
        return URI.create(gateway.base()).getPort();
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

    static void log(String line) {
        System.err.println(LocalTime.now().withNano(0) + " " + line);
    }
}
