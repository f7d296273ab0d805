package dev.deploygateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives {@code POST /api/v1/deployments} of one running gateway (demo profile, Redis store, in-app Vercel
 * sandbox) with a fixed number of requests in flight over HTTP/1.1, and prints the status mix, accepted+refused
 * per second and latency percentiles. JDK only: {@code java.net.http} for the load, {@code java.security} for the
 * callers' RS256 tokens (signed with the test key pair the app is started to trust).
 *
 * <p>Setup, not measured: every user gets a sandbox Vercel token and connects it. The in-app sandbox keeps at most
 * 1,000 accounts and 2,000 projects, so gateway users share {@value #SANDBOX_ACCOUNTS} sandbox accounts (each user
 * has a token of its own) and every deployment goes to its account's one project, which the gateway finds and reuses
 * (the rate limit is per gateway user, so neither sharing changes what is measured). Then one continuous closed
 * loop: during the warm-up, requests go to warm-up users; from then on to measured users, so the measured
 * requests start on empty windows (their 202/429 mix is what users × limit implies) while the load is already
 * in its steady state (no ramp from zero in flight inside the window). Measured: the requests sent in the window
 * (status, latency; those still in flight at its end are awaited) and the 202/429 answers completed in the window
 * (the rate).
 *
 * <p>CPU over the window, from {@code /proc}: the app's, this client's and the whole machine's, so a reader can see
 * how much of the 2 shared cores the app actually got.
 *
 * <p>Usage: {@code HttpBench <baseUrl> <privateKey.pem> <users> <clients> <seconds> <warmupUsers> <warmupSeconds>
 * <appPid>}
 */
public final class HttpBench {

    private static final String ISSUER = "https://deploy-gateway.local/demo";
    private static final String AUDIENCE = "deploy-gateway";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final int SAMPLE_BODIES = 2;
    private static final int SANDBOX_ACCOUNTS = 400;
    private static final String PROJECT = "bench-site";

    private final URI base;
    private final PrivateKey key;
    private final HttpClient http;
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    private HttpBench(URI base, PrivateKey key) {
        this.base = base;
        this.key = key;
        // HTTP/1.1: one TCP connection per request in flight, as 1,000 separate clients would open. Two threads
        // are enough: the client's selector thread does the I/O, these only run completions.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "http-bench");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        PrivateKey key = readPrivateKey(Path.of(args[1]));
        int users = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmupUsers = Integer.parseInt(args[5]);
        int warmupSeconds = Integer.parseInt(args[6]);
        long appPid = Long.parseLong(args[7]);
        new HttpBench(base, key).run(users, clients, seconds, warmupUsers, warmupSeconds, appPid);
        System.exit(0);
    }

    private void run(int users, int clients, int seconds, int warmupUsers, int warmupSeconds, long appPid)
            throws Exception {
        long t0 = System.nanoTime();
        List<String> measured = connectUsers("hb" + run + "-", users);
        List<String> warmup = connectUsers("hw" + run + "-", warmupUsers);
        System.err.printf("setup: %d + %d users connected in %.1f s%n", users, warmupUsers,
                (System.nanoTime() - t0) / 1e9);

        Load load = new Load(warmup, measured, clients, warmupSeconds, seconds);
        var sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cpu-sampler");
            t.setDaemon(true);
            return t;
        });
        var atStart = sampler.schedule(() -> Cpu.sample(appPid), warmupSeconds * 1000L, TimeUnit.MILLISECONDS);
        var atEnd = sampler.schedule(() -> Cpu.sample(appPid), (warmupSeconds + seconds) * 1000L,
                TimeUnit.MILLISECONDS);
        for (int i = 0; i < clients; i++) {
            issue(load);
        }
        load.drained.await();
        load.cpu = atEnd.get().minus(atStart.get());
        System.err.printf("warm-up: %d s on %d other users, statuses %s%n", warmupSeconds, warmupUsers,
                new TreeMap<>(load.warmupStatuses));
        report(load, clients, users);
    }

    /** Mints a token per user and connects a sandbox Vercel account for it; returns the users' bearer tokens. */
    private List<String> connectUsers(String prefix, int count) throws Exception {
        List<String> bearers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bearers.add(jwt(prefix + i));
        }
        Semaphore inFlight = new Semaphore(32); // setup is not measured; keep it gentle on the app
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = prefix + i;
            String account = "bench" + run + "-" + (i % SANDBOX_ACCOUNTS);
            String bearer = bearers.get(i);
            inFlight.acquire();
            done.add(send(post("/sandbox/vercel/_sandbox/tokens", null, "{\"username\":\"" + account + "\"}"))
                    .thenCompose(minted -> {
                        expect(minted, 201, "mint a sandbox token for " + user);
                        Matcher token = TOKEN.matcher(minted.body());
                        if (!token.find()) {
                            throw new IllegalStateException("no token in " + minted.body());
                        }
                        return send(HttpRequest.newBuilder(base.resolve("/api/v1/platforms/vercel/connection"))
                                .version(HttpClient.Version.HTTP_1_1).header("Authorization", "Bearer " + bearer)
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token.group(1) + "\"}"))
                                .build());
                    })
                    .thenAccept(connected -> expect(connected, 200, "connect Vercel for " + user))
                    .whenComplete((ok, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        return bearers;
    }

    /** Closed loop: each completion sends the next request, until the window ends. */
    private void issue(Load load) {
        long now = System.nanoTime();
        if (now >= load.windowEnd) {
            load.finish();
            return;
        }
        boolean inWindow = now >= load.warmupEnd;
        List<String> users = inWindow ? load.measured : load.warmup;
        String bearer = users.get(ThreadLocalRandom.current().nextInt(users.size()));
        String body = "{\"platform\":\"vercel\",\"projectName\":\"" + PROJECT + "\","
                + "\"files\":{\"index.html\":{\"content\":\"<h1>hi</h1>\",\"encoding\":\"utf-8\"}}}";
        send(post("/api/v1/deployments", bearer, body)).whenComplete((response, error) -> {
            long done = System.nanoTime();
            load.record(inWindow, done - now, done, error == null ? response : null, error);
            issue(load);
        });
    }

    private void report(Load load, int clients, int users) {
        long[] lat = load.measuredLatencies();
        Arrays.sort(lat);
        long accepted = load.count("202");
        long refused = load.count("429");
        long fiveXx = load.statuses.entrySet().stream().filter(e -> e.getKey().startsWith("5"))
                .mapToLong(e -> e.getValue().get()).sum();
        System.out.printf("http seconds=%d clients=%d users=%d responses=%d accepted=%d refused=%d other=%d s5xx=%d "
                + "rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f drain_s=%.1f app_cores=%.2f "
                + "client_cores=%.2f machine_cores=%.2f%n", load.seconds, clients, users, lat.length, accepted,
                refused, lat.length - accepted - refused, fiveXx, load.decidedInWindow.get() / (double) load.seconds,
                pct(lat, 50), pct(lat, 95), pct(lat, 99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6,
                (load.drainedAt - load.windowEnd) / 1e9, load.cpu.app / load.seconds, load.cpu.client / load.seconds,
                load.cpu.machine / load.seconds);
        new TreeMap<>(load.statuses).forEach((status, n) -> System.out.printf("status %s %d%n", status, n.get()));
        load.samples.forEach((status, bodies) -> bodies.forEach(b -> System.out.printf("sample %s %s%n", status, b)));
    }

    private static final class Load {
        final List<String> warmup;
        final List<String> measured;
        final int seconds;
        final long warmupEnd;
        final long windowEnd;
        final AtomicInteger clients;
        final CountDownLatch drained = new CountDownLatch(1);
        volatile long drainedAt;
        Cpu cpu;
        /** 202 + 429 answers completed inside the window, whichever phase sent them: the rate's numerator. */
        final AtomicLong decidedInWindow = new AtomicLong();
        /** Of the requests sent in the window: status (with the problem code for errors), latency, bodies. */
        final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> warmupStatuses = new ConcurrentHashMap<>();
        final Map<String, List<String>> samples = new ConcurrentHashMap<>();
        private final List<Long> latencies = new ArrayList<>();

        Load(List<String> warmup, List<String> measured, int clients, int warmupSeconds, int seconds) {
            this.warmup = warmup;
            this.measured = measured;
            this.seconds = seconds;
            this.clients = new AtomicInteger(clients);
            this.warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            this.windowEnd = warmupEnd + seconds * 1_000_000_000L;
        }

        /** A client stops sending; the last one to stop ends the run. */
        void finish() {
            if (clients.decrementAndGet() == 0) {
                drainedAt = System.nanoTime();
                drained.countDown();
            }
        }

        void record(boolean sentInWindow, long nanos, long doneAt, HttpResponse<String> response, Throwable error) {
            String status = error != null ? "client-error " + rootCause(error) : Integer.toString(response.statusCode());
            boolean decided = status.equals("202") || status.equals("429");
            if (decided && doneAt >= warmupEnd && doneAt < windowEnd) {
                decidedInWindow.incrementAndGet();
            }
            if (!sentInWindow) {
                warmupStatuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                return;
            }
            if (!decided && response != null) {
                Matcher code = CODE.matcher(response.body());
                status += code.find() ? " " + code.group(1) : "";
            }
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            synchronized (latencies) {
                latencies.add(nanos);
            }
            if (!decided) {
                List<String> kept = samples.computeIfAbsent(status, s -> new ArrayList<>());
                synchronized (kept) {
                    if (kept.size() < SAMPLE_BODIES) {
                        kept.add(response == null ? String.valueOf(error) : "Retry-After="
                                + response.headers().firstValue("Retry-After").orElse("-") + " "
                                + response.body().replaceAll("\\s+", " "));
                    }
                }
            }
        }

        long count(String status) {
            AtomicLong n = statuses.get(status);
            return n == null ? 0 : n.get();
        }

        long[] measuredLatencies() {
            synchronized (latencies) {
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }
        }
    }

    /** CPU seconds so far: the app process, this JVM, and all processes on the machine (busy time of all cores). */
    private record Cpu(double app, double client, double machine) {
        private static final double TICK = 100.0; // USER_HZ: /proc counts in 1/100 s on Linux

        static Cpu sample(long appPid) {
            try {
                String proc = Files.readString(Path.of("/proc/" + appPid + "/stat"));
                String[] f = proc.substring(proc.lastIndexOf(')') + 2).split(" "); // f[0] is field 3, state
                double app = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICK; // utime, stime
                String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i <= 8; i++) { // user nice system idle iowait irq softirq steal
                    busy += i == 4 || i == 5 ? 0 : Long.parseLong(all[i]);
                }
                double client = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L)
                        / 1e9;
                return new Cpu(app, client, busy / TICK);
            } catch (Exception e) {
                return new Cpu(0, 0, 0);
            }
        }

        Cpu minus(Cpu before) {
            return new Cpu(app - before.app, client - before.client, machine - before.machine);
        }
    }

    private HttpRequest post(String path, String bearer, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b.build();
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /** An RS256 JWT with the claims the demo profile verifies (issuer, audience, subject/upn, iat, exp). */
    private String jwt(String userId) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = b64("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + userId
                + "\",\"upn\":\"" + userId + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey readPrivateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String rootCause(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getClass().getSimpleName();
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, idx)] / 1e6;
    }
}
