package dev.deploygateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The control calls the harness makes to the gateway (and the baseline), over the JDK's HTTP client. */
final class Gateway {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EVENT = Pattern.compile(
            "\\{\"id\":\"(\\d+-\\d+)\",\"event\":\"(\\w+)\",\"data\":(.*?)\\}(?=,\\{\"id\"|\\])");
    private static final Pattern ENDED = Pattern.compile("\"ended\"\\s*:\\s*true");
    private static final Pattern METRIC = Pattern.compile("^(\\w+)\\{(.*)\\}\\s+([0-9.eE+-]+)$");

    /** One event of the deployment's log, as the long poll gives it. */
    record LoggedEvent(String id, String event, String data) {
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private String cookie;

    Gateway(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    String cookie() {
        return cookie;
    }

    /** Demo sign-in, then a sandbox Vercel token connected for the same user. */
    void signIn() throws IOException, InterruptedException {
        HttpResponse<String> session = http.send(post("/api/v1/dev/session", "{\"username\":\"bench\"}"),
                HttpResponse.BodyHandlers.ofString());
        check(session, 201);
        cookie = session.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("dg_session=")).findFirst().orElseThrow();
        String token = first(TOKEN, send(post("/sandbox/vercel/_sandbox/tokens", "{\"username\":\"bench\"}"), 201));
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/platforms/vercel/connection"))
                .header("Content-Type", "application/json").header("Origin", base).header("Cookie", cookie)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(), 200);
    }

    /** A new deployment of a one-file site (slow: the sandbox builds it at a fraction of the pace); its id. */
    String deploy(String project, boolean slow) throws IOException, InterruptedException {
        String marker = slow ? ",\".sandbox/slow-build\":{\"content\":\"yes\",\"encoding\":\"utf-8\"}" : "";
        return first(ID, send(post("/api/v1/deployments", "{\"platform\":\"vercel\",\"projectName\":\"" + project
                + "\",\"target\":\"preview\",\"files\":{\"index.html\":{\"content\":\"<h1>" + project + "</h1>\","
                + "\"encoding\":\"utf-8\"}" + marker + "}}"), 202));
    }

    void cancel(String id) throws IOException, InterruptedException {
        send(post("/api/v1/deployments/" + id + "/cancel", "{}"), 202);
    }

    /** The deployment's whole log, through the JSON long-poll form of the events route. */
    List<LoggedEvent> log(String id) throws IOException, InterruptedException {
        List<LoggedEvent> events = new ArrayList<>();
        String after = "0-0";
        for (int page = 0; page < 100; page++) {
            String body = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/deployments/" + id
                    + "/events?wait=0&after=" + after)).header("Accept", "application/json")
                    .header("Cookie", cookie).GET().build(), 200);
            Matcher m = EVENT.matcher(body);
            int before = events.size();
            while (m.find()) {
                events.add(new LoggedEvent(m.group(1), m.group(2), m.group(3)));
            }
            if (ENDED.matcher(body).find() || events.size() == before) {
                break;
            }
            after = events.get(events.size() - 1).id();
        }
        return events;
    }

    /** Upstream calls so far: "served <method> <uri>" by the sandbox, "client <method> <uri>" by the gateway. */
    Map<String, Double> upstreamCalls() throws IOException, InterruptedException {
        Map<String, Double> out = new TreeMap<>();
        for (String line : get("/q/metrics").split("\n")) {
            Matcher m = METRIC.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            String labels = m.group(2);
            double value = Double.parseDouble(m.group(3));
            if (m.group(1).equals("http_server_requests_seconds_count")) {
                String uri = label(labels, "uri");
                if (uri.startsWith("/sandbox/vercel/") && !uri.startsWith("/sandbox/vercel/_sandbox")
                        && !uri.startsWith("/sandbox/vercel/sites/") && !uri.startsWith("/sandbox/vercel/oauth/")) {
                    out.merge("served " + label(labels, "method") + " " + uri.substring("/sandbox/vercel".length()),
                            value, Double::sum);
                }
            } else if (m.group(1).equals("http_client_requests_seconds_count")
                    && labels.contains("clientName=\"vercel\"")) {
                out.merge("client " + label(labels, "method") + " " + label(labels, "uri"), value, Double::sum);
            }
        }
        return out;
    }

    /** The gateway's own Prometheus lines starting with {@code prefix}, histogram buckets left out. */
    String metricLines(String prefix) throws IOException, InterruptedException {
        StringBuilder out = new StringBuilder();
        for (String line : get("/q/metrics").split("\n")) {
            if (line.startsWith(prefix) && !line.contains("_bucket{")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), 200);
    }

    HttpRequest post(String path, String json) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.build();
    }

    String send(HttpRequest request, int expected) throws IOException, InterruptedException {
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

    private static String label(String labels, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : "";
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + text);
        }
        return m.group(1);
    }
}
