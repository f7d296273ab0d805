package dev.deploygateway.frontend;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A code generator's web site, on its own origin (allowed as a hand-off redirect by {@link BrowserTestApp}):
 * {@code /?link=…} is a page with a "Deploy" button that opens the hand-off link in a popup and records every
 * message the gateway posts back ({@code #messages}, only those from the gateway's origin); {@code /done} is where
 * the hand-off returns, showing the query it came back with ({@code #outcome}, one {@code key=value} per line).
 */
final class GeneratorSite implements AutoCloseable {

    private static final String PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generator</title></head><body>
            <h1>My generated app</h1>
            <button id="deploy" type="button">Deploy</button>
            <pre id="messages"></pre>
            <script>
            const link = new URLSearchParams(location.search).get('link');
            const gateway = new URL(link).origin;
            window.received = [];
            window.addEventListener('message', (e) => {
              if (e.origin !== gateway) { return; }
              window.received.push(e.data);
              document.getElementById('messages').textContent = JSON.stringify(window.received);
            });
            document.getElementById('deploy').addEventListener('click', () => window.open(link, 'deploy'));
            </script></body></html>
            """;

    private final HttpServer server;

    private GeneratorSite(HttpServer server) {
        this.server = server;
    }

    static String origin() {
        return "http://localhost:" + BrowserTestApp.generatorPort;
    }

    static GeneratorSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", BrowserTestApp.generatorPort), 0);
            server.createContext("/done", GeneratorSite::done);
            server.createContext("/", exchange -> respond(exchange, PAGE));
            server.start();
            return new GeneratorSite(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void done(HttpExchange exchange) throws IOException {
        Map<String, String> query = new TreeMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        StringBuilder lines = new StringBuilder();
        query.forEach((k, v) -> lines.append(escape(k)).append('=').append(escape(v)).append('\n'));
        respond(exchange, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Back at the generator"
                + "</title></head><body><h1>Deployed</h1><pre id=\"outcome\">" + lines + "</pre></body></html>");
    }

    private static void respond(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
